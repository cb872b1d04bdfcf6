// Indelingen (a gemeente's buurten divided into stadsdelen) as client and server both see them: the input and its
// rules (every buurt in exactly one stadsdeel), the figures of a variant per stadsdeel, and what moves between two.
import { z } from 'zod';
import { BUURT_CODE, stadsdeelCode } from './areas';
import { STAPELING_THRESHOLD } from './urgency';

export const INDELING_STATUSES = ['concept', 'geldend', 'historisch'] as const;
export type IndelingStatus = (typeof INDELING_STATUSES)[number];
export const INDELING_STATUS_LABELS: Record<IndelingStatus, string> = {
	concept: 'Concept',
	geldend: 'Geldend',
	historisch: 'Historisch'
};

/** Bounds that keep a request's work small: a gemeente has at most a few hundred buurten. */
export const MAX_STADSDELEN = 40;
export const MAX_BUURTEN = 2000;

export const indelingInputSchema = z.object({
	gemeentecode: z.string().regex(/^GM\d{4}$/, 'geen gemeentecode (GM + 4 cijfers)'),
	name: z.string().trim().min(1, 'naam is leeg').max(120, 'naam is langer dan 120 tekens'),
	stadsdelen: z
		.array(
			z.object({
				name: z.string().trim().min(1, 'naam van het stadsdeel is leeg').max(80, 'naam van het stadsdeel is langer dan 80 tekens'),
				buurtcodes: z
					.array(z.string().regex(BUURT_CODE, 'geen buurtcode (BU + 8 cijfers)'))
					.max(MAX_BUURTEN, `hoogstens ${MAX_BUURTEN} buurten`)
			})
		)
		.min(1, 'geef minstens één stadsdeel')
		.max(MAX_STADSDELEN, `hoogstens ${MAX_STADSDELEN} stadsdelen`)
});
export type IndelingInput = z.infer<typeof indelingInputSchema>;

/** A change of name or stadsdelen of a concept (the gemeente stays). */
export const indelingUpdateSchema = indelingInputSchema.omit({ gemeentecode: true });
export type IndelingUpdate = z.infer<typeof indelingUpdateSchema>;

export interface IndelingStadsdeel {
	code: string;
	name: string;
	buurtcodes: string[];
}

export interface Indeling {
	id: number;
	gemeentecode: string;
	year: number;
	name: string;
	status: IndelingStatus;
	geldendVanaf: string | null;
	geldendTot: string | null;
	source: string;
	createdBy: string;
	stadsdelen: IndelingStadsdeel[];
}

export interface IndelingSummary extends Omit<Indeling, 'stadsdelen'> {
	stadsdeelCount: number;
	buurtCount: number;
}

export interface IndelingProblem {
	field: string;
	message: string;
	/** The buurten the problem is about, so that a page can show them on the map. */
	buurtcodes?: string[];
}

export interface KnownBuurt {
	code: string;
	name: string;
	gemeentecode: string;
}

const named = (b: KnownBuurt | undefined, code: string) => (b ? `${b.name} (${code})` : code);

function listOf(items: string[], max = 12): string {
	return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} en ${items.length - max} meer`;
}

/**
 * Checks an indeling against the buurten of its gemeente: every buurt in exactly one stadsdeel, no buurt of
 * another gemeente or unknown, no empty stadsdeel, no two stadsdelen with the same name (or code). `buurten` are
 * the current buurten of every gemeente, so that a buurt of another gemeente is named as such.
 */
export function checkIndeling(
	gemeentecode: string,
	stadsdelen: { name: string; buurtcodes: string[] }[],
	buurten: KnownBuurt[]
): IndelingProblem[] {
	const problems: IndelingProblem[] = [];
	const byCode = new Map(buurten.map((b) => [b.code, b]));
	const own = buurten.filter((b) => b.gemeentecode === gemeentecode);
	if (own.length === 0) return [{ field: 'gemeentecode', message: `gemeente ${gemeentecode} heeft geen buurten in Wijkbeeld` }];

	const codes = new Map<string, string>();
	stadsdelen.forEach((s, i) => {
		const code = stadsdeelCode(gemeentecode, s.name);
		if (code.endsWith('-')) problems.push({ field: `stadsdelen.${i}.name`, message: `"${s.name}" heeft geen letters of cijfers` });
		const earlier = codes.get(code);
		if (earlier !== undefined) problems.push({ field: `stadsdelen.${i}.name`, message: `"${s.name}" heet (bijna) hetzelfde als "${earlier}"` });
		else codes.set(code, s.name);
		if (s.buurtcodes.length === 0) problems.push({ field: `stadsdelen.${i}.buurtcodes`, message: `stadsdeel "${s.name}" heeft geen buurten` });
	});

	const placed = new Map<string, string[]>();
	const unknown: string[] = [];
	const foreign = new Map<string, string[]>();
	for (const s of stadsdelen) {
		for (const code of s.buurtcodes) {
			const buurt = byCode.get(code);
			if (!buurt) unknown.push(code);
			else if (buurt.gemeentecode !== gemeentecode) foreign.set(buurt.gemeentecode, [...(foreign.get(buurt.gemeentecode) ?? []), code]);
			placed.set(code, [...(placed.get(code) ?? []), s.name]);
		}
	}
	if (unknown.length) {
		problems.push({ field: 'stadsdelen', message: `onbekende buurten: ${listOf([...new Set(unknown)])}`, buurtcodes: [...new Set(unknown)] });
	}
	for (const [other, list] of foreign) {
		problems.push({
			field: 'stadsdelen',
			message: `buurten van een andere gemeente (${other}): ${listOf(list.map((c) => named(byCode.get(c), c)))}`,
			buurtcodes: list
		});
	}
	const doubled = [...placed].filter(([, names]) => names.length > 1);
	if (doubled.length) {
		problems.push({
			field: 'stadsdelen',
			message: `buurten in meer dan één stadsdeel: ${listOf(doubled.map(([c, names]) => `${named(byCode.get(c), c)} in ${names.join(' en ')}`))}`,
			buurtcodes: doubled.map(([c]) => c)
		});
	}
	const missing = own.filter((b) => !placed.has(b.code));
	if (missing.length) {
		problems.push({
			field: 'stadsdelen',
			message: `buurten zonder stadsdeel: ${listOf(missing.map((b) => named(b, b.code)))}`,
			buurtcodes: missing.map((b) => b.code)
		});
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------------------
// The vergelijking: a variant's figures per stadsdeel, from facts per buurt.

/** What is known of one buurt, independent of any indeling. */
export interface BuurtFacts {
	code: string;
	name: string;
	wijkcode: string;
	areaHa: number;
	inwoners: number | null;
	/** The monitor's urgency score; null when not scored (too few inhabitants or no values). */
	urgency: number | null;
	stapeling: number | null;
	/** Ids of the active programmes, investments and (for staff) signals that touch the buurt. */
	programmeIds: number[];
	runningProgrammeIds: number[];
	investments: { id: number; amountEur: number | null }[];
	signals: number | null;
}

/** A wijkbudget year's totals of a wijk or buurt, spread over a stadsdeel by inhabitants. */
export interface BudgetFacts {
	gebiedscode: string;
	toegekendEur: number;
	besteedEur: number | null;
}

export interface StadsdeelFigures {
	code: string;
	name: string;
	buurtcodes: string[];
	buurten: number;
	wijken: number;
	/** Wijken this stadsdeel has only part of. */
	gedeeldeWijken: number;
	areaHa: number;
	inwoners: number;
	/**
	 * Where `inwoners` comes from: 'wijken' when the stadsdeel is made of whole wijken that all have a real figure
	 * (CBS publishes inhabitants per wijk, not per buurt), else 'buurten' (the monitor's buurt figures).
	 */
	inwonersUit: 'wijken' | 'buurten';
	/** Buurten without a known number of inhabitants (counted as 0). */
	inwonersOnbekend: number;
	meanUrgency: number | null;
	urgentBuurten: number;
	/** Buurten with two or more domains bad at once. */
	stapelingBuurten: number;
	programmes: number;
	runningProgrammes: number;
	investments: number;
	investmentEur: number;
	signals: number | null;
	budgetToegekendEur: number;
	budgetBesteedEur: number | null;
	budgetPerInwoner: number | null;
	/** Number of separate pieces; more than one gets a warning. */
	pieces: number;
}

export interface Evenness {
	/** Coefficient of variation of the inhabitants per stadsdeel (0 = all equal). */
	inwonersSpreiding: number | null;
	largest: number;
	smallest: number;
	/** Highest minus lowest mean urgency of the stadsdelen. */
	urgencySpread: number | null;
	/** Standard deviation of the stadsdelen's mean urgency. */
	urgencyStdev: number | null;
}

/** A buurt is urgent from this score on (as the koppelkansen count it). */
export const URGENT_FROM = STAPELING_THRESHOLD;
/** A buurt has stapeling from this many bad domains on. */
export const STAPELING_FROM = 2;

function mean(values: number[]): number | null {
	return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

function stdev(values: number[]): number | null {
	const m = mean(values);
	if (m === null) return null;
	return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length);
}

/**
 * The figures of one indeling per stadsdeel. A wijkbudget of a wijk split over stadsdelen goes to each in
 * proportion to the inhabitants of its buurten there (by number of buurten when inhabitants are unknown).
 * `wijkInwoners` holds real inhabitants per wijk (CBS KWB) where known: a stadsdeel of whole wijken that all have
 * one counts those; a stadsdeel that splits a wijk counts its buurten's figures.
 */
export function indelingFigures(
	stadsdelen: IndelingStadsdeel[],
	buurten: BuurtFacts[],
	budgets: BudgetFacts[],
	pieces: Map<string, number> = new Map(),
	wijkInwoners: Map<string, number> = new Map()
): { stadsdelen: StadsdeelFigures[]; evenness: Evenness } {
	const byCode = new Map(buurten.map((b) => [b.code, b]));
	const wijkBuurten = new Map<string, BuurtFacts[]>();
	for (const b of buurten) wijkBuurten.set(b.wijkcode, [...(wijkBuurten.get(b.wijkcode) ?? []), b]);
	const shareOf = (b: BuurtFacts): number => {
		const wijk = wijkBuurten.get(b.wijkcode) ?? [b];
		const total = wijk.reduce((a, x) => a + (x.inwoners ?? 0), 0);
		return total > 0 ? (b.inwoners ?? 0) / total : 1 / wijk.length;
	};
	const figures = stadsdelen.map((s): StadsdeelFigures => {
		const own = s.buurtcodes.map((c) => byCode.get(c)).filter((b): b is BuurtFacts => !!b);
		const wijken = new Set(own.map((b) => b.wijkcode));
		const scores = own.map((b) => b.urgency).filter((v): v is number => v !== null);
		const programmes = new Set(own.flatMap((b) => b.programmeIds));
		const running = new Set(own.flatMap((b) => b.runningProgrammeIds));
		const investments = new Map(own.flatMap((b) => b.investments.map((i) => [i.id, i.amountEur] as const)));
		const signals = own.some((b) => b.signals === null) ? null : own.reduce((a, b) => a + (b.signals ?? 0), 0);
		let toegekend = 0;
		let besteed: number | null = null;
		const ownCodes = new Set(own.map((b) => b.code));
		for (const budget of budgets) {
			let share = 0;
			if (budget.gebiedscode.startsWith('BU')) share = ownCodes.has(budget.gebiedscode) ? 1 : 0;
			else share = own.filter((b) => b.wijkcode === budget.gebiedscode).reduce((a, b) => a + shareOf(b), 0);
			if (share === 0) continue;
			toegekend += budget.toegekendEur * share;
			if (budget.besteedEur !== null) besteed = (besteed ?? 0) + budget.besteedEur * share;
		}
		const gedeeldeWijken = [...wijken].filter((w) => (wijkBuurten.get(w) ?? []).some((b) => !ownCodes.has(b.code))).length;
		const fromWijken = wijken.size > 0 && gedeeldeWijken === 0 && [...wijken].every((w) => wijkInwoners.has(w));
		const inwoners = fromWijken
			? [...wijken].reduce((a, w) => a + wijkInwoners.get(w)!, 0)
			: own.reduce((a, b) => a + (b.inwoners ?? 0), 0);
		return {
			code: s.code,
			name: s.name,
			buurtcodes: s.buurtcodes,
			buurten: own.length,
			wijken: wijken.size,
			gedeeldeWijken,
			areaHa: own.reduce((a, b) => a + b.areaHa, 0),
			inwoners,
			inwonersUit: fromWijken ? 'wijken' : 'buurten',
			inwonersOnbekend: fromWijken ? 0 : own.filter((b) => b.inwoners === null).length,
			meanUrgency: mean(scores),
			urgentBuurten: scores.filter((v) => v >= URGENT_FROM).length,
			stapelingBuurten: own.filter((b) => (b.stapeling ?? 0) >= STAPELING_FROM).length,
			programmes: programmes.size,
			runningProgrammes: running.size,
			investments: investments.size,
			investmentEur: [...investments.values()].reduce((a: number, v) => a + (v ?? 0), 0),
			signals,
			budgetToegekendEur: Math.round(toegekend * 100) / 100,
			budgetBesteedEur: besteed === null ? null : Math.round(besteed * 100) / 100,
			budgetPerInwoner: inwoners > 0 ? Math.round((toegekend / inwoners) * 100) / 100 : null,
			pieces: pieces.get(s.code) ?? 1
		};
	});
	const inwoners = figures.map((f) => f.inwoners);
	const urgencies = figures.map((f) => f.meanUrgency).filter((v): v is number => v !== null);
	const m = mean(inwoners);
	const sd = stdev(inwoners);
	return {
		stadsdelen: figures,
		evenness: {
			inwonersSpreiding: m && sd !== null ? sd / m : null,
			largest: inwoners.length ? Math.max(...inwoners) : 0,
			smallest: inwoners.length ? Math.min(...inwoners) : 0,
			urgencySpread: urgencies.length ? Math.max(...urgencies) - Math.min(...urgencies) : null,
			urgencyStdev: stdev(urgencies)
		}
	};
}

export interface MovedBuurt {
	buurtcode: string;
	from: string;
	to: string;
}

/** The buurten whose stadsdeel differs between two indelingen (by stadsdeel name: codes follow names). */
export function movedBuurten(a: IndelingStadsdeel[], b: IndelingStadsdeel[]): MovedBuurt[] {
	const inA = new Map(a.flatMap((s) => s.buurtcodes.map((c) => [c, s.name] as const)));
	const moved: MovedBuurt[] = [];
	for (const s of b) {
		for (const c of s.buurtcodes) {
			const from = inA.get(c);
			if (from !== undefined && from !== s.name) moved.push({ buurtcode: c, from, to: s.name });
		}
	}
	return moved.sort((x, y) => x.buurtcode.localeCompare(y.buurtcode));
}

/** "Stadsdeel Noord ligt in 2 delen" for each stadsdeel in more than one piece. */
export function pieceWarnings(figures: Pick<StadsdeelFigures, 'name' | 'pieces'>[]): string[] {
	return figures.filter((f) => f.pieces > 1).map((f) => `Stadsdeel ${f.name} ligt in ${f.pieces} losse delen`);
}

/** An indeling's figures per stadsdeel as GET /api/indelingen/{id}/vergelijking gives them. */
export interface Vergelijking {
	indeling: Indeling;
	stadsdelen: (StadsdeelFigures & { inwonersLabel?: string })[];
	evenness: Evenness;
	warnings: string[];
	/** The monitor year of inhabitants and urgency; null without monitor data. */
	monitorYear: number | null;
	/** The wijkbudget year summed (the last year with spending accounted for). */
	budgetYear: number | null;
	/** Where the inhabitants come from. */
	inwonersBron: string | null;
	/** The period the programmes and investments are counted in. */
	period: { from: string; to: string };
	/** Whether signals were counted (staff only). */
	signalsShown: boolean;
	synthetic: boolean;
	label?: string;
	/** With `met`: the buurten that lie in another stadsdeel there. */
	moved?: { against: { id: number; name: string }; buurten: (MovedBuurt & { name: string })[] };
}

