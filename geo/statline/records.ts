// Reads StatLine records in the UntypedDataSet / TypedDataSet layout, whatever they came in (an .xlsx or .csv
// export, OData JSON pages), one record at a time so that a national file never has to be held in memory:
//
//   ID, Leeftijd, Marges, WijkenEnBuurten, Perioden, Gemeentenaam_1, SoortRegio_2, Codering_3, Eenzaam_28, …
//   2,  20300,    MW00000, "NL01      ", 2020JJ00, "Nederland   ", "Land      ", "NL01     ", "    47.0", …
//
// Codes and values are padded with spaces; a blank cell or "." is "no value"; `Perioden` 2020JJ00 is the year
// 2020; `Marges` MW00000 is the point estimate and the other margins (MOG…/MBG…: lower/upper bound) become
// the interval's bounds. Topic columns carry a StatLine number (`Eenzaam_28`) that differs between tables and
// is ignored. Wijk and gemeente rows are values of their own (RIVM publishes them), not re-aggregated.
import { REGION_CODE, gemeenteOfCode, isNationalCode } from '../../src/lib/domain/areas';
import type { Indicator, SourceMeta } from '../../src/lib/domain/monitor';
import { statLineSource } from '../../src/lib/domain/provenance';
import type { ImportProblem } from '../problems';
import { checkRange } from '../monitor-common';
import type { StatLineTable, StatLineTopic } from './tables';

/** A StatLine catalogue entry: an Indicator with its topic, age group, urgency role and provenance. */
export interface StatLineIndicator extends Indicator {
	topic: string;
	topicName: string;
	ageGroup: string | null;
	ageGroupName: string | null;
	urgency: boolean;
	waves: boolean;
	sourceMeta: SourceMeta;
}
export type { SourceMeta };

export interface StatLineValue {
	areaCode: string;
	indicator: string;
	year: number;
	/** Null: the source has no value (blank or "."); a stored value from the same source is then removed. */
	value: number | null;
	/** Which bound a non-point margin gives; absent for the point estimate. */
	bound?: 'lower' | 'upper';
}

/** The key without StatLine's column number: `Eenzaam_28` → `Eenzaam`. */
export const columnStem = (key: string) => key.replace(/_\d+$/, '');

/** A StatLine cell as a number, null ("no value"), or the problem with it. StatLine writes a decimal point. */
export function statLineNumber(raw: unknown): { value: number | null } | { error: string } {
	if (raw === null || raw === undefined) return { value: null };
	if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { error: `geen getal: ${raw}` };
	if (typeof raw === 'string') {
		const t = raw.trim();
		if (t === '' || t === '.') return { value: null };
		if (!/^-?\d+(\.\d+)?$/.test(t)) return { error: `geen getal: ${JSON.stringify(t)}` };
		return { value: Number(t) };
	}
	return { error: `geen getal: ${JSON.stringify(raw)}` };
}

/** `2020JJ00` → 2020 (a year); other periods (quarters, months) are not monitor years. */
export function periodYear(raw: unknown): { year: number } | { error: string } {
	const t = String(raw ?? '').trim();
	const match = /^(\d{4})JJ00$/.exec(t);
	if (!match) return { error: t === '' ? 'periode is leeg' : `geen jaarperiode: "${t}" (verwacht bijvoorbeeld 2020JJ00)` };
	return { year: Number(match[1]) };
}

/** Lower and upper bounds of StatLine's `Marges` dimension; MW00000 is the value itself. */
export function marginKind(raw: unknown): 'value' | 'lower' | 'upper' | null {
	const t = String(raw ?? '').trim().toUpperCase();
	if (t === '' || t === 'MW00000') return 'value';
	if (t.startsWith('MOG')) return 'lower';
	if (t.startsWith('MBG')) return 'upper';
	return null;
}

const SOORT_PREFIX: Record<string, string> = { land: 'NL', gemeente: 'GM', wijk: 'WK', buurt: 'BU' };
const MAX_PROBLEMS = 200;

export interface StatLineReadOptions {
	/** File name or URL, for problems. */
	file: string;
	table: StatLineTable;
	/** The year when the table has no `Perioden` column (KWB). */
	year?: number;
	/** Gemeenten whose areas are read; null: every area (`--alle`). Nederland is always read. */
	gemeenten: ReadonlySet<string> | null;
	/** Loaded area codes: an area of a read gemeente must be one of them. Null: codes are checked for form only. */
	areas: ReadonlySet<string> | null;
	/** Topics of a table without a mapping (from OData DataProperties): stem → topic. */
	extraTopics?: Record<string, StatLineTopic>;
}

/** One column of a topic as found in the header. */
interface TopicColumn {
	key: string;
	topic: StatLineTopic;
}

/**
 * Reads records one by one: `header` once with the column keys, then `record` per row. Values of the areas
 * asked for go to `emit`; problems are collected (at most 200) with file, row and column.
 */
export class StatLineReader {
	readonly problems: ImportProblem[] = [];
	readonly indicators = new Map<string, StatLineIndicator>();
	rows = 0;
	skipped = 0;
	years = new Set<number>();
	private topics: TopicColumn[] = [];
	private columns: Record<string, string> = {};
	private readonly seen = new Map<string, number>();

	constructor(
		private readonly options: StatLineReadOptions,
		private readonly emit: (value: StatLineValue) => void
	) {}

	get full(): boolean {
		return this.problems.length >= MAX_PROBLEMS;
	}

	private problem(p: Omit<ImportProblem, 'file'>): void {
		if (this.problems.length < MAX_PROBLEMS) this.problems.push({ file: this.options.file, ...p });
	}

	/** Checks the header: a region column, a period (or a year given), every mapped topic. False when unusable. */
	header(keys: string[]): boolean {
		const { table } = this.options;
		const byStem = new Map<string, string[]>();
		for (const key of keys.map((k) => String(k ?? '').trim()).filter(Boolean)) {
			byStem.set(columnStem(key), [...(byStem.get(columnStem(key)) ?? []), key]);
		}
		for (const [stem, found] of byStem) if (found.length > 1) this.problem({ row: 1, field: stem, message: `kolom ${stem} komt meer dan eens voor (${found.join(', ')})` });
		const one = (stem: string) => byStem.get(stem)?.[0];
		for (const stem of ['WijkenEnBuurten', 'Codering', 'SoortRegio', 'Perioden', 'Marges', table.ageGroups?.column ?? '']) {
			const key = stem ? one(stem) : undefined;
			if (key) this.columns[stem] = key;
		}
		if (!this.columns.WijkenEnBuurten && !this.columns.Codering) {
			this.problem({ row: 1, field: 'WijkenEnBuurten', message: `kolom WijkenEnBuurten (of Codering) ontbreekt; is dit een StatLine-tabel met wijken en buurten? (gevonden: ${keys.slice(0, 12).join(', ')})` });
		}
		if (!this.columns.Perioden && this.options.year === undefined) {
			this.problem({ row: 1, field: 'Perioden', message: 'kolom Perioden ontbreekt en er is geen jaar opgegeven (--jaar)' });
		}
		if (table.ageGroups && !this.columns[table.ageGroups.column]) {
			this.problem({ row: 1, field: table.ageGroups.column, message: `kolom ${table.ageGroups.column} ontbreekt (tabel ${table.table} heeft leeftijdsgroepen)` });
		}
		const topics = { ...table.topics, ...this.options.extraTopics };
		for (const [stem, topic] of Object.entries(topics)) {
			const key = one(stem);
			if (key) this.topics.push({ key, topic });
			else this.problem({ row: 1, field: stem, message: `onderwerp ${stem} (${topic.name}) ontbreekt in de kopregel van tabel ${table.table}` });
		}
		return this.problems.length === 0;
	}

	/** The catalogue entry of a topic for an age group, made once. */
	private indicator(topic: StatLineTopic, age: { code: string; name: string } | null): StatLineIndicator {
		const { table } = this.options;
		const code = `${table.prefix}_${topic.code}${age ? `_${age.code}` : ''}`;
		let entry = this.indicators.get(code);
		if (!entry) {
			const sourceMeta: SourceMeta = {
				publisher: table.publisher,
				table: table.table,
				title: table.title,
				licence: table.licence,
				...(table.estimate ? { estimate: table.estimate } : {}),
				attribution: table.attribution
			};
			entry = {
				code,
				name: age ? `${topic.name} (${age.name})` : topic.name,
				unit: topic.unit,
				domain: topic.domain,
				direction: topic.direction,
				weighting: topic.weighting,
				source: catalogueSource(sourceMeta),
				synthetic: false,
				topic: `${table.prefix}_${topic.code}`,
				topicName: topic.name,
				ageGroup: age?.code ?? null,
				ageGroupName: age?.name ?? null,
				urgency: Boolean(age && topic.urgency?.includes(age.code)) || Boolean(!age && topic.urgency),
				waves: table.waves,
				sourceMeta
			};
			this.indicators.set(code, entry);
		}
		return entry;
	}

	/** One record (row `row` as the file numbers it: the header is row 1 in a spreadsheet). */
	record(record: Record<string, unknown>, row: number): void {
		this.rows++;
		const { table, gemeenten, areas } = this.options;
		const text = (stem: string) => (this.columns[stem] ? String(record[this.columns[stem]] ?? '').trim() : '');
		const regionField = this.columns.WijkenEnBuurten ?? this.columns.Codering;
		const code = text('WijkenEnBuurten') || text('Codering');
		if (!REGION_CODE.test(code)) {
			this.problem({ row, code: code || undefined, field: regionField, message: code === '' ? 'gebiedscode is leeg' : `geen CBS-regiocode: "${code}" (NL01, GM0000, WK000000 of BU00000000)` });
			return;
		}
		const national = isNationalCode(code);
		const gemeente = national ? null : gemeenteOfCode(code);
		if (gemeenten && gemeente && !gemeenten.has(gemeente)) {
			this.skipped++;
			return;
		}
		const at = { row, code };
		const soort = text('SoortRegio').toLowerCase();
		if (soort && SOORT_PREFIX[soort] && !code.startsWith(SOORT_PREFIX[soort])) {
			this.problem({ ...at, field: this.columns.SoortRegio, message: `soort regio "${soort}" past niet bij ${code}` });
			return;
		}
		if (areas && !national && !areas.has(code)) {
			this.problem({ ...at, field: regionField, message: `onbekend gebied ${code} (niet geladen; laad eerst de gebiedsindeling of gebruik --alle)` });
			return;
		}
		let year = this.options.year;
		if (this.columns.Perioden) {
			const period = periodYear(record[this.columns.Perioden]);
			if ('error' in period) {
				this.problem({ ...at, field: this.columns.Perioden, message: period.error });
				return;
			}
			year = period.year;
		}
		const margin = this.columns.Marges ? marginKind(record[this.columns.Marges]) : 'value';
		if (margin === null) {
			this.problem({ ...at, field: this.columns.Marges, message: `onbekende marge "${text('Marges')}" (MW00000, MOG… of MBG…)` });
			return;
		}
		let age: { code: string; name: string } | null = null;
		if (table.ageGroups) {
			const ageCode = text(table.ageGroups.column);
			age = table.ageGroups.groups[ageCode] ?? null;
			if (!age) {
				this.problem({ ...at, field: this.columns[table.ageGroups.column], message: `onbekende leeftijdsgroep "${ageCode}" (${Object.keys(table.ageGroups.groups).join(', ')})` });
				return;
			}
		}
		const key = `${code}|${age?.code ?? ''}|${year}|${margin}`;
		const earlier = this.seen.get(key);
		if (earlier !== undefined) {
			this.problem({ ...at, field: regionField, message: `${code}${age ? ` (${age.name})` : ''} ${year} komt dubbel voor (ook rij ${earlier})` });
			return;
		}
		this.seen.set(key, row);
		this.years.add(year!);
		for (const { key: column, topic } of this.topics) {
			const cell = statLineNumber(record[column]);
			if ('error' in cell) {
				this.problem({ ...at, field: column, message: cell.error });
				continue;
			}
			if (cell.value !== null) {
				const range = checkRange(topic.unit, cell.value);
				if (range) {
					this.problem({ ...at, field: column, message: range });
					continue;
				}
			}
			const indicator = this.indicator(topic, age);
			if (margin === 'value') this.emit({ areaCode: code, indicator: indicator.code, year: year!, value: cell.value });
			else if (cell.value !== null) this.emit({ areaCode: code, indicator: indicator.code, year: year!, value: cell.value, bound: margin });
		}
	}
}

/** The catalogue's one-line source: "RIVM/GGD'en/CBS, Gezondheid per wijk en buurt (StatLine 50090NED), modelschatting, CC BY 4.0". */
export function catalogueSource(meta: SourceMeta): string {
	return `${meta.publisher}, ${meta.title} (StatLine ${meta.table})${meta.estimate ? `, ${meta.estimate}` : ''}, ${meta.licence}`;
}

/** The source stored with each value: the catalogue's, with the wave or year. */
export function valueSource(meta: SourceMeta, year: number): string {
	return statLineSource(meta, year);
}

/** Topics of a table without a mapping, from its OData DataProperties: titles and units, context only. */
export function topicsFromDataProperties(
	table: string,
	properties: { Key?: unknown; Title?: unknown; Unit?: unknown; Type?: unknown }[]
): Record<string, StatLineTopic> {
	const topics: Record<string, StatLineTopic> = {};
	for (const p of properties) {
		if (p.Type !== 'Topic' || typeof p.Key !== 'string' || typeof p.Title !== 'string') continue;
		const stem = columnStem(p.Key);
		if (['Gemeentenaam', 'SoortRegio', 'Codering', 'IndelingswijzigingWijkenEnBuurten', 'MeestVoorkomendePostcode', 'Dekkingspercentage'].includes(stem)) continue;
		const unit = typeof p.Unit === 'string' ? p.Unit.trim() : '';
		topics[stem] = {
			code: stem.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9_]/g, ''),
			name: p.Title.trim(),
			unit: unit === '' ? 'aantal' : unit,
			domain: 'context',
			direction: 'context',
			weighting: unit === 'aantal' ? 'som' : 'inwoners'
		};
	}
	void table;
	return topics;
}
