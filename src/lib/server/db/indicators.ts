// The wijk- en buurtmonitor: the indicator catalogue and values per area and year, plain verbs over SQL.
// Wijk, stadsdeel and gemeente figures are aggregated from buurten in SQL by monitor_values() (migration
// 003, which states the rules); small areas come back suppressed, with value null.
import type { Queryable } from './client';
import type { AreaLevel } from '../../domain/areas';
import {
	SUPPRESSION_THRESHOLD,
	SYNTHETIC_LABEL,
	type AreaValue,
	type Indicator,
	type IndicatorValues
} from '../../domain/monitor';

// ---------- the catalogue ----------

/**
 * An indicator is synthetic when its catalogue entry says so or any of its stored values is invented, so
 * that a label is never lost when real and demo values are mixed.
 */
const CATALOGUE_COLUMNS = `i.code, i.name, i.unit, i.domain, i.direction, i.source, i.weighting,
	i.topic, i.topic_name AS "topicName", i.age_group AS "ageGroup", i.age_group_name AS "ageGroupName",
	i.urgency, i.waves, i.source_meta AS "sourceMeta",
	(i.synthetic OR EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator = i.code AND v.synthetic)) AS synthetic`;
const CATALOGUE_ORDER = `array_position(ARRAY['context','sociaal','gezondheid','veiligheid','wonen','duurzaamheid'], i.domain), i.code`;
const CATALOGUE_SELECT = `SELECT ${CATALOGUE_COLUMNS} FROM indicators i ORDER BY ${CATALOGUE_ORDER}`;

/** Every indicator, context first, then by domain in the order of the municipal documents. */
export async function listCatalogue(db: Queryable): Promise<Indicator[]> {
	return db.query<Indicator>(CATALOGUE_SELECT);
}

export async function countCatalogue(db: Queryable): Promise<number> {
	const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicators');
	return row.n;
}

/**
 * Inserts or updates catalogue entries by code; unchanged entries are not rewritten. With `onlyNew` an
 * existing entry is left as it is (a CBS mapping must not overwrite the municipality's own catalogue).
 * Returns the number of entries written.
 */
export async function upsertCatalogue(
	db: Queryable,
	entries: Indicator[],
	options: { onlyNew?: boolean } = {}
): Promise<number> {
	if (entries.length === 0) return 0;
	const input = entries.map((e) => ({
		code: e.code, name: e.name, unit: e.unit, domain: e.domain, direction: e.direction, weighting: e.weighting,
		source: e.source, synthetic: e.synthetic, topic: e.topic ?? null, topic_name: e.topicName ?? null,
		age_group: e.ageGroup ?? null, age_group_name: e.ageGroupName ?? null, urgency: e.urgency ?? true,
		waves: e.waves ?? false, source_meta: e.sourceMeta ?? null
	}));
	const rows = await db.query<{ code: string }>(
		`INSERT INTO indicators (code, name, unit, domain, direction, weighting, source, synthetic, topic, topic_name,
		                        age_group, age_group_name, urgency, waves, source_meta, imported_at)
		SELECT r.code, r.name, r.unit, r.domain, r.direction, r.weighting, r.source, r.synthetic, r.topic, r.topic_name,
		       r.age_group, r.age_group_name, r.urgency, r.waves, r.source_meta, now()
		FROM jsonb_to_recordset($1::text::jsonb)
		     AS r(code text, name text, unit text, domain text, direction text, weighting text, source text, synthetic boolean,
		          topic text, topic_name text, age_group text, age_group_name text, urgency boolean, waves boolean, source_meta jsonb)
		ON CONFLICT (code) DO ${
			options.onlyNew
				? 'NOTHING'
				: `UPDATE SET name = EXCLUDED.name, unit = EXCLUDED.unit, domain = EXCLUDED.domain,
				direction = EXCLUDED.direction, weighting = EXCLUDED.weighting, source = EXCLUDED.source,
				synthetic = EXCLUDED.synthetic, topic = EXCLUDED.topic, topic_name = EXCLUDED.topic_name,
				age_group = EXCLUDED.age_group, age_group_name = EXCLUDED.age_group_name, urgency = EXCLUDED.urgency,
				waves = EXCLUDED.waves, source_meta = EXCLUDED.source_meta, imported_at = now()
			WHERE (indicators.name, indicators.unit, indicators.domain, indicators.direction, indicators.weighting,
			       indicators.source, indicators.synthetic, indicators.topic, indicators.topic_name, indicators.age_group,
			       indicators.age_group_name, indicators.urgency, indicators.waves, indicators.source_meta)
			      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.unit, EXCLUDED.domain, EXCLUDED.direction,
			       EXCLUDED.weighting, EXCLUDED.source, EXCLUDED.synthetic, EXCLUDED.topic, EXCLUDED.topic_name,
			       EXCLUDED.age_group, EXCLUDED.age_group_name, EXCLUDED.urgency, EXCLUDED.waves, EXCLUDED.source_meta)`
		}
		RETURNING code`,
		[JSON.stringify(input)]
	);
	return rows.length;
}

// ---------- values: writing ----------

export interface StoredValue {
	areaCode: string;
	indicator: string;
	year: number;
	value: number;
	source: string;
	synthetic: boolean;
	/** Interval bounds of a model estimate, where the source publishes them. */
	lower?: number | null;
	upper?: number | null;
}

/** Codes of every loaded area (any year): what an imported value may refer to. */
export async function areaCodes(db: Queryable): Promise<Set<string>> {
	const rows = await db.query<{ code: string }>('SELECT DISTINCT code FROM areas');
	return new Set(rows.map((r) => r.code));
}

/** Area codes of the given gemeenten (any year): what a national table is checked against. */
export async function areaCodesOf(db: Queryable, gemeenten: Iterable<string>): Promise<Set<string>> {
	const rows = await db.query<{ code: string }>(`SELECT DISTINCT code FROM areas WHERE gemeentecode IN (SELECT jsonb_array_elements_text($1::text::jsonb))`,
		[JSON.stringify([...gemeenten])]);
	return new Set(rows.map((r) => r.code));
}

/** Gemeenten with buurten loaded: where a national CBS table is imported for. */
export async function gemeentenWithBuurten(db: Queryable): Promise<Set<string>> {
	const rows = await db.query<{ code: string }>(`SELECT DISTINCT gemeentecode AS code FROM areas WHERE level = 'buurt'`);
	return new Set(rows.map((r) => r.code));
}

const BATCH = 1000;

/**
 * Inserts or updates values by area, indicator and year; a row whose value, source and synthetic flag are
 * unchanged is not rewritten (so a re-import writes nothing). Returns the number of rows written.
 */
export async function upsertValues(db: Queryable, values: StoredValue[]): Promise<number> {
	let written = 0;
	for (let i = 0; i < values.length; i += BATCH) {
		const batch = values.slice(i, i + BATCH).map((v) => ({
			area_code: v.areaCode, indicator: v.indicator, year: v.year, value: v.value, source: v.source, synthetic: v.synthetic,
			lower: v.lower ?? null, upper: v.upper ?? null
		}));
		const rows = await db.query<{ n: number }>(
			`INSERT INTO indicator_values (area_code, indicator, year, value, source, synthetic, lower, upper, imported_at)
			SELECT r.area_code, r.indicator, r.year, r.value, r.source, r.synthetic, r.lower, r.upper, now()
			FROM jsonb_to_recordset($1::text::jsonb)
			     AS r(area_code text, indicator text, year integer, value double precision, source text, synthetic boolean,
			          lower double precision, upper double precision)
			ON CONFLICT (area_code, indicator, year) DO UPDATE SET
				value = EXCLUDED.value, source = EXCLUDED.source, synthetic = EXCLUDED.synthetic,
				lower = EXCLUDED.lower, upper = EXCLUDED.upper, imported_at = now()
			WHERE (indicator_values.value, indicator_values.source, indicator_values.synthetic, indicator_values.lower, indicator_values.upper)
			      IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.source, EXCLUDED.synthetic, EXCLUDED.lower, EXCLUDED.upper)
			RETURNING 1 AS n`,
			[JSON.stringify(batch)]
		);
		written += rows.length;
	}
	return written;
}

/**
 * Deletes stored values that their own source now reports as not available (an empty cell, a CBS secret).
 * A value from another source stays: one source cannot retract another's figures. Returns the number deleted.
 */
export async function removeValues(
	db: Queryable,
	keys: { areaCode: string; indicator: string; year: number; source: string }[]
): Promise<number> {
	let removed = 0;
	for (let i = 0; i < keys.length; i += BATCH) {
		const batch = keys.slice(i, i + BATCH).map((k) => ({ area_code: k.areaCode, indicator: k.indicator, year: k.year, source: k.source }));
		const rows = await db.query<{ n: number }>(
			`DELETE FROM indicator_values v
			USING jsonb_to_recordset($1::text::jsonb) AS r(area_code text, indicator text, year integer, source text)
			WHERE v.area_code = r.area_code AND v.indicator = r.indicator AND v.year = r.year AND v.source = r.source
			RETURNING 1 AS n`,
			[JSON.stringify(batch)]
		);
		removed += rows.length;
	}
	return removed;
}

/** Sets the interval bounds of stored values (a StatLine margin arrives in rows of its own). */
export async function setBounds(
	db: Queryable,
	bounds: { areaCode: string; indicator: string; year: number; lower: number | null; upper: number | null }[]
): Promise<number> {
	let written = 0;
	for (let i = 0; i < bounds.length; i += BATCH) {
		const batch = bounds.slice(i, i + BATCH).map((b) => ({ area_code: b.areaCode, indicator: b.indicator, year: b.year, lower: b.lower, upper: b.upper }));
		const rows = await db.query<{ n: number }>(
			`UPDATE indicator_values v SET lower = r.lower, upper = r.upper, imported_at = now()
			FROM jsonb_to_recordset($1::text::jsonb) AS r(area_code text, indicator text, year integer, lower double precision, upper double precision)
			WHERE v.area_code = r.area_code AND v.indicator = r.indicator AND v.year = r.year
			  AND (v.lower, v.upper) IS DISTINCT FROM (r.lower, r.upper)
			RETURNING 1 AS n`,
			[JSON.stringify(batch)]
		);
		written += rows.length;
	}
	return written;
}

// ---------- values: reading ----------

interface MonitorRow {
	code: string;
	name: string;
	year: number;
	indicator: string;
	value: number | null;
	inwoners: number | null;
	suppressed: boolean;
}

/** Years with values for any area of the gemeente, ascending. */
export async function years(db: Queryable, gemeente: string): Promise<number[]> {
	const rows = await db.query<{ year: number }>(
		`SELECT DISTINCT v.year FROM indicator_values v
		WHERE EXISTS (SELECT 1 FROM areas a WHERE a.code = v.area_code AND a.gemeentecode = $1)
		ORDER BY v.year`,
		[gemeente]
	);
	return rows.map((r) => r.year);
}

/**
 * The year of the latest wave at or before `year` of indicators published in waves (RIVM), for the gemeente;
 * per indicator when `indicator` is given. Null when there is none.
 */
export async function waveYear(db: Queryable, q: { gemeente: string; year: number; indicator?: string }): Promise<number | null> {
	const [row] = await db.query<{ year: number | null }>(
		`SELECT max(v.year) AS year FROM indicator_values v JOIN indicators i ON i.code = v.indicator AND i.waves
		WHERE v.year <= $2 AND ($3::text IS NULL OR v.indicator = $3)
		  AND EXISTS (SELECT 1 FROM areas a WHERE a.code = v.area_code AND a.gemeentecode = $1)`,
		[q.gemeente, q.year, q.indicator ?? null]
	);
	return row?.year ?? null;
}

/** Years with values of one indicator for the gemeente, ascending. */
export async function indicatorYears(db: Queryable, gemeente: string, indicator: string): Promise<number[]> {
	const rows = await db.query<{ year: number }>(
		`SELECT DISTINCT v.year FROM indicator_values v
		WHERE v.indicator = $2 AND EXISTS (SELECT 1 FROM areas a WHERE a.code = v.area_code AND a.gemeentecode = $1)
		ORDER BY v.year`,
		[gemeente, indicator]
	);
	return rows.map((r) => r.year);
}

export interface ValuesQuery {
	gemeente: string;
	level: AreaLevel;
	year: number;
	indicator: string;
}

/**
 * One indicator for every area of a level of the gemeente (its current CBS year), areas without a value
 * included (value null); aggregated from buurten where nothing is stored for the area itself; suppressed
 * below 50 inhabitants.
 */
export async function values(db: Queryable, q: ValuesQuery): Promise<AreaValue[]> {
	return db.query<AreaValue>(
		`SELECT m.code, m.name, m.value, m.suppressed
		FROM monitor_values($1, $2, $3, $4, NULL, $5) m ORDER BY m.code`,
		[q.gemeente, q.level, q.year, q.indicator, SUPPRESSION_THRESHOLD]
	);
}

export interface MatrixArea {
	code: string;
	name: string;
	/** Null when unknown or suppressed. */
	inwoners: number | null;
	suppressed: boolean;
	/** Every indicator of the catalogue; null when missing or suppressed. */
	values: Record<string, number | null>;
}

export interface Matrix {
	indicators: Indicator[];
	areas: MatrixArea[];
}

/** Every indicator for every area of a level of the gemeente in one year: the table view, in one query. */
export async function matrix(db: Queryable, q: Omit<ValuesQuery, 'indicator'>): Promise<Matrix> {
	const [row] = await db.query<{ indicators: Indicator[] | null; areas: MatrixArea[] | null }>(
		`WITH catalogue AS (SELECT ${CATALOGUE_COLUMNS}, row_number() OVER (ORDER BY ${CATALOGUE_ORDER}) AS position FROM indicators i),
		cells AS (SELECT * FROM monitor_values($1, $2, $3, NULL, NULL, $4)),
		area_rows AS (
			SELECT c.code, c.name, max(c.inwoners) AS inwoners, bool_or(c.suppressed) AS suppressed,
			       json_object_agg(c.indicator, c.value) AS cell_values
			FROM cells c GROUP BY c.code, c.name
		)
		SELECT (SELECT json_agg(json_build_object('code', c.code, 'name', c.name, 'unit', c.unit, 'domain', c.domain,
		                                          'direction', c.direction, 'source', c.source, 'weighting', c.weighting,
		                                          'synthetic', c.synthetic, 'topic', c.topic, 'topicName', c."topicName",
		                                          'ageGroup', c."ageGroup", 'ageGroupName', c."ageGroupName", 'urgency', c.urgency,
		                                          'waves', c.waves, 'sourceMeta', c."sourceMeta") ORDER BY c.position)
		        FROM catalogue c) AS indicators,
		       (SELECT json_agg(json_build_object('code', a.code, 'name', a.name, 'inwoners', a.inwoners,
		                                          'suppressed', a.suppressed, 'values', a.cell_values) ORDER BY a.code)
		        FROM area_rows a) AS areas`,
		[q.gemeente, q.level, q.year, SUPPRESSION_THRESHOLD]
	);
	return { indicators: row?.indicators ?? [], areas: row?.areas ?? [] };
}

export interface Reference {
	/** The gemeente's own (aggregated) value; null when missing. */
	gemeente: number | null;
	/** Every buurt of the gemeente with a value that is not suppressed: the distribution urgency is measured against. */
	buurten: { code: string; value: number }[];
}

/** Per indicator: the gemeente's value and the distribution of its (non-suppressed) buurt values in a year. */
export async function reference(db: Queryable, q: { gemeente: string; year: number }): Promise<Record<string, Reference>> {
	const rows = await db.query<{ indicator: string; gemeente: number | null; buurten: { code: string; value: number }[] | null }>(
		`WITH catalogue AS (${CATALOGUE_SELECT}),
		buurt AS (SELECT * FROM monitor_values($1, 'buurt', $2, NULL, NULL, $3)),
		gemeente AS (SELECT * FROM monitor_values($1, 'gemeente', $2, NULL, NULL, $3))
		SELECT c.code AS indicator,
		       (SELECT g.value FROM gemeente g WHERE g.indicator = c.code) AS gemeente,
		       (SELECT json_agg(json_build_object('code', b.code, 'value', b.value) ORDER BY b.code)
		        FROM buurt b WHERE b.indicator = c.code AND b.value IS NOT NULL AND NOT b.suppressed) AS buurten
		FROM catalogue c`,
		[q.gemeente, q.year, SUPPRESSION_THRESHOLD]
	);
	return Object.fromEntries(rows.map((r) => [r.indicator, { gemeente: r.gemeente, buurten: r.buurten ?? [] }]));
}

export interface SeriesPoint {
	year: number;
	/** Null when missing or suppressed: a missing year is a gap, never 0. */
	value: number | null;
	suppressed: boolean;
}

/**
 * Every indicator of one area for every year with values in its gemeente (for sparklines), aggregated and
 * suppressed as everywhere else. Null when the area is unknown.
 */
export async function series(db: Queryable, areaCode: string): Promise<Record<string, SeriesPoint[]> | null> {
	const rows = await db.query<MonitorRow>(
		`WITH area AS (
			SELECT a.gemeentecode, a.level FROM areas a WHERE a.code = $1 ORDER BY a.year DESC LIMIT 1
		)
		SELECT m.indicator, m.year, m.value, m.suppressed
		FROM area, monitor_values(area.gemeentecode, area.level, NULL, NULL, $1, $2) m
		ORDER BY m.indicator, m.year`,
		[areaCode, SUPPRESSION_THRESHOLD]
	);
	if (rows.length === 0) {
		const [known] = await db.query('SELECT 1 FROM areas WHERE code = $1 LIMIT 1', [areaCode]);
		if (!known) return null;
	}
	const result: Record<string, SeriesPoint[]> = {};
	for (const r of rows) (result[r.indicator] ??= []).push({ year: r.year, value: r.value, suppressed: r.suppressed });
	return result;
}

/** Nederland's own values (NL01, as StatLine tables deliver them): per indicator, per year. */
export async function nationalValues(db: Queryable): Promise<Record<string, Record<number, number>>> {
	const rows = await db.query<{ indicator: string; year: number; value: number }>(
		`SELECT indicator, year, value FROM indicator_values WHERE area_code = 'NL01' ORDER BY indicator, year`
	);
	const result: Record<string, Record<number, number>> = {};
	for (const r of rows) (result[r.indicator] ??= {})[r.year] = r.value;
	return result;
}

export interface Provenance {
	indicator: string;
	year: number;
	/** The distinct sources of the gemeente's values, joined with "; ". */
	source: string;
	synthetic: boolean;
	/** SYNTHETIC_LABEL when any value is invented: show it wherever the values appear. */
	label?: string;
}

/** Where the gemeente's values of each indicator and year come from, and whether any is synthetic. */
export async function provenance(
	db: Queryable,
	q: { gemeente: string; year?: number; indicator?: string }
): Promise<Provenance[]> {
	const rows = await db.query<Omit<Provenance, 'label'>>(
		`SELECT v.indicator, v.year, string_agg(DISTINCT v.source, '; ') AS source, bool_or(v.synthetic) AS synthetic
		FROM indicator_values v
		WHERE EXISTS (SELECT 1 FROM areas a WHERE a.code = v.area_code AND a.gemeentecode = $1)
		  AND ($2::int IS NULL OR v.year = $2) AND ($3::text IS NULL OR v.indicator = $3)
		GROUP BY v.indicator, v.year
		ORDER BY v.indicator, v.year`,
		[q.gemeente, q.year ?? null, q.indicator ?? null]
	);
	return rows.map((r) => (r.synthetic ? { ...r, label: SYNTHETIC_LABEL } : r));
}

/**
 * One indicator of a level in a year with its provenance, in the shape of the API (IndicatorValues); null
 * when the indicator is not in the catalogue. Without values the source is the catalogue's.
 */
export async function indicatorValues(db: Queryable, q: ValuesQuery): Promise<IndicatorValues | null> {
	const [entry] = await db.query<{ source: string; synthetic: boolean; waves: boolean; estimate: string | null }>(
		`SELECT source, synthetic, waves, source_meta->>'estimate' AS estimate FROM indicators WHERE code = $1`,
		[q.indicator]
	);
	if (!entry) return null;
	// Published in waves (RIVM): a year without a wave gives the latest wave before it, and says so.
	const wave = entry.waves ? await waveYear(db, { gemeente: q.gemeente, year: q.year, indicator: q.indicator }) : null;
	const year = wave ?? q.year;
	const [origin] = await provenance(db, { gemeente: q.gemeente, year, indicator: q.indicator });
	const source = origin?.source ?? entry.source;
	const synthetic = origin?.synthetic ?? entry.synthetic;
	return {
		meta: {
			indicator: q.indicator,
			source,
			year,
			...(year !== q.year ? { requestedYear: q.year } : {}),
			synthetic,
			...(entry.estimate === 'modelschatting' ? { estimate: 'modelschatting' as const } : {}),
			...(synthetic ? { label: SYNTHETIC_LABEL } : {})
		},
		values: await values(db, { ...q, year })
	};
}
