// The monitor's analyses as the API and the page ask for them: the urgency ranking of a level of a gemeente,
// and an area's card. The values come from the database (aggregated and suppressed there); the scoring is
// the same pure code the tests check by hand (domain/urgency.ts).
import type { Queryable } from './db/client';
import * as areas from './db/areas';
import * as indicators from './db/indicators';
import { SYNTHETIC_LABEL, type Weights } from '../domain/monitor';
import { formatValue } from '../domain/format';
import { cachedByVersion } from './view-cache';
import { DEFAULT_DRAWS, DEFAULT_TOP_N, rankUrgency, urgencyIndicators, type AreaUrgency } from '../domain/urgency';
import { indicatorProvenance, indicatorSource, scoreProvenance, shortSource, type ViewProvenance } from '../domain/provenance';
import type { AreaLevel } from '../domain/areas';
import type { AreaBudget } from '../domain/wijkbudgetten';
import { WIJKBUDGET_INDICATOR, areaBudget, budgetPerInwoner } from './wijkbudgetten';

export interface UrgencyQuery {
	gemeente: string;
	level: AreaLevel;
	year: number;
	weights: Weights;
	topN?: number;
	draws?: number;
}

export interface UrgencyRanking {
	year: number;
	synthetic: boolean;
	/** Which parts of the score are real: "Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata". */
	provenance: ViewProvenance;
	/** Indicators published in waves and the wave used for this year (null: the year itself or none). */
	wave: number | null;
	areas: AreaUrgency[];
	/** Areas with fewer than 50 inhabitants: not scored. */
	suppressed: Set<string>;
}

/** The latest year with values for the gemeente, or null when it has none. */
export async function latestYear(db: Queryable, gemeente: string): Promise<number | null> {
	return (await indicators.years(db, gemeente)).at(-1) ?? null;
}

/**
 * The matrix and reference of a year, with indicators published in waves (RIVM 2012/2016/2020) taken from
 * the latest wave at or before it: a year without a wave uses the wave before it, and says which.
 */
async function scoredYear(db: Queryable, q: { gemeente: string; level: AreaLevel; year: number }) {
	const [matrix, reference, wave] = await Promise.all([
		indicators.matrix(db, { gemeente: q.gemeente, level: q.level, year: q.year }),
		indicators.reference(db, { gemeente: q.gemeente, year: q.year }),
		indicators.waveYear(db, { gemeente: q.gemeente, year: q.year })
	]);
	const years: Record<string, number> = {};
	const waved = matrix.indicators.filter((i) => i.waves);
	if (wave !== null && waved.length) {
		for (const i of waved) years[i.code] = wave;
		if (wave !== q.year) {
			const [then, thenReference] = await Promise.all([
				indicators.matrix(db, { ...q, year: wave }),
				indicators.reference(db, { gemeente: q.gemeente, year: wave })
			]);
			const earlier = new Map(then.areas.map((a) => [a.code, a]));
			for (const area of matrix.areas) {
				for (const i of waved) area.values[i.code] = earlier.get(area.code)?.values[i.code] ?? null;
			}
			for (const i of waved) reference[i.code] = thenReference[i.code] ?? { gemeente: null, buurten: [] };
		}
	}
	return { matrix, reference, wave, years };
}

/**
 * The urgency ranking of a gemeente's areas at a level (500 draws for robustness): computed once per query and
 * data version (view-cache.ts), so that the map's theme and the area card share it, as do concurrent readers.
 */
export async function urgencyRanking(db: Queryable, q: UrgencyQuery): Promise<UrgencyRanking> {
	return cachedByVersion(db, `urgency:${JSON.stringify([q.gemeente, q.level, q.year, q.weights, q.topN, q.draws])}`, () =>
		computeUrgencyRanking(db, q)
	);
}

async function computeUrgencyRanking(db: Queryable, q: UrgencyQuery): Promise<UrgencyRanking> {
	const { matrix, reference, wave, years } = await scoredYear(db, q);
	const ranked = rankUrgency(
		{
			indicators: matrix.indicators,
			reference: Object.fromEntries(Object.entries(reference).map(([code, r]) => [code, r.buurten.map((b) => b.value)])),
			gemeente: Object.fromEntries(Object.entries(reference).map(([code, r]) => [code, r.gemeente])),
			areas: matrix.areas,
			year: q.year,
			years
		},
		{ weights: q.weights, topN: q.topN ?? DEFAULT_TOP_N, draws: q.draws ?? DEFAULT_DRAWS }
	);
	const scored = urgencyIndicators(matrix.indicators).filter((i) => (reference[i.code]?.buurten.length ?? 0) > 0);
	const provenance = scoreProvenance(scored, years, q.year);
	return {
		year: q.year,
		synthetic: provenance.synthetic,
		provenance,
		wave: wave !== null && wave !== q.year ? wave : null,
		areas: ranked,
		suppressed: new Set(matrix.areas.filter((a) => a.suppressed).map((a) => a.code))
	};
}

export interface ProfileIndicator {
	code: string;
	name: string;
	unit: string;
	domain: string;
	direction: string;
	value: number | null;
	gemeente: number | null;
	suppressed: boolean;
	series: { year: number; value: number | null }[];
	/** Where the value comes from with its year ("RIVM 2020, modelschatting", "demodata 2024"). */
	source: string;
	/** The year of the value: a wave before the card's year for RIVM. */
	valueYear: number;
	synthetic: boolean;
	estimate?: 'modelschatting';
	topic: string | null;
	topicName: string | null;
	/** Counts in the urgency score (the catalogue decides). */
	scored: boolean;
	ageGroup: string | null;
	ageGroupName: string | null;
	/** Indicators published in waves: the area's, the gemeente's and Nederland's value per wave. */
	trend?: { year: number; area: number | null; gemeente: number | null; nederland: number | null }[];
}

export interface AreaProfile {
	code: string;
	name: string;
	level: AreaLevel;
	gemeente: { code: string; name: string };
	year: number;
	years: number[];
	synthetic: boolean;
	label?: string;
	source: string;
	/** Which parts of the card are real: "Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata". */
	provenance: ViewProvenance;
	suppressed: boolean;
	indicators: ProfileIndicator[];
	urgency: (Omit<AreaUrgency, 'drivers'> & { drivers: AreaUrgency['drivers']; of: number; weights: Weights }) | null;
	/** Wijkbudgetten (bewonersbudgetten) per year; absent when the gemeente has none. */
	wijkbudget?: AreaBudget | null;
}

/** Everything the area card shows, for one year (default: the latest); null for an unknown area. */
export async function areaProfile(
	db: Queryable,
	code: string,
	options: { year?: number; weights: Weights }
): Promise<AreaProfile | null> {
	const area = await areas.get(db, code);
	if (!area) return null;
	const gemeente = area.parents[0] ?? { code: area.code, name: area.name };
	const years = await indicators.years(db, area.gemeentecode);
	const year = options.year ?? years.at(-1);
	if (year === undefined) {
		return {
			code: area.code,
			name: area.name,
			level: area.level,
			gemeente,
			year: area.year,
			years,
			synthetic: false,
			source: '',
			provenance: { source: '', synthetic: false, mixed: false },
			suppressed: false,
			indicators: [],
			urgency: null
		};
	}
	const [{ matrix, reference, years: valueYears }, series, gemeenteSeries, nederland] = await Promise.all([
		scoredYear(db, { gemeente: area.gemeentecode, level: area.level, year }),
		indicators.series(db, code),
		code === area.gemeentecode ? Promise.resolve(null) : indicators.series(db, area.gemeentecode),
		indicators.nationalValues(db)
	]);
	const own = matrix.areas.find((a) => a.code === code);
	const ranking =
		area.level === 'gemeente'
			? null
			: await urgencyRanking(db, { gemeente: area.gemeentecode, level: area.level, year, weights: options.weights });
	const scored = ranking?.areas.find((a) => a.code === code) ?? null;
	const shown = matrix.indicators.filter((i) => (own?.values[i.code] ?? null) !== null || reference[i.code]?.gemeente != null);
	const provenance = scoreProvenance(shown, valueYears, year);
	const synthetic = shown.some((i) => i.synthetic);
	const real = shown.filter((i) => !i.synthetic && i.sourceMeta);
	const sources = [
		...new Set(real.map((i) => i.sourceMeta!.attribution.replace(/^Bron:\s*/, '').replace(/\.$/, ''))),
		...(synthetic ? ['demodata (synthetisch, geen echte cijfers)'] : [])
	];
	const pointOf = (points: indicators.SeriesPoint[] | undefined, y: number) => points?.find((p) => p.year === y)?.value ?? null;
	return {
		code: area.code,
		name: area.name,
		level: area.level,
		gemeente,
		year,
		years,
		synthetic,
		...(synthetic ? { label: SYNTHETIC_LABEL } : {}),
		source: sources.join(' · '),
		provenance,
		suppressed: own?.suppressed ?? false,
		indicators: matrix.indicators.map((indicator) => {
			const valueYear = valueYears[indicator.code] ?? year;
			const points = series?.[indicator.code] ?? [];
			const waves = indicator.waves ? points.filter((p) => p.value !== null || pointOf(gemeenteSeries?.[indicator.code], p.year) !== null).map((p) => p.year) : [];
			// A series starts at its first value: the demo monitor's years are not stretched back to RIVM's 2012.
			const first = points.findIndex((p) => p.value !== null);
			return {
				code: indicator.code,
				name: indicator.name,
				unit: indicator.unit,
				domain: indicator.domain,
				direction: indicator.direction,
				value: own?.values[indicator.code] ?? null,
				gemeente: reference[indicator.code]?.gemeente ?? null,
				suppressed: own?.suppressed ?? false,
				series: (indicator.waves ? points.filter((p) => waves.includes(p.year)) : first < 0 ? [] : points.slice(first)).map((p) => ({ year: p.year, value: p.value })),
				source: indicator.synthetic ? `demodata ${valueYear}` : shortSource(indicator, valueYear),
				valueYear,
				synthetic: indicator.synthetic,
				...(indicator.sourceMeta?.estimate ? { estimate: indicator.sourceMeta.estimate } : {}),
				topic: indicator.topic ?? null,
				topicName: indicator.topicName ?? null,
				scored: indicator.urgency !== false && indicator.direction !== 'context' && indicator.domain !== 'context',
				ageGroup: indicator.ageGroup ?? null,
				ageGroupName: indicator.ageGroupName ?? null,
				...(indicator.waves
					? {
							trend: waves.map((y) => ({
								year: y,
								area: pointOf(points, y),
								gemeente: code === area.gemeentecode ? pointOf(points, y) : pointOf(gemeenteSeries?.[indicator.code], y),
								nederland: nederland[indicator.code]?.[y] ?? null
							}))
						}
					: {})
			};
		}),
		urgency: scored
			? {
					...scored,
					drivers: scored.drivers.slice(0, 5),
					of: ranking!.areas.filter((a) => a.rank !== null).length,
					weights: options.weights
				}
			: null,
		wijkbudget: await areaBudget(db, area)
	};
}

export interface ThemeValue {
	code: string;
	name: string;
	/** What the map colours: the value, its difference with the gemeente, or its change since an earlier year. */
	value: number | null;
	/** The plain value in the chosen year, for the table. */
	raw: number | null;
	suppressed: boolean;
}

export interface ThemeData {
	kind: 'indicator' | 'urgentie';
	year: number;
	title: string;
	unit: string;
	/** e.g. "verschil met gemeente (12,1 %)" */
	comparison: string | null;
	source: string;
	synthetic: boolean;
	/** The view's provenance: the label to show (demodata, or which parts of a mixed score are real). */
	provenance: ViewProvenance;
	/** A year without a wave of this indicator (RIVM) shows the latest wave before it: that wave. */
	wave: number | null;
	values: ThemeValue[];
	ranking: AreaUrgency[] | null;
	/** Differences and changes are drawn on a diverging scale. */
	diverging: boolean;
}

export interface ThemeQuery {
	gemeente: string;
	level: AreaLevel;
	thema: 'indicator' | 'urgentie';
	indicator: string | null;
	year: number | null;
	vergelijk: 'waarde' | 'verschil' | 'trend';
	sinds: number | null;
	weights: Weights;
}

/** What the thematic map and its table show; null when the gemeente has no monitor data (or no such indicator). */
export async function themeData(db: Queryable, q: ThemeQuery): Promise<ThemeData | null> {
	const years = await indicators.years(db, q.gemeente);
	const year = q.year !== null && years.includes(q.year) ? q.year : years.at(-1);
	if (year === undefined) return null;
	if (q.thema === 'urgentie') {
		const ranking = await urgencyRanking(db, { gemeente: q.gemeente, level: q.level, year, weights: q.weights });
		return {
			kind: 'urgentie',
			year,
			title: 'Urgentiescore',
			unit: 'standaardscore',
			comparison: null,
			source: ranking.provenance.source,
			synthetic: ranking.synthetic,
			provenance: ranking.provenance,
			wave: ranking.wave,
			values: ranking.areas.map((a) => ({
				code: a.code,
				name: a.name,
				value: a.score,
				raw: a.score,
				suppressed: ranking.suppressed.has(a.code)
			})),
			ranking: ranking.areas,
			diverging: false
		};
	}
	if (q.indicator === WIJKBUDGET_INDICATOR.code) {
		// Not a monitor indicator: the wijkbudgetten per inhabitant, of the same year (a buurt shows its wijk's).
		const budget = await budgetPerInwoner(db, q.gemeente, q.level, year);
		if (!budget) return null;
		return {
			kind: 'indicator',
			year,
			title: WIJKBUDGET_INDICATOR.name,
			unit: WIJKBUDGET_INDICATOR.unit,
			comparison: q.level === 'buurt' ? 'een buurt toont het budget per inwoner van haar wijk' : null,
			source: `Wijkbudgetten (export van de gemeente)${budget.synthetic ? ` — ${SYNTHETIC_LABEL}` : ''}`,
			synthetic: budget.synthetic,
			provenance: {
				source: 'Wijkbudgetten (export van de gemeente)',
				synthetic: budget.synthetic,
				mixed: false,
				...(budget.synthetic ? { label: SYNTHETIC_LABEL } : {})
			},
			wave: null,
			values: budget.values.map((v) => ({ ...v, raw: v.value, suppressed: false })),
			ranking: null,
			diverging: false
		};
	}
	const catalogue = await indicators.listCatalogue(db);
	const indicator = catalogue.find((i) => i.code === q.indicator) ?? catalogue.find((i) => i.domain !== 'context');
	if (!indicator) return null;
	// Published in waves: a year without one shows the latest wave before it (and says so in the title).
	const wave = indicator.waves ? await indicators.waveYear(db, { gemeente: q.gemeente, year, indicator: indicator.code }) : null;
	const shownYear = wave ?? year;
	const current = await indicators.indicatorValues(db, { gemeente: q.gemeente, level: q.level, year: shownYear, indicator: indicator.code });
	if (!current) return null;
	let comparison: string | null = null;
	let shift: (code: string, value: number | null) => number | null = (_, v) => v;
	if (q.vergelijk === 'verschil') {
		const [gemeente] = await indicators.values(db, { gemeente: q.gemeente, level: 'gemeente', year: shownYear, indicator: indicator.code });
		const reference = gemeente?.value ?? null;
		comparison = reference === null ? 'verschil met gemeente (gemeente onbekend)' : `verschil met gemeente (${formatValue(reference, indicator.unit)})`;
		shift = (_, v) => (v === null || reference === null ? null : v - reference);
	} else if (q.vergelijk === 'trend') {
		const own = indicator.waves ? await indicators.indicatorYears(db, q.gemeente, indicator.code) : years;
		const since = q.sinds !== null && own.includes(q.sinds) && q.sinds < shownYear ? q.sinds : own[0];
		const earlier = await indicators.values(db, { gemeente: q.gemeente, level: q.level, year: since, indicator: indicator.code });
		const before = new Map(earlier.map((e) => [e.code, e.value]));
		comparison = `verandering ${since}–${shownYear}`;
		shift = (code, v) => {
			const then = before.get(code) ?? null;
			return v === null || then === null ? null : v - then;
		};
	}
	const source = indicator.sourceMeta && !current.meta.synthetic ? indicatorSource(indicator, shownYear) : current.meta.source;
	return {
		kind: 'indicator',
		year,
		title: wave !== null && wave !== year ? `${indicator.name} — ${shortSource(indicator, wave)} (laatste meting vóór ${year})` : indicator.name,
		unit: indicator.unit,
		comparison,
		source,
		synthetic: current.meta.synthetic,
		provenance: indicatorProvenance(indicator, source, current.meta.synthetic),
		wave: wave !== null && wave !== year ? wave : null,
		values: current.values.map((v) => ({ code: v.code, name: v.name, value: shift(v.code, v.value), raw: v.value, suppressed: v.suppressed })),
		ranking: null,
		diverging: q.vergelijk !== 'waarde'
	};
}
