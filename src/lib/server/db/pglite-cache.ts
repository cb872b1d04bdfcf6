// Two start-up caches for the embedded PGlite, in node_modules/.cache/wijkbeeld/. Their names carry the
// PGlite and PostGIS package versions, so an upgrade builds new ones; deleting the directory between starts is always safe.
//
// - postgis-<version>.tar.gz: the PostGIS bundle with only the `postgis` extension. PGlite unpacks the whole
//   bundle and compiles every library in it on each start, also a reopen; the published bundle (95 MB
//   unpacked) also holds postgis_raster and postgis_topology (31 MB of WebAssembly) and 22 MB of SQL scripts
//   of extensions we never create. Without them (42 MB left) every start is 1–2 s faster.
// - template-…/: a data directory right after initdb and CREATE EXTENSION postgis, shut down cleanly. An
//   empty data directory starts as a copy of it instead of running both again (15–35 s on a 2-core machine).
//   The first start without a template builds it, which costs one extra reopen (2–3 s) that one time.
//
// Whatever cannot be read or written here falls back to PGlite's own behaviour.
import { constants, existsSync, readFileSync } from 'node:fs';
import { access, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Extension, PGlite as PGliteClass } from '@electric-sql/pglite';

/** node_modules/.cache/wijkbeeld of the project, when there is a node_modules directory to keep it in. */
export function defaultCacheDir(): string | undefined {
	const modules = join(process.cwd(), 'node_modules');
	return existsSync(modules) ? join(modules, '.cache', 'wijkbeeld') : undefined;
}

async function writable(dir: string): Promise<boolean> {
	try {
		await mkdir(dir, { recursive: true });
		await access(dir, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

/** The version in the package.json one level above a package's dist/ file. */
function packageVersion(distFile: string): string {
	const json = JSON.parse(readFileSync(join(dirname(distFile), '..', 'package.json'), 'utf8'));
	return String(json.version);
}

// ---------- the PostGIS bundle ----------

/** Bundle entries of extensions other than `postgis` itself, which the app never creates. */
const UNUSED_ENTRIES = [
	/^lib\/postgresql\/postgis_(raster|topology)-[0-9]+\.so$/,
	/^share\/postgresql\/extension\/postgis_(raster|topology|tiger_geocoder)[-.]/,
	// CREATE EXTENSION … FROM unpackaged was removed in PostgreSQL 13.
	/^share\/postgresql\/extension\/postgis--unpackaged/,
	// Scripts for installing PostGIS without CREATE EXTENSION.
	/^share\/postgresql\/contrib\//
];
/** Without these the trimmed bundle is not used. */
const REQUIRED_ENTRIES = [
	'lib/postgresql/postgis-3.so',
	'share/postgresql/extension/postgis.control',
	'share/proj/proj.db'
];

function tarString(header: Buffer, start: number, length: number): string {
	const field = header.subarray(start, start + length);
	const end = field.indexOf(0);
	return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

/**
 * The entries of a tar archive that `keep` accepts, copied byte for byte into a new archive. Plain files,
 * links and directories only: anything else (long-name or pax headers) throws.
 */
export function filterTar(tar: Buffer, keep: (name: string) => boolean): { tar: Buffer; names: string[] } {
	const parts: Buffer[] = [];
	const names: string[] = [];
	let offset = 0;
	while (offset + 512 <= tar.length) {
		const header = tar.subarray(offset, offset + 512);
		if (header.every((byte) => byte === 0)) break;
		const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]);
		if (!'0125'.includes(type)) throw new Error(`tar: entry type ${type} not supported`);
		if (header[124] & 0x80) throw new Error('tar: base-256 size not supported');
		const size = parseInt(tarString(header, 124, 12).trim() || '0', 8);
		if (!Number.isFinite(size)) throw new Error('tar: unreadable size');
		const prefix = tarString(header, 257, 5) === 'ustar' ? tarString(header, 345, 155) : '';
		const name = (prefix ? `${prefix}/` : '') + tarString(header, 0, 100);
		const end = offset + 512 + Math.ceil(size / 512) * 512;
		if (end > tar.length) throw new Error('tar: truncated');
		if (keep(name)) {
			parts.push(tar.subarray(offset, end));
			names.push(name);
		}
		offset = end;
	}
	parts.push(Buffer.alloc(1024));
	return { tar: Buffer.concat(parts), names };
}

export interface PostgisBundle {
	extension: Extension;
	/** Package versions of PGlite and its PostGIS extension, for naming what depends on them. */
	versions: string;
}

/**
 * The postgis extension for PGlite.create: from the trimmed bundle in the cache (made on first use), or the
 * published one when there is no cache.
 */
export async function postgisBundle(cacheDir: string | undefined): Promise<PostgisBundle> {
	const { postgis } = await import('@electric-sql/pglite-postgis');
	try {
		// setup() only names the bundle and sets environment variables in the options it is given.
		const { bundlePath } = await postgis.setup(undefined as never, { PGLITE_ENV: {} });
		const original = fileURLToPath(bundlePath);
		const postgisVersion = packageVersion(original);
		const pgliteVersion = packageVersion(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
		const versions = `pglite-${pgliteVersion}-postgis-${postgisVersion}`;
		if (!cacheDir) return { extension: postgis, versions };
		const trimmed = join(cacheDir, `postgis-${postgisVersion}.tar.gz`);
		if (!existsSync(trimmed)) {
			if (!(await writable(cacheDir))) return { extension: postgis, versions };
			const { tar, names } = filterTar(gunzipSync(await readFile(original)), (name) => !UNUSED_ENTRIES.some((re) => re.test(name)));
			if (!REQUIRED_ENTRIES.every((name) => names.includes(name))) return { extension: postgis, versions };
			const tmp = `${trimmed}.${process.pid}.tmp`;
			await writeFile(tmp, gzipSync(tar));
			await rename(tmp, trimmed);
		}
		const url = pathToFileURL(trimmed);
		const extension: Extension = {
			name: postgis.name,
			setup: async (pg, emscriptenOpts) => ({ ...(await postgis.setup(pg, emscriptenOpts)), bundlePath: url })
		};
		return { extension, versions };
	} catch {
		return { extension: postgis, versions: 'unknown' };
	}
}

// ---------- the template data directory ----------

/** Present while a data directory is being filled from the template; PG_VERSION is copied last. */
const SEEDING = '.wijkbeeld-seeding';

async function buildTemplate(template: string, cacheDir: string, PGlite: typeof PGliteClass, postgis: Extension): Promise<void> {
	const building = await mkdtemp(join(cacheDir, 'building-'));
	try {
		const pg = await PGlite.create({ dataDir: join(building, 'data'), extensions: { postgis } });
		await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis');
		await pg.close();
		await rename(join(building, 'data'), template).catch((error) => {
			// Another process built one at the same time: use that.
			if (!existsSync(join(template, 'PG_VERSION'))) throw error;
		});
	} finally {
		await rm(building, { recursive: true, force: true });
	}
}

async function clear(dir: string): Promise<void> {
	for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
}

/**
 * Fills an empty data directory with a copy of the template (initdb + CREATE EXTENSION postgis), building the
 * template first when there is none yet. Returns whether it did. A data directory with anything else in it,
 * no cache, or any failure leaves the directory to PGlite, which then runs initdb as it always does.
 */
export async function seedDataDir(
	dataDir: string,
	cacheDir: string | undefined,
	PGlite: typeof PGliteClass,
	bundle: PostgisBundle
): Promise<boolean> {
	if (!cacheDir || bundle.versions === 'unknown') return false;
	const entries = await readdir(dataDir);
	if (entries.includes('PG_VERSION')) {
		// A seed that was interrupted after its last file is complete.
		if (entries.includes(SEEDING)) await rm(join(dataDir, SEEDING), { force: true });
		return false;
	}
	// Empty, or a seed that was interrupted: anything else is not ours to touch.
	if (entries.length > 0 && !entries.includes(SEEDING)) return false;
	try {
		const template = join(cacheDir, `template-${bundle.versions}`);
		if (!existsSync(join(template, 'PG_VERSION'))) {
			if (!(await writable(cacheDir))) return false;
			await buildTemplate(template, cacheDir, PGlite, bundle.extension);
		}
		await clear(dataDir);
		await writeFile(join(dataDir, SEEDING), '');
		for (const entry of await readdir(template)) {
			if (entry !== 'PG_VERSION') await cp(join(template, entry), join(dataDir, entry), { recursive: true });
		}
		await cp(join(template, 'PG_VERSION'), join(dataDir, 'PG_VERSION'));
		await rm(join(dataDir, SEEDING));
		return true;
	} catch {
		// Leave an empty directory, as it was.
		if (existsSync(join(dataDir, SEEDING))) await clear(dataDir).catch(() => undefined);
		return false;
	}
}
