// Reads a partner's investment spreadsheet — CSV as in shared/data/demo/partner_investeringen_demo.csv
// (`;`, Dutch numbers, dd-mm-yyyy) or an XLSX workbook — into checked InvestmentInputs, one per row, with
// every problem at its spreadsheet row and column. No database here: locating the rows in PostGIS and
// writing them is src/lib/server/import/investments.ts.
import { Readable } from 'node:stream';
import { parseDutchNumber as parseDutch } from '../src/lib/domain/dutch-number';
import { BUURT_CODE } from '../src/lib/domain/areas';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { WORKBOOK_LIMITS, ZipLimitError, firstWorksheetPath, unzipBounded } from './zip-entries';
import {
	INVESTMENT_STATUSES,
	INVESTMENT_STATUS_LABELS,
	investmentInputSchema,
	type InvestmentInput,
	type InvestmentStatus
} from '../src/lib/domain/register';
import { SHEET_MAX_ROWS } from '../src/lib/domain/upload';
import type { RowProblem } from '../src/lib/domain/import-result';
import { mentionsSynthetic } from './monitor-common';

export const INVESTMENT_COLUMNS = [
	'partner',
	'projectnaam',
	'maatregel',
	'buurtcode',
	'lat',
	'lon',
	'start',
	'eind',
	'aantal_woningen',
	'investering_eur',
	'status',
	'toelichting'
] as const;
export type InvestmentColumn = (typeof INVESTMENT_COLUMNS)[number];
/** Columns a file must have; the place may be a buurtcode column, lat + lon, or both. */
const REQUIRED_COLUMNS: InvestmentColumn[] = ['partner', 'projectnaam', 'maatregel', 'start', 'eind', 'aantal_woningen', 'investering_eur', 'status'];

/** What comes in: an uploaded file or a file from the data directory. */
export interface SheetFile {
	name: string;
	bytes: Uint8Array;
}

export type { RowProblem } from '../src/lib/domain/import-result';

export interface SheetRow {
	row: number;
	/** As written, so that a row with errors can still be shown by name. */
	partner: string;
	projectName: string;
	buurtcode: string | null;
	/** The checked row; null when it has problems. */
	input: InvestmentInput | null;
	/** Its toelichting says DEMODATA: invented figures. */
	synthetic: boolean;
	problems: RowProblem[];
}

export interface Sheet {
	file: string;
	format: 'csv' | 'xlsx';
	rows: SheetRow[];
}

/**
 * A file that cannot be read as an investment sheet at all: `format` when it is no CSV or XLSX (a PDF, an
 * image, junk), `content` when it is one but not an investment sheet (empty, no rows, missing columns),
 * `too_large` for more rows than allowed.
 */
export class SheetError extends Error {
	constructor(
		readonly file: string,
		message: string,
		readonly reason: 'format' | 'content' | 'too_large',
		readonly problems: RowProblem[] = []
	) {
		super(`${file}: ${message}`);
		this.name = 'SheetError';
	}
}

export const MAX_ROWS = SHEET_MAX_ROWS;

/** A cell as both formats give it: text, a real number, a real date, or empty. */
export type Cell = string | number | Date | null;

// ---------------------------------------------------------------------------------------------------------
// Values in Dutch spreadsheet notation.

type Parsed<T> = { value: T } | { error: string };

/**
 * A number as a Dutch spreadsheet writes it (`6.200.000`, `1.234,50`, `52,2701`, `€ 2.500.000`; `450.000` is
 * four hundred and fifty thousand), by the one Dutch number reader; a real number from XLSX as it is. For
 * coordinates (`coordinate`) a dot is always a decimal point: degrees never have thousands.
 */
export function parseDutchNumber(cell: Cell, options: { coordinate?: boolean } = {}): Parsed<number | null> {
	if (cell === null) return { value: null };
	if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell } : { error: `geen getal: ${cell}` };
	if (cell instanceof Date) return { error: 'verwacht een getal, de cel is een datum' };
	return parseDutch(cell, { singleDotGroup: options.coordinate ? 'decimal' : 'thousands', hint: 'schrijf bijvoorbeeld 1.234.500 of 52,2701' });
}

const nlNumber = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 7, useGrouping: false });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An ISO date for a calendar day, or null when the day does not exist (31-02-2025). */
function isoDay(year: number, month: number, day: number): string | null {
	const d = new Date(Date.UTC(year, month - 1, day));
	if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Excel counts days from 30 December 1899 (with its 1900 leap-year bug already in that offset). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as a Dutch spreadsheet writes it: `01-09-2024` (also `1-9-2024`, `01/09/2024`), an ISO `2024-09-01`,
 * a real XLSX date, or an Excel day number. The day must exist in the calendar. Empty is an error: both the
 * start and the end of an investment are required.
 */
export function parseDutchDate(cell: Cell): Parsed<string> {
	if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return { error: 'is leeg; verwacht een datum als 01-09-2024' };
	if (cell instanceof Date) {
		// exceljs gives dates as UTC; a time of day (or floating-point dust) is rounded to the nearest minute.
		const d = new Date(Math.round(cell.getTime() / 60_000) * 60_000);
		if (Number.isNaN(d.getTime())) return { error: 'ongeldige datum' };
		return { value: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` };
	}
	if (typeof cell === 'number') {
		// A date cell without a date format arrives as Excel's day number; 1955–2118 is plausible for a project.
		if (Number.isInteger(cell) && cell > 20_000 && cell < 80_000) return parseDutchDate(new Date(EXCEL_EPOCH + cell * 86_400_000));
		return { error: `geen datum: ${cell}; verwacht een datum als 01-09-2024` };
	}
	const t = cell.trim();
	let m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(t);
	let [year, month, day] = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : [0, 0, 0];
	if (!m) {
		m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
		if (m) [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	}
	if (!m) return { error: `geen datum: "${t}"; verwacht dag-maand-jaar als 01-09-2024` };
	if (year < 1900 || year > 2100) return { error: `jaar ${year} in "${t}" is niet plausibel` };
	const iso = isoDay(year, month, day);
	if (!iso) return { error: `${t} bestaat niet in de kalender` };
	return { value: iso };
}

/** "in uitvoering", "In-uitvoering", "in_uitvoering" → in_uitvoering; unknown → an error listing the allowed. */
export function parseStatus(cell: Cell): Parsed<InvestmentStatus> {
	const written = cell === null ? '' : String(cell).trim();
	const key = written.toLowerCase().replace(/[\s_-]+/g, '_');
	if ((INVESTMENT_STATUSES as readonly string[]).includes(key)) return { value: key as InvestmentStatus };
	const allowed = INVESTMENT_STATUSES.map((s) => INVESTMENT_STATUS_LABELS[s].toLowerCase());
	const list = `${allowed.slice(0, -1).join(', ')} of ${allowed[allowed.length - 1]}`;
	return { error: written === '' ? `is leeg; kies ${list}` : `"${written}" is onbekend; kies ${list}` };
}

export function text(cell: Cell): string {
	if (cell === null) return '';
	if (cell instanceof Date) {
		const date = parseDutchDate(cell);
		return 'value' in date ? date.value : '';
	}
	return String(cell).trim();
}

// ---------------------------------------------------------------------------------------------------------
// Files: what they are, and their rows as cells by column.

export interface RawTable {
	columns: string[];
	rows: { row: number; cells: Cell[] }[];
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
	return signature.every((b, i) => bytes[i] === b);
}

/** Recognisable non-spreadsheets, so that the message says what the file is. */
function describeBinary(bytes: Uint8Array): string | null {
	if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'een PDF-document';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'een PNG-afbeelding';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'een JPEG-afbeelding';
	if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'een GIF-afbeelding';
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'een oud Excel- of Word-bestand (.xls/.doc); sla het op als .xlsx of als CSV';
	return null;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const NOT_A_SHEET = 'is geen CSV- of XLSX-bestand';

// Windows-1252's characters for 0x80–0x9F (€, ‘, ’, “, ”, …); the rest is Latin-1. Node 20's TextDecoder
// decodes "windows-1252" as plain Latin-1, which turns € into a control character.
const CP1252_HIGH = '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes) out += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
	return out;
}

/**
 * Text of a CSV file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-tekst"), or — when it is
 * not valid UTF-8 — Windows-1252, which is what Excel on a Dutch Windows writes as "CSV (gescheiden door
 * lijstscheidingsteken)".
 */
function decodeText(file: string, bytes: Uint8Array): string {
	if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	// NUL bytes do not occur in text: this is some binary format.
	if (bytes.subarray(0, 8192).includes(0)) throw new SheetError(file, NOT_A_SHEET, 'format');
	let decoded: string;
	try {
		decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		decoded = decodeWindows1252(bytes);
	}
	// Control characters other than tab and line ends: binary junk that happens to contain no NUL.
	const sample = decoded.slice(0, 8192);
	let control = 0;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) control++;
	}
	if (control > 0 && control > sample.length / 100) throw new SheetError(file, NOT_A_SHEET, 'format');
	return decoded.replace(/^\uFEFF/, '');
}

/**
 * CSV rows as arrays of text, with their spreadsheet row numbers. The delimiter is whichever of `;`, `,` and
 * tab the header line has most of.
 */
function readCsvTable(file: string, bytes: Uint8Array): RawTable {
	// csv-parse counts a CRLF inside a quoted field as two lines; with LF only its line numbers are exact.
	const lf = decodeText(file, bytes).replace(/\r\n?/g, '\n');
	const header = lf.split('\n', 1)[0] ?? '';
	const count = (c: string) => header.split(c).length - 1;
	const delimiter = [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
	let parsed: { record: string[]; info: { lines: number } }[];
	try {
		parsed = parse(lf, {
			delimiter,
			// Counted and handled below: a partner's export puts a `;` inside toelichting without quotes.
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			info: true
		}) as unknown as { record: string[]; info: { lines: number } }[];
	} catch (cause) {
		const error = cause as Error & { lines?: number };
		throw new SheetError(file, `CSV niet leesbaar${error.lines ? ` (regel ${error.lines})` : ''}: ${error.message}`, 'content');
	}
	if (parsed.length === 0) throw new SheetError(file, 'het bestand is leeg', 'content');
	const columns = parsed[0].record.map((c) => c.trim().toLowerCase());
	const width = columns.length;
	let linesInsideFields = parsed[0].record.join('').split('\n').length - 1;
	const rows: RawTable['rows'] = [];
	for (const { record, info } of parsed.slice(1)) {
		for (const value of record) linesInsideFields += value.split('\n').length - 1;
		// info.lines is the line the record ends on; lines broken inside quoted fields are one spreadsheet row.
		const row = info.lines - linesInsideFields;
		let fields = record;
		if (fields.length > width && width > 0) {
			// Real-world quirk (the demo delivery has it): a `;` typed inside the last column (toelichting,
			// "DEMODATA; alleen coördinaat bekend") without quotes splits it into extra fields. Everything past the
			// header's width belongs to the last column; joining with the delimiter restores the text as written.
			fields = [...fields.slice(0, width - 1), fields.slice(width - 1).join(delimiter)];
		}
		if (fields.every((f) => f.trim() === '')) continue;
		rows.push({ row, cells: fields.map((f) => (f.trim() === '' ? null : f)) });
	}
	return { columns, rows };
}

/** What exceljs gives for a cell, as a Cell: formulas by their result, rich text and links by their text. */
function cellOfXlsx(value: ExcelJS.CellValue): Cell | { error: string } {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number' || typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
	if (value instanceof Date) return value;
	if ('error' in value) return { error: String(value.error) };
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('formula' in value || 'sharedFormula' in value) return cellOfXlsx((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
	if ('text' in value) return String(value.text);
	return null;
}

function isCellError(cell: Cell | { error: string }): cell is { error: string } {
	return cell !== null && typeof cell === 'object' && !(cell instanceof Date);
}

/**
 * The workbook with only what exceljs's streaming reader needs for the first sheet, unpacked within
 * WORKBOOK_LIMITS (see zip-entries.ts): a zip bomb is refused before anything large is unpacked, and other sheets
 * are never parsed. The parts the sheet refers to (relations, workbook, shared strings, styles) come first, so that
 * the reader never parks the sheet in a temporary file to wait for them; the sheet goes in as sheet1.xml, the name
 * the reader looks for.
 */
function firstSheetOnly(file: string, bytes: Uint8Array): Uint8Array {
	let files: Map<string, Uint8Array>;
	try {
		files = unzipBounded(bytes, WORKBOOK_LIMITS);
	} catch (error) {
		if (error instanceof ZipLimitError && error.kind === 'corrupt') {
			throw new SheetError(file, 'is geen leesbare XLSX-werkmap (een zip-bestand, maar geen Excel-werkmap)', 'format');
		}
		if (error instanceof ZipLimitError) throw new SheetError(file, error.message, 'too_large');
		throw error;
	}
	const first = firstWorksheetPath(files);
	const sheet = first ? files.get(first) : undefined;
	if (!sheet) throw new SheetError(file, 'is geen leesbare XLSX-werkmap (een zip-bestand, maar geen Excel-werkmap)', 'format');
	const empty = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>');
	const parts: Record<string, Uint8Array> = {};
	for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml']) {
		const part = files.get(name);
		if (part) parts[name] = part;
	}
	parts['xl/sharedStrings.xml'] = files.get('xl/sharedStrings.xml') ?? empty;
	parts['xl/worksheets/sheet1.xml'] = sheet;
	// Stored, not compressed again: it is read once, in memory.
	return zipSync(parts, { level: 0 });
}

/**
 * The first sheet's header and rows, read row by row with exceljs's streaming reader: a sheet with more than
 * `maxRows` rows (after the header) is refused at the first row past the limit, without reading the rest.
 */
async function readXlsxTable(file: string, bytes: Uint8Array, maxRows: number): Promise<{ table: RawTable; cellErrors: RowProblem[] }> {
	const checked = firstSheetOnly(file, bytes);
	const buffer = Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength);
	// Fed in chunks, so that the XML is parsed as far as it is read, not all at once.
	const chunks = function* () {
		for (let at = 0; at < buffer.length; at += 64 * 1024) yield buffer.subarray(at, at + 64 * 1024);
	};
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks()), {
		worksheets: 'emit',
		sharedStrings: 'cache',
		styles: 'cache',
		hyperlinks: 'ignore',
		entries: 'ignore'
	});
	let columns: string[] | null = null;
	let dataRows = 0;
	const rows: RawTable['rows'] = [];
	const cellErrors: RowProblem[] = [];
	try {
		for await (const sheet of reader) {
			for await (const excelRow of sheet) {
				if (!excelRow.hasValues) continue;
				if (columns === null) {
					// The header is row 1; a sheet that starts lower has none (checkColumns then names what is missing).
					columns = [];
					if (excelRow.number === 1) {
						for (let c = 1; c <= excelRow.cellCount; c++) {
							const cell = cellOfXlsx(excelRow.getCell(c).value);
							columns.push(isCellError(cell) ? '' : text(cell).toLowerCase());
						}
						while (columns.length && columns[columns.length - 1] === '') columns.pop();
						continue;
					}
				}
				if (++dataRows > maxRows) {
					throw new SheetError(file, `het bestand heeft meer dan ${maxRows} rijen; lees er hoogstens ${maxRows} tegelijk in`, 'too_large');
				}
				const cells: Cell[] = [];
				for (let c = 1; c <= columns.length; c++) {
					const cell = cellOfXlsx(excelRow.getCell(c).value);
					if (isCellError(cell)) {
						cellErrors.push({ row: excelRow.number, field: columns[c - 1] || null, message: `cel bevat een fout (${cell.error})` });
						cells.push(null);
					} else cells.push(typeof cell === 'string' && cell.trim() === '' ? null : cell);
				}
				if (cells.every((c) => c === null)) continue;
				rows.push({ row: excelRow.number, cells });
			}
			// Only the first sheet (the only one left in `checked`).
			break;
		}
	} catch (error) {
		if (error instanceof SheetError) throw error;
		throw new SheetError(file, 'is geen leesbare XLSX-werkmap (een zip-bestand, maar geen Excel-werkmap)', 'format');
	}
	if (columns === null) throw new SheetError(file, 'het eerste werkblad is leeg', 'content');
	return { table: { columns, rows }, cellErrors };
}

// ---------------------------------------------------------------------------------------------------------
// Rows into investments.

/** The file's column for each field of InvestmentInput, for messages from the schema. */
const COLUMN_OF_FIELD: Record<string, InvestmentColumn> = {
	partner: 'partner',
	projectName: 'projectnaam',
	measure: 'maatregel',
	buurtcode: 'buurtcode',
	point: 'lat',
	outline: 'buurtcode',
	startDate: 'start',
	endDate: 'eind',
	dwellings: 'aantal_woningen',
	amountEur: 'investering_eur',
	status: 'status',
	notes: 'toelichting'
};

function checkColumns(file: string, columns: string[]): void {
	const missing: string[] = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
	if (!columns.includes('buurtcode') && !(columns.includes('lat') && columns.includes('lon'))) missing.push('buurtcode (of lat en lon)');
	if (missing.length === 0) return;
	const found = columns.filter(Boolean).join(', ') || 'geen';
	throw new SheetError(
		file,
		`kolom(men) ontbreken: ${missing.join(', ')} (gevonden: ${found}). Verwacht de kopregel ${INVESTMENT_COLUMNS.join(';')}`,
		'content',
		missing.map((c) => {
			const [field, ...rest] = c.split(' ');
			return { row: 1, field, message: `kolom "${field}" ontbreekt${rest.length ? ` ${rest.join(' ')}` : ''}` };
		})
	);
}

/** One row of cells into a checked InvestmentInput, or its problems. */
export function parseInvestmentRow(row: number, get: (column: InvestmentColumn) => Cell): SheetRow {
	const problems: RowProblem[] = [];
	const problem = (field: InvestmentColumn, message: string) => problems.push({ row, field, message });

	const partner = text(get('partner'));
	const projectName = text(get('projectnaam'));
	const measure = text(get('maatregel'));
	if (!partner) problem('partner', 'partner ontbreekt');
	if (!projectName) problem('projectnaam', 'projectnaam ontbreekt');
	if (!measure) problem('maatregel', 'maatregel ontbreekt');

	const buurtText = text(get('buurtcode')).toUpperCase();
	const buurtcode = buurtText === '' ? null : buurtText;
	if (buurtcode && !BUURT_CODE.test(buurtcode)) problem('buurtcode', `"${buurtText}" is geen buurtcode (BU + 8 cijfers, zoals BU01640202)`);

	const lat = parseDutchNumber(get('lat'), { coordinate: true });
	const lon = parseDutchNumber(get('lon'), { coordinate: true });
	if ('error' in lat) problem('lat', lat.error);
	if ('error' in lon) problem('lon', lon.error);
	let point: InvestmentInput['point'] = null;
	if ('value' in lat && 'value' in lon) {
		const [y, x] = [lat.value, lon.value];
		if (y !== null && x === null) problem('lon', 'lat zonder lon: vul beide in, of geen van beide');
		else if (y === null && x !== null) problem('lat', 'lon zonder lat: vul beide in, of geen van beide');
		else if (y !== null && x !== null) {
			if (Math.abs(y) > 90 || Math.abs(x) > 180) {
				problem('lat', `${nlNumber(y)}, ${nlNumber(x)} is geen coördinaat in graden (WGS84)${Math.abs(y) > 1000 ? '; is het een RD-coördinaat?' : ''}`);
			} else if (y > 2 && y < 8 && x > 50 && x < 54) {
				problem('lat', `lat ${nlNumber(y)} en lon ${nlNumber(x)} lijken verwisseld (in Nederland is lat ongeveer 51–53, lon 3–7)`);
			} else point = { type: 'Point', coordinates: [x, y] };
		}
	}
	if (!buurtcode && !point && !problems.some((p) => p.field === 'lat' || p.field === 'lon')) {
		problem('buurtcode', 'geen plaats: geef een buurtcode of een coördinaat (lat en lon)');
	}

	const start = parseDutchDate(get('start'));
	const end = parseDutchDate(get('eind'));
	if ('error' in start) problem('start', start.error);
	if ('error' in end) problem('eind', end.error);
	if ('value' in start && 'value' in end && end.value < start.value) {
		problem('eind', `het einde (${text(get('eind'))}) ligt voor het begin (${text(get('start'))})`);
	}

	const dwellings = parseDutchNumber(get('aantal_woningen'));
	if ('error' in dwellings) problem('aantal_woningen', dwellings.error);
	else if (dwellings.value !== null && !Number.isInteger(dwellings.value)) problem('aantal_woningen', `${text(get('aantal_woningen'))} is geen heel aantal woningen`);
	else if (dwellings.value !== null && dwellings.value < 0) problem('aantal_woningen', 'aantal woningen mag niet negatief zijn');

	const amount = parseDutchNumber(get('investering_eur'));
	if ('error' in amount) problem('investering_eur', amount.error);
	else if (amount.value !== null && amount.value < 0) problem('investering_eur', `bedrag mag niet negatief zijn (${text(get('investering_eur'))})`);

	const status = parseStatus(get('status'));
	if ('error' in status) problem('status', status.error);

	const notes = text(get('toelichting'));
	const result: SheetRow = { row, partner, projectName, buurtcode, input: null, synthetic: mentionsSynthetic(notes), problems };
	if (problems.length) return result;

	const parsed = investmentInputSchema.safeParse({
		partner,
		projectName,
		measure,
		buurtcode,
		point,
		outline: null,
		startDate: (start as { value: string }).value,
		endDate: (end as { value: string }).value,
		dwellings: (dwellings as { value: number | null }).value,
		// The database keeps cents; rounding here keeps a re-import of 1234,567 from counting as a change.
		amountEur: (amount as { value: number | null }).value === null ? null : Math.round((amount as { value: number }).value * 100) / 100,
		status: (status as { value: InvestmentStatus }).value,
		notes
	});
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = COLUMN_OF_FIELD[String(issue.path[0])] ?? null;
			problems.push({ row, field, message: field ? `${field} ${issue.message}` : issue.message });
		}
		return result;
	}
	result.input = parsed.data;
	return result;
}

/** Whether the bytes are a zip (an XLSX workbook is one) and the name says .xlsx. */
function isXlsx(file: SheetFile): 'xlsx' | 'zip' | null {
	if (!startsWith(file.bytes, ZIP)) return null;
	return /\.xlsx$/i.test(file.name) ? 'xlsx' : 'zip';
}

/**
 * Reads a CSV or XLSX file into its header and rows of cells, for any sheet with one row per record (investments,
 * wijkbudgetten). Throws a SheetError for a file that is not one (wrong format, empty, too many rows); `check`
 * throws its own when a required column is missing.
 */
export async function readSheetTable(
	file: SheetFile,
	check: (columns: string[]) => void,
	options: { maxRows?: number } = {}
): Promise<{ table: RawTable; cellErrors: RowProblem[]; format: 'csv' | 'xlsx' }> {
	const name = file.name;
	if (file.bytes.length === 0) throw new SheetError(name, 'het bestand is leeg', 'content');
	const binary = describeBinary(file.bytes);
	if (binary) throw new SheetError(name, `${NOT_A_SHEET}: het is ${binary}`, 'format');
	const zip = isXlsx(file);
	if (zip === 'zip') {
		// .ods, .docx and friends are zips too; only a workbook named .xlsx is read as one.
		throw new SheetError(name, `${NOT_A_SHEET} (een zip-archief; een Excel-werkmap moet op .xlsx eindigen)`, 'format');
	}
	if (!zip && /\.xlsx$/i.test(name)) throw new SheetError(name, 'heet .xlsx maar is geen Excel-werkmap', 'format');

	const maxRows = options.maxRows ?? MAX_ROWS;
	let table: RawTable;
	let cellErrors: RowProblem[] = [];
	if (zip === 'xlsx') ({ table, cellErrors } = await readXlsxTable(name, file.bytes, maxRows));
	else table = readCsvTable(name, file.bytes);
	check(table.columns);
	if (table.rows.length === 0) throw new SheetError(name, 'het bestand heeft een kopregel maar geen rijen', 'content');
	if (table.rows.length > maxRows) {
		throw new SheetError(name, `het bestand heeft ${table.rows.length} rijen; lees er hoogstens ${maxRows} tegelijk in`, 'too_large');
	}
	return { table, cellErrors, format: zip === 'xlsx' ? 'xlsx' : 'csv' };
}

/**
 * Reads an investment sheet. Throws a SheetError for a file that is not one (wrong format, empty, missing
 * columns, too many rows); otherwise every row comes back, each with its own problems.
 */
export async function readInvestmentSheet(file: SheetFile, options: { maxRows?: number } = {}): Promise<Sheet> {
	const name = file.name;
	const { table, cellErrors, format } = await readSheetTable(file, (columns) => checkColumns(name, columns), options);
	const index = new Map(table.columns.map((c, i) => [c, i] as const));
	const rows = table.rows.map(({ row, cells }) => {
		// A row that ends early (trailing empty fields left out) reads as empty cells; a line broken in two shows
		// up as the required fields missing in both halves.
		const parsed = parseInvestmentRow(row, (c) => (index.has(c) ? (cells[index.get(c)!] ?? null) : null));
		const own = cellErrors.filter((e) => e.row === row);
		if (own.length) {
			parsed.problems.unshift(...own);
			parsed.input = null;
		}
		return parsed;
	});
	return { file: name, format, rows };
}
