// The importers' entry points: each validates everything first, reports every problem with its place,
// and writes in one transaction — or writes nothing.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { withinTransaction, type Db } from '../src/lib/server/db/client';
import * as areas from '../src/lib/server/db/areas';
import * as stadsdelen from '../src/lib/server/db/stadsdelen';
import { parseBoundaries, type BoundaryFeature, type ParseOptions } from './cbs-boundaries';
import { parseStadsdelen } from './stadsdelen-csv';
import { ImportError, silent, type ImportProblem, type Progress } from './problems';
import { fetchOgcFeatures, type OgcSource } from './pdok-ogc';

export interface BoundaryImportResult {
	file: string;
	features: number;
	written: number;
	skippedWater: number;
	/** Invalid geometry that ST_MakeValid repaired; imported, but worth a look. */
	repaired: ImportProblem[];
}

async function checkAndWrite(
	db: Db,
	features: BoundaryFeature[],
	file: string,
	source: string,
	skippedWater: number
): Promise<BoundaryImportResult> {
	const problems: ImportProblem[] = [];
	const repaired: ImportProblem[] = [];
	for (const check of await areas.checkGeometries(db, features)) {
		if (check.valid) continue;
		const where = { file, feature: check.row, code: check.code, field: 'geometry' };
		if (check.repairable) repaired.push({ ...where, message: `ongeldig (${check.reason}); gerepareerd met ST_MakeValid` });
		else problems.push({ ...where, message: `ongeldig en niet te repareren (${check.reason})` });
	}
	if (problems.length) throw new ImportError(problems);
	const written = await db.transaction((tx) => areas.upsertBoundaries(tx, features, source));
	return { file, features: features.length, written, skippedWater, repaired };
}

/** Imports a GeoJSON document with CBS/PDOK property names. */
export async function importBoundaries(
	db: Db,
	document: unknown,
	options: ParseOptions & { source?: string }
): Promise<BoundaryImportResult> {
	const parsed = parseBoundaries(document, options);
	if (parsed.problems.length) throw new ImportError(parsed.problems);
	if (parsed.features.length === 0) throw new ImportError([{ file: options.file, message: 'geen gebieden gevonden' }]);
	return checkAndWrite(db, parsed.features, options.file, options.source ?? options.file, parsed.skippedWater);
}

export async function importBoundaryFile(db: Db, path: string, source?: string): Promise<BoundaryImportResult> {
	const file = basename(path);
	let document: unknown;
	try {
		document = JSON.parse(await readFile(path, 'utf8'));
	} catch (cause) {
		throw new ImportError([{ file, message: `geen leesbare JSON: ${(cause as Error).message}` }]);
	}
	return importBoundaries(db, document, { file, source: source ?? file });
}

/** Imports every page of a PDOK OGC API Features collection, following its `next` links. */
export async function importOgcCollection(
	db: Db,
	source: OgcSource,
	progress: Progress = silent
): Promise<BoundaryImportResult> {
	const { pages, srid } = await fetchOgcFeatures(source, progress);
	const file = source.url;
	const features: BoundaryFeature[] = [];
	const problems: ImportProblem[] = [];
	let skippedWater = 0;
	let firstRow = 1;
	for (const page of pages) {
		const parsed = parseBoundaries(page, { file, srid, year: source.year, firstRow });
		features.push(...parsed.features);
		problems.push(...parsed.problems);
		skippedWater += parsed.skippedWater;
		firstRow += (page as { features: unknown[] }).features.length;
	}
	// A code may not appear on two pages either.
	const seen = new Map<string, number>();
	for (const f of features) {
		const key = `${f.code}/${f.year}`;
		if (seen.has(key)) problems.push({ file, feature: f.row, code: f.code, field: 'code', message: `komt dubbel voor (ook feature ${seen.get(key)})` });
		else seen.set(key, f.row);
	}
	if (problems.length) throw new ImportError(problems);
	if (features.length === 0) throw new ImportError([{ file, message: 'geen gebieden gevonden' }]);
	return checkAndWrite(db, features, file, `PDOK OGC API ${source.url}`, skippedWater);
}

export interface StadsdelenImportResult {
	file: string;
	gemeenten: { gemeentecode: string; year: number; stadsdelen: number; buurten: number }[];
}

/** Imports a buurt → stadsdeel indeling; replaces the indeling of every gemeente it covers. */
export async function importStadsdelen(db: Db, text: string, file: string): Promise<StadsdelenImportResult> {
	const { assignments, problems } = parseStadsdelen(text, file);
	if (problems.length) throw new ImportError(problems);

	const buurten = new Map((await stadsdelen.currentBuurten(db)).map((b) => [b.code, b]));
	const byGemeente = new Map<string, typeof assignments>();
	for (const a of assignments) {
		const buurt = buurten.get(a.buurtcode);
		if (!buurt) {
			problems.push({ file, row: a.row, code: a.buurtcode, field: 'buurtcode', message: 'onbekende buurt (niet geladen)' });
			continue;
		}
		byGemeente.set(buurt.gemeentecode, [...(byGemeente.get(buurt.gemeentecode) ?? []), a]);
	}
	// An indeling covers every buurt of its gemeente, or the map would have holes.
	for (const [gemeentecode, rows] of byGemeente) {
		const assigned = new Set(rows.map((r) => r.buurtcode));
		for (const b of buurten.values()) {
			if (b.gemeentecode === gemeentecode && !assigned.has(b.code)) {
				problems.push({ file, code: b.code, field: 'buurtcode', message: `buurt van ${gemeentecode} ontbreekt in de indeling` });
			}
		}
	}
	if (problems.length) throw new ImportError(problems);

	const gemeenten: StadsdelenImportResult['gemeenten'] = [];
	await db.transaction(async (tx) => {
		for (const [gemeentecode, rows] of byGemeente) {
			const year = buurten.get(rows[0].buurtcode)!.year;
			const count = await stadsdelen.replaceIndeling(tx, gemeentecode, year, rows, file);
			gemeenten.push({ gemeentecode, year, stadsdelen: count, buurten: rows.length });
		}
	});
	return { file, gemeenten };
}

export async function importStadsdelenFile(db: Db, path: string): Promise<StadsdelenImportResult> {
	return importStadsdelen(db, await readFile(path, 'utf8'), basename(path));
}

/** The files a first start loads from the data directory, in the order they depend on each other. */
export const DEFAULT_FILES = {
	boundaries: [
		'cbs/gemeenten_2023_kwb/gemeenten_2023_kwb.geojson',
		'cbs/gebiedsindeling_2024_hengelo_enschede/gemeenten_2024_schematisch.geojson',
		'cbs/gebiedsindeling_2024_hengelo_enschede/wijken_2024_schematisch.geojson',
		'cbs/gebiedsindeling_2024_hengelo_enschede/buurten_2024_schematisch.geojson'
	],
	stadsdelen: ['gebieden/enschede_stadsdelen_buurten_2024.csv']
};

/** Loads (or reloads) everything a first start needs from the data directory, all or nothing. */
export async function importDefaults(outer: Db, dataDir: string, progress: Progress = silent): Promise<void> {
	await outer.transaction((tx) => importDefaultsIn(withinTransaction(tx, outer.kind), dataDir, progress));
}

async function importDefaultsIn(db: Db, dataDir: string, progress: Progress): Promise<void> {
	const steps = DEFAULT_FILES.boundaries.length + DEFAULT_FILES.stadsdelen.length;
	let step = 0;
	for (const path of DEFAULT_FILES.boundaries) {
		progress(`[${++step}/${steps}] gebieden uit ${path}`);
		const result = await importBoundaryFile(db, join(dataDir, path), `${path} (CBS/Kadaster, CC BY 4.0)`);
		progress(`      ${result.features} gebieden gelezen, ${result.written} nieuw of gewijzigd`);
	}
	for (const path of DEFAULT_FILES.stadsdelen) {
		progress(`[${++step}/${steps}] stadsdelen uit ${path}`);
		const result = await importStadsdelenFile(db, join(dataDir, path));
		for (const g of result.gemeenten) progress(`      ${g.gemeentecode}: ${g.stadsdelen} stadsdelen, ${g.buurten} buurten`);
	}
}
