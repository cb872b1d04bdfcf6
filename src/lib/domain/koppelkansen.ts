// Koppelkansen: where urgency, municipal programmes and the investments of partners and the gemeente coincide in
// place and time. The analysis itself runs in the database (koppelkansen() in migration 006); this module holds
// what client and server share: the thresholds and points (in one place, handed to SQL as they are), the kinds
// of result, and the plain-Dutch explanation of every result and every part of its score.

import { DOMAINS, DOMAIN_LABELS, type Domain } from './monitor';
import { formatDutchNumber, formatNumber } from './format';
import { STAPELING_THRESHOLD } from './urgency';
import type { AreaLevel } from './areas';

export const KOPPELKANS_KINDS = ['koppelkans', 'gemiste_koppeling', 'ongedekte_urgentie'] as const;
export type KoppelkansKind = (typeof KOPPELKANS_KINDS)[number];

export const KIND_LABELS: Record<KoppelkansKind, string> = {
	koppelkans: 'Koppelkans',
	gemiste_koppeling: 'Gemiste koppeling',
	ongedekte_urgentie: 'Ongedekte urgentie'
};

/**
 * Okabe–Ito colours (safe for the common kinds of colour blindness); an area without a result stays pale.
 * Each is paired with a text colour readable on it.
 */
export const KIND_COLOURS: Record<KoppelkansKind | 'geen', { fill: string; text: string }> = {
	koppelkans: { fill: '#009E73', text: '#1b1f24' },
	gemiste_koppeling: { fill: '#E69F00', text: '#1b1f24' },
	ongedekte_urgentie: { fill: '#CC79A7', text: '#1b1f24' },
	geen: { fill: '#f1efe9', text: '#1b1f24' }
};

/**
 * Every threshold and every point of the analysis. The SQL reads these (passed as one jsonb parameter), the page
 * explains them (RULES_EXPLANATION): change them here and both follow.
 */
export const KOPPELKANS_RULES = {
	/** "Urgent": the urgency score (overall, or of the chosen domain) is at least this (half a standard deviation). */
	urgent: STAPELING_THRESHOLD,
	/** "Hoge urgentie", for an ongedekte urgentie: at least one standard deviation worse than the average buurt. */
	high: 1,
	/** A "large" investment: at least this amount … */
	largeAmountEur: 1_000_000,
	/** … or at least this many dwellings. */
	largeDwellings: 50,
	/** What counts of an investment that lies only in a neighbouring buurt. */
	neighbourFactor: 0.5,
	/** Programmes with these statuses cover an area (an afgerond, geëvalueerd or gestopt programme no longer does). */
	activeProgrammeStatuses: ['in_voorbereiding', 'lopend', 'in_evaluatie'],
	/** A programme with this status "loopt" and strengthens a koppelkans. */
	runningProgrammeStatus: 'lopend',
	points: {
		/** Koppelkans: per party beyond the first whose investments coincide. */
		party: 0.5,
		/** Koppelkans: per large investment among those that coincide. */
		largeInvestment: 0.25,
		/** Koppelkans: a running programme covers the area. */
		runningProgramme: 0.5,
		/** Gemiste koppeling: per large partner investment in the area. */
		largePartnerInvestment: 0.5,
		/** Ongedekte urgentie: per domain with a score of 0.5 or more (at most 0.5 for all five). */
		stapelingDomain: 0.1
	}
} as const;

export type KoppelkansRules = typeof KOPPELKANS_RULES;

const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Scores and points with two decimals, as the lists show them: "2,67", "0,50". */
export function formatPoints(value: number): string {
	return twoDecimals.format(value).replace('-', '−');
}
const points = formatPoints;

/** "€ 450.000", as the rest of the app writes euros. */
export function formatEuros(value: number): string {
	return `€ ${formatDutchNumber(Math.round(value), 0)}`;
}

/** What "urgent", "large" and "neighbouring" mean and how the scores are made, in the order a reader needs it. */
export const RULES_EXPLANATION: readonly { term: string; text: string }[] = [
	{
		term: 'Urgent',
		text:
			`een urgentiescore van ${points(KOPPELKANS_RULES.urgent)} of meer: minstens een halve standaardafwijking ongunstiger ` +
			`dan de gemiddelde buurt van de gemeente (de score van de wijk- en buurtmonitor, alle domeinen even zwaar, of alleen ` +
			`het gekozen domein). Hoge urgentie: ${points(KOPPELKANS_RULES.high)} of meer.`
	},
	{
		term: 'Groot',
		text:
			`een investering van ${formatEuros(KOPPELKANS_RULES.largeAmountEur)} of meer, of voor ` +
			`${KOPPELKANS_RULES.largeDwellings} woningen of meer.`
	},
	{
		term: 'Aangrenzend (de buurman)',
		text:
			'een buurt van dezelfde gemeente die een stuk grens deelt met het gebied; alleen een hoekpunt delen telt niet. ' +
			`Een investering in de buurman telt voor de helft (× ${formatNumber(KOPPELKANS_RULES.neighbourFactor, 1)}). ` +
			'Investeringen van een andere gemeente tellen nooit mee.'
	},
	{
		term: 'Overlap in tijd',
		text:
			'de looptijden van investeringen van verschillende partijen (de gemeente is ook een partij) overlappen elkaar binnen ' +
			'de gekozen periode; minstens één van de twee ligt in het gebied zelf.'
	},
	{
		term: 'Programma',
		text:
			'een wijkaanpak, focusgebied, gebiedsgerichte aanpak of pilot die in voorbereiding is, loopt of wordt geëvalueerd, ' +
			'in de gekozen periode, en die een buurt van het gebied raakt. Een programma dat nog niet is ingetekend, telt niet mee.'
	},
	{
		term: 'Koppelkans',
		text:
			`urgent gebied met overlappende investeringen van twee of meer partijen. Score: de urgentiescore, plus ` +
			`${points(KOPPELKANS_RULES.points.party)} per partij na de eerste, ${points(KOPPELKANS_RULES.points.largeInvestment)} ` +
			`per grote investering die meedoet, en ${points(KOPPELKANS_RULES.points.runningProgramme)} als er een programma loopt.`
	},
	{
		term: 'Gemiste koppeling',
		text:
			`urgent gebied met een grote investering van een partner (niet de gemeente zelf), zonder programma. Score: de ` +
			`urgentiescore plus ${points(KOPPELKANS_RULES.points.largePartnerInvestment)} per grote partnerinvestering.`
	},
	{
		term: 'Ongedekte urgentie',
		text:
			`hoge urgentie, zonder programma en zonder investering in het gebied in de gekozen periode. Score: de urgentiescore ` +
			`plus ${points(KOPPELKANS_RULES.points.stapelingDomain)} per domein met een score van ` +
			`${formatNumber(STAPELING_THRESHOLD, 1)} of meer (stapeling).`
	}
];

/** The urgency as words: "hoog" (≥ high), "verhoogd" (≥ urgent), otherwise "niet urgent". */
export type UrgencyClass = 'hoog' | 'verhoogd' | 'niet urgent' | 'onbekend';
export function urgencyClass(value: number | null): UrgencyClass {
	if (value === null) return 'onbekend';
	if (value >= KOPPELKANS_RULES.high) return 'hoog';
	if (value >= KOPPELKANS_RULES.urgent) return 'verhoogd';
	return 'niet urgent';
}

// ---------------------------------------------------------------------------------------------------------
// What the SQL function gives per area (see migration 006 for the contract).

export interface FactProgramme {
	id: number;
	name: string;
	kind: string;
	status: string;
	phase: string;
	startDate: string | null;
	endDate: string | null;
	running: boolean;
	synthetic: boolean;
}

export interface FactInvestment {
	id: number;
	partner: string;
	municipal: boolean;
	projectName: string;
	measure: string;
	/** The buurt it lies in (for a neighbour: the neighbouring buurt). */
	buurtcode: string;
	buurtName: string;
	neighbour: boolean;
	startDate: string;
	endDate: string;
	dwellings: number | null;
	amountEur: number | null;
	status: string;
	large: boolean;
	coupled: boolean;
	synthetic: boolean;
}

export type ComponentKey =
	| 'urgentie'
	| 'partijen'
	| 'grote_investeringen'
	| 'lopend_programma'
	| 'grote_partnerinvesteringen'
	| 'stapeling';

export interface ScoreComponent {
	key: ComponentKey;
	points: number;
	count?: number;
	near?: number;
}

export interface RawResult {
	kind: KoppelkansKind;
	score: number;
	components: ScoreComponent[];
}

export interface Coupling {
	parties: { partner: string; direct: boolean }[];
	from: string;
	to: string;
}

export interface AreaFacts {
	code: string;
	name: string;
	urgency: number | null;
	stapeling: number | null;
	programmes: FactProgramme[];
	investments: FactInvestment[];
	coupling: Coupling | null;
	/** Null when the user may not see signals (they were not read). */
	signals: number | null;
	results: RawResult[];
	synthetic: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Results as the API and the page give them.

export interface ScorePart {
	key: ComponentKey;
	label: string;
	points: number;
	/** Dutch: what the points are for. */
	explanation: string;
}

export interface KoppelkansUrgency {
	/** The score used: overall, or of `domain`. */
	value: number;
	class: UrgencyClass;
	domain: Domain | null;
	/** The overall score and the domain scores, as the monitor shows them. */
	overall: number | null;
	domains: Record<Domain, number | null>;
	stapeling: number | null;
}

export interface KoppelkansResult {
	rank: number;
	code: string;
	name: string;
	level: AreaLevel;
	kind: KoppelkansKind;
	kindLabel: string;
	score: number;
	/** The parts of the score; their points add up to it. */
	scoreParts: ScorePart[];
	urgency: KoppelkansUrgency;
	/** The explanation in parts: urgency, investments, programmes. */
	reasons: string[];
	/** One line: "De Noork — urgentie hoog (…); Welbions … 2024–2026 (148 woningen); …; Wijkaanpak Noord loopt → koppelkans". */
	explanation: string;
	programmes: FactProgramme[];
	investments: FactInvestment[];
	/** Whether an investment in a neighbouring buurt takes part in this result. */
	neighbour: boolean;
	coupling: Coupling | null;
	/** Where the gemeente has wijkbudgetten: the area's budget per inhabitant and share spent, in one line. */
	wijkbudget?: string;
	synthetic: boolean;
	label?: string;
}

export interface ExplainContext {
	level: AreaLevel;
	domain: Domain | null;
	overall: number | null;
	domains: Record<Domain, number | null>;
}

const COMPONENT_LABELS: Record<ComponentKey, string> = {
	urgentie: 'Urgentie',
	partijen: 'Partijen',
	grote_investeringen: 'Grote investeringen',
	lopend_programma: 'Lopend programma',
	grote_partnerinvesteringen: 'Grote partnerinvesteringen',
	stapeling: 'Stapeling'
};

const PROGRAMME_STATUS_PHRASES: Record<string, string> = {
	lopend: 'loopt',
	in_voorbereiding: 'in voorbereiding',
	in_evaluatie: 'in evaluatie'
};

/** "a, b en c". */
export function dutchList(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const year = (iso: string) => iso.slice(0, 4);
const years = (from: string, to: string) => (year(from) === year(to) ? year(from) : `${year(from)}–${year(to)}`);

/** "€ 6,2 mln", "€ 450.000". */
export function formatAmount(value: number): string {
	return value >= 1_000_000 ? `€ ${formatNumber(value / 1_000_000, 1)} mln` : formatEuros(value);
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "1 januari 2026". */
export function formatDutchDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "april 2026 – december 2027" (or one month). */
export function formatMonths(from: string, to: string): string {
	const month = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
	return month(from) === month(to) ? month(from) : `${month(from)} – ${month(to)}`;
}

/** The party as the explanation names it: "gemeente" for the gemeente's own investments. */
function partyName(investment: Pick<FactInvestment, 'partner' | 'municipal'>): string {
	return investment.municipal ? 'gemeente' : investment.partner;
}

/**
 * Investments grouped by party and measure (two complexes of one corporation are one line), each as
 * "Welbions isolatie en levensduurverlengende ingrepen 2024–2027 (2 projecten, 244 woningen, € 10,3 mln)".
 */
export function investmentPhrases(investments: readonly FactInvestment[]): string[] {
	const groups = new Map<string, FactInvestment[]>();
	for (const investment of investments) {
		const key = `${partyName(investment).toLowerCase()}\u0000${investment.measure.toLowerCase()}`;
		groups.set(key, [...(groups.get(key) ?? []), investment]);
	}
	return [...groups.values()].map((group) => {
		const from = group.map((i) => i.startDate).sort()[0];
		const to = group.map((i) => i.endDate).sort().at(-1)!;
		const details: string[] = [];
		if (group.length > 1) details.push(`${group.length} projecten`);
		const dwellings = group.reduce((sum, i) => sum + (i.dwellings ?? 0), 0);
		if (dwellings > 0) details.push(plural(dwellings, 'woning', 'woningen'));
		const amount = group.reduce((sum, i) => sum + (i.amountEur ?? 0), 0);
		if (amount > 0) details.push(formatAmount(amount));
		return `${partyName(group[0])} ${group[0].measure} ${years(from, to)}${details.length ? ` (${details.join(', ')})` : ''}`;
	});
}

/** Investments in the area first, then per neighbouring buurt: "in de buurman Noord: gemeente warmtetransitie 2025–2028". */
function placedPhrases(investments: readonly FactInvestment[]): string[] {
	const own = investments.filter((i) => !i.neighbour);
	const byNeighbour = new Map<string, FactInvestment[]>();
	for (const i of investments.filter((i) => i.neighbour)) byNeighbour.set(i.buurtName, [...(byNeighbour.get(i.buurtName) ?? []), i]);
	return [
		...investmentPhrases(own),
		...[...byNeighbour.entries()].map(([buurt, items]) => `in de buurman ${buurt}: ${investmentPhrases(items).join(', ')}`)
	];
}

function programmePhrases(programmes: readonly FactProgramme[]): string[] {
	return programmes.map((p) => `${p.name} ${PROGRAMME_STATUS_PHRASES[p.status] ?? p.status.replaceAll('_', ' ')}`);
}

/** "urgentie hoog (score 2,67; op alle vijf domeinen)" or "urgentie sociaal verhoogd (score 0,81)". */
export function urgencyPhrase(value: number, context: ExplainContext): string {
	const cls = urgencyClass(value);
	if (context.domain) return `urgentie ${DOMAIN_LABELS[context.domain].toLowerCase()} ${cls} (score ${points(value)})`;
	const urgent = DOMAINS.filter((d) => (context.domains[d] ?? -Infinity) >= STAPELING_THRESHOLD);
	const where =
		urgent.length === DOMAINS.length
			? 'op alle vijf domeinen'
			: urgent.length
				? dutchList(urgent.map((d) => DOMAIN_LABELS[d].toLowerCase()))
				: 'op geen enkel domein boven 0,5';
	return `urgentie ${cls} (score ${points(value)}; ${where})`;
}

function scorePart(component: ScoreComponent, facts: AreaFacts, context: ExplainContext): ScorePart {
	const { key, count = 0, near = 0 } = component;
	const p = KOPPELKANS_RULES.points;
	let explanation: string;
	switch (key) {
		case 'urgentie':
			explanation = context.domain
				? `de urgentiescore op ${DOMAIN_LABELS[context.domain].toLowerCase()}`
				: 'de urgentiescore (alle domeinen even zwaar)';
			break;
		case 'partijen': {
			const total = count + near;
			explanation =
				`${total} partijen met overlappende investeringen, ${points(p.party)} per partij na de eerste` +
				(near ? `; ${plural(near, 'partij', 'partijen')} alleen in een aangrenzende buurt (telt half)` : '');
			break;
		}
		case 'grote_investeringen':
			explanation =
				`${plural(count, 'grote investering', 'grote investeringen')} in het gebied ${count === 1 ? 'doet' : 'doen'} mee, ${points(p.largeInvestment)} elk` +
				(near ? `; ${near} in een aangrenzende buurt (telt half)` : '');
			break;
		case 'lopend_programma':
			explanation = `een lopend programma (${dutchList(facts.programmes.filter((x) => x.running).map((x) => x.name))})`;
			break;
		case 'grote_partnerinvesteringen':
			explanation = `${plural(count, 'grote partnerinvestering', 'grote partnerinvesteringen')} zonder programma, ${points(p.largePartnerInvestment)} elk`;
			break;
		case 'stapeling':
			explanation = `stapeling op ${plural(count, 'domein', 'domeinen')}, ${points(p.stapelingDomain)} per domein`;
			break;
	}
	return { key, label: COMPONENT_LABELS[key], points: component.points, explanation };
}

/**
 * A result as the API gives it, unranked (rank 0): its explanation, the parts of its score, and the programmes
 * and investments that make it — for a koppelkans the investments that coincide, for a gemiste koppeling the large
 * partner investments, for an ongedekte urgentie none (any in a neighbouring buurt are named as a hint).
 */
export function explainResult(facts: AreaFacts, raw: RawResult, context: ExplainContext): Omit<KoppelkansResult, 'rank'> {
	const value = facts.urgency!;
	const reasons = [urgencyPhrase(value, context)];
	let investments: FactInvestment[];
	let programmes: FactProgramme[] = facts.programmes;
	switch (raw.kind) {
		case 'koppelkans': {
			investments = facts.investments.filter((i) => i.coupled);
			reasons.push(...placedPhrases(investments));
			if (facts.coupling) reasons.push(`samen bezig ${formatMonths(facts.coupling.from, facts.coupling.to)}`);
			reasons.push(...(programmes.length ? programmePhrases(programmes) : ['nog geen programma']));
			break;
		}
		case 'gemiste_koppeling':
			investments = facts.investments.filter((i) => !i.neighbour && i.large && !i.municipal);
			programmes = [];
			reasons.push(...placedPhrases(investments), 'geen programma');
			break;
		case 'ongedekte_urgentie': {
			investments = [];
			programmes = [];
			reasons.push('geen programma en geen investering in het gebied');
			const nearby = facts.investments.filter((i) => i.neighbour);
			if (nearby.length) reasons.push(`wel ${placedPhrases(nearby).join('; ')}`);
			break;
		}
	}
	const kindLabel = KIND_LABELS[raw.kind];
	return {
		code: facts.code,
		name: facts.name,
		level: context.level,
		kind: raw.kind,
		kindLabel,
		score: raw.score,
		scoreParts: raw.components.map((c) => scorePart(c, facts, context)),
		urgency: {
			value,
			class: urgencyClass(value),
			domain: context.domain,
			overall: context.overall,
			domains: context.domains,
			stapeling: facts.stapeling
		},
		reasons,
		explanation: `${facts.name} — ${reasons.join('; ')} → ${kindLabel.toLowerCase()}`,
		programmes,
		investments,
		neighbour: investments.some((i) => i.neighbour),
		coupling: raw.kind === 'koppelkans' ? facts.coupling : null,
		synthetic: facts.synthetic
	};
}

const KIND_ORDER = new Map(KOPPELKANS_KINDS.map((k, i) => [k, i]));

/** Highest score first; equal scores (to 9 decimals) by area code, then kind, and they share a rank. */
export function rankResults<T extends Omit<KoppelkansResult, 'rank'>>(results: T[]): (T & { rank: number })[] {
	const key = (r: T) => Math.round(r.score * 1e9);
	const sorted = [...results].sort(
		(a, b) => key(b) - key(a) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!
	);
	const ranked: (T & { rank: number })[] = [];
	sorted.forEach((r, i) => {
		const previous = ranked[i - 1];
		ranked.push({ ...r, rank: previous && key(sorted[i - 1]) === key(r) ? previous.rank : i + 1 });
	});
	return ranked;
}

/** The period shown when none is chosen: this year and the next three (a college term ahead). */
export function defaultPeriod(today: Date = new Date()): { from: string; to: string } {
	const y = today.getUTCFullYear();
	return { from: `${y}-01-01`, to: `${y + 3}-12-31` };
}

/** The kind shown on the map for an area: that of its best-ranked result. */
export function kindByArea(results: readonly Pick<KoppelkansResult, 'code' | 'kind'>[]): Map<string, KoppelkansKind> {
	const kinds = new Map<string, KoppelkansKind>();
	for (const r of results) if (!kinds.has(r.code)) kinds.set(r.code, r.kind);
	return kinds;
}
