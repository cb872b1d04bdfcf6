// Wijkbudgetten as the /wijkbudgetten page and the area card show them: per wijk and year the budget, what share was
// spent and what it comes to per inhabitant, next to the wijk's urgency (is the money where the need is?), with the
// trend over the years.
import type { Queryable } from './db/client';
import * as wijkbudgetten from './db/wijkbudgetten';
import * as indicators from './db/indicators';
import { latestYear, urgencyRanking } from './monitor';
import { DEFAULT_WEIGHTS } from '../domain/urgency';
import { SYNTHETIC_LABEL } from '../domain/monitor';
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

/**
 * The budgets of one area per year for its card: a wijk's own; a buurt's wijk (the budgets are per wijk); for a
 * stadsdeel the wijken it covers, a wijk split over stadsdelen by the share of its inhabitants there; for a gemeente
 * all of them. Per inhabitant by the inhabitants of what the budgets are of. Null when the gemeente has none.
 */
export async function areaBudget(
	db: Queryable,
	area: { code: string; level: AreaLevel; gemeentecode: string; year: number; wijkcode?: string | null }
): Promise<AreaBudget | null> {
	const rows = await wijkbudgetten.list(db, area.gemeentecode);
	if (rows.length === 0) return null;
	const monitorYear = await latestYear(db, area.gemeentecode);
	// Inhabitants and wijk of every buurt of the gemeente (the monitor's latest year).
	const buurten = await db.query<{ code: string; wijkcode: string; inwoners: number | null }>(
		`SELECT a.code, a.wijkcode, v.value::float8 AS inwoners
		 FROM areas a LEFT JOIN indicator_values v ON v.area_code = a.code AND v.indicator = 'inwoners' AND v.year = $3
		 WHERE a.gemeentecode = $1 AND a.level = 'buurt' AND a.year = $2`,
		[area.gemeentecode, area.year, monitorYear ?? 0]
	);
	const own = new Set<string>();
	let basis: string;
	switch (area.level) {
		case 'gemeente':
			for (const b of buurten) own.add(b.code);
			basis = 'alle wijken van de gemeente';
			break;
		case 'stadsdeel': {
			const codes = await db.query<{ buurtcode: string }>('SELECT buurtcode FROM stadsdeel_buurten WHERE stadsdeelcode = $1 AND year = $2', [area.code, area.year]);
			for (const c of codes) own.add(c.buurtcode);
			basis = 'de wijken van het stadsdeel (een gedeelde wijk naar rato van de inwoners)';
			break;
		}
		case 'wijk':
			for (const b of buurten) if (b.wijkcode === area.code) own.add(b.code);
			basis = 'de wijk';
			break;
		default: {
			const wijk = buurten.find((b) => b.code === area.code)?.wijkcode ?? area.wijkcode ?? null;
			for (const b of buurten) if (b.wijkcode === wijk) own.add(b.code);
			basis = `de wijk ${wijk ?? ''} waarin de buurt ligt (budgetten zijn per wijk)`.replace('  ', ' ');
		}
	}
	// The share of each wijk that counts: its inhabitants in the area over all its inhabitants (buurten when unknown).
	const share = new Map<string, number>();
	const byWijk = new Map<string, typeof buurten>();
	for (const b of buurten) byWijk.set(b.wijkcode, [...(byWijk.get(b.wijkcode) ?? []), b]);
	for (const [wijk, list] of byWijk) {
		const inside = list.filter((b) => own.has(b.code));
		if (inside.length === 0) continue;
		const total = list.reduce((a, b) => a + (b.inwoners ?? 0), 0);
		share.set(wijk, total > 0 ? inside.reduce((a, b) => a + (b.inwoners ?? 0), 0) / total : inside.length / list.length);
	}
	const inwoners = buurten.filter((b) => own.has(b.code)).reduce((a, b) => a + (b.inwoners ?? 0), 0);
	const weighted = rows
		.filter((r) => (r.gebiedscode.startsWith('BU') ? own.has(r.gebiedscode) : share.has(r.gebiedscode)))
		.map((r) => {
			const f = r.gebiedscode.startsWith('BU') ? 1 : share.get(r.gebiedscode)!;
			return {
				gebiedscode: area.code,
				jaar: r.jaar,
				toegekendEur: r.toegekendEur * f,
				besteedEur: r.besteedEur === null ? null : r.besteedEur * f,
				aantalInitiatieven: r.aantalInitiatieven === null ? null : Math.round(r.aantalInitiatieven * f),
				synthetic: r.synthetic
			};
		});
	if (weighted.length === 0) return null;
	const years = budgetFigures(weighted, new Map([[area.code, inwoners > 0 ? inwoners : null]]));
	const closed = years.filter((y) => y.besteedEur !== null);
	const synthetic = weighted.some((w) => w.synthetic);
	return { basis, years, trend: budgetTrend(closed), synthetic, ...(synthetic ? { label: SYNTHETIC_LABEL } : {}) };
}
