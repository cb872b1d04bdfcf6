import { describe, expect, it } from 'vitest';
import {
	KOPPELKANS_RULES,
	RULES_EXPLANATION,
	defaultPeriod,
	dutchList,
	explainResult,
	formatAmount,
	formatMonths,
	formatPoints,
	investmentPhrases,
	kindByArea,
	rankResults,
	urgencyClass,
	type AreaFacts,
	type ExplainContext,
	type FactInvestment,
	type RawResult
} from './koppelkansen';

const ALL_HIGH = { sociaal: 2.5, gezondheid: 2.6, veiligheid: 2.6, wonen: 2.9, duurzaamheid: 2.7 };
const context = (overrides: Partial<ExplainContext> = {}): ExplainContext => ({ level: 'buurt', domain: null, overall: 2.67, domains: ALL_HIGH, ...overrides });

function inv(overrides: Partial<FactInvestment>): FactInvestment {
	return {
		id: 1,
		partner: 'Welbions',
		municipal: false,
		projectName: 'Project',
		measure: 'isolatie',
		buurtcode: 'BU01640202',
		buurtName: 'De Noork',
		neighbour: false,
		startDate: '2024-09-01',
		endDate: '2026-12-31',
		dwellings: null,
		amountEur: null,
		status: 'gepland',
		large: true,
		coupled: true,
		synthetic: false,
		...overrides
	};
}

// De Noork as the issue describes it: Welbions life extension 2024–2026 (148 dwellings), the gemeente's
// buitenruimte 2026–2027, Wijkaanpak Noord running.
const noork: AreaFacts = {
	code: 'BU01640202',
	name: 'De Noork',
	urgency: 2.67,
	stapeling: 5,
	programmes: [
		{ id: 1, name: 'Wijkaanpak Noord', kind: 'wijkaanpak', status: 'lopend', phase: 'initieren', startDate: '2024-02-01', endDate: null, running: true, synthetic: false }
	],
	investments: [
		inv({ id: 1, measure: 'levensduurverlenging', dwellings: 148, amountEur: 6_200_000 }),
		inv({ id: 2, partner: 'Gemeente Hengelo', municipal: true, measure: 'buitenruimte', startDate: '2026-04-01', endDate: '2027-12-31', amountEur: 1_200_000 }),
		inv({ id: 3, partner: 'Gemeente Hengelo', municipal: true, measure: 'warmtetransitie', buurtcode: 'BU01640200', buurtName: 'Noord', neighbour: true, coupled: false, startDate: '2025-01-01', endDate: '2028-12-31' })
	],
	coupling: { parties: [{ partner: 'Gemeente Hengelo', direct: true }, { partner: 'Welbions', direct: true }], from: '2026-04-01', to: '2026-12-31' },
	signals: null,
	results: [],
	synthetic: true
};

const koppelkans: RawResult = {
	kind: 'koppelkans',
	score: 2.67 + 0.5 + 0.5 + 0.5,
	components: [
		{ key: 'urgentie', points: 2.67 },
		{ key: 'partijen', points: 0.5, count: 2, near: 0 },
		{ key: 'grote_investeringen', points: 0.5, count: 2, near: 0 },
		{ key: 'lopend_programma', points: 0.5 }
	]
};

describe('urgencyClass', () => {
	it('calls 1 and more high, 0.5 and more raised, and less not urgent', () => {
		expect([1.4, 1, 0.99, 0.5, 0.49, -1, null].map(urgencyClass)).toEqual(['hoog', 'hoog', 'verhoogd', 'verhoogd', 'niet urgent', 'niet urgent', 'onbekend']);
	});
});

describe('explainResult', () => {
	it('explains a koppelkans in one line as the issue describes it, with the parts of its score', () => {
		const result = explainResult(noork, koppelkans, context());
		expect(result.explanation).toBe(
			'De Noork — urgentie hoog (score 2,67; op alle vijf domeinen); Welbions levensduurverlenging 2024–2026 (148 woningen, € 6,2 mln); ' +
				'gemeente buitenruimte 2026–2027 (€ 1,2 mln); samen bezig april 2026 – december 2026; Wijkaanpak Noord loopt → koppelkans'
		);
		expect(result.reasons[0]).toBe('urgentie hoog (score 2,67; op alle vijf domeinen)');
		// The uncoupled warmtenet next door is not part of this koppelkans.
		expect(result.investments.map((i) => i.id)).toEqual([1, 2]);
		expect(result.neighbour).toBe(false);
		expect(result.scoreParts.map((p) => [p.label, p.points])).toEqual([
			['Urgentie', 2.67],
			['Partijen', 0.5],
			['Grote investeringen', 0.5],
			['Lopend programma', 0.5]
		]);
		expect(result.scoreParts.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(result.score, 12);
		expect(result.scoreParts[1].explanation).toBe('2 partijen met overlappende investeringen, 0,50 per partij na de eerste');
		expect(result.scoreParts[2].explanation).toBe('2 grote investeringen in het gebied doen mee, 0,25 elk');
		expect(result.scoreParts[3].explanation).toBe('een lopend programma (Wijkaanpak Noord)');
		expect(result.urgency).toMatchObject({ value: 2.67, class: 'hoog', domain: null, stapeling: 5 });
	});

	it('names a party in a neighbouring buurt as the buurman and says it counts half', () => {
		const facts: AreaFacts = {
			...noork,
			investments: [noork.investments[0], { ...noork.investments[2], coupled: true }],
			coupling: { ...noork.coupling!, parties: [{ partner: 'Welbions', direct: true }, { partner: 'Gemeente Hengelo', direct: false }] }
		};
		const raw: RawResult = { kind: 'koppelkans', score: 2.92, components: [{ key: 'urgentie', points: 2.67 }, { key: 'partijen', points: 0.25, count: 1, near: 1 }] };
		const result = explainResult(facts, raw, context());
		expect(result.reasons).toContain('in de buurman Noord: gemeente warmtetransitie 2025–2028');
		expect(result.neighbour).toBe(true);
		expect(result.scoreParts[1].explanation).toBe('2 partijen met overlappende investeringen, 0,50 per partij na de eerste; 1 partij alleen in een aangrenzende buurt (telt half)');
	});

	it('explains a gemiste koppeling by the large partner investment and the missing programme', () => {
		const facts: AreaFacts = { ...noork, name: 'Klein Driene', programmes: [], urgency: 1.9 };
		const raw: RawResult = { kind: 'gemiste_koppeling', score: 2.4, components: [{ key: 'urgentie', points: 1.9 }, { key: 'grote_partnerinvesteringen', points: 0.5, count: 1 }] };
		const result = explainResult(facts, raw, context({ domains: { ...ALL_HIGH, wonen: 0.3 } }));
		expect(result.explanation).toBe(
			'Klein Driene — urgentie hoog (score 1,90; sociaal, gezondheid, veiligheid en duurzaamheid); Welbions levensduurverlenging 2024–2026 (148 woningen, € 6,2 mln); geen programma → gemiste koppeling'
		);
		// Only the partner's investment, not the gemeente's own.
		expect(result.investments.map((i) => i.id)).toEqual([1]);
		expect(result.scoreParts[1].explanation).toBe('1 grote partnerinvestering zonder programma, 0,50 elk');
	});

	it('explains an ongedekte urgentie and points at investments next door', () => {
		const facts: AreaFacts = { ...noork, name: 'Groot Driene-Noord', programmes: [], investments: [noork.investments[2]], coupling: null, urgency: 1.25 };
		const raw: RawResult = { kind: 'ongedekte_urgentie', score: 1.75, components: [{ key: 'urgentie', points: 1.25 }, { key: 'stapeling', points: 0.5, count: 5 }] };
		const result = explainResult(facts, raw, context());
		expect(result.explanation).toBe(
			'Groot Driene-Noord — urgentie hoog (score 1,25; op alle vijf domeinen); geen programma en geen investering in het gebied; ' +
				'wel in de buurman Noord: gemeente warmtetransitie 2025–2028 → ongedekte urgentie'
		);
		expect(result.investments).toEqual([]);
		expect(result.programmes).toEqual([]);
		expect(result.scoreParts[1].explanation).toBe('stapeling op 5 domeinen, 0,10 per domein');
	});

	it('speaks of the chosen domain when the urgency is measured on one', () => {
		const result = explainResult({ ...noork, urgency: 0.81 }, koppelkans, context({ domain: 'sociaal' }));
		expect(result.reasons[0]).toBe('urgentie sociaal verhoogd (score 0,81)');
		expect(result.scoreParts[0].explanation).toBe('de urgentiescore op sociaal');
	});
});

describe('investmentPhrases', () => {
	it('groups the projects of one party and measure, with dwellings and amount summed', () => {
		const phrases = investmentPhrases([
			inv({ id: 1, dwellings: 148, amountEur: 6_200_000, measure: 'Isolatie' }),
			inv({ id: 2, dwellings: 96, amountEur: 4_050_000, startDate: '2025-03-01', endDate: '2027-06-30', measure: 'isolatie' }),
			inv({ id: 3, partner: 'Gemeente Hengelo', municipal: true, measure: 'buitenruimte', startDate: '2026-04-01', endDate: '2026-12-31', amountEur: 450_000 })
		]);
		expect(phrases).toEqual(['Welbions Isolatie 2024–2027 (2 projecten, 244 woningen, € 10,3 mln)', 'gemeente buitenruimte 2026 (€ 450.000)']);
	});
});

describe('rankResults', () => {
	it('ranks by score, gives equal scores the same rank and orders them by code', () => {
		const base = explainResult(noork, koppelkans, context());
		const ranked = rankResults([
			{ ...base, code: 'BU2', score: 1 },
			{ ...base, code: 'BU3', score: 3 },
			{ ...base, code: 'BU1', score: 1 + 1e-12 },
			{ ...base, code: 'BU4', score: 0.5 }
		]);
		expect(ranked.map((r) => [r.code, r.rank])).toEqual([
			['BU3', 1],
			['BU1', 2],
			['BU2', 2],
			['BU4', 4]
		]);
		expect(kindByArea(ranked).get('BU3')).toBe('koppelkans');
	});
});

describe('formatting', () => {
	it('writes amounts, months, lists and points as Dutch readers expect', () => {
		expect(formatAmount(6_200_000)).toBe('€ 6,2 mln');
		expect(formatAmount(450_000)).toBe('€ 450.000');
		expect(formatMonths('2026-04-01', '2027-12-31')).toBe('april 2026 – december 2027');
		expect(formatMonths('2026-04-01', '2026-04-30')).toBe('april 2026');
		expect(dutchList(['a'])).toBe('a');
		expect(dutchList(['a', 'b', 'c'])).toBe('a, b en c');
		expect(formatPoints(0.5)).toBe('0,50');
		expect(formatPoints(-1.234)).toBe('−1,23');
	});

	it('opens on this year and the next three', () => {
		expect(defaultPeriod(new Date('2026-12-01T10:00:00Z'))).toEqual({ from: '2026-01-01', to: '2029-12-31' });
	});

	it('states the thresholds it uses, from the one set of rules', () => {
		const text = RULES_EXPLANATION.map((r) => `${r.term}: ${r.text}`).join('\n');
		expect(text).toContain('€ 1.000.000 of meer');
		expect(text).toContain(`${KOPPELKANS_RULES.largeDwellings} woningen`);
		expect(text).toContain('0,50 of meer');
		expect(text).toContain('alleen een hoekpunt delen telt niet');
	});
});
