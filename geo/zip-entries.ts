// Reading a zip (an XLSX workbook is one) without trusting it: the central directory is checked before anything
// is unpacked (number of entries, declared sizes, compression ratio), and every entry is then inflated in chunks
// that stop as soon as it grows past what it declared. A zip bomb (1 MB that unpacks to 400 MB) is refused in
// milliseconds, with memory bounded by the limits, instead of taking the server down.
import { Inflate } from 'fflate';

export interface ZipLimits {
	/** The most entries; an XLSX workbook has about a dozen. */
	maxEntries: number;
	/** The largest uncompressed entry. */
	maxEntryBytes: number;
	/** All entries together, uncompressed. */
	maxTotalBytes: number;
	/** Uncompressed / compressed, checked for entries over 1 MB (plain XML reaches about 30, a bomb about 1000). */
	maxRatio: number;
}

/** Generous for a 5,000-row workbook (its sheet is a few MB of XML), far below what hurts the server. */
export const WORKBOOK_LIMITS: ZipLimits = { maxEntries: 200, maxEntryBytes: 25 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024, maxRatio: 200 };

/** Why a zip is refused, in Dutch, for the user: over a limit, or broken (not a zip one can read). */
export class ZipLimitError extends Error {
	constructor(
		message: string,
		readonly kind: 'limit' | 'corrupt' = 'limit'
	) {
		super(message);
	}
}
const corrupt = (message: string) => new ZipLimitError(message, 'corrupt');

interface Entry {
	name: string;
	method: number;
	compressedSize: number;
	size: number;
	localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

function centralDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	// The end record sits in the last 22 bytes plus a comment of at most 65,535.
	let eocd = -1;
	for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
		if (view.getUint32(i, true) === EOCD) {
			eocd = i;
			break;
		}
	}
	if (eocd < 0) throw corrupt('het zip-archief is beschadigd (geen inhoudsopgave gevonden)');
	const count = view.getUint16(eocd + 10, true);
	const offset = view.getUint32(eocd + 16, true);
	if (count === 0xffff || offset === 0xffffffff) throw new ZipLimitError('het zip-archief is te groot (zip64)');
	if (count > limits.maxEntries) throw new ZipLimitError(`het zip-archief heeft ${count} bestanden; een werkmap heeft er hoogstens ${limits.maxEntries}`);
	const entries: Entry[] = [];
	let total = 0;
	let at = offset;
	for (let i = 0; i < count; i++) {
		if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw corrupt('het zip-archief is beschadigd (inhoudsopgave onleesbaar)');
		const nameLength = view.getUint16(at + 28, true);
		const entry: Entry = {
			method: view.getUint16(at + 10, true),
			compressedSize: view.getUint32(at + 20, true),
			size: view.getUint32(at + 24, true),
			name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			localOffset: view.getUint32(at + 42, true)
		};
		at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
		if (entry.method !== 0 && entry.method !== 8) throw corrupt(`${entry.name} is gecomprimeerd op een onbekende manier`);
		if (entry.size > limits.maxEntryBytes) {
			throw new ZipLimitError(`${entry.name} pakt uit tot ${Math.round(entry.size / MB)} MB; hoogstens ${limits.maxEntryBytes / MB} MB per onderdeel`);
		}
		if (entry.size > MB && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
			throw new ZipLimitError(`${entry.name} is verdacht sterk gecomprimeerd (${Math.round(entry.size / Math.max(1, entry.compressedSize))}×); dit lijkt een zip-bom`);
		}
		// Deflate never makes data much larger: a compressed size far above the declared one is a lie about the latter.
		if (entry.compressedSize > entry.size + entry.size / 100 + 1024) throw new ZipLimitError(`${entry.name} geeft een onjuiste grootte op`);
		total += entry.size;
		if (total > limits.maxTotalBytes) throw new ZipLimitError(`de werkmap pakt uit tot meer dan ${limits.maxTotalBytes / MB} MB`);
		entries.push(entry);
	}
	return entries;
}

/** Inflates one entry, refusing it the moment it produces more than it declared. */
function inflateBounded(bytes: Uint8Array, entry: Entry): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const at = entry.localOffset;
	if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt(`${entry.name}: beschadigd zip-archief`);
	const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (data.length !== entry.compressedSize) throw corrupt(`${entry.name}: het zip-archief is afgekapt`);
	if (entry.method === 0) {
		if (entry.compressedSize !== entry.size) throw new ZipLimitError(`${entry.name} geeft een onjuiste grootte op`);
		return data;
	}
	const out = new Uint8Array(entry.size);
	let produced = 0;
	let tooLarge = false;
	const inflate = new Inflate((chunk) => {
		if (produced + chunk.length > entry.size) tooLarge = true;
		else out.set(chunk, produced);
		produced += chunk.length;
	});
	const CHUNK = 16 * 1024;
	for (let i = 0; i < data.length && !tooLarge; i += CHUNK) inflate.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
	if (tooLarge) throw new ZipLimitError(`${entry.name} pakt uit tot meer dan het opgeeft; dit lijkt een zip-bom`);
	if (produced !== entry.size) throw corrupt(`${entry.name} pakt uit tot minder dan het opgeeft; het zip-archief is beschadigd`);
	return out;
}

/**
 * The entries of a zip, unpacked within `limits` (directories left out). Throws ZipLimitError, with a message for
 * the user, for anything over the limits or inconsistent.
 */
export function unzipBounded(bytes: Uint8Array, limits: ZipLimits = WORKBOOK_LIMITS): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	for (const entry of centralDirectory(bytes, limits)) {
		if (entry.name.endsWith('/')) continue;
		files.set(entry.name, inflateBounded(bytes, entry));
	}
	return files;
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/**
 * The path of a workbook's first worksheet (`xl/worksheets/sheet1.xml`), from xl/workbook.xml and its relations;
 * null when the workbook does not say.
 */
export function firstWorksheetPath(files: Map<string, Uint8Array>): string | null {
	const text = (name: string) => (files.has(name) ? new TextDecoder().decode(files.get(name)) : '');
	const sheet = /<(?:\w+:)?sheet\s[^>]*>/.exec(text('xl/workbook.xml'))?.[0];
	const id = sheet && attribute(sheet, 'r:id');
	if (!id) return null;
	for (const [relation] of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\s[^>]*>/g)) {
		if (attribute(relation, 'Id') !== id) continue;
		const target = attribute(relation, 'Target');
		if (!target) return null;
		return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
	}
	return null;
}
