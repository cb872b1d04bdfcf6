// Reads CBS "Kerncijfers wijken en buurten" (KWB) as CBS StatLine serves it over OData v3: the TypedDataSet of
// a KWB table such as 85984NED (2024), one record per region (Nederland, gemeenten, wijken, buurten):
//
//   { "odata.metadata": "https://opendata.cbs.nl/ODataFeed/OData/85984NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
//     "value": [ { "ID": 0, "WijkenEnBuurten": "BU01640202", "Gemeentenaam_1": "Hengelo      …",
//                  "SoortRegio_2": "Buurt     ", "Codering_3": "BU01640202", "AantalInwoners_5": 1432, … } ],
//     "odata.nextLink": "https://opendata.cbs.nl/ODataFeed/OData/85984NED/TypedDataSet?$format=json&$skip=10000" }
//
// Strings are padded with spaces to a fixed width, measure columns are numbered (`AantalInwoners_5`) and the
// numbers shift between yearly tables, secret and unavailable figures are null. The ODataApi endpoint refuses
// more than 10,000 cells per request; the ODataFeed endpoint pages through `odata.nextLink`, which is followed
// here. The table has no period column: the year comes with the import.
import { z } from 'zod';
import type { Indicator } from '../src/lib/domain/monitor';
import { ImportError, silent, type ImportProblem, type Progress } from './problems';
import { fetchPages } from './paged-fetch';
import { checkAreaCode, checkRange, DuplicateCheck, parseYear, type MonitorValue } from './monitor-common';

export interface CbsColumnMapping {
	/** The catalogue entry the values go to (inserted when the catalogue does not have the code yet). */
	indicator: Omit<Indicator, 'source' | 'synthetic'>;
	/** The CBS column without its number (`AantalInwoners` for `AantalInwoners_5`), stable across tables. */
	column: string;
	/** A share derived from two columns: factor × column / per (KWB 2024 gives age groups as counts). */
	per?: string;
	factor?: number;
}

/**
 * KWB columns → monitor indicators, checked against the column names of 85984NED (KWB 2024). Codes shared
 * with the demo catalogue keep its meaning (p_laag_inkomen is CBS's "huishoudens met een laag inkomen").
 */
export const KWB_INDICATORS: CbsColumnMapping[] = [
	{
		column: 'AantalInwoners',
		indicator: { code: 'inwoners', name: 'Inwoners', unit: 'aantal', domain: 'context', direction: 'context', weighting: 'som' }
	},
	{
		column: 'HuishoudensTotaal',
		indicator: { code: 'huishoudens', name: 'Huishoudens', unit: 'aantal', domain: 'context', direction: 'context', weighting: 'som' }
	},
	{
		column: 'k_65JaarOfOuder',
		per: 'AantalInwoners',
		factor: 100,
		indicator: { code: 'p_65plus', name: 'Inwoners 65 jaar en ouder', unit: '%', domain: 'context', direction: 'context', weighting: 'inwoners' }
	},
	{
		column: 'HuishoudensMetEenLaagInkomen',
		indicator: { code: 'p_laag_inkomen', name: 'Huishoudens met laag inkomen', unit: '%', domain: 'sociaal', direction: 'hoger_is_urgenter', weighting: 'huishoudens' }
	},
	{
		column: 'GemiddeldInkomenPerInwoner',
		indicator: { code: 'inkomen_per_inwoner', name: 'Gemiddeld inkomen per inwoner', unit: 'x 1.000 euro', domain: 'sociaal', direction: 'lager_is_urgenter', weighting: 'inwoners' }
	},
	{
		column: 'GemiddeldeWOZWaardeVanWoningen',
		indicator: { code: 'woz', name: 'Gemiddelde WOZ-waarde woningen', unit: 'x 1.000 euro', domain: 'wonen', direction: 'lager_is_urgenter', weighting: 'huishoudens' }
	},
	{
		column: 'Koopwoningen',
		indicator: { code: 'p_koopwoningen', name: 'Koopwoningen', unit: '%', domain: 'wonen', direction: 'context', weighting: 'huishoudens' }
	},
	{
		column: 'InBezitWoningcorporatie',
		indicator: { code: 'p_corporatie', name: 'Woningen in bezit van woningcorporatie', unit: '%', domain: 'wonen', direction: 'context', weighting: 'huishoudens' }
	}
];

const pageSchema = z.object({
	'odata.metadata': z.string().optional(),
	value: z.array(z.record(z.string(), z.unknown())),
	'odata.nextLink': z.string().optional()
});
export type CbsPage = z.infer<typeof pageSchema>;

export interface CbsOdataSource {
	/** A TypedDataSet URL, e.g. https://opendata.cbs.nl/ODataFeed/odata/85984NED/TypedDataSet (a $filter may be added). */
	url: string;
	/** Stop after this many pages: a guard against a service that never ends. */
	maxPages?: number;
	fetch?: typeof fetch;
}

/** Fetches every page of a TypedDataSet, following `odata.nextLink`. */
export async function fetchCbsOdata(source: CbsOdataSource, progress: Progress = silent): Promise<CbsPage[]> {
	const first = new URL(source.url);
	// Without $format the Feed answers in Atom XML.
	if (!first.searchParams.has('$format')) first.searchParams.set('$format', 'json');
	let received = 0;
	let pageNumber = 0;
	const pages = await fetchPages<CbsPage>(
		{
			first,
			source: source.url,
			accept: 'application/json',
			timeoutMs: 120_000,
			maxPages: source.maxPages ?? 100,
			fetch: source.fetch,
			read(body, _response, url) {
				const page = pageSchema.safeParse(body);
				if (!page.success) throw new ImportError([{ file: url, message: 'antwoord is geen OData-pagina (verwacht "value": [...])' }]);
				received += page.data.value.length;
				return {
					page: page.data,
					count: page.data.value.length,
					next: page.data['odata.nextLink'],
					progress: `pagina ${++pageNumber}: ${received} regio's`
				};
			}
		},
		progress
	);
	return pages;
}

/** The table identifier from `odata.metadata` or a URL (`…/odata/85984NED/…`), or null. */
export function tableOf(text: string | undefined): string | null {
	return text ? (/\/odata\/(\d{5}[A-Z]{3})\b/i.exec(text)?.[1]?.toUpperCase() ?? null) : null;
}

const stem = (key: string) => key.replace(/_\d+$/, '');
const SOORT_PREFIX: Record<string, string> = { gemeente: 'GM', wijk: 'WK', buurt: 'BU' };
// CBS files elsewhere (PDOK) mark secret figures with large negative numbers; treat them as null here too.
const SENTINEL = -99990;

export interface CbsParseOptions {
	file: string;
	/** The year of the table (KWB tables carry no period column). */
	year: number;
	mapping?: CbsColumnMapping[];
	/** Gemeenten to import; regions of other gemeenten are skipped (a national table has all 342). */
	gemeenten?: ReadonlySet<string>;
	/** Codes of the loaded areas; a region of an imported gemeente that is not loaded is a problem. */
	areas?: ReadonlySet<string>;
}

export interface CbsParseResult {
	values: MonitorValue[];
	problems: ImportProblem[];
	/** Table identifier from odata.metadata, e.g. 85984NED. */
	table: string | null;
	/** Records read, and those skipped (Nederland, other gemeenten). */
	records: number;
	skipped: number;
	/** Mapped CBS columns as found (stem → key), and mapped columns not in the data. */
	columns: Record<string, string>;
	missingColumns: string[];
	indicators: CbsColumnMapping['indicator'][];
}

/** A cell of a TypedDataSet as a number, null (secret / not available), or the problem with it. */
function cellValue(raw: unknown): { value: number | null } | { error: string } {
	if (raw === null || raw === undefined) return { value: null };
	if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw <= SENTINEL ? null : raw } : { error: `geen getal: ${raw}` };
	if (typeof raw === 'string') {
		// The UntypedDataSet pads numbers and writes "." for a missing figure; CBS never groups thousands.
		const t = raw.trim();
		if (t === '' || t === '.') return { value: null };
		if (!/^-?\d+(\.\d+)?$/.test(t)) return { error: `geen getal: ${JSON.stringify(t)}` };
		const value = Number(t);
		return { value: value <= SENTINEL ? null : value };
	}
	return { error: `geen getal: ${JSON.stringify(raw)}` };
}

/** Turns TypedDataSet pages into monitor values for the mapped columns. */
export function parseCbsOdata(pages: unknown[], options: CbsParseOptions): CbsParseResult {
	const { file } = options;
	const mapping = options.mapping ?? KWB_INDICATORS;
	const problems: ImportProblem[] = [];
	const values: MonitorValue[] = [];
	const result = (table: string | null, records = 0, skipped = 0, columns: Record<string, string> = {}, missing: string[] = []): CbsParseResult => ({
		values: problems.length ? [] : values,
		problems,
		table,
		records,
		skipped,
		columns,
		missingColumns: missing,
		indicators: mapping.map((m) => m.indicator)
	});

	const year = parseYear(options.year);
	if ('error' in year) problems.push({ file, field: 'jaar', message: year.error });

	const parsedPages: CbsPage[] = [];
	pages.forEach((page, index) => {
		const parsed = pageSchema.safeParse(page);
		if (parsed.success) parsedPages.push(parsed.data);
		else problems.push({ file, message: `pagina ${index + 1} is geen OData-pagina (verwacht "value": [...])` });
	});
	if (problems.length) return result(null);
	const table = tableOf(parsedPages[0]?.['odata.metadata']);
	const records = parsedPages.flatMap((p) => p.value);
	if (records.length === 0) {
		problems.push({ file, message: 'geen regio’s in het antwoord' });
		return result(table);
	}

	// Column keys by their stem, from every record (a $select may leave columns out).
	const keysByStem = new Map<string, Set<string>>();
	for (const record of records) for (const key of Object.keys(record)) keysByStem.set(stem(key), (keysByStem.get(stem(key)) ?? new Set()).add(key));
	const columns: Record<string, string> = {};
	for (const name of new Set(mapping.flatMap((m) => (m.per ? [m.column, m.per] : [m.column])).concat(['Codering', 'SoortRegio']))) {
		const keys = [...(keysByStem.get(name) ?? [])];
		if (keys.length > 1) problems.push({ file, field: name, message: `kolom ${name} komt meer dan eens voor (${keys.join(', ')})` });
		else if (keys.length === 1) columns[name] = keys[0];
	}
	const missing = mapping.map((m) => m.column).filter((c) => !columns[c]);
	if (missing.length === mapping.length) {
		problems.push({ file, message: `geen van de verwachte KWB-kolommen gevonden (${mapping.map((m) => m.column).join(', ')}); is dit een tabel Kerncijfers wijken en buurten?` });
	}
	if (problems.length || !('year' in year)) return result(table, records.length, 0, columns, missing);

	const duplicates = new DuplicateCheck();
	let skipped = 0;
	records.forEach((record, index) => {
		const feature = index + 1;
		const codeRaw = record[columns.Codering ?? ''] ?? record.WijkenEnBuurten;
		const code = typeof codeRaw === 'string' ? codeRaw.trim() : '';
		const soort = typeof record[columns.SoortRegio ?? ''] === 'string' ? (record[columns.SoortRegio] as string).trim().toLowerCase() : '';
		if (soort === 'land' || /^NL\d*$/.test(code)) {
			skipped++;
			return;
		}
		const at = { file, feature, code: code || undefined };
		const areaProblem = checkAreaCode(code, undefined);
		if (areaProblem || code.startsWith('SD')) {
			problems.push({ ...at, field: columns.Codering ?? 'WijkenEnBuurten', message: areaProblem ?? `geen CBS-regio: ${code}` });
			return;
		}
		if (soort && SOORT_PREFIX[soort] && !code.startsWith(SOORT_PREFIX[soort])) {
			problems.push({ ...at, field: columns.SoortRegio, message: `soort regio "${soort}" past niet bij ${code}` });
			return;
		}
		const gemeente = `GM${code.slice(2, 6)}`;
		if (options.gemeenten && !options.gemeenten.has(gemeente)) {
			skipped++;
			return;
		}
		if (options.areas && !options.areas.has(code)) {
			problems.push({ ...at, field: columns.Codering ?? 'WijkenEnBuurten', message: `onbekend gebied ${code} (niet geladen)` });
			return;
		}
		const earlier = duplicates.check(code, '', year.year, feature);
		if (earlier !== undefined) {
			problems.push({ ...at, field: columns.Codering ?? 'WijkenEnBuurten', message: `${code} komt dubbel voor (ook record ${earlier})` });
			return;
		}
		for (const m of mapping) {
			const key = columns[m.column];
			if (!key) continue;
			const cell = cellValue(record[key]);
			if ('error' in cell) {
				problems.push({ ...at, field: key, message: cell.error });
				continue;
			}
			let value = cell.value;
			if (m.per && value !== null) {
				const base = columns[m.per] ? cellValue(record[columns[m.per]]) : { value: null };
				if ('error' in base) {
					problems.push({ ...at, field: columns[m.per], message: base.error });
					continue;
				}
				// Rounded as CBS rounds its own percentages.
				value = base.value ? Math.round(((m.factor ?? 1) * value * 10) / base.value) / 10 : null;
			}
			if (value !== null) {
				const range = checkRange(m.indicator.unit, value);
				if (range) {
					problems.push({ ...at, field: key, message: range });
					continue;
				}
			}
			values.push({ areaCode: code, indicator: m.indicator.code, year: year.year, value, feature });
		}
	});
	return result(table, records.length, skipped, columns, missing);
}
