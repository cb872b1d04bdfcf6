// The urgentiescore: how far each area is from the average buurt of its gemeente, per domain and combined; which
// indicators drive that; how many domains are bad at once (stapeling); and whether an area's place near the top
// of the ranking survives when the weights shift. Every step is simple enough to explain to a wethouder, and
// every number can be traced back to the indicator values (see URGENCY_EXPLANATION).

import { DOMAINS, type Domain, type Indicator, type Weights } from './monitor';
import { formatDutchNumber, formatIndicatorValue } from './format';
import { shortSource } from './provenance';

export { formatDutchNumber, formatIndicatorValue };

/** A domain counts towards stapeling from this domain score on. */
export const STAPELING_THRESHOLD = 0.5;
export const STAPELING_EXPLANATION =
	'Een domein telt mee voor de stapeling van problemen als de domeinscore 0,5 of hoger is: het gebied is op dat domein ' +
	'minstens een halve standaardafwijking ongunstiger dan de gemiddelde buurt van de gemeente. Stapeling hangt niet af ' +
	'van de gewichten.';

/** How the score is made, in the order a reader needs it; shown next to the ranking. */
export const URGENCY_EXPLANATION: readonly string[] = [
	'Per indicator: hoeveel standaardafwijkingen het gebied afwijkt van de gemiddelde buurt van de gemeente (z-score). ' +
		'Waar juist een lage waarde zorgelijk is (zoals sociale cohesie) is het teken omgedraaid, zodat een hogere score altijd urgenter is.',
	'Per domein: het gemiddelde van de z-scores van de indicatoren waarvoor het gebied een waarde heeft. Contextindicatoren tellen niet mee.',
	'Totaal: het gewogen gemiddelde van de domeinscores met de gekozen gewichten. Een domein met gewicht 0 of zonder gegevens telt niet mee.',
	'Score 0 is gelijk aan de gemiddelde buurt van de gemeente; score 1 is gemiddeld één standaardafwijking ongunstiger.',
	'Gebieden met minder dan 50 inwoners krijgen geen score en geen plaats in de rangorde.',
	'De catalogus bepaalt welke indicatoren meetellen en in welk domein. Gezondheid telt op de echte cijfers van het RIVM ' +
		'(Gezondheid per wijk en buurt, modelschatting, 18 jaar en ouder); de demodata van dat domein telt dan niet mee. ' +
		'Het RIVM meet in golven (2012, 2016, 2020): een jaar zonder meting gebruikt de laatste meting ervoor, en de score zegt dat ' +
		'("gezondheid: RIVM 2020"). Bij elke indicator staan bron en jaar.'
];

export const DEFAULT_TOP_N = 5;
export const DEFAULT_DRAWS = 500;
export const DEFAULT_SEED = 1;
/** In a robustness draw every domain weight is multiplied by its own factor, uniform in this range. */
export const WEIGHT_FACTOR_RANGE = [0.5, 1.5] as const;

export function robustnessExplanation(topN: number, draws: number): string {
	return (
		`Aandeel van ${draws} trekkingen waarin het gebied bij de top ${topN} hoort als elk domeingewicht met een eigen, ` +
		`willekeurige factor tussen 0,5 en 1,5 wordt vermenigvuldigd. Dicht bij 100 %: de plaats hangt nauwelijks af van de precieze gewichten.`
	);
}

export const DEFAULT_WEIGHTS: Weights = { sociaal: 1, gezondheid: 1, veiligheid: 1, wonen: 1, duurzaamheid: 1 };

export interface UrgencyArea {
	code: string;
	name: string;
	/** Fewer than 50 inhabitants: not scored, not ranked. */
	suppressed: boolean;
	/** Per indicator code; null or absent when missing. */
	values: Record<string, number | null>;
}

export interface UrgencyInput {
	indicators: Indicator[];
	/** Per indicator code: the values of the gemeente's buurten that are not suppressed — the yardstick. */
	reference: Record<string, number[]>;
	/** Per indicator code: the gemeente's own value, shown next to the area's value in the explanations. */
	gemeente: Record<string, number | null>;
	/** The areas to score: buurten, or wijken and stadsdelen measured against the same buurt yardstick. */
	areas: UrgencyArea[];
	/** The year scored, and per indicator the year of its values where that differs (a wave before it). */
	year?: number;
	years?: Record<string, number>;
}

export interface UrgencyOptions {
	weights?: Weights;
	/** Robustness: the size of the top group (default 5). */
	topN?: number;
	/** Robustness: the number of random weightings (default 500; 0 skips the robustness check). */
	draws?: number;
	/** Robustness: the seed of the random weightings, so a ranking can be reproduced exactly. */
	seed?: number;
	/** At most this many drivers per area, the largest contributions (default: all scored indicators). */
	drivers?: number;
}

export interface UrgencyDriver {
	indicator: string;
	name: string;
	domain: Domain;
	unit: string;
	value: number;
	gemeente: number | null;
	/** Standardised score, urgent-positive. */
	z: number;
	/** This indicator's share of the overall score; the contributions of an area add up to its score. */
	contribution: number;
	/** Dutch, e.g. "Huishoudens met laag inkomen: 24,7 % (gemeente 12,1 %)". */
	explanation: string;
	/** Where the value comes from and its year: "RIVM 2020, modelschatting", "demodata 2024". */
	source: string;
	year: number | null;
	synthetic: boolean;
}

export interface AreaUrgency {
	code: string;
	name: string;
	/** Weighted mean of the domain scores; null when suppressed or without scored domains. */
	score: number | null;
	/** 1 = most urgent; equal scores share a rank (1, 2, 2, 4). Null when unscored. */
	rank: number | null;
	/** Mean z per domain, regardless of its weight; null without indicators (or when suppressed). */
	domains: Record<Domain, number | null>;
	/** Number of domains with a score ≥ STAPELING_THRESHOLD; null when no domain could be scored. */
	stapeling: number | null;
	/** The scored indicators the area has a value for, largest contribution first (all, or `options.drivers`). */
	drivers: UrgencyDriver[];
	/** Share (0–1) of robustness draws in which the area is in the top N; null when unscored or without draws. */
	topNShare: number | null;
	/** How many of the scored indicators the area has a value for. */
	coverage: { scored: number; total: number };
}

/** The yardstick of one indicator: the unweighted mean and population standard deviation of its buurt values. */
export interface ReferenceStatistics {
	mean: number;
	sd: number;
	n: number;
}

/** A weights string or object that cannot be used; the message is Dutch and names the valid domains. */
export class WeightsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'WeightsError';
	}
}

const VALID_DOMAINS = `Geldige domeinen: ${DOMAINS.join(', ')}.`;

/**
 * Reads `sociaal:2,veiligheid:1`. Domains that are not named keep weight 1, so `sociaal:2` means "sociaal twice
 * as heavy as each of the others"; an empty string gives equal weights.
 */
export function parseWeights(text: string | null | undefined): Weights {
	const weights: Weights = { ...DEFAULT_WEIGHTS };
	const seen = new Set<string>();
	for (const part of (text ?? '').split(',')) {
		const item = part.trim();
		if (item === '') continue;
		const match = /^([a-z]+)\s*:\s*(\d+(?:\.\d+)?)$/i.exec(item);
		const domain = (match?.[1] ?? item.split(':')[0]).trim().toLowerCase();
		if (!DOMAINS.includes(domain as Domain)) {
			throw new WeightsError(`Onbekend domein "${domain}" in de gewichten. ${VALID_DOMAINS}`);
		}
		if (!match) {
			throw new WeightsError(`Ongeldig gewicht "${item}": schrijf domein:getal met een getal van 0 of meer, bijvoorbeeld ${domain}:2. ${VALID_DOMAINS}`);
		}
		if (seen.has(domain)) throw new WeightsError(`Het domein "${domain}" staat twee keer in de gewichten. ${VALID_DOMAINS}`);
		seen.add(domain);
		weights[domain as Domain] = Number(match[2]);
	}
	checkWeights(weights);
	return weights;
}

/** The inverse of parseWeights: only the weights that differ from 1, in domain order; '' for equal weights. */
export function formatWeights(weights: Weights): string {
	return DOMAINS.filter((d) => weights[d] !== 1)
		.map((d) => `${d}:${weights[d]}`)
		.join(',');
}

function checkWeights(weights: Weights) {
	for (const domain of DOMAINS) {
		const weight = weights[domain];
		if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
			throw new WeightsError(`Het gewicht van ${domain} moet een getal van 0 of meer zijn. ${VALID_DOMAINS}`);
		}
	}
	if (DOMAINS.every((d) => weights[d] === 0)) {
		throw new WeightsError('Geef minstens één domein een gewicht groter dan 0.');
	}
}

/** Whether an indicator may take part in the score: it has a domain and a direction, and the catalogue counts it. */
export function isScored(indicator: Indicator): indicator is Indicator & { domain: Domain } {
	return indicator.direction !== 'context' && indicator.domain !== 'context' && indicator.urgency !== false;
}

/**
 * The indicators that count in the score: those the catalogue counts, except that a domain with real
 * indicators (RIVM in gezondheid) is scored on those alone — demodata of that domain is shown, not scored.
 */
export function urgencyIndicators<T extends Indicator>(catalogue: readonly T[]): (T & { domain: Domain })[] {
	const scored = catalogue.filter(isScored) as (T & { domain: Domain })[];
	const realDomains = new Set(scored.filter((i) => !i.synthetic).map((i) => i.domain));
	return scored.filter((i) => !i.synthetic || !realDomains.has(i.domain));
}

/** Mean and population standard deviation of each scored indicator's reference values (ignoring non-numbers). */
export function referenceStatistics(indicators: readonly Indicator[], reference: UrgencyInput['reference']): Record<string, ReferenceStatistics> {
	const statistics: Record<string, ReferenceStatistics> = {};
	for (const indicator of indicators) {
		if (!isScored(indicator)) continue;
		const values = (reference[indicator.code] ?? []).filter((v) => typeof v === 'number' && Number.isFinite(v));
		if (values.length === 0) continue;
		const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
		// Population sd: the buurten of the gemeente are the whole population being compared, not a sample.
		const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
		statistics[indicator.code] = { mean, sd, n: values.length };
	}
	return statistics;
}

/** z = (value − mean) / sd of the reference, sign flipped where lower is more urgent; 0 when all buurten are equal. */
export function standardScore(value: number, statistics: ReferenceStatistics, direction: Indicator['direction']): number {
	if (statistics.sd === 0) return 0;
	const z = (value - statistics.mean) / statistics.sd;
	return direction === 'lager_is_urgenter' ? -z : z;
}

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same robustness figures everywhere. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function integerAtLeast(value: number, name: string, min: number): number {
	if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} moet een geheel getal van ${min} of meer zijn, niet ${value}.`);
	return value;
}

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Scores, ranks and explains the areas, and measures how robust each area's place in the top N is.
 * Returns the areas by rank (most urgent first, equal scores by code), then the unranked areas by code.
 */
export function rankUrgency(input: UrgencyInput, options: UrgencyOptions = {}): AreaUrgency[] {
	const weights = options.weights ?? DEFAULT_WEIGHTS;
	checkWeights(weights);
	const topN = integerAtLeast(options.topN ?? DEFAULT_TOP_N, 'De topgroep', 1);
	const draws = integerAtLeast(options.draws ?? DEFAULT_DRAWS, 'Het aantal trekkingen', 0);
	const seed = options.seed ?? DEFAULT_SEED;
	const maxDrivers = options.drivers === undefined ? Infinity : integerAtLeast(options.drivers, 'Het aantal verklarende indicatoren', 0);

	const statistics = referenceStatistics(input.indicators, input.reference);
	const scored: ScoredIndicator[] = urgencyIndicators(input.indicators)
		.filter((indicator) => statistics[indicator.code])
		.map((indicator) => {
			const reference = input.gemeente[indicator.code];
			const gemeente = reference === undefined || reference === null || !Number.isFinite(reference) ? null : reference;
			// The gemeente's half of every explanation is the same for all areas: written once.
			const gemeenteText = `(gemeente ${gemeente === null ? 'onbekend' : formatIndicatorValue(gemeente, indicator.unit)})`;
			const year = input.years?.[indicator.code] ?? input.year ?? null;
			const source = indicator.synthetic ? `demodata${year === null ? '' : ` ${year}`}` : year === null ? indicator.source : shortSource(indicator, year);
			return { indicator, domainIndex: DOMAINS.indexOf(indicator.domain), statistics: statistics[indicator.code], gemeente, gemeenteText, source, year };
		});
	// Working arrays shared by all areas: allocating them per area cost more than the arithmetic.
	const scratch: Scratch = {
		values: new Float64Array(scored.length),
		zs: new Float64Array(scored.length),
		contributions: new Float64Array(scored.length),
		sums: new Float64Array(DOMAINS.length),
		counts: new Float64Array(DOMAINS.length)
	};
	const results = input.areas.map((area) => scoreArea(area, scored, weights, maxDrivers, scratch));

	// Rank: highest score first. Scores equal to 9 decimals count as equal (the same values reached by a different
	// summation order must not split a tie): they share a rank and are listed by code.
	const tieKey = (result: AreaUrgency) => Math.round(result.score! * 1e9);
	const ranked = results.filter((r) => r.score !== null).sort((a, b) => tieKey(b) - tieKey(a) || byCode(a, b));
	ranked.forEach((result, i) => {
		const previous = ranked[i - 1];
		result.rank = previous && tieKey(previous) === tieKey(result) ? previous.rank : i + 1;
	});

	if (draws > 0 && ranked.length > 0) {
		const shares = topNShares(ranked, weights, topN, draws, seed);
		ranked.forEach((result, i) => (result.topNShare = shares[i]));
	}
	const unranked = results.filter((r) => r.score === null).sort(byCode);
	return [...ranked, ...unranked];
}

function emptyDomains(): Record<Domain, number | null> {
	return { sociaal: null, gezondheid: null, veiligheid: null, wonen: null, duurzaamheid: null };
}

interface ScoredIndicator {
	indicator: Indicator & { domain: Domain };
	domainIndex: number;
	statistics: ReferenceStatistics;
	gemeente: number | null;
	gemeenteText: string;
	source: string;
	year: number | null;
}

interface Scratch {
	values: Float64Array;
	zs: Float64Array;
	contributions: Float64Array;
	sums: Float64Array;
	counts: Float64Array;
}

function scoreArea(area: UrgencyArea, scored: ScoredIndicator[], weights: Weights, maxDrivers: number, scratch: Scratch): AreaUrgency {
	const result: AreaUrgency = {
		code: area.code,
		name: area.name,
		score: null,
		rank: null,
		domains: emptyDomains(),
		stapeling: null,
		drivers: [],
		topNShare: null,
		coverage: { scored: 0, total: scored.length }
	};
	if (area.suppressed) return result;

	// First pass: z per indicator (NaN where the area has no value) and the sums per domain (by DOMAINS index).
	const { values, zs, contributions, sums, counts } = scratch;
	sums.fill(0);
	counts.fill(0);
	for (let i = 0; i < scored.length; i++) {
		const { indicator, statistics, domainIndex } = scored[i];
		const value = area.values[indicator.code];
		if (value === null || value === undefined || !Number.isFinite(value)) {
			zs[i] = Number.NaN;
			continue;
		}
		values[i] = value;
		zs[i] = standardScore(value, statistics, indicator.direction);
		sums[domainIndex] += zs[i];
		counts[domainIndex]++;
		result.coverage.scored++;
	}

	let weightedSum = 0;
	let weightTotal = 0;
	let stapeling = 0;
	let domainsScored = 0;
	for (let d = 0; d < DOMAINS.length; d++) {
		if (counts[d] === 0) continue;
		const score = sums[d] / counts[d];
		result.domains[DOMAINS[d]] = score;
		domainsScored++;
		if (score >= STAPELING_THRESHOLD) stapeling++;
		const weight = weights[DOMAINS[d]];
		if (weight > 0) {
			weightedSum += weight * score;
			weightTotal += weight;
		}
	}
	if (domainsScored > 0) result.stapeling = stapeling;
	if (weightTotal > 0) result.score = weightedSum / weightTotal;

	// Drivers: order first, then build only the ones asked for (objects and Dutch text are most of the cost).
	if (maxDrivers === 0) return result;
	const order: number[] = [];
	for (let i = 0; i < scored.length; i++) {
		if (Number.isNaN(zs[i])) continue;
		const { indicator, domainIndex } = scored[i];
		// score = Σ_d w_d · (Σ_{i∈d} z_i / n_d) / Σ w  ⇒  indicator i adds w_d · z_i / (Σ w · n_d)
		contributions[i] = weightTotal > 0 ? (weights[indicator.domain] * zs[i]) / (weightTotal * counts[domainIndex]) : 0;
		order.push(i);
	}
	order.sort((a, b) => contributions[b] - contributions[a] || zs[b] - zs[a] || (scored[a].indicator.code < scored[b].indicator.code ? -1 : 1));
	const shown = Math.min(order.length, maxDrivers);
	for (let k = 0; k < shown; k++) {
		const i = order[k];
		const { indicator, gemeente, gemeenteText, source, year } = scored[i];
		const value = values[i];
		result.drivers.push({
			indicator: indicator.code,
			name: indicator.name,
			domain: indicator.domain,
			unit: indicator.unit,
			value,
			gemeente,
			z: zs[i],
			contribution: contributions[i],
			explanation: `${indicator.name}: ${formatIndicatorValue(value, indicator.unit)} ${gemeenteText}`,
			source,
			year,
			synthetic: indicator.synthetic
		});
	}
	return result;
}

/**
 * For each ranked area, the share of draws in which it is in the top N when every domain weight is multiplied
 * by an independent factor from WEIGHT_FACTOR_RANGE. The domain scores do not depend on the weights, so they are
 * laid out once in a flat array; a draw is then only a weighted mean per area and a running top-N selection.
 */
function topNShares(ranked: AreaUrgency[], weights: Weights, topN: number, draws: number, seed: number): number[] {
	// Only domains with a weight take part; their factors are still drawn for every domain (see below).
	const active = DOMAINS.flatMap((domain, d) => (weights[domain] > 0 ? [d] : []));
	const width = active.length;
	// Scan in code order so that, on equal scores, the area seen first (lowest code) stays ahead.
	const order = ranked.map((_, i) => i).sort((a, b) => byCode(ranked[a], ranked[b]));
	const n = order.length;
	// Row-major, one row per area: the domain score (0 where missing) and 1/0 for present/missing, so a draw
	// needs no branches: Σ w·score / Σ w·present.
	const scores = new Float64Array(n * width);
	const present = new Float64Array(n * width);
	order.forEach((areaIndex, row) => {
		active.forEach((d, column) => {
			const score = ranked[areaIndex].domains[DOMAINS[d]];
			if (score !== null) {
				scores[row * width + column] = score;
				present[row * width + column] = 1;
			}
		});
	});

	const random = mulberry32(seed);
	const [low, high] = WEIGHT_FACTOR_RANGE;
	const factors = new Float64Array(DOMAINS.length);
	const drawWeights = new Float64Array(width);
	const size = Math.min(topN, n);
	const topRows = new Int32Array(size);
	const topScores = new Float64Array(size);
	const hits = new Uint32Array(n);

	for (let draw = 0; draw < draws; draw++) {
		// One factor per domain in DOMAINS order, also for weight 0, so a domain's factor does not depend on
		// the other weights.
		for (let d = 0; d < DOMAINS.length; d++) factors[d] = low + (high - low) * random();
		for (let column = 0; column < width; column++) drawWeights[column] = weights[DOMAINS[active[column]]] * factors[active[column]];
		let filled = 0;
		for (let row = 0; row < n; row++) {
			let sum = 0;
			let total = 0;
			const offset = row * width;
			for (let column = 0; column < width; column++) {
				sum += drawWeights[column] * scores[offset + column];
				total += drawWeights[column] * present[offset + column];
			}
			if (total === 0) continue;
			const score = sum / total;
			if (filled === size && score <= topScores[size - 1]) continue;
			// Insertion into the (small) sorted top list; an equal score stays behind the earlier, lower code.
			let position = filled < size ? filled++ : size - 1;
			while (position > 0 && topScores[position - 1] < score) {
				topScores[position] = topScores[position - 1];
				topRows[position] = topRows[position - 1];
				position--;
			}
			topScores[position] = score;
			topRows[position] = row;
		}
		for (let i = 0; i < filled; i++) hits[topRows[i]]++;
	}

	const shares = new Array<number>(n);
	order.forEach((areaIndex, row) => (shares[areaIndex] = hits[row] / draws));
	return shares;
}
