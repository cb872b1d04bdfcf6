// The StatLine importer: tables such as RIVM's Gezondheid per wijk en buurt (50090NED) and CBS's Kerncijfers
// wijken en buurten (85984NED) from an .xlsx or .csv export or the OData feed, into the monitor. Every file is
// read as a stream and written in batches inside one transaction: a problem anywhere (reported by file, row
// and column) rolls everything back, so nothing is written. By default only the gemeenten that have buurten in
// the database (and Nederland) are written; `alle` writes every area of the table.
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { withinTransaction, type Db } from '../db/client';
import * as indicators from '../db/indicators';
import { ImportError, silent, type ImportProblem, type Progress } from '../../../../geo/problems';
import { StatLineReader, valueSource, topicsFromDataProperties, type StatLineValue } from '../../../../geo/statline/records';
import { STATLINE_TABLES, type StatLineTable } from '../../../../geo/statline/tables';
import {
	fetchDataProperties,
	readStatLineCsv,
	readStatLineLongCsv,
	readStatLineOData,
	readStatLineXlsx,
	tableOfUrl,
	type RecordSink
} from '../../../../geo/statline/sources';
import { GEMEENTE_CODE } from '../../domain/areas';

export interface StatLineImportOptions {
	/** StatLine table id (`50090NED`); default: from the URL, else the table whose topics the header has. */
	table?: string;
	/** Gemeenten to write; `alle` every area; default the gemeenten with buurten in the database. */
	gemeenten?: string[] | 'alle';
	/** The year of a table without `Perioden`. */
	year?: number;
	fetch?: typeof fetch;
}

export interface StatLineFileResult {
	file: string;
	table: string;
	rows: number;
	/** Rows of other gemeenten, not written. */
	skipped: number;
	values: number;
	empty: number;
	written: number;
	removed: number;
	years: number[];
	indicators: number;
	seconds: number;
}

const BATCH = 2000;

/** The table a header belongs to: the known table with most of its topics in the header. */
function guessTable(keys: string[]): StatLineTable | null {
	const stems = new Set(keys.map((k) => k.replace(/_\d+$/, '')));
	let best: StatLineTable | null = null;
	let bestShare = 0;
	for (const table of Object.values(STATLINE_TABLES)) {
		const topics = Object.keys(table.topics);
		const share = topics.filter((t) => stems.has(t)).length / topics.length;
		if (share > bestShare) [best, bestShare] = [table, share];
	}
	return bestShare >= 0.5 ? best : null;
}

/** Imports StatLine sources (paths or URLs) in one transaction; all or nothing. */
export async function importStatLine(
	outer: Db,
	sources: string[],
	options: StatLineImportOptions = {},
	progress: Progress = silent
): Promise<StatLineFileResult[]> {
	return outer.transaction((tx) => importStatLineIn(withinTransaction(tx, outer.kind), sources, options, progress));
}

/** The same inside a transaction the caller holds (first start loads everything in one). */
export async function importStatLineIn(
	db: Db,
	sources: string[],
	options: StatLineImportOptions,
	progress: Progress
): Promise<StatLineFileResult[]> {
	if (Array.isArray(options.gemeenten)) {
		const wrong = options.gemeenten.filter((g) => !GEMEENTE_CODE.test(g));
		if (wrong.length) throw new ImportError(wrong.map((g) => ({ file: '--gemeente', message: `geen gemeentecode: "${g}" (GM0000)` })));
	}
	const all = options.gemeenten === 'alle';
	const gemeenten = all ? null : new Set(options.gemeenten ?? (await indicators.gemeentenWithBuurten(db)));
	if (gemeenten && gemeenten.size === 0) {
		throw new ImportError([{ file: sources[0] ?? '', message: 'geen gemeenten met buurten in de database; laad eerst de gebiedsindeling, of gebruik --alle' }]);
	}
	const areas = gemeenten ? await indicators.areaCodesOf(db, gemeenten) : null;
	const results: StatLineFileResult[] = [];
	const problems: ImportProblem[] = [];
	for (const source of sources) {
		const result = await importOne(db, source, { ...options, gemeenten: gemeenten ? [...gemeenten] : 'alle' }, areas, progress, problems);
		if (result) results.push(result);
	}
	if (problems.length) throw new ImportError(problems);
	// Fresh statistics, or the planner takes every table for one row (PGlite runs no autovacuum).
	await db.exec('ANALYZE indicators, indicator_values');
	return results;
}

async function importOne(
	db: Db,
	source: string,
	options: StatLineImportOptions,
	areas: ReadonlySet<string> | null,
	progress: Progress,
	problems: ImportProblem[]
): Promise<StatLineFileResult | null> {
	const started = Date.now();
	const url = /^https?:\/\//.test(source);
	const file = url ? source : basename(source);
	const gemeenten = options.gemeenten === 'alle' ? null : new Set(options.gemeenten);
	let table: StatLineTable | null = options.table ? (STATLINE_TABLES[options.table.toUpperCase()] ?? null) : null;
	const tableId = options.table?.toUpperCase() ?? (url ? tableOfUrl(source) : null);
	if (!table && tableId) table = STATLINE_TABLES[tableId] ?? null;
	// A table without a mapping: its DataProperties (OData) give titles and units; its indicators are context.
	let extraTopics: Record<string, import('../../../../geo/statline/tables').StatLineTopic> | undefined;
	if (!table && url && tableId) {
		extraTopics = topicsFromDataProperties(tableId, await fetchDataProperties({ url: source, fetch: options.fetch }));
		table = {
			table: tableId,
			prefix: `cbs_${tableId.toLowerCase()}`.replace(/[^a-z0-9_]/g, ''),
			publisher: 'CBS',
			title: `StatLine-tabel ${tableId}`,
			licence: 'CC BY 4.0',
			attribution: `Bron: CBS StatLine, tabel ${tableId}, CC BY 4.0.`,
			waves: false,
			topics: {}
		};
	}

	let reader: StatLineReader | null = null;
	const pending: StatLineValue[] = [];
	const bounds = new Map<string, { areaCode: string; indicator: string; year: number; lower: number | null; upper: number | null }>();
	const written = { catalogue: new Set<string>(), values: 0, empty: 0, written: 0, removed: 0 };

	const flush = async () => {
		if (!reader || reader.problems.length || problems.length) {
			pending.length = 0;
			return;
		}
		const meta = [...reader.indicators.values()];
		const fresh = meta.filter((i) => !written.catalogue.has(i.code));
		if (fresh.length) {
			await indicators.upsertCatalogue(db, fresh);
			fresh.forEach((i) => written.catalogue.add(i.code));
		}
		const byCode = reader.indicators;
		const present = pending.filter((v) => v.value !== null);
		const empty = pending.filter((v) => v.value === null);
		written.values += present.length;
		written.empty += empty.length;
		written.written += await indicators.upsertValues(
			db,
			present.map((v) => ({
				areaCode: v.areaCode,
				indicator: v.indicator,
				year: v.year,
				value: v.value!,
				source: valueSource(byCode.get(v.indicator)!.sourceMeta, v.year),
				synthetic: false
			}))
		);
		written.removed += await indicators.removeValues(
			db,
			empty.map((v) => ({ areaCode: v.areaCode, indicator: v.indicator, year: v.year, source: valueSource(byCode.get(v.indicator)!.sourceMeta, v.year) }))
		);
		pending.length = 0;
	};

	const sink: RecordSink = {
		header(keys) {
			const chosen = table ?? guessTable(keys);
			if (!chosen) {
				problems.push({ file, row: 1, message: `onbekende StatLine-tabel; geef --tabel (bekend: ${Object.keys(STATLINE_TABLES).join(', ')})` });
				return false;
			}
			table = chosen;
			reader = new StatLineReader({ file, table: chosen, year: options.year, gemeenten, areas, extraTopics }, (value) => {
				if (value.bound) {
					const key = `${value.areaCode}|${value.indicator}|${value.year}`;
					const entry = bounds.get(key) ?? { areaCode: value.areaCode, indicator: value.indicator, year: value.year, lower: null, upper: null };
					entry[value.bound] = value.value;
					bounds.set(key, entry);
				} else pending.push(value);
			});
			return reader.header(keys);
		},
		async record(record, row) {
			reader!.record(record, row);
			if (pending.length >= BATCH) await flush();
		},
		get full() {
			return reader?.full ?? false;
		}
	};

	const extension = extname(source).toLowerCase();
	if (!url) {
		// exceljs and a piped read stream do not report a missing file as a rejection: check first.
		const found = await stat(source).catch((cause: Error) => cause);
		if (found instanceof Error || !found.isFile()) {
			throw new ImportError([{ file, message: `niet te lezen: ${found instanceof Error ? found.message : 'geen bestand'}` }]);
		}
	}
	let rows: number;
	if (url) rows = await readStatLineOData({ url: source, fetch: options.fetch }, sink, progress);
	else if (extension === '.xlsx') rows = await readStatLineXlsx(source, sink, progress);
	else if (extension === '.csv' && /_long\.csv$/i.test(source)) rows = await readStatLineLongCsv(source, sink);
	else if (extension === '.csv') rows = await readStatLineCsv(source, sink, progress);
	else throw new ImportError([{ file, message: `onbekend bestandstype "${extension}" (verwacht .xlsx, .csv of een OData-URL)` }]);

	const done = reader as StatLineReader | null;
	if (!done) return null;
	problems.push(...done.problems);
	if (problems.length) return null;
	await flush();
	if (bounds.size) await indicators.setBounds(db, [...bounds.values()]);
	const result: StatLineFileResult = {
		file,
		table: table!.table,
		rows,
		skipped: done.skipped,
		values: written.values,
		empty: written.empty,
		written: written.written,
		removed: written.removed,
		years: [...done.years].sort((a, b) => a - b),
		indicators: done.indicators.size,
		seconds: (Date.now() - started) / 1000
	};
	progress(
		`${file}: ${rows} rijen (${result.skipped} buiten de gekozen gemeenten), ${result.indicators} indicatoren, ` +
			`${result.values} waarden, ${result.empty} leeg; ${result.written} nieuw of gewijzigd; ${result.years.join(', ')}; ${result.seconds.toFixed(1)} s`
	);
	return result;
}
