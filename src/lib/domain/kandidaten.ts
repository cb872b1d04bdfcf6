// The choice of the next wijkaanpak: candidate areas ranked on the municipality's own criteria (Hengelo's
// bestuurlijke opdracht names them: urgency, signals from the field, investments to amplify, the gemeente's own
// priority, and the advantage of active residents and partners), with weights the user sets, an explanation of
// every rank in which the criteria's contributions add up to the score, and the share of random re-weightings in
// which an area stays in the top N — as the monitor does for urgency. Pure: the page recomputes it as sliders move.

import { formatNumber } from './format';
import { mulberry32, WEIGHT_FACTOR_RANGE } from './urgency';
import { LEVEL_VALUES, PARTNER_LABELS, RESIDENT_LABELS, type PartnerLevel, type ResidentLevel } from './area-assessment';
import { dutchList, formatDutchDate, formatPoints, urgencyClass } from './koppelkansen';

export const CRITERIA = ['urgentie', 'signalen', 'investeringen', 'prioriteit', 'actief'] as const;
export type Criterion = (typeof CRITERIA)[number];
export type CriterionWeights = Record<Criterion, number>;

export const CRITERION_LABELS: Record<Criterion, string> = {
	urgentie: 'Urgentie',
	signalen: 'Signalen uit de wijk',
	investeringen: 'Investeringen om te versterken',
	prioriteit: 'Gemeentelijke prioriteit',
	actief: 'Actieve bewoners en partners'
};

/** The urgency score that counts fully (1): two standard deviations worse than the average buurt. */
export const URGENCY_FULL = 2;
/** Signals count from this many months before the start of the period. */
export const SIGNAL_MONTHS = 24;
export const DEFAULT_CANDIDATE_TOP_N = 3;
export const DEFAULT_CANDIDATE_DRAWS = 500;
export const MAX_WEIGHT = 5;

/** How each criterion is measured, on a scale of 0 to 1, in the words shown next to the sliders. */
export const CRITERION_EXPLANATIONS: Record<Criterion, string> = {
	urgentie:
		`De urgentiescore van de wijk- en buurtmonitor (alle domeinen even zwaar). 0 of lager (gemiddeld of beter) telt 0, ` +
		`${URGENCY_FULL} of hoger (twee standaardafwijkingen ongunstiger dan de gemiddelde buurt) telt 1, daartussen naar rato.`,
	signalen:
		`Het aantal signalen uit de wijk van de laatste ${SIGNAL_MONTHS} maanden voor het begin van de periode tot het einde ervan. ` +
		'Het gebied met de meeste signalen telt 1, de andere naar rato. Alleen voor medewerkers van de gemeente: voor anderen ' +
		'telt dit criterium niet mee en wordt er niets over signalen getoond of meegerekend.',
	investeringen:
		'De investeringen van partners en gemeente in de gekozen periode die een wijkaanpak kan versterken: 1 punt per ' +
		'investering in het gebied, 2 voor een grote (€ 1 mln of meer, of 50 woningen of meer), de helft in een aangrenzende ' +
		'buurt. Het gebied met de meeste punten telt 1, de andere naar rato.',
	prioriteit: 'Of de gemeente het gebied prioriteit geeft (een keuze van de redactie): ja telt 1, nee 0.',
	actief:
		'Het gemiddelde van actieve bewoners en actieve partners. Bewoners: de beoordeling van de redactie (veel 1, enkele 0,5, ' +
		'geen of nog niet beoordeeld 0). Partners: uit het register (partners met een investering in het gebied: 2 of meer 1, ' +
		'1 telt 0,5), tenzij de redactie het anders beoordeelt.'
};

export interface CandidatePreset {
	id: string;
	label: string;
	description: string;
	weights: CriterionWeights;
}

export const PRESETS: readonly CandidatePreset[] = [
	{
		id: 'gelijk',
		label: 'Alle criteria even zwaar',
		description: 'Geen criterium weegt zwaarder dan een ander.',
		weights: { urgentie: 1, signalen: 1, investeringen: 1, prioriteit: 1, actief: 1 }
	},
	{
		id: 'bestuurlijke-opdracht',
		label: 'Bestuurlijke opdracht Hengelo',
		description:
			'De vier afwegingen van de bestuurlijke opdracht even zwaar; actieve bewoners en partners "geven een voordeel" en tellen half.',
		weights: { urgentie: 2, signalen: 2, investeringen: 2, prioriteit: 2, actief: 1 }
	},
	{
		id: 'urgentie',
		label: 'Urgentie voorop',
		description: 'De opgaven in de wijk wegen het zwaarst.',
		weights: { urgentie: 4, signalen: 1, investeringen: 1, prioriteit: 1, actief: 1 }
	},
	{
		id: 'meekoppelen',
		label: 'Meekoppelen met investeringen',
		description: 'Waar partners en gemeente al investeren, kan een wijkaanpak het meest versterken.',
		weights: { urgentie: 2, signalen: 1, investeringen: 3, prioriteit: 1, actief: 1 }
	},
	{
		id: 'prioriteit',
		label: 'Gemeentelijke prioriteit',
		description: 'De keuze van de gemeente weegt het zwaarst, urgentie daarna.',
		weights: { urgentie: 2, signalen: 1, investeringen: 1, prioriteit: 3, actief: 1 }
	}
];

export const DEFAULT_CRITERION_WEIGHTS: CriterionWeights = PRESETS[0].weights;

/** The preset whose weights these are, or null for a weighting of one's own. */
export function presetOf(weights: CriterionWeights): CandidatePreset | null {
	return PRESETS.find((p) => CRITERIA.every((c) => p.weights[c] === weights[c])) ?? null;
}

/** Weights that cannot be used; the message is Dutch and names the criteria. */
export class CriterionWeightsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CriterionWeightsError';
	}
}

const VALID = `Geldige criteria: ${CRITERIA.join(', ')}.`;

/**
 * Reads `urgentie:3,signalen:2`. Criteria that are not named keep their weight in `base` (default 1, as for the
 * monitor's domain weights; a preset's otherwise); an empty string gives `base`. Weights are numbers from 0 to MAX_WEIGHT.
 */
export function parseCriterionWeights(text: string | null | undefined, base: CriterionWeights = DEFAULT_CRITERION_WEIGHTS): CriterionWeights {
	const weights: CriterionWeights = { ...base };
	const seen = new Set<string>();
	for (const part of (text ?? '').split(',')) {
		const item = part.trim();
		if (item === '') continue;
		const match = /^([a-z]+)\s*:\s*(\d+(?:\.\d+)?)$/i.exec(item);
		const criterion = (match?.[1] ?? item.split(':')[0]).trim().toLowerCase();
		if (!CRITERIA.includes(criterion as Criterion)) throw new CriterionWeightsError(`Onbekend criterium "${criterion}" in de gewichten. ${VALID}`);
		if (!match) throw new CriterionWeightsError(`Ongeldig gewicht "${item}": schrijf criterium:getal, bijvoorbeeld ${criterion}:2. ${VALID}`);
		if (seen.has(criterion)) throw new CriterionWeightsError(`Het criterium "${criterion}" staat twee keer in de gewichten.`);
		seen.add(criterion);
		weights[criterion as Criterion] = Number(match[2]);
	}
	checkCriterionWeights(weights);
	return weights;
}

/** The inverse of parseCriterionWeights: only weights other than 1, in criterion order. */
export function formatCriterionWeights(weights: CriterionWeights): string {
	return CRITERIA.filter((c) => weights[c] !== 1)
		.map((c) => `${c}:${weights[c]}`)
		.join(',');
}

export function checkCriterionWeights(weights: CriterionWeights): void {
	for (const c of CRITERIA) {
		const w = weights[c];
		if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > MAX_WEIGHT) {
			throw new CriterionWeightsError(`Het gewicht van ${c} moet een getal van 0 tot en met ${MAX_WEIGHT} zijn. ${VALID}`);
		}
	}
	if (CRITERIA.every((c) => weights[c] === 0)) throw new CriterionWeightsError('Geef minstens één criterium een gewicht groter dan 0.');
}

// ---------------------------------------------------------------------------------------------------------

export interface CandidateProgramme {
	id: number;
	name: string;
	kind: string;
	status: string;
}

/** What is known of one area, as the server gathers it (signals only for staff). */
export interface CandidateInput {
	code: string;
	name: string;
	/** The monitor's urgency score; null when not scored (fewer than 50 inhabitants, no data): not ranked. */
	urgency: number | null;
	/** Signals in the window; null when the user may not see signals. */
	signals: number | null;
	investments: {
		/** In the area itself. */
		count: number;
		large: number;
		/** Only in a neighbouring buurt. */
		near: number;
		nearLarge: number;
	};
	/** Partners (not the gemeente) with an investment in the area, from the register. */
	registerPartners: string[];
	priority: boolean;
	residents: ResidentLevel;
	/** The editors' judgement of active partners; null: as the register shows. */
	partners: PartnerLevel | null;
	/** Programmes of the kind of a wijkaanpak (wijkaanpak, focusgebied, gebiedsgerichte aanpak) that cover it. */
	wijkaanpakken: CandidateProgramme[];
}

export interface CandidateContext {
	/** Whether the signals criterion may be used (the user is staff). */
	signalsVisible: boolean;
	/** The first day signals count from (ISO), for the explanation. */
	signalsSince: string;
}

export interface CriterionScore {
	criterion: Criterion;
	label: string;
	/** 0–1 on the criterion's scale. */
	value: number;
	/** The weight used (0 for signals when they are not visible). */
	weight: number;
	/** Points of the score (0–100 in all); the contributions of an area add up to its score. */
	contribution: number;
	/** Whether the criterion can be used for this user (signals: staff only). */
	available: boolean;
	/** Dutch: the facts and how they make the value. */
	explanation: string;
}

export interface RankedCandidate {
	code: string;
	name: string;
	/** 1 = best candidate; equal scores share a rank. Null when not ranked (excluded or without urgency). */
	rank: number | null;
	/** 0–100; null when not ranked. */
	score: number | null;
	criteria: CriterionScore[];
	/** Share (0–1) of the draws in which the area is in the top N; null when not ranked or without draws. */
	topNShare: number | null;
	wijkaanpakken: CandidateProgramme[];
	/** It already has a wijkaanpak (shown marked, or left out of the ranking). */
	hasWijkaanpak: boolean;
	/** Why it is not ranked, in Dutch; null when it is. */
	note: string | null;
	/** The criteria's explanations, largest contribution first. */
	reasons: string[];
}

export interface RankCandidatesOptions {
	weights: CriterionWeights;
	/** 'markeren' (default): areas with a wijkaanpak are ranked and marked; 'uitsluiten': left out of the ranking. */
	existing?: 'markeren' | 'uitsluiten';
	topN?: number;
	draws?: number;
	seed?: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const fmt2 = formatPoints;
const investmentPoints = (i: CandidateInput['investments']) => i.count + i.large + 0.5 * (i.near + i.nearLarge);
/** Partners from the register: none 0, one 0.5, two or more 1. */
const registerPartnerValue = (n: number) => (n >= 2 ? 1 : n === 1 ? 0.5 : 0);

interface Scales {
	maxSignals: number;
	maxPoints: number;
}

function criterionValues(input: CandidateInput, scales: Scales, context: CandidateContext): Record<Criterion, { value: number; explanation: string; available: boolean }> {
	const u = input.urgency ?? 0;
	const urgency = clamp01(u / URGENCY_FULL);
	const points = investmentPoints(input.investments);
	const partnersValue = input.partners === null ? registerPartnerValue(input.registerPartners.length) : LEVEL_VALUES[input.partners];
	const residentsValue = LEVEL_VALUES[input.residents];
	const inv = input.investments;
	const invText =
		inv.count + inv.near === 0
			? 'geen investeringen in de periode, ook niet in een aangrenzende buurt'
			: [
					inv.count ? `${inv.count} in het gebied${inv.large ? ` (${inv.large} groot)` : ''}` : 'geen in het gebied',
					inv.near ? `${inv.near} in een aangrenzende buurt${inv.nearLarge ? ` (${inv.nearLarge} groot)` : ''}` : null
				]
					.filter(Boolean)
					.join(', ') + `: ${formatNumber(points, 1)} punten`;
	const partnersText =
		input.partners === null
			? input.registerPartners.length
				? `partners uit het register: ${dutchList(input.registerPartners)}`
				: 'geen partners met een investering in het register'
			: `partners: ${PARTNER_LABELS[input.partners].toLowerCase()} (beoordeling redactie)`;
	return {
		urgentie: {
			value: urgency,
			available: true,
			explanation: `Urgentiescore ${fmt2(u)} (${urgencyClass(input.urgency)}); op de schaal 0–${URGENCY_FULL} is dat ${fmt2(urgency)}`
		},
		signalen: context.signalsVisible
			? {
					value: scales.maxSignals > 0 ? (input.signals ?? 0) / scales.maxSignals : 0,
					available: true,
					explanation:
						`${input.signals ?? 0} ${input.signals === 1 ? 'signaal' : 'signalen'} sinds ${formatDutchDate(context.signalsSince)}` +
						(scales.maxSignals > 0 ? `; de meeste signalen (${scales.maxSignals}) tellen 1` : '; nergens signalen')
				}
			: { value: 0, available: false, explanation: 'Alleen zichtbaar voor medewerkers van de gemeente; telt voor u niet mee' },
		investeringen: {
			value: scales.maxPoints > 0 ? points / scales.maxPoints : 0,
			available: true,
			explanation: `Investeringen: ${invText}` + (scales.maxPoints > 0 ? `; de meeste punten (${formatNumber(scales.maxPoints, 1)}) tellen 1` : '')
		},
		prioriteit: {
			value: input.priority ? 1 : 0,
			available: true,
			explanation: input.priority ? 'De gemeente geeft dit gebied prioriteit' : 'Geen prioriteit van de gemeente aangegeven'
		},
		actief: {
			value: (residentsValue + partnersValue) / 2,
			available: true,
			explanation: `Bewoners: ${RESIDENT_LABELS[input.residents].toLowerCase()} (${fmt2(residentsValue)}); ${partnersText} (${fmt2(partnersValue)})`
		}
	};
}

function integerAtLeast(value: number, name: string, min: number): number {
	if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} moet een geheel getal van ${min} of meer zijn, niet ${value}.`);
	return value;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Ranks the candidates: score = 100 · Σ w·v / Σ w over the criteria (v on 0–1), so that each criterion's
 * contribution 100 · w·v / Σ w adds up to the score. Areas without an urgency score are not ranked; with
 * existing 'uitsluiten' neither are areas with a wijkaanpak (and the scales are those of the remaining areas).
 * Returns the ranked areas by rank (equal scores by code), then the others by code.
 */
export function rankCandidates(inputs: readonly CandidateInput[], context: CandidateContext, options: RankCandidatesOptions): RankedCandidate[] {
	checkCriterionWeights(options.weights);
	const weights: CriterionWeights = { ...options.weights, signalen: context.signalsVisible ? options.weights.signalen : 0 };
	if (CRITERIA.every((c) => weights[c] === 0)) {
		throw new CriterionWeightsError('Signalen tellen voor u niet mee: geef minstens één ander criterium een gewicht groter dan 0.');
	}
	const existing = options.existing ?? 'markeren';
	const topN = integerAtLeast(options.topN ?? DEFAULT_CANDIDATE_TOP_N, 'De topgroep', 1);
	const draws = integerAtLeast(options.draws ?? DEFAULT_CANDIDATE_DRAWS, 'Het aantal trekkingen', 0);

	const noteOf = (input: CandidateInput): string | null => {
		if (input.urgency === null) return 'Geen urgentiescore (te weinig inwoners of geen gegevens): niet gerangschikt';
		if (existing === 'uitsluiten' && input.wijkaanpakken.length) {
			return `Heeft al een aanpak (${dutchList(input.wijkaanpakken.map((p) => p.name))}): uitgesloten`;
		}
		return null;
	};
	const rankable = inputs.filter((i) => noteOf(i) === null);
	const scales: Scales = {
		maxSignals: Math.max(0, ...rankable.map((i) => i.signals ?? 0)),
		maxPoints: Math.max(0, ...rankable.map((i) => investmentPoints(i.investments)))
	};
	const total = CRITERIA.reduce((sum, c) => sum + weights[c], 0);

	const results: RankedCandidate[] = inputs.map((input) => {
		const note = noteOf(input);
		const values = criterionValues(input, scales, context);
		const criteria: CriterionScore[] = CRITERIA.map((c) => ({
			criterion: c,
			label: CRITERION_LABELS[c],
			value: values[c].value,
			weight: weights[c],
			contribution: note === null ? (100 * weights[c] * values[c].value) / total : 0,
			available: values[c].available,
			explanation: values[c].explanation
		}));
		return {
			code: input.code,
			name: input.name,
			rank: null,
			score: note === null ? criteria.reduce((sum, c) => sum + c.contribution, 0) : null,
			criteria,
			topNShare: null,
			wijkaanpakken: input.wijkaanpakken,
			hasWijkaanpak: input.wijkaanpakken.length > 0,
			note,
			reasons: [...criteria]
				.filter((c) => c.available)
				.sort((a, b) => b.contribution - a.contribution || CRITERIA.indexOf(a.criterion) - CRITERIA.indexOf(b.criterion))
				.map((c) => `${c.label}: ${c.explanation}`)
		};
	});

	const key = (r: RankedCandidate) => Math.round(r.score! * 1e9);
	const ranked = results.filter((r) => r.score !== null).sort((a, b) => key(b) - key(a) || byCode(a, b));
	ranked.forEach((r, i) => {
		const previous = ranked[i - 1];
		r.rank = previous && key(previous) === key(r) ? previous.rank : i + 1;
	});
	if (draws > 0 && ranked.length > 0) {
		const shares = topNShares(ranked, weights, topN, draws, options.seed ?? 1);
		ranked.forEach((r, i) => (r.topNShare = shares[i]));
	}
	return [...ranked, ...results.filter((r) => r.score === null).sort(byCode)];
}

/**
 * The share of draws in which each ranked area is in the top N when every criterion weight is multiplied by its
 * own factor from WEIGHT_FACTOR_RANGE (a factor is drawn for every criterion in CRITERIA order, so the draws do
 * not depend on which criteria this user may use). The values per criterion do not depend on the weights.
 */
function topNShares(ranked: RankedCandidate[], weights: CriterionWeights, topN: number, draws: number, seed: number): number[] {
	const random = mulberry32(seed);
	const [low, high] = WEIGHT_FACTOR_RANGE;
	// Scan in code order, so that on equal scores the lower code stays ahead (as in the ranking).
	const order = ranked.map((_, i) => i).sort((a, b) => byCode(ranked[a], ranked[b]));
	const values = order.map((i) => CRITERIA.map((c) => ranked[i].criteria.find((x) => x.criterion === c)!.value));
	const hits = new Uint32Array(order.length);
	const size = Math.min(topN, order.length);
	const drawn = new Float64Array(CRITERIA.length);
	const scores = new Float64Array(order.length);
	const rows = order.map((_, row) => row);
	for (let draw = 0; draw < draws; draw++) {
		let total = 0;
		for (let c = 0; c < CRITERIA.length; c++) {
			drawn[c] = weights[CRITERIA[c]] * (low + (high - low) * random());
			total += drawn[c];
		}
		for (let row = 0; row < order.length; row++) {
			let sum = 0;
			for (let c = 0; c < CRITERIA.length; c++) sum += drawn[c] * values[row][c];
			scores[row] = sum / total;
		}
		// A stable sort keeps code order on ties.
		const top = [...rows].sort((a, b) => scores[b] - scores[a]).slice(0, size);
		for (const row of top) hits[row]++;
	}
	const shares = new Array<number>(ranked.length);
	order.forEach((rankedIndex, row) => (shares[rankedIndex] = hits[row] / draws));
	return shares;
}

const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Scores and points of the ranking (0–100) with one decimal: "56,3", "65,0". */
export function formatScore(value: number): string {
	return oneDecimal.format(value);
}

/**
 * Rounds the parts to `decimals` so that the rounded parts add up to the rounded total (largest remainder), so a
 * table of contributions never shows 33,3 + 33,3 + 33,3 = 100,0.
 */
export function roundToTotal(parts: readonly number[], decimals = 1): number[] {
	const factor = 10 ** decimals;
	const target = Math.round(parts.reduce((s, p) => s + p, 0) * factor);
	const floors = parts.map((p) => Math.floor(p * factor));
	let missing = target - floors.reduce((s, p) => s + p, 0);
	const byRemainder = parts.map((p, i) => ({ i, r: p * factor - floors[i] })).sort((a, b) => b.r - a.r || a.i - b.i);
	const result = [...floors];
	for (const { i } of byRemainder) {
		if (missing <= 0) break;
		result[i]++;
		missing--;
	}
	return result.map((v) => v / factor);
}
