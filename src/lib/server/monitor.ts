// The monitor's analyses as the API and the page ask for them: the urgency ranking of a level of a gemeente,
// and an area's card. The values come from the database (aggregated and suppressed there); the scoring is
// the same pure code the tests check by hand (domain/urgency.ts).
import type { Queryable } from './db/client';
import * as areas from './db/areas';
import * as indicators from './db/indicators';
import { SYNTHETIC_LABEL, type Weights } from '../domain/monitor';
import { formatValue } from '../domain/format';
import { DEFAULT_DRAWS, DEFAULT_TOP_N, rankUrgency, type AreaUrgency } from '../domain/urgency';
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
	areas: AreaUrgency[];
	/** Areas with fewer than 50 inhabitants: not scored. */
	suppressed: Set<string>;
}

/** The latest year with values for the gemeente, or null when it has none. */
export async function latestYear(db: Queryable, gemeente: string): Promise<number | null> {
	return (await indicators.years(db, gemeente)).at(-1) ?? null;
}

export async function urgencyRanking(db: Queryable, q: UrgencyQuery): Promise<UrgencyRanking> {
	const [matrix, reference, origin] = await Promise.all([
		indicators.matrix(db, { gemeente: q.gemeente, level: q.level, year: q.year }),
		indicators.reference(db, { gemeente: q.gemeente, year: q.year }),
		indicators.provenance(db, { gemeente: q.gemeente, year: q.year })
	]);
	const ranked = rankUrgency(
		{
			indicators: matrix.indicators,
			reference: Object.fromEntries(Object.entries(reference).map(([code, r]) => [code, r.buurten.map((b) => b.value)])),
			gemeente: Object.fromEntries(Object.entries(reference).map(([code, r]) => [code, r.gemeente])),
			areas: matrix.areas
		},
		{ weights: q.weights, topN: q.topN ?? DEFAULT_TOP_N, draws: q.draws ?? DEFAULT_DRAWS }
	);
	return {
		year: q.year,
		synthetic: origin.some((o) => o.synthetic),
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
			suppressed: false,
			indicators: [],
			urgency: null
		};
	}
	const [matrix, reference, series, origin] = await Promise.all([
		indicators.matrix(db, { gemeente: area.gemeentecode, level: area.level, year }),
		indicators.reference(db, { gemeente: area.gemeentecode, year }),
		indicators.series(db, code),
		indicators.provenance(db, { gemeente: area.gemeentecode, year })
	]);
	const own = matrix.areas.find((a) => a.code === code);
	const ranking =
		area.level === 'gemeente'
			? null
			: await urgencyRanking(db, { gemeente: area.gemeentecode, level: area.level, year, weights: options.weights });
	const scored = ranking?.areas.find((a) => a.code === code) ?? null;
	const synthetic = origin.some((o) => o.synthetic);
	return {
		code: area.code,
		name: area.name,
		level: area.level,
		gemeente,
		year,
		years,
		synthetic,
		...(synthetic ? { label: SYNTHETIC_LABEL } : {}),
		source: [...new Set(origin.map((o) => o.source))].join('; '),
		suppressed: own?.suppressed ?? false,
		indicators: matrix.indicators.map((indicator) => ({
			code: indicator.code,
			name: indicator.name,
			unit: indicator.unit,
			domain: indicator.domain,
			direction: indicator.direction,
			value: own?.values[indicator.code] ?? null,
			gemeente: reference[indicator.code]?.gemeente ?? null,
			suppressed: own?.suppressed ?? false,
			series: (series?.[indicator.code] ?? []).map((p) => ({ year: p.year, value: p.value }))
		})),
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
		const origin = await indicators.provenance(db, { gemeente: q.gemeente, year });
		return {
			kind: 'urgentie',
			year,
			title: 'Urgentiescore',
			unit: 'standaardscore',
			comparison: null,
			source: [...new Set(origin.map((o) => o.source))].join('; '),
			synthetic: ranking.synthetic,
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
			values: budget.values.map((v) => ({ ...v, raw: v.value, suppressed: false })),
			ranking: null,
			diverging: false
		};
	}
	const catalogue = await indicators.listCatalogue(db);
	const indicator = catalogue.find((i) => i.code === q.indicator) ?? catalogue.find((i) => i.domain !== 'context');
	if (!indicator) return null;
	const current = await indicators.indicatorValues(db, { gemeente: q.gemeente, level: q.level, year, indicator: indicator.code });
	if (!current) return null;
	let comparison: string | null = null;
	let shift: (code: string, value: number | null) => number | null = (_, v) => v;
	if (q.vergelijk === 'verschil') {
		const [gemeente] = await indicators.values(db, { gemeente: q.gemeente, level: 'gemeente', year, indicator: indicator.code });
		const reference = gemeente?.value ?? null;
		comparison = reference === null ? 'verschil met gemeente (gemeente onbekend)' : `verschil met gemeente (${formatValue(reference, indicator.unit)})`;
		shift = (_, v) => (v === null || reference === null ? null : v - reference);
	} else if (q.vergelijk === 'trend') {
		const since = q.sinds !== null && years.includes(q.sinds) && q.sinds < year ? q.sinds : years[0];
		const earlier = await indicators.values(db, { gemeente: q.gemeente, level: q.level, year: since, indicator: indicator.code });
		const before = new Map(earlier.map((e) => [e.code, e.value]));
		comparison = `verandering ${since}–${year}`;
		shift = (code, v) => {
			const then = before.get(code) ?? null;
			return v === null || then === null ? null : v - then;
		};
	}
	return {
		kind: 'indicator',
		year,
		title: indicator.name,
		unit: indicator.unit,
		comparison,
		source: current.meta.source,
		synthetic: current.meta.synthetic,
		values: current.values.map((v) => ({ code: v.code, name: v.name, value: shift(v.code, v.value), raw: v.value, suppressed: v.suppressed })),
		ranking: null,
		diverging: q.vergelijk !== 'waarde'
	};
}
