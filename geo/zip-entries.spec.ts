import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { WORKBOOK_LIMITS, ZipLimitError, firstWorksheetPath, unzipBounded } from './zip-entries';

const MB = 1024 * 1024;

/** Patches the uncompressed size the central directory declares for entry `index`. */
function declareSize(zip: Uint8Array, index: number, size: number): Uint8Array {
	const copy = zip.slice();
	const view = new DataView(copy.buffer);
	let eocd = copy.length - 22;
	while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
	let at = view.getUint32(eocd + 16, true);
	for (let i = 0; i < index; i++) at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
	view.setUint32(at + 24, size, true);
	return copy;
}

function refusal(bytes: Uint8Array): ZipLimitError {
	try {
		unzipBounded(bytes);
	} catch (error) {
		if (error instanceof ZipLimitError) return error;
		throw error;
	}
	throw new Error('not refused');
}

describe('unzipBounded', () => {
	it('unpacks an ordinary zip', () => {
		const files = unzipBounded(zipSync({ 'a.xml': strToU8('<a/>'), 'map/': new Uint8Array(), 'b.txt': [strToU8('x'.repeat(5000)), { level: 6 }] }));
		expect([...files.keys()]).toEqual(['a.xml', 'b.txt']);
		expect(files.get('b.txt')!.length).toBe(5000);
	});

	it('refuses an entry that declares more than the limit, before unpacking it', () => {
		const zip = zipSync({ 'xl/worksheets/sheet1.xml': [new Uint8Array(30 * MB), { level: 1 }] });
		expect(refusal(zip).message).toMatch(/sheet1\.xml pakt uit tot 30 MB; hoogstens 25 MB/);
	});

	it('refuses a suspicious compression ratio (zeros compress about 1000×)', () => {
		const zip = zipSync({ 'xl/sharedStrings.xml': [new Uint8Array(5 * MB), { level: 9 }] });
		expect(refusal(zip).message).toMatch(/verdacht sterk gecomprimeerd .*zip-bom/);
	});

	it('refuses an entry that unpacks to more than it declares, and stops early', () => {
		const zip = zipSync({ 'xl/worksheets/sheet1.xml': [strToU8('<row/>'.repeat(2 * MB)), { level: 9 }] });
		const lying = declareSize(zip, 0, 200_000);
		const error = refusal(lying);
		expect(error.message).toMatch(/meer dan het opgeeft/);
		expect(error.kind).toBe('limit');
	});

	it('refuses too many entries and too much in total', () => {
		const many = Object.fromEntries(Array.from({ length: WORKBOOK_LIMITS.maxEntries + 1 }, (_, i) => [`f${i}.xml`, strToU8('<a/>')]));
		expect(refusal(zipSync(many)).message).toMatch(/201 bestanden/);
		const parts = zipSync(Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`part${i}.bin`, [new Uint8Array(MB).fill(i), { level: 0 }] as const])));
		expect(unzipBounded(parts).size).toBe(3);
		expect(() => unzipBounded(parts, { ...WORKBOOK_LIMITS, maxTotalBytes: 2.5 * MB })).toThrow(/pakt uit tot meer dan 2\.5 MB/);
	});

	it('calls a broken zip broken, not too large', () => {
		expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])).kind).toBe('corrupt');
	});
});

describe('firstWorksheetPath', () => {
	it('follows the workbook to its first sheet', () => {
		const files = new Map([
			['xl/workbook.xml', strToU8('<workbook><sheets><sheet name="Tweede" sheetId="2" r:id="rId7"/><sheet name="B" sheetId="1" r:id="rId1"/></sheets></workbook>')],
			['xl/_rels/workbook.xml.rels', strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Target="worksheets/sheet2.xml" Id="rId7"/></Relationships>')]
		]);
		expect(firstWorksheetPath(files)).toBe('xl/worksheets/sheet2.xml');
		expect(firstWorksheetPath(new Map())).toBeNull();
	});
});
