// Wijkbudgetten as the /wijkbudgetten page and the area card show them: per wijk and year the budget, what share was
// spent and what it comes to per inhabitant, next to the wijk's urgency (is the money where the need is?), with the
// trend over the years.
import type { Queryable } from './db/client';
import * as wijkbudgetten from './db/wijkbudgetten';
import * as indicators from './db/indicators';
import { latestYear, urgencyRanking } from './monitor';
import { DEFAULT_WEIGHTS } from '../domain/urgency';
import { SYNTHETIC_LABEL, type Indicator } from '../domain/monitor';
import { budgetFigures, budgetTrend, type AreaBudget, type Wijkbudget, type WijkbudgetFigures } from '../domain/wijkbudgetten';
import type { AreaLevel } from '../domain/areas';

export interface WijkBudgetRow {
	code: string;
	name: string;
	inwoners: number | null;
	urgency: number | null;
	figures: WijkbudgetFigures | null;
	/** All years of the wijk, oldest first. */
	series: WijkbudgetFigures[];
	trend: ReturnType<typeof budgetTrend>;
}

export interface WijkbudgetOverview {
	years: number[];
	jaar: number | null;
	wijken: WijkBudgetRow[];
	rows: Wijkbudget[];
	monitorYear: number | null;
	synthetic: boolean;
	label?: string;
}

/** The budgets of a gemeente per wijk for year `jaar` (default: the last year with spending accounted for). */
export async function overview(db: Queryable, gemeentecode: string, jaar?: number): Promise<WijkbudgetOverview> {
	const rows = await wijkbudgetten.list(db, gemeentecode);
	const years = [...new Set(rows.map((r) => r.jaar))].sort((a, b) => a - b);
	const closed = years.filter((y) => rows.some((r) => r.jaar === y && r.besteedEur !== null));
	const chosen = jaar !== undefined && years.includes(jaar) ? jaar : (closed.at(-1) ?? years.at(-1) ?? null);
	const monitorYear = await latestYear(db, gemeentecode);
	const inwoners = new Map<string, number | null>();
	const urgency = new Map<string, number | null>();
	let names = new Map<string, string>();
	let synthetic = rows.some((r) => r.synthetic);
	if (monitorYear !== null) {
		const matrix = await indicators.matrix(db, { gemeente: gemeentecode, level: 'wijk', year: monitorYear });
		for (const a of matrix.areas) inwoners.set(a.code, a.inwoners);
		names = new Map(matrix.areas.map((a) => [a.code, a.name]));
		const ranking = await urgencyRanking(db, { gemeente: gemeentecode, level: 'wijk', year: monitorYear, weights: DEFAULT_WEIGHTS, draws: 0 });
		for (const a of ranking.areas) urgency.set(a.code, a.score);
		synthetic ||= ranking.synthetic;
	}
	if (names.size === 0) {
		const wijken = await db.query<{ code: string; name: string }>(
			`SELECT code, name FROM areas WHERE gemeentecode = $1 AND level = 'wijk' AND year = (SELECT max(year) FROM areas WHERE gemeentecode = $1 AND level = 'buurt')`,
			[gemeentecode]
		);
		names = new Map(wijken.map((w) => [w.code, w.name]));
	}
	const all = budgetFigures(rows, inwoners);
	const wijken = [...names].map(([code, name]): WijkBudgetRow => {
		const series = all.filter((f) => f.gebiedscode === code);
		return {
			code,
			name,
			inwoners: inwoners.get(code) ?? null,
			urgency: urgency.get(code) ?? null,
			figures: series.find((f) => f.jaar === chosen) ?? null,
			series,
			trend: budgetTrend(series.filter((f) => closed.includes(f.jaar)))
		};
	});
	return {
		years,
		jaar: chosen,
		wijken: wijken.sort((a, b) => a.code.localeCompare(b.code)),
		rows: rows.filter((r) => r.jaar === chosen),
		monitorYear,
		synthetic,
		...(synthetic ? { label: SYNTHETIC_LABEL } : {})
	};
}

interface GemeenteBudgets {
	rows: Wijkbudget[];
	buurten: { code: string; wijkcode: string; inwoners: number | null }[];
	byWijk: Map<string, { code: string; wijkcode: string; inwoners: number | null }[]>;
}

/** The budgets and the buurten (with inhabitants from the monitor's latest year) of a gemeente; null without budgets. */
async function gemeenteBudgets(db: Queryable, gemeentecode: string, year: number): Promise<GemeenteBudgets | null> {
	const rows = await wijkbudgetten.list(db, gemeentecode);
	if (rows.length === 0) return null;
	const monitorYear = await latestYear(db, gemeentecode);
	const buurten = await db.query<{ code: string; wijkcode: string; inwoners: number | null }>(
		`SELECT a.code, a.wijkcode, v.value::float8 AS inwoners
		 FROM areas a LEFT JOIN indicator_values v ON v.area_code = a.code AND v.indicator = 'inwoners' AND v.year = $3
		 WHERE a.gemeentecode = $1 AND a.level = 'buurt' AND a.year = $2`,
		[gemeentecode, year, monitorYear ?? 0]
	);
	const byWijk = new Map<string, typeof buurten>();
	for (const b of buurten) byWijk.set(b.wijkcode, [...(byWijk.get(b.wijkcode) ?? []), b]);
	return { rows, buurten, byWijk };
}

/** The budgets of the buurten `own` per year: a wijk's by the share of its inhabitants among them (buurten when unknown). */
function budgetsOf(g: GemeenteBudgets, code: string, own: Set<string>): { years: WijkbudgetFigures[]; synthetic: boolean } {
	const share = new Map<string, number>();
	for (const [wijk, list] of g.byWijk) {
		const inside = list.filter((b) => own.has(b.code));
		if (inside.length === 0) continue;
		const total = list.reduce((a, b) => a + (b.inwoners ?? 0), 0);
		share.set(wijk, total > 0 ? inside.reduce((a, b) => a + (b.inwoners ?? 0), 0) / total : inside.length / list.length);
	}
	const inwoners = g.buurten.filter((b) => own.has(b.code)).reduce((a, b) => a + (b.inwoners ?? 0), 0);
	const weighted = g.rows
		.filter((r) => (r.gebiedscode.startsWith('BU') ? own.has(r.gebiedscode) : share.has(r.gebiedscode)))
		.map((r) => {
			const f = r.gebiedscode.startsWith('BU') ? 1 : share.get(r.gebiedscode)!;
			return {
				gebiedscode: code,
				jaar: r.jaar,
				toegekendEur: r.toegekendEur * f,
				besteedEur: r.besteedEur === null ? null : r.besteedEur * f,
				aantalInitiatieven: r.aantalInitiatieven === null ? null : Math.round(r.aantalInitiatieven * f),
				synthetic: r.synthetic
			};
		});
	return { years: budgetFigures(weighted, new Map([[code, inwoners > 0 ? inwoners : null]])), synthetic: weighted.some((w) => w.synthetic) };
}

/** The buurten an area of the gemeente is made of, for its budgets: a buurt counts as its whole wijk (budgets are per wijk). */
async function buurtenFor(db: Queryable, g: GemeenteBudgets, area: { code: string; level: AreaLevel; year: number }): Promise<Set<string>> {
	switch (area.level) {
		case 'gemeente':
			return new Set(g.buurten.map((b) => b.code));
		case 'stadsdeel': {
			const codes = await db.query<{ buurtcode: string }>('SELECT buurtcode FROM stadsdeel_buurten WHERE stadsdeelcode = $1 AND year = $2', [area.code, area.year]);
			return new Set(codes.map((c) => c.buurtcode));
		}
		case 'wijk':
			return new Set(g.buurten.filter((b) => b.wijkcode === area.code).map((b) => b.code));
		default: {
			const wijk = g.buurten.find((b) => b.code === area.code)?.wijkcode;
			return new Set(g.buurten.filter((b) => b.wijkcode === wijk).map((b) => b.code));
		}
	}
}

const BASIS: Record<AreaLevel, string> = {
	gemeente: 'alle wijken van de gemeente',
	stadsdeel: 'de wijken van het stadsdeel (een gedeelde wijk naar rato van de inwoners)',
	wijk: 'de wijk',
	buurt: 'de wijk waarin de buurt ligt (budgetten zijn per wijk)'
};

/**
 * The budgets of one area per year for its card: a wijk's own; a buurt's wijk (the budgets are per wijk); for a
 * stadsdeel the wijken it covers, a wijk split over stadsdelen by the share of its inhabitants there; for a gemeente
 * all of them. Per inhabitant by the inhabitants of what the budgets are of. Null when the gemeente has none.
 */
export async function areaBudget(
	db: Queryable,
	area: { code: string; level: AreaLevel; gemeentecode: string; year: number }
): Promise<AreaBudget | null> {
	const g = await gemeenteBudgets(db, area.gemeentecode, area.year);
	if (!g) return null;
	const { years, synthetic } = budgetsOf(g, area.code, await buurtenFor(db, g, area));
	if (years.length === 0) return null;
	return {
		basis: BASIS[area.level],
		years,
		trend: budgetTrend(years.filter((y) => y.besteedEur !== null)),
		synthetic,
		...(synthetic ? { label: SYNTHETIC_LABEL } : {})
	};
}

/** The pseudo-indicator under which the map's theme shows the wijkbudget per inhabitant. */
export const WIJKBUDGET_INDICATOR = {
	code: 'wijkbudget_per_inwoner',
	name: 'Wijkbudget per inwoner (bewonersbudgetten)',
	unit: '€',
	domain: 'context',
	direction: 'context'
} as const;

/** The budgets per year of every area of a level of the gemeente (a buurt has its wijk's); null without budgets. */
export async function levelBudgets(
	db: Queryable,
	gemeentecode: string,
	level: AreaLevel
): Promise<{ year: number; areas: { code: string; name: string; years: WijkbudgetFigures[] }[]; synthetic: boolean } | null> {
	const [current] = await db.query<{ year: number }>(`SELECT max(year) AS year FROM areas WHERE gemeentecode = $1 AND level = 'buurt'`, [gemeentecode]);
	if (!current?.year) return null;
	const g = await gemeenteBudgets(db, gemeentecode, current.year);
	if (!g) return null;
	const units = await db.query<{ code: string; name: string }>(`SELECT code, name FROM areas WHERE gemeentecode = $1 AND level = $2 AND year = $3 ORDER BY code`, [
		gemeentecode,
		level,
		current.year
	]);
	let synthetic = false;
	const areas = [];
	for (const unit of units) {
		const result = budgetsOf(g, unit.code, await buurtenFor(db, g, { code: unit.code, level, year: current.year }));
		synthetic ||= result.synthetic;
		areas.push({ ...unit, years: result.years });
	}
	return { year: current.year, areas, synthetic };
}

/** The wijkbudget per inhabitant of every area of a level in one year, for the map's theme. */
export async function budgetPerInwoner(
	db: Queryable,
	gemeentecode: string,
	level: AreaLevel,
	jaar: number
): Promise<{ values: { code: string; name: string; value: number | null }[]; synthetic: boolean } | null> {
	const budgets = await levelBudgets(db, gemeentecode, level);
	if (!budgets) return null;
	return {
		values: budgets.areas.map((a) => ({ code: a.code, name: a.name, value: a.years.find((y) => y.jaar === jaar)?.perInwoner ?? null })),
		synthetic: budgets.synthetic
	};
}

/**
 * One line for a koppelkans explanation: the area's wijkbudget of the last year with spending accounted for, per
 * inhabitant against the gemeente's, and whether it was underspent. Null without a budget that year.
 */
export function budgetReason(years: WijkbudgetFigures[], gemeente: WijkbudgetFigures[]): string | null {
	const closed = years.filter((y) => y.besteedAandeel !== null).at(-1);
	if (!closed || closed.perInwoner === null) return null;
	const whole = gemeente.find((y) => y.jaar === closed.jaar);
	const euro = (v: number) => `€ ${v.toLocaleString('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
	return (
		`Wijkbudget ${closed.jaar}: ${euro(closed.perInwoner)} per inwoner` +
		(whole?.perInwoner ? ` (gemeente ${euro(whole.perInwoner)})` : '') +
		`, ${Math.round((closed.besteedAandeel ?? 0) * 100)} % besteed${closed.onderbesteed ? ' — onderbesteed: bewonersgeld dat hier niet tot initiatieven komt' : ''}`
	);
}

/** The pseudo-indicator as the theme controls list it, when the gemeente has budgets (else null). */
export async function wijkbudgetIndicator(db: Queryable, gemeentecode: string): Promise<Indicator | null> {
	const [row] = await db.query<{ n: number; synthetic: boolean }>(
		'SELECT count(*)::int AS n, coalesce(bool_or(synthetic), false) AS synthetic FROM wijkbudgetten WHERE gemeentecode = $1',
		[gemeentecode]
	);
	if (!row || row.n === 0) return null;
	return { ...WIJKBUDGET_INDICATOR, source: 'Wijkbudgetten (export van de gemeente)', synthetic: row.synthetic, weighting: 'inwoners' };
}
