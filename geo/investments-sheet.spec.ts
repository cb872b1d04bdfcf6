// The investment sheet reader without a database: Dutch numbers and dates, the partner's quirks, XLSX written
// with exceljs here, files that are no spreadsheet. Golden files: every geo/fixtures/in/investments/* is read
// and compared with geo/fixtures/out/investments-<name>.json (`REGEN=1` rewrites them).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import {
	INVESTMENT_COLUMNS,
	SheetError,
	parseDutchDate,
	parseDutchNumber,
	parseStatus,
	readInvestmentSheet,
	type Sheet,
	type SheetFile
} from './investments-sheet';
import { fixturesDir, matchGolden } from './fixtures/golden';

const dir = join(fixturesDir, 'in', 'investments');
const fixture = (name: string): SheetFile => ({ name, bytes: readFileSync(join(dir, name)) });
const encode = (text: string): SheetFile['bytes'] => new TextEncoder().encode(text);
const HEADER = INVESTMENT_COLUMNS.join(';');

/** The rejection of reading `file`, which must be a SheetError. */
async function sheetError(file: SheetFile, options: { maxRows?: number } = {}): Promise<SheetError> {
	const error = await readInvestmentSheet(file, options).then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(SheetError);
	return error as SheetError;
}

const problemsOf = (sheet: Sheet) => sheet.rows.flatMap((r) => r.problems);

describe('investment sheet golden files', () => {
	const names = readdirSync(dir).sort();

	it('has fixtures for the awkward inputs', () => {
		expect(names.length).toBeGreaterThanOrEqual(10);
	});

	it.each(names)('%s', async (name) => {
		const result = await readInvestmentSheet(fixture(name)).then(
			(sheet) => ({ format: sheet.format, rows: sheet.rows }),
			(error: unknown) => {
				if (!(error instanceof SheetError)) throw error;
				return { error: error.message, reason: error.reason, problems: error.problems };
			}
		);
		matchGolden(`investments-${name.replace(/\.\w+$/, '')}`, result);
	});
});

describe('parseDutchNumber', () => {
	it.each([
		['6.200.000', 6200000],
		['1.234,50', 1234.5],
		['52,2701', 52.2701],
		['450.000', 450000],
		['148', 148],
		['12.5', 12.5],
		['€ 2.500.000', 2500000],
		['1\u00a0234\u00a0500', 1234500],
		['-250.000', -250000],
		['', null],
		['  ', null]
	])('%s → %s', (text, value) => {
		expect(parseDutchNumber(text)).toEqual({ value });
	});

	it.each(['12abc', '1,234.50', '1.23.4', 'zes', '1.2345,6'])('refuses %s', (text) => {
		expect(parseDutchNumber(text)).toHaveProperty('error');
	});

	it('reads a dot in a coordinate as a decimal point', () => {
		expect(parseDutchNumber('6.813', { coordinate: true })).toEqual({ value: 6.813 });
		expect(parseDutchNumber('6.813')).toEqual({ value: 6813 });
	});

	it('takes real numbers from XLSX as they are', () => {
		expect(parseDutchNumber(4050000)).toEqual({ value: 4050000 });
		expect(parseDutchNumber(null)).toEqual({ value: null });
	});
});

describe('parseDutchDate', () => {
	it.each([
		['01-09-2024', '2024-09-01'],
		['1-9-2024', '2024-09-01'],
		['29-02-2024', '2024-02-29'],
		['31/12/2026', '2026-12-31'],
		['2026-12-31', '2026-12-31']
	])('%s → %s', (text, iso) => {
		expect(parseDutchDate(text)).toEqual({ value: iso });
	});

	it('checks the calendar', () => {
		expect(parseDutchDate('31-02-2025')).toEqual({ error: '31-02-2025 bestaat niet in de kalender' });
		expect(parseDutchDate('29-02-2025')).toHaveProperty('error');
		expect(parseDutchDate('01-13-2025')).toHaveProperty('error');
	});

	it.each(['', '2025', '09-2024', 'morgen', '01-09-24'])('refuses %j', (text) => {
		expect(parseDutchDate(text)).toHaveProperty('error');
	});

	it('reads XLSX dates (UTC) and Excel day numbers', () => {
		expect(parseDutchDate(new Date(Date.UTC(2024, 8, 1)))).toEqual({ value: '2024-09-01' });
		// A date read back through floating point, a millisecond before midnight.
		expect(parseDutchDate(new Date(Date.UTC(2024, 8, 1) - 1))).toEqual({ value: '2024-09-01' });
		expect(parseDutchDate(45536)).toEqual({ value: '2024-09-01' });
		expect(parseDutchDate(12)).toHaveProperty('error');
	});
});

describe('parseStatus', () => {
	it.each([
		['in uitvoering', 'in_uitvoering'],
		['In Uitvoering', 'in_uitvoering'],
		['gepland', 'gepland'],
		['in voorbereiding', 'in_voorbereiding'],
		['afgerond', 'afgerond'],
		['in-voorbereiding', 'in_voorbereiding']
	])('%s → %s', (text, status) => {
		expect(parseStatus(text)).toEqual({ value: status });
	});

	it('lists the allowed statuses for an unknown one', () => {
		expect(parseStatus('bezig')).toEqual({
			error: '"bezig" is onbekend; kies in voorbereiding, gepland, in uitvoering, afgerond of vervallen'
		});
	});
});

describe('readInvestmentSheet: CSV', () => {
	it('reads the demo delivery: 13 rows, no problems, all synthetic', async () => {
		const sheet = await readInvestmentSheet(fixture('demo.csv'));
		expect(sheet.format).toBe('csv');
		expect(sheet.rows).toHaveLength(13);
		expect(problemsOf(sheet)).toEqual([]);
		expect(sheet.rows.every((r) => r.synthetic)).toBe(true);
		const first = sheet.rows[0];
		expect(first.row).toBe(2);
		expect(first.input).toMatchObject({
			partner: 'Welbions',
			buurtcode: 'BU01640202',
			startDate: '2024-09-01',
			endDate: '2026-12-31',
			dwellings: 148,
			amountEur: 6200000,
			status: 'in_uitvoering'
		});
	});

	it('gives back to toelichting the text an unquoted ";" split off', async () => {
		const sheet = await readInvestmentSheet(fixture('demo.csv'));
		const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
		// Groot Driene-Zuid: located by coordinate only, with "DEMODATA; alleen coördinaat bekend".
		expect(byRow.get(5)!.input).toMatchObject({
			buurtcode: null,
			point: { type: 'Point', coordinates: [6.8211, 52.2589] },
			amountEur: 31500000,
			status: 'in_voorbereiding',
			notes: 'DEMODATA; alleen coördinaat bekend'
		});
		expect(byRow.get(8)!.input!.notes).toBe('DEMODATA; warmtetransitie wijk voor wijk');
		expect(byRow.get(8)!.input!.dwellings).toBeNull();
		// A buurtcode and a coordinate: both kept (the buurtcode decides where, the point is the symbol).
		expect(byRow.get(3)!.input).toMatchObject({ buurtcode: 'BU01640202', point: { coordinates: [6.8131, 52.2701] } });
	});

	it('reports every problem at its spreadsheet row and column', async () => {
		const sheet = await readInvestmentSheet(fixture('fouten.csv'));
		expect(problemsOf(sheet)).toEqual([
			{ row: 5, field: 'start', message: '31-02-2025 bestaat niet in de kalender' },
			{ row: 6, field: 'investering_eur', message: 'bedrag mag niet negatief zijn (-250.000)' },
			{ row: 7, field: 'eind', message: 'het einde (31-12-2024) ligt voor het begin (01-06-2025)' },
			{ row: 8, field: 'partner', message: 'partner ontbreekt' }
		]);
		// Unknown buurtcode and a coordinate outside the gemeenten are for the database to decide.
		expect(sheet.rows.find((r) => r.row === 3)!.input).not.toBeNull();
		expect(sheet.rows.find((r) => r.row === 4)!.input).not.toBeNull();
	});

	it('counts rows as a spreadsheet: line breaks inside quotes, empty lines and empty rows', async () => {
		const sheet = await readInvestmentSheet(fixture('waarden.csv'));
		const rows = sheet.rows.map((r) => r.row);
		// Line 14 (only delimiters) is skipped; "Meerdere regels" is row 15 over 3 lines; the empty line is row 16.
		expect(rows).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 17]);
		const byName = new Map(sheet.rows.map((r) => [r.projectName, r]));
		expect(byName.get('Meerdere\nregels')!.input!.notes).toBe('toelichting over\ntwee regels');
		expect(byName.get('Na lege regel')!.input!.status).toBe('vervallen');
	});

	it('reads the formats partners write and explains the ones it cannot', async () => {
		const sheet = await readInvestmentSheet(fixture('waarden.csv'));
		const problems = (name: string) => sheet.rows.find((r) => r.projectName === name)!.problems.map((p) => [p.field, p.message]);
		expect(problems('Getal met letters')).toEqual([['aantal_woningen', 'geen getal: "12abc" (schrijf bijvoorbeeld 1.234.500 of 52,2701)']]);
		expect(problems('Halve woning')).toEqual([['aantal_woningen', '12,5 is geen heel aantal woningen']]);
		expect(problems('Onbekende status')[0][0]).toBe('status');
		expect(problems('Lat zonder lon')).toEqual([['lon', 'lat zonder lon: vul beide in, of geen van beide']]);
		expect(problems('Verwisseld')[0][1]).toMatch(/lijken verwisseld/);
		expect(problems('RD in plaats van graden')[0][1]).toMatch(/RD-coördinaat/);
		expect(problems('Geen buurtcode')[0]).toEqual(['buurtcode', '"BU164" is geen buurtcode (BU + 8 cijfers, zoals BU01640202)']);
		expect(problems('Nergens')).toEqual([['buurtcode', 'geen plaats: geef een buurtcode of een coördinaat (lat en lon)']]);
		expect(problems('Zonder datums').map((p) => p[0])).toEqual(['start', 'eind']);
		expect(problems('Engels bedrag')[0][0]).toBe('investering_eur');
		expect(sheet.rows.find((r) => r.projectName === 'Euroteken en notaties')!.input).toMatchObject({
			point: { coordinates: [6.8131, 52.2701] },
			startDate: '2024-09-01',
			endDate: '2026-12-31',
			dwellings: 1200,
			amountEur: 2500000,
			status: 'in_uitvoering'
		});
		expect(sheet.rows.find((r) => r.row === 13)!.problems.map((p) => p.field)).toEqual(['partner', 'projectnaam', 'maatregel']);
	});

	it('reads a comma-separated file when its header says so', async () => {
		const sheet = await readInvestmentSheet(fixture('komma.csv'));
		expect(problemsOf(sheet)).toEqual([]);
		expect(sheet.rows[0].input).toMatchObject({
			point: { coordinates: [6.8131, 52.2701] },
			amountEur: 4050000,
			notes: 'DEMODATA; met komma, tussen aanhalingstekens'
		});
	});

	it('reads UTF-8 with a BOM and CRLF, and Windows-1252 from Excel', async () => {
		const bom = await readInvestmentSheet(fixture('bom-crlf.csv'));
		expect(bom.rows.map((r) => r.row)).toEqual([2, 3, 4]);
		expect(bom.rows[0].partner).toBe('Welbions');
		expect(problemsOf(bom)).toEqual([]);
		const cp1252 = await readInvestmentSheet(fixture('windows-1252.csv'));
		expect(cp1252.rows[0].input).toMatchObject({ projectName: 'Coördinatie buitenruimte', notes: 'Excel op Windows: coördinaat, € en één' });
	});
});

describe('readInvestmentSheet: files that are not an investment sheet', () => {
	it.each([
		['leeg.csv', new Uint8Array(), 'leeg.csv: het bestand is leeg'],
		['document.pdf', readFileSync(join(dir, 'document.pdf')), 'document.pdf: is geen CSV- of XLSX-bestand: het is een PDF-document'],
		['kaart.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'kaart.png: is geen CSV- of XLSX-bestand: het is een PNG-afbeelding'],
		['ruis.csv', new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)), 'ruis.csv: is geen CSV- of XLSX-bestand'],
		['oud.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), expect.stringContaining('oud Excel')],
		['archief.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), expect.stringContaining('zip-archief')],
		['kapot.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'kapot.xlsx: is geen leesbare XLSX-werkmap (een zip-bestand, maar geen Excel-werkmap)'],
		['tekst.xlsx', encode(`${HEADER}\n`), 'tekst.xlsx: heet .xlsx maar is geen Excel-werkmap']
	])('%s', async (name, bytes, message) => {
		const error = await sheetError({ name, bytes });
		expect(error.message).toEqual(message);
		expect(error.reason).toBe(name.endsWith('.csv') && name !== 'ruis.csv' ? 'content' : 'format');
	});

	it('names the missing columns', async () => {
		const error = await sheetError(fixture('kolom-ontbreekt.csv'));
		expect(error.message).toMatch(/^kolom-ontbreekt\.csv: kolom\(men\) ontbreken: aantal_woningen, investering_eur \(gevonden: partner, /);
		expect(error.problems).toEqual([
			{ row: 1, field: 'aantal_woningen', message: 'kolom "aantal_woningen" ontbreekt' },
			{ row: 1, field: 'investering_eur', message: 'kolom "investering_eur" ontbreekt' }
		]);
	});

	it('says when there are no rows, or too many', async () => {
		expect((await sheetError(fixture('alleen-kopregel.csv'))).message).toBe('alleen-kopregel.csv: het bestand heeft een kopregel maar geen rijen');
		const row = 'Welbions;P;isolatie;BU01640202;;;01-01-2025;31-12-2025;;;gepland;\n';
		const many = encode(`${HEADER}\n${row.repeat(5001)}`);
		const error = await sheetError({ name: 'veel.csv', bytes: many });
		expect(error.reason).toBe('too_large');
		expect(error.message).toBe('veel.csv: het bestand heeft 5001 rijen; lees er hoogstens 5000 tegelijk in');
	});
});

describe('readInvestmentSheet: XLSX', () => {
	it('refuses a zip bomb quickly, before unpacking it', async () => {
		const book = new ExcelJS.Workbook();
		book.addWorksheet('Investeringen').addRow(INVESTMENT_COLUMNS as unknown as string[]);
		const files = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
		// The sheet becomes 30 MB of zeros: about 30 kB compressed.
		files['xl/worksheets/sheet1.xml'] = new Uint8Array(30 * 1024 * 1024);
		const bomb = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 9 }] as const])));
		expect(bomb.length).toBeLessThan(100_000);
		const error = await sheetError({ name: 'bom.xlsx', bytes: bomb });
		expect(error.reason).toBe('too_large');
		expect(error.message).toMatch(/^bom\.xlsx: xl\/worksheets\/sheet1\.xml pakt uit tot 30 MB/);
	});

	it('reads only the first worksheet, and stops at the row limit before reading cells', async () => {
		const book = new ExcelJS.Workbook();
		const first = book.addWorksheet('Investeringen');
		first.addRow(INVESTMENT_COLUMNS as unknown as string[]);
		for (let i = 0; i < 12; i++) first.addRow(['Welbions', `P${i}`, 'isolatie', 'BU01640202']);
		book.addWorksheet('Notities').addRow(['geen kolommen']);
		const error = await sheetError({ name: 'lang.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) }, { maxRows: 10 });
		expect(error.message).toBe('lang.xlsx: het bestand heeft meer dan 10 rijen; lees er hoogstens 10 tegelijk in');
	});

	it('reads the sheet row by row: what lies past the row limit is never parsed', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Investeringen');
		sheet.addRow(INVESTMENT_COLUMNS as unknown as string[]);
		for (let i = 0; i < 5000; i++) sheet.addRow(['Welbions', `P${i}`, 'isolatie', 'BU01640202', 'gepland', 'toelichting die de rij wat langer maakt']);
		const files = unzipSync(new Uint8Array(await book.xlsx.writeBuffer()));
		// The sheet's XML (about 1 MB) broken from row 4000 on: a reader that parses the whole sheet fails on it.
		const xml = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
		const at = xml.indexOf('<row r="4000"');
		files['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(`${xml.slice(0, at)}</kapot>${xml.slice(at)}`);
		const bytes = zipSync(files);
		expect((await sheetError({ name: 'afgebroken.xlsx', bytes }, { maxRows: 10 })).message).toBe('afgebroken.xlsx: het bestand heeft meer dan 10 rijen; lees er hoogstens 10 tegelijk in');
		expect((await sheetError({ name: 'afgebroken.xlsx', bytes }, { maxRows: 5000 })).message).toBe('afgebroken.xlsx: is geen leesbare XLSX-werkmap (een zip-bestand, maar geen Excel-werkmap)');
	});

	async function workbook(fill: (sheet: ExcelJS.Worksheet) => void, name = 'levering.xlsx'): Promise<SheetFile> {
		const book = new ExcelJS.Workbook();
		fill(book.addWorksheet('Investeringen'));
		book.addWorksheet('Toelichting').addRow(['Dit werkblad wordt niet gelezen']);
		return { name, bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
	}

	it('reads the first worksheet: real numbers and dates, and text in Dutch formats', async () => {
		const file = await workbook((sheet) => {
			sheet.addRow(INVESTMENT_COLUMNS.map((c) => c.toUpperCase()));
			sheet.addRow(['Welbions', 'Echte getallen', 'isolatie', 'BU01640202', 52.2701, 6.8131, new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2027, 5, 30)), 96, 4050000, 'gepland', 'DEMODATA']);
			sheet.addRow(['Welbions', 'Tekst', 'isolatie', '', '52,2589', '6,8211', '01-06-2027', '31-12-2030', '210', '31.500.000', 'in voorbereiding', 'DEMODATA; alleen coördinaat bekend']);
			sheet.addRow([]);
			sheet.addRow([
				{ richText: [{ text: 'Gemeente ' }, { font: { bold: true }, text: 'Hengelo' }] },
				{ text: 'Met link', hyperlink: 'https://example.org/project' },
				'openbare ruimte',
				'BU01640900',
				null,
				null,
				45444,
				{ formula: 'DATE(2025,12,31)', result: new Date(Date.UTC(2025, 11, 31)) },
				null,
				{ formula: '300000+150000', result: 450000 },
				'afgerond',
				null
			]);
		});
		const sheet = await readInvestmentSheet(file);
		expect(sheet.format).toBe('xlsx');
		expect(problemsOf(sheet)).toEqual([]);
		expect(sheet.rows.map((r) => r.row)).toEqual([2, 3, 5]);
		expect(sheet.rows[0].input).toMatchObject({
			point: { coordinates: [6.8131, 52.2701] },
			startDate: '2025-03-01',
			endDate: '2027-06-30',
			dwellings: 96,
			amountEur: 4050000,
			status: 'gepland'
		});
		expect(sheet.rows[1].input).toMatchObject({ buurtcode: null, point: { coordinates: [6.8211, 52.2589] }, startDate: '2027-06-01', amountEur: 31500000, notes: 'DEMODATA; alleen coördinaat bekend' });
		expect(sheet.rows[1].synthetic).toBe(true);
		expect(sheet.rows[2].input).toMatchObject({
			partner: 'Gemeente Hengelo',
			projectName: 'Met link',
			startDate: '2024-06-01',
			endDate: '2025-12-31',
			amountEur: 450000,
			notes: ''
		});
		expect(sheet.rows[2].synthetic).toBe(false);
	});

	it('reports bad cells at their row and column', async () => {
		const file = await workbook((sheet) => {
			sheet.addRow([...INVESTMENT_COLUMNS]);
			sheet.addRow(['Welbions', 'Fout', 'isolatie', 'BU01640202', null, null, '31-02-2025', new Date(Date.UTC(2024, 0, 1)), -3, { error: '#DIV/0!' }, 'klaar', null]);
		});
		const sheet = await readInvestmentSheet(file);
		expect(problemsOf(sheet).map((p) => [p.row, p.field])).toEqual([
			[2, 'investering_eur'],
			[2, 'start'],
			[2, 'aantal_woningen'],
			[2, 'status']
		]);
		expect(problemsOf(sheet)[0].message).toBe('cel bevat een fout (#DIV/0!)');
	});

	it('names the missing columns of a workbook', async () => {
		const file = await workbook((sheet) => {
			sheet.addRow(['partner', 'project', 'start']);
			sheet.addRow(['Welbions', 'X', '01-01-2025']);
		});
		const error = await sheetError(file);
		expect(error.message).toMatch(/^levering\.xlsx: kolom\(men\) ontbreken: projectnaam, maatregel, eind, aantal_woningen, investering_eur, status, buurtcode \(of lat en lon\)/);
	});
});
