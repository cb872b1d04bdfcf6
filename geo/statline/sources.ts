// Where StatLine records come from: an .xlsx export (streamed, one row at a time), a .csv export, or the
// OData JSON feed page by page (following `odata.nextLink`; DataProperties for titles and units). Each hands
// the header and then every record to a sink, so memory stays bounded however large the table is.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { ImportError, silent, type Progress } from '../problems';
import { fetchPages } from '../paged-fetch';

export interface RecordSink {
	/** False when the header is unusable: reading stops. */
	header(keys: string[]): boolean;
	record(record: Record<string, unknown>, row: number): void | Promise<void>;
	/** Enough problems found: reading may stop early. */
	readonly full: boolean;
}

const PROGRESS_EVERY = 5000;

/** Reads the first worksheet of an .xlsx export; row 1 is the header (rows are numbered as Excel shows them). */
export async function readStatLineXlsx(path: string, sink: RecordSink, progress: Progress = silent): Promise<number> {
	const file = basename(path);
	let keys: string[] | null = null;
	let rows = 0;
	try {
		const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
			sharedStrings: 'cache',
			worksheets: 'emit',
			styles: 'ignore',
			hyperlinks: 'ignore',
			entries: 'ignore'
		});
		for await (const worksheet of workbook) {
			for await (const row of worksheet) {
				// exceljs: values[0] is empty, values[n] is column n.
				const cells = (row.values as unknown[]).slice(1).map(cellText);
				if (keys === null) {
					keys = cells.map((c) => String(c ?? '').trim());
					if (!sink.header(keys)) return rows;
					continue;
				}
				const record: Record<string, unknown> = {};
				keys.forEach((k, i) => (record[k] = cells[i]));
				await sink.record(record, row.number);
				if (++rows % PROGRESS_EVERY === 0) progress(`${file}: ${rows} rijen gelezen`);
				if (sink.full) return rows;
			}
			break; // the first worksheet only
		}
	} catch (cause) {
		if (cause instanceof ImportError) throw cause;
		throw new ImportError([{ file, message: `geen leesbaar xlsx-bestand: ${(cause as Error).message}` }]);
	}
	if (keys === null) throw new ImportError([{ file, message: 'het werkblad is leeg (geen kopregel)' }]);
	return rows;
}

/** An exceljs cell value as text or number (rich text and formulas as their text and result). */
function cellText(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'object') {
		const v = value as { richText?: { text: string }[]; result?: unknown; text?: string };
		if (v.richText) return v.richText.map((r) => r.text).join('');
		if ('result' in v) return v.result;
		if (typeof v.text === 'string') return v.text;
	}
	return value;
}

/** Reads a .csv export (`;` or `,`, found from the header; UTF-8 with or without BOM). */
export async function readStatLineCsv(path: string, sink: RecordSink, progress: Progress = silent): Promise<number> {
	const file = basename(path);
	let rows = 0;
	let keys: string[] | null = null;
	const parser = createReadStream(path).pipe(
		parse({ bom: true, delimiter: [';', ','], relax_quotes: false, skip_empty_lines: true, info: true })
	);
	try {
		for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
			if (keys === null) {
				keys = record.map((c) => c.trim());
				if (!sink.header(keys)) return rows;
				continue;
			}
			const cells: Record<string, unknown> = {};
			keys.forEach((k, i) => (cells[k] = record[i]));
			await sink.record(cells, info.lines);
			if (++rows % PROGRESS_EVERY === 0) progress(`${file}: ${rows} rijen gelezen`);
			if (sink.full) return rows;
		}
	} catch (cause) {
		if (cause instanceof ImportError) throw cause;
		throw new ImportError([{ file, message: `geen leesbaar CSV-bestand: ${(cause as Error).message}` }]);
	}
	if (keys === null) throw new ImportError([{ file, message: 'het bestand is leeg (geen kopregel)' }]);
	return rows;
}

const pageSchema = z.object({
	'odata.metadata': z.string().optional(),
	value: z.array(z.record(z.string(), z.unknown())),
	'odata.nextLink': z.string().optional()
});

const propertiesSchema = z.object({
	value: z.array(z.object({ Key: z.string().optional(), Title: z.string().optional(), Unit: z.string().nullable().optional(), Type: z.string().optional() }).loose())
});
export type DataProperty = z.infer<typeof propertiesSchema>['value'][number];

export interface ODataSource {
	/** …/ODataApi/odata/50090NED/UntypedDataSet (or TypedDataSet), optionally with a $filter. */
	url: string;
	maxPages?: number;
	fetch?: typeof fetch;
}

/** The table of an OData URL (`…/odata/50090NED/…`), or null. */
export function tableOfUrl(text: string | undefined): string | null {
	return text ? (/\/odata\/(\d{5}[A-Z]{3})\b/i.exec(text)?.[1]?.toUpperCase() ?? null) : null;
}

/** Fetches the table's DataProperties (titles, units, types of its columns) next to the data set. */
export async function fetchDataProperties(source: ODataSource): Promise<DataProperty[]> {
	const url = new URL(source.url);
	url.search = '';
	url.pathname = url.pathname.replace(/\/(Untyped|Typed)DataSet\/?$/i, '/DataProperties');
	url.searchParams.set('$format', 'json');
	const pages = await fetchPages<DataProperty[]>(
		{
			first: url,
			source: source.url,
			accept: 'application/json',
			timeoutMs: 60_000,
			maxPages: 10,
			fetch: source.fetch,
			read(body, _response, at) {
				const parsed = propertiesSchema.safeParse(body);
				if (!parsed.success) throw new ImportError([{ file: at, message: 'DataProperties is geen OData-lijst (verwacht "value": [...])' }]);
				return { page: parsed.data.value, count: parsed.data.value.length, next: undefined, progress: `${parsed.data.value.length} kolommen beschreven` };
			}
		},
		silent
	);
	return pages.flat();
}

/** Reads every page of an Untyped/TypedDataSet, record by record, following `odata.nextLink`. */
export async function readStatLineOData(source: ODataSource, sink: RecordSink, progress: Progress = silent): Promise<number> {
	const first = new URL(source.url);
	// Without $format the Feed answers in Atom XML.
	if (!first.searchParams.has('$format')) first.searchParams.set('$format', 'json');
	let rows = 0;
	let pageNumber = 0;
	let stop = false;
	await fetchPages<Record<string, unknown>[]>(
		{
			first,
			source: source.url,
			accept: 'application/json',
			timeoutMs: 120_000,
			maxPages: source.maxPages ?? 1000,
			fetch: source.fetch,
			read(body, _response, url) {
				const page = pageSchema.safeParse(body);
				if (!page.success) throw new ImportError([{ file: url, message: 'antwoord is geen OData-pagina (verwacht "value": [...])' }]);
				pageNumber++;
				return {
					page: page.data.value,
					count: page.data.value.length,
					next: page.data['odata.nextLink'],
					progress: `${tableOfUrl(source.url) ?? 'OData'} pagina ${pageNumber}: ${rows + page.data.value.length} records`
				};
			},
			async onPage(records) {
				for (const record of records) {
					if (stop) return;
					if (rows === 0 && !sink.header(Object.keys(record))) {
						stop = true;
						return;
					}
					// Records are numbered from 1 over all pages (there is no spreadsheet row).
					await sink.record(record, ++rows);
					if (sink.full) stop = true;
				}
			}
		},
		progress
	);
	return rows;
}

/**
 * Reads a long extract of a StatLine table (`areacode,year,indicator,value`, indicator `<prefix>_<Topic>` as in
 * the shared KWB 2024 file) as the records of the table: one per area and year, a column per topic.
 */
export async function readStatLineLongCsv(path: string, sink: RecordSink): Promise<number> {
	const file = basename(path);
	const records = new Map<string, Record<string, unknown> & { row: number }>();
	const topics = new Set<string>();
	const parser = createReadStream(path).pipe(parse({ bom: true, delimiter: [',', ';'], columns: true, skip_empty_lines: true, info: true }));
	try {
		for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
			for (const column of ['areacode', 'year', 'indicator', 'value']) {
				if (!(column in record)) throw new ImportError([{ file, row: 1, field: column, message: `kolom "${column}" ontbreekt (verwacht areacode,year,indicator,value)` }]);
			}
			const topic = record.indicator.trim().replace(/^[a-z]+_/, '');
			topics.add(topic);
			const key = `${record.areacode.trim()}|${record.year.trim()}`;
			const entry = records.get(key) ?? { row: info.lines, WijkenEnBuurten: record.areacode, Perioden: `${record.year.trim()}JJ00` };
			if (topic in entry) throw new ImportError([{ file, row: info.lines, code: record.areacode.trim(), field: 'indicator', message: `${record.indicator} komt dubbel voor (ook rij ${entry.row})` }]);
			entry[topic] = record.value;
			records.set(key, entry);
		}
	} catch (cause) {
		if (cause instanceof ImportError) throw cause;
		throw new ImportError([{ file, message: `geen leesbaar CSV-bestand: ${(cause as Error).message}` }]);
	}
	if (!sink.header(['WijkenEnBuurten', 'Perioden', ...topics])) return 0;
	for (const { row, ...record } of records.values()) await sink.record(record, row);
	return records.size;
}
