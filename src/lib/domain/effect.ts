// The effect monitor of a programme, as pure rules the tests check by hand: which years are the nulmeting and the
// latest measurement, how a set of buurten adds up to one area (the monitor's rule), which buurten are comparable
// (standardised distance over the values before the start), the difference-in-differences with its placebo check,
// the progress to a target, when the next measurement is expected, and a Dutch reading that claims no more than
// this design supports: a comparison, not a proof of cause and effect.
import { z } from 'zod';
import { BUURT_CODE } from './areas';
import { formatDutchNumber, formatIndicatorValue } from './format';
import type { Weighting } from './monitor';
import type { Investment, Programme } from './register';

export const RICHTINGEN = ['omlaag', 'omhoog'] as const;
export type Richting = (typeof RICHTINGEN)[number];
export const RICHTING_LABELS: Record<Richting, string> = { omlaag: 'omlaag (lager is beter)', omhoog: 'omhoog (hoger is beter)' };

/** How many comparable buurten are matched (the SCP and ONS work with groups of about this size). */
export const COMPARISON_SIZE = 12;
/** Below this many comparison buurten with both years, no estimate is made. */
export const MIN_COMPARISON = 5;
export const MAX_INDICATORS = 12;
export const CAUTION = 'Dit is geen bewijs van oorzaak en gevolg.';

// ---------------------------------------------------------------------------------------------------------
// What editors write: PUT /api/programmes/{id}/succesindicatoren and …/vergelijkingsgroep.

const indicatorCode = z.string().regex(/^[a-z][a-z0-9_]*$/, 'verwacht een indicatorcode als p_laag_inkomen').max(80);
const buurtcode = z.string().regex(BUURT_CODE, 'verwacht een buurtcode als BU01640202');

export const succesindicatorSchema = z.object({
	code: indicatorCode,
	richting: z.enum(RICHTINGEN, 'kies omlaag of omhoog'),
	doel: z.number().finite().nullable().optional(),
	doeljaar: z.number().int('verwacht een jaartal').min(2000).max(2100).nullable().optional()
});
export type SuccesindicatorInput = z.infer<typeof succesindicatorSchema>;

export const succesindicatorenSchema = z
	.object({
		indicators: z.array(succesindicatorSchema).max(MAX_INDICATORS, `hoogstens ${MAX_INDICATORS} indicatoren`),
		/** The version the edit started from; a stale one is a 409. */
		version: z.number().int().min(0).optional()
	})
	.refine((b) => new Set(b.indicators.map((i) => i.code)).size === b.indicators.length, {
		message: 'een indicator staat er twee keer in',
		path: ['indicators']
	})
	.refine((b) => b.indicators.every((i) => (i.doel ?? null) !== null || (i.doeljaar ?? null) === null), {
		message: 'een doeljaar hoort bij een doelwaarde',
		path: ['indicators']
	});

export const comparisonChangeSchema = z.object({
	buurtcode,
	change: z.enum(['toevoegen', 'weglaten'], 'kies toevoegen of weglaten'),
	reden: z.string().trim().min(1, 'geef een reden').max(500, 'hoogstens 500 tekens')
});
export type ComparisonChange = z.infer<typeof comparisonChangeSchema>;

export const comparisonChangesSchema = z
	.object({
		changes: z.array(comparisonChangeSchema).max(100, 'hoogstens 100 buurten'),
		version: z.number().int().min(0).optional()
	})
	.refine((b) => new Set(b.changes.map((c) => c.buurtcode)).size === b.changes.length, {
		message: 'een buurt staat er twee keer in',
		path: ['changes']
	});

/** A chosen indicator as stored: the choice, and the nulmeting frozen when it was chosen. */
export interface Succesindicator {
	code: string;
	richting: Richting;
	doel: number | null;
	doeljaar: number | null;
	chosenAt: string;
	chosenBy: string;
	baseline: Baseline | null;
}

export interface Baseline {
	year: number;
	value: number;
	source: string;
	synthetic: boolean;
	frozenAt: string;
}

/** Everything an editor set for the effect monitor of one programme: audited and undone as one item. */
export interface MonitorSetup {
	programmeId: number;
	gemeentecode: string;
	/** The programme's name, so that the audit trail can say whose choice it was. */
	name: string;
	version: number;
	indicators: Succesindicator[];
	comparisonChanges: (ComparisonChange & { at: string; by: string })[];
}

// ---------------------------------------------------------------------------------------------------------
// Years.

/** A series of one area: year → value; a missing year is absent (never 0). */
export type Series = Record<number, number>;

/** The year a programme starts in, or null when it has no start date. */
export function startYearOf(startDate: string | null): number | null {
	return startDate ? Number(startDate.slice(0, 4)) : null;
}

/**
 * The nulmeting year: the last year with a value before the start year. A value of the start year itself is not
 * "before the start" (the monitor's years are measured during or at the end of the year), so it counts as after.
 */
export function baselineYear(series: Series, startYear: number | null): number | null {
	if (startYear === null) return null;
	const before = years(series).filter((y) => y < startYear);
	return before.at(-1) ?? null;
}

/** The latest year with a value from the start year on; null when there is none yet ("nog geen meting na de start"). */
export function latestYearAfter(series: Series, startYear: number | null): number | null {
	if (startYear === null) return null;
	return years(series).filter((y) => y >= startYear).at(-1) ?? null;
}

export function years(series: Series): number[] {
	return Object.keys(series).map(Number).sort((a, b) => a - b);
}

/**
 * How often an indicator is measured: the most common gap between consecutive years with data (a tie goes to the
 * longer gap, the cautious guess), or null with fewer than two years. RIVM waves (2012, 2016, 2020) give 4.
 */
export function cadence(measured: number[]): number | null {
	const sorted = [...new Set(measured)].sort((a, b) => a - b);
	const counts = new Map<number, number>();
	for (let i = 1; i < sorted.length; i++) {
		const gap = sorted[i] - sorted[i - 1];
		counts.set(gap, (counts.get(gap) ?? 0) + 1);
	}
	let best: number | null = null;
	for (const [gap, n] of counts) {
		if (best === null || n > counts.get(best)! || (n === counts.get(best)! && gap > best)) best = gap;
	}
	return best;
}

/** The year the next measurement is expected: the last one plus the cadence; null when the cadence is unknown. */
export function nextMeasurement(measured: number[]): { year: number; every: number } | null {
	const every = cadence(measured);
	if (every === null) return null;
	return { year: Math.max(...measured) + every, every };
}

// ---------------------------------------------------------------------------------------------------------
// An area of several buurten.

export interface BuurtFigure {
	value: number | null;
	inwoners: number | null;
	huishoudens: number | null;
}

/**
 * The value of a set of buurten by the monitor's rule (monitor_values(), migration 003): `som` indicators summed
 * over buurten with a value (null if none), `inwoners`/`huishoudens` indicators sum(v·w)/sum(w) over buurten that
 * have both the value and the weight. tests/db/effect.spec.ts checks that this gives monitor_values' figure for
 * every wijk, so the two cannot drift apart unnoticed.
 */
export function aggregateBuurten(buurten: BuurtFigure[], weighting: Weighting): number | null {
	if (weighting === 'som') {
		const present = buurten.filter((b) => b.value !== null);
		return present.length ? present.reduce((s, b) => s + b.value!, 0) : null;
	}
	let sum = 0;
	let weight = 0;
	for (const b of buurten) {
		const w = weighting === 'inwoners' ? b.inwoners : b.huishoudens;
		if (b.value === null || w === null) continue;
		sum += b.value * w;
		weight += w;
	}
	return weight === 0 ? null : sum / weight;
}

// ---------------------------------------------------------------------------------------------------------
// Comparable buurten.

export interface Candidate {
	code: string;
	/** One value per feature, in the order of the area's features; null when missing (then not matchable). */
	features: (number | null)[];
}

export interface Match {
	code: string;
	distance: number;
}

/**
 * Ranks candidates by their standardised distance to the area: each feature is divided by its standard deviation
 * over the matchable candidates (population sd; a feature without spread is left out), the distance is the root of
 * the mean squared difference. Candidates missing a feature are not matchable. Equal distances are ordered by code,
 * so the group does not depend on the order the database returns rows in.
 */
export function rankCandidates(area: number[], candidates: Candidate[]): { ranked: Match[]; unmatchable: string[] } {
	const complete = candidates.filter((c) => c.features.length === area.length && c.features.every((f) => f !== null && Number.isFinite(f)));
	const unmatchable = candidates.filter((c) => !complete.includes(c)).map((c) => c.code);
	const spreads = area.map((_, i) => standardDeviation(complete.map((c) => c.features[i]!)));
	const used = spreads.map((sd, i) => (sd !== null && sd > 0 ? i : -1)).filter((i) => i >= 0);
	const ranked = complete.map((c) => {
		if (used.length === 0) return { code: c.code, distance: 0 };
		const squares = used.map((i) => ((c.features[i]! - area[i]) / spreads[i]!) ** 2);
		return { code: c.code, distance: Math.sqrt(squares.reduce((s, x) => s + x, 0) / used.length) };
	});
	ranked.sort((a, b) => a.distance - b.distance || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	return { ranked, unmatchable };
}

/**
 * The comparison group: the `size` nearest candidates that an editor did not leave out, plus the buurten an editor
 * added (in that order, without duplicates).
 */
export function chooseGroup(ranked: Match[], changes: Pick<ComparisonChange, 'buurtcode' | 'change'>[], size = COMPARISON_SIZE): string[] {
	const removed = new Set(changes.filter((c) => c.change === 'weglaten').map((c) => c.buurtcode));
	const added = changes.filter((c) => c.change === 'toevoegen').map((c) => c.buurtcode);
	const matched = ranked.filter((m) => !removed.has(m.code)).slice(0, size).map((m) => m.code);
	return [...new Set([...matched, ...added.filter((c) => !removed.has(c))])];
}

export function mean(values: number[]): number | null {
	return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
}

export function standardDeviation(values: number[]): number | null {
	const m = mean(values);
	if (m === null) return null;
	return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

// ---------------------------------------------------------------------------------------------------------
// Difference-in-differences with a placebo check.

export interface GroupMember {
	code: string;
	before: number | null;
	after: number | null;
}

export interface DidResult {
	/** The area's change minus the comparison group's mean change. */
	estimate: number;
	areaChange: number;
	groupChange: number;
	/** The comparison buurten with both years, and those left out for a missing year. */
	used: string[];
	missing: string[];
	/**
	 * Where the real estimate ranks among itself and the n placebos (each comparison buurt as the pseudo-treated
	 * area against the mean of the others), 1 = most favourable in the desired direction. A placebo as favourable
	 * as the real estimate ranks above it (ties count against the programme). `lessFavourable` = n + 1 − rank.
	 */
	placebo: { rank: number; n: number; lessFavourable: number; estimates: number[] };
}

export type DidOutcome = { ok: true; result: DidResult } | { ok: false; reason: 'geen_meting_na_start' | 'geen_nulmeting' | 'te_weinig_vergelijking'; used: string[]; missing: string[] };

/** Favourability of a change in the desired direction: larger is better. */
export function favourable(value: number, richting: Richting): number {
	return richting === 'omlaag' ? -value : value;
}

// Differences below this are rounding noise of float arithmetic, not a real difference between two estimates.
const EPSILON = 1e-9;

export function differenceInDifferences(
	area: { before: number | null; after: number | null },
	group: GroupMember[],
	richting: Richting,
	minGroup = MIN_COMPARISON
): DidOutcome {
	const used = group.filter((g) => g.before !== null && g.after !== null);
	const missing = group.filter((g) => !used.includes(g)).map((g) => g.code);
	const codes = used.map((g) => g.code);
	if (area.before === null) return { ok: false, reason: 'geen_nulmeting', used: codes, missing };
	if (area.after === null) return { ok: false, reason: 'geen_meting_na_start', used: codes, missing };
	if (used.length < Math.max(minGroup, 2)) return { ok: false, reason: 'te_weinig_vergelijking', used: codes, missing };
	const changes = used.map((g) => g.after! - g.before!);
	const total = changes.reduce((s, c) => s + c, 0);
	const areaChange = area.after - area.before;
	const groupChange = total / changes.length;
	const estimate = areaChange - groupChange;
	const placebos = changes.map((c) => c - (total - c) / (changes.length - 1));
	const real = favourable(estimate, richting);
	const atLeastAsGood = placebos.filter((p) => favourable(p, richting) >= real - EPSILON).length;
	const rank = 1 + atLeastAsGood;
	return {
		ok: true,
		result: {
			estimate,
			areaChange,
			groupChange,
			used: codes,
			missing,
			placebo: { rank, n: placebos.length, lessFavourable: placebos.length + 1 - rank, estimates: placebos }
		}
	};
}

// ---------------------------------------------------------------------------------------------------------
// Target and reading.

/** The share of the way from the nulmeting to the target covered by the latest value (may be < 0 or > 1). */
export function targetProgress(baseline: number, latest: number, target: number): number | null {
	if (target === baseline) return null;
	return (latest - baseline) / (target - baseline);
}

/**
 * A difference in the indicator's unit, without sign: "2,1 punt" for percentages and scale scores (a difference of
 * percentages is not a percentage), "3 per 1.000" or "€ 12.000" otherwise.
 */
export function formatDifference(value: number, unit: string): string {
	const size = Math.abs(value);
	if (unit === '%' || /^(score|cijfer)\b/.test(unit)) return `${formatDutchNumber(size, 1)} punt`;
	return formatIndicatorValue(size, unit);
}

export interface ReadingInput {
	areaName: string;
	unit: string;
	richting: Richting;
	baselineYear: number | null;
	latestYear: number | null;
	outcome: DidOutcome;
	/** When no measurement after the start exists: the year the next is expected. */
	next: { year: number; every: number } | null;
	startYear: number | null;
}

/**
 * The Dutch reading of one estimate: what changed compared with the comparable buurten, how the real estimate ranks
 * among the placebos, whether that is the desired direction — and always that this is no proof of cause and effect.
 */
export function reading(input: ReadingInput): string {
	const { outcome } = input;
	if (!outcome.ok) {
		switch (outcome.reason) {
			case 'geen_nulmeting':
				return input.startYear === null
					? 'Nog geen nulmeting: het programma heeft geen startdatum.'
					: `Nog geen nulmeting: er is geen meting van vóór ${input.startYear}.`;
			case 'geen_meting_na_start': {
				const next = input.next
					? ` De volgende meting wordt verwacht in ${input.next.year}${input.next.every > 1 ? ` (er wordt om de ${input.next.every} jaar gemeten)` : ''}.`
					: '';
				return `Nog geen meting na de start${input.startYear ? ` (${input.startYear})` : ''}; de laatste meting is de nulmeting van ${input.baselineYear}.${next}`;
			}
			case 'te_weinig_vergelijking':
				return `Te weinig vergelijkbare buurten met een meting in ${input.baselineYear} en ${input.latestYear} (${outcome.used.length}, minstens ${MIN_COMPARISON} nodig): geen schatting.`;
		}
	}
	const r = outcome.result;
	const n = r.used.length;
	const period = `Tussen ${input.baselineYear} en ${input.latestYear}`;
	const size = formatDifference(r.estimate, input.unit);
	const group = `${n} vergelijkbare buurten`;
	let first: string;
	if (Math.abs(r.estimate) < EPSILON) {
		first = `${period} veranderde ${input.areaName} evenveel als ${group}`;
	} else if (Math.abs(r.areaChange) < EPSILON) {
		first = `${period} bleef ${input.areaName} gelijk, terwijl ${group} gemiddeld ${r.groupChange > 0 ? 'stegen' : 'daalden'} met ${formatDifference(r.groupChange, input.unit)}`;
	} else {
		const verb = r.areaChange < 0 ? 'daalde' : 'steeg';
		// The area moved further than the group in its own direction ("meer") or less far ("minder").
		const further = Math.sign(r.estimate) === Math.sign(r.areaChange);
		first = `${period} ${verb} ${input.areaName} ${size} ${further ? 'meer' : 'minder'} dan ${group}`;
	}
	const good = favourable(r.estimate, input.richting) > EPSILON;
	const bad = favourable(r.estimate, input.richting) < -EPSILON;
	const placebo = good
		? `bij ${r.placebo.lessFavourable} van de ${r.placebo.n} placebo's was het verschil kleiner`
		: bad
			? `bij ${r.placebo.lessFavourable} van de ${r.placebo.n} placebo's was de ontwikkeling nog ongunstiger`
			: `de placebo's liepen uiteen van ${formatSignedDifference(Math.min(...r.placebo.estimates), input.unit)} tot ${formatSignedDifference(Math.max(...r.placebo.estimates), input.unit)}`;
	const direction = good
		? `Dat is de gewenste richting (${input.richting}).`
		: bad
			? `Dat is niet de gewenste richting (${input.richting}).`
			: 'Geen verschil in de gewenste richting.';
	return `${first}; ${placebo}. ${direction} ${CAUTION}`;
}

function formatSignedDifference(value: number, unit: string): string {
	const text = formatDifference(value, unit);
	return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** "nulmeting 2016 (RIVM, modelschatting)" */
export function baselineLabel(baseline: Pick<Baseline, 'year' | 'source' | 'synthetic'>): string {
	// A demo source says so itself ("DEMODATA (synthetisch, …)"); others get the word added when a value is invented.
	const demo = baseline.synthetic && !/demodata/i.test(baseline.source) ? ', demodata' : '';
	return `nulmeting ${baseline.year} (${baseline.source}${demo})`;
}

// ---------------------------------------------------------------------------------------------------------
// The report as GET /api/programmes/{id}/effect gives it (src/lib/server/effect.ts builds it).

export interface BalanceRow {
	/** The indicator's code, or 'inwoners'. */
	code: string;
	name: string;
	unit: string;
	year: number;
	area: number | null;
	comparison: number | null;
	gemeente: number | null;
	/** (area − comparison mean) / sd of the comparison group: how far apart they were before the start. */
	standardisedDifference: number | null;
}

export interface ComparisonBuurt {
	code: string;
	name: string;
	gemeentecode: string;
	distance: number | null;
	/** 'match', or 'toegevoegd' by an editor (with the reason). */
	how: 'match' | 'toegevoegd';
	reason?: string;
}

export interface ExcludedBuurt {
	code: string;
	name: string;
	reason: string;
}

export interface TrendPoint {
	year: number;
	area: number | null;
	comparisonMean: number | null;
	comparisonMin: number | null;
	comparisonMax: number | null;
	gemeente: number | null;
	ring: number | null;
}

export interface EffectIndicator {
	code: string;
	name: string;
	unit: string;
	source: string;
	richting: Richting;
	chosenAt: string;
	chosenBy: string;
	baseline: { year: number; value: number; source: string; synthetic: boolean; frozenAt: string; label: string } | null;
	latest: { year: number; value: number; source: string } | null;
	comparison: { codes: string[]; missing: string[]; excluded: ExcludedBuurt[]; balance: BalanceRow[] };
	spillover: { codes: string[]; before: number | null; after: number | null; change: number | null; comparedWithGroup: number | null };
	did: { estimate: number; areaChange: number; groupChange: number; placebo: { rank: number; n: number; lessFavourable: number } } | null;
	target?: { value: number; year: number | null; progress: number | null };
	next: { year: number; every: number } | null;
	reading: string;
	series: TrendPoint[];
	synthetic: boolean;
	label?: string;
}

export interface EffectReport {
	programme: Pick<Programme, 'id' | 'name' | 'kind' | 'phase' | 'status' | 'startDate' | 'endDate' | 'gemeentecode' | 'synthetic' | 'budgetLines' | 'source'> & {
		buurten: { code: string; name: string }[];
		label?: string;
	};
	version: number;
	ring: { code: string; name: string }[];
	comparison: {
		buurten: ComparisonBuurt[];
		changes: MonitorSetup['comparisonChanges'];
		excluded: ExcludedBuurt[];
		balance: BalanceRow[];
		/** The years the matching looked at: the inhabitants' year and each indicator's nulmeting year. */
		size: number;
	};
	indicators: EffectIndicator[];
	phases: { phase: string; at: string }[];
	investments: Pick<Investment, 'id' | 'partner' | 'projectName' | 'measure' | 'startDate' | 'endDate' | 'amountEur' | 'dwellings' | 'status' | 'buurtcode' | 'synthetic'>[];
	sources: string[];
	synthetic: boolean;
	label?: string;
}

