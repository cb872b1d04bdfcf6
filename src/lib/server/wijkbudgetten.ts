// Wijkbudgetten as the /wijkbudgetten page and the area card show them: per wijk and year the budget, what share was
// spent and what it comes to per inhabitant, next to the wijk's urgency (is the money where the need is?), with the
// trend over the years.
import type { Queryable } from './db/client';
import * as wijkbudgetten from './db/wijkbudgetten';
import * as indicators from './db/indicators';
import { latestYear, urgencyRanking } from './monitor';
import { DEFAULT_WEIGHTS } from '../domain/urgency';
import { SYNTHETIC_LABEL } from '../domain/monitor';
import { budgetFigures, budgetTrend, type Wijkbudget, type WijkbudgetFigures } from '../domain/wijkbudgetten';

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
