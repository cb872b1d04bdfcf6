// Wijkbudgetten (bewonersbudgetten) as client and server both see them: one row per wijk or buurt, year, soort and
// regeling, with what was allotted and spent; and the figures the map and the card show per wijk and year.
import { z } from 'zod';
import { BUURT_CODE, GEMEENTE_CODE, WIJK_CODE } from './areas';

export const WIJKBUDGET_SOORTEN = ['buurtbon', 'activiteitenbudget', 'bewonersinitiatief'] as const;
export type WijkbudgetSoort = (typeof WIJKBUDGET_SOORTEN)[number];
export const SOORT_LABELS: Record<WijkbudgetSoort, string> = {
	buurtbon: 'Buurtbon',
	activiteitenbudget: 'Activiteitenbudget',
	bewonersinitiatief: 'Bewonersinitiatief'
};

/** The columns of the municipal export, in its order (`;`, Dutch numbers). */
export const WIJKBUDGET_COLUMNS = [
	'gemeentecode',
	'jaar',
	'gebiedscode',
	'soort',
	'regeling',
	'toegekend_eur',
	'besteed_eur',
	'aantal_initiatieven',
	'organisatie',
	'toelichting'
] as const;

const money = z.number().min(0, 'mag niet negatief zijn').max(1e11, 'is onwaarschijnlijk groot');

export const wijkbudgetInputSchema = z
	.object({
		gemeentecode: z.string().regex(GEMEENTE_CODE, 'geen gemeentecode (GM + 4 cijfers)'),
		jaar: z.number().int('is geen jaartal').min(2000, 'ligt voor 2000').max(2100, 'ligt na 2100'),
		gebiedscode: z.string().refine((code) => WIJK_CODE.test(code) || BUURT_CODE.test(code), 'geen wijk- of buurtcode (WK + 6 of BU + 8 cijfers)'),
		soort: z.enum(WIJKBUDGET_SOORTEN, `kies ${WIJKBUDGET_SOORTEN.join(', ')}`),
		regeling: z.string().trim().min(1, 'regeling is leeg').max(200, 'regeling is langer dan 200 tekens'),
		toegekendEur: money,
		besteedEur: money.nullable(),
		aantalInitiatieven: z.number().int('is geen heel aantal').min(0, 'mag niet negatief zijn').max(100_000).nullable(),
		organisatie: z.string().trim().max(200, 'organisatie is langer dan 200 tekens').nullable(),
		toelichting: z.string().trim().max(2000, 'toelichting is langer dan 2000 tekens').nullable()
	})
	.refine((b) => b.gebiedscode.slice(2, 6) === b.gemeentecode.slice(2, 6), {
		path: ['gebiedscode'],
		message: 'hoort niet bij de gemeente'
	});
export type WijkbudgetInput = z.infer<typeof wijkbudgetInputSchema>;

export interface Wijkbudget extends WijkbudgetInput {
	id: number;
	synthetic: boolean;
	source: string | null;
	label?: string;
}

/** A wijk's budget in one year, next to its inhabitants and urgency: is the money where the need is? */
export interface WijkbudgetFigures {
	gebiedscode: string;
	jaar: number;
	toegekendEur: number;
	besteedEur: number | null;
	aantalInitiatieven: number;
	/** Allotted per inhabitant; null without a known number of inhabitants. */
	perInwoner: number | null;
	/** besteed / toegekend (0–1); null while nothing is accounted for. */
	besteedAandeel: number | null;
	onderbesteed: boolean;
}

/** A budget counts as underspent when less than this share of it was spent (only for a closed year). */
export const ONDERBESTEED_BELOW = 0.6;

/** Totals per area and year, with per-inhabitant amounts from `inwoners` (per area code). */
export function budgetFigures(rows: Pick<Wijkbudget, 'gebiedscode' | 'jaar' | 'toegekendEur' | 'besteedEur' | 'aantalInitiatieven'>[], inwoners: Map<string, number | null>): WijkbudgetFigures[] {
	const byKey = new Map<string, WijkbudgetFigures>();
	for (const r of rows) {
		const key = `${r.gebiedscode}/${r.jaar}`;
		const f = byKey.get(key) ?? {
			gebiedscode: r.gebiedscode,
			jaar: r.jaar,
			toegekendEur: 0,
			besteedEur: null,
			aantalInitiatieven: 0,
			perInwoner: null,
			besteedAandeel: null,
			onderbesteed: false
		};
		f.toegekendEur += r.toegekendEur;
		if (r.besteedEur !== null) f.besteedEur = (f.besteedEur ?? 0) + r.besteedEur;
		f.aantalInitiatieven += r.aantalInitiatieven ?? 0;
		byKey.set(key, f);
	}
	const figures = [...byKey.values()];
	for (const f of figures) {
		const n = inwoners.get(f.gebiedscode) ?? null;
		f.toegekendEur = Math.round(f.toegekendEur * 100) / 100;
		if (f.besteedEur !== null) f.besteedEur = Math.round(f.besteedEur * 100) / 100;
		f.perInwoner = n && n > 0 ? Math.round((f.toegekendEur / n) * 100) / 100 : null;
		f.besteedAandeel = f.besteedEur !== null && f.toegekendEur > 0 ? f.besteedEur / f.toegekendEur : null;
		f.onderbesteed = f.besteedAandeel !== null && f.besteedAandeel < ONDERBESTEED_BELOW;
	}
	return figures.sort((a, b) => a.gebiedscode.localeCompare(b.gebiedscode) || a.jaar - b.jaar);
}

/** The trend of a wijk's allotted budget over its years: "stijgend", "dalend" or "gelijk" (within 5 %). */
export function budgetTrend(figures: Pick<WijkbudgetFigures, 'jaar' | 'toegekendEur'>[]): 'stijgend' | 'dalend' | 'gelijk' | null {
	const sorted = [...figures].sort((a, b) => a.jaar - b.jaar);
	if (sorted.length < 2) return null;
	const first = sorted[0].toegekendEur;
	const last = sorted[sorted.length - 1].toegekendEur;
	if (first === 0) return last > 0 ? 'stijgend' : 'gelijk';
	const change = (last - first) / first;
	return change > 0.05 ? 'stijgend' : change < -0.05 ? 'dalend' : 'gelijk';
}

/** The wijkbudgetten of an area as its card shows them: per year, summed over the wijken (or shares of wijken) it covers. */
export interface AreaBudget {
	/** What the budgets are of: the wijk itself, the wijk a buurt lies in, or the wijken of a stadsdeel or gemeente. */
	basis: string;
	years: WijkbudgetFigures[];
	trend: 'stijgend' | 'dalend' | 'gelijk' | null;
	synthetic: boolean;
	label?: string;
}
