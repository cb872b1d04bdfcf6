import { describe, expect, it } from 'vitest';
import {
	CRITERIA,
	CriterionWeightsError,
	DEFAULT_CRITERION_WEIGHTS,
	PRESETS,
	formatCriterionWeights,
	parseCriterionWeights,
	presetOf,
	rankCandidates,
	roundToTotal,
	type CandidateContext,
	type CandidateInput,
	type CriterionWeights
} from './kandidaten';

const staff: CandidateContext = { signalsVisible: true, signalsSince: '2024-01-01' };
const others: CandidateContext = { signalsVisible: false, signalsSince: '2024-01-01' };

function candidate(code: string, overrides: Partial<CandidateInput> = {}): CandidateInput {
	return {
		code,
		name: `Buurt ${code}`,
		urgency: 1,
		signals: 0,
		investments: { count: 0, large: 0, near: 0, nearLarge: 0 },
		registerPartners: [],
		priority: false,
		residents: 'onbekend',
		partners: null,
		wijkaanpakken: [],
		...overrides
	};
}

const weights = (overrides: Partial<CriterionWeights> = {}): CriterionWeights => ({ ...DEFAULT_CRITERION_WEIGHTS, ...overrides });

describe('criterion weights', () => {
	it('reads criterion:weight pairs; criteria not named keep 1', () => {
		expect(parseCriterionWeights('urgentie:3, prioriteit:0.5')).toEqual({ urgentie: 3, signalen: 1, investeringen: 1, prioriteit: 0.5, actief: 1 });
		expect(parseCriterionWeights('')).toEqual(DEFAULT_CRITERION_WEIGHTS);
		expect(formatCriterionWeights(parseCriterionWeights('urgentie:3,actief:0'))).toBe('urgentie:3,actief:0');
		expect(formatCriterionWeights(DEFAULT_CRITERION_WEIGHTS)).toBe('');
	});

	it('refuses what it cannot use, in Dutch', () => {
		expect(() => parseCriterionWeights('wonen:2')).toThrow(/Onbekend criterium "wonen".*Geldige criteria: urgentie, signalen/);
		expect(() => parseCriterionWeights('urgentie:veel')).toThrow(CriterionWeightsError);
		expect(() => parseCriterionWeights('urgentie:2,urgentie:3')).toThrow(/twee keer/);
		expect(() => parseCriterionWeights('urgentie:6')).toThrow(/van 0 tot en met 5/);
		expect(() => parseCriterionWeights('urgentie:0,signalen:0,investeringen:0,prioriteit:0,actief:0')).toThrow(/minstens één criterium/);
	});

	it("knows its presets, and that a changed weight is a weighting of one's own", () => {
		for (const preset of PRESETS) expect(presetOf(preset.weights)).toBe(preset);
		expect(presetOf(weights({ urgentie: 1.5 }))).toBeNull();
		expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
	});
});

describe('rankCandidates', () => {
	it('adds up the weighted criteria to a score of 0–100, worked out by hand', () => {
		const ranked = rankCandidates(
			[
				// Urgency 2 → 1; 4 signals (the most) → 1; 2 investments of which 1 large → 3 points (the most) → 1; priority; veel bewoners.
				candidate('A', { urgency: 2, signals: 4, investments: { count: 2, large: 1, near: 0, nearLarge: 0 }, priority: true, residents: 'veel' }),
				// Urgency 1 → 0.5; 1 signal → 0.25; one in a neighbour → 0.5 points → 1/6; one partner from the register → 0.5 → actief (0 + 0.5)/2.
				candidate('B', { urgency: 1, signals: 1, investments: { count: 0, large: 0, near: 1, nearLarge: 0 }, registerPartners: ['Welbions'] }),
				// Below the average buurt: urgency counts 0.
				candidate('C', { urgency: -0.4 })
			],
			staff,
			{ weights: weights({ urgentie: 2 }), draws: 0 }
		);
		expect(ranked.map((r) => [r.code, r.rank])).toEqual([
			['A', 1],
			['B', 2],
			['C', 3]
		]);
		// A: (2·1 + 1 + 1 + 1 + 1·(1 + 0)/2) / 6 · 100 = 5.5 / 6 · 100.
		expect(ranked[0].score).toBeCloseTo((5.5 / 6) * 100, 10);
		// B: (2·0.5 + 0.25 + 1/6 + 0 + 0.25) / 6 · 100.
		expect(ranked[1].score).toBeCloseTo(((1 + 0.25 + 1 / 6 + 0.25) / 6) * 100, 10);
		expect(ranked[2].score).toBe(0);
		for (const r of ranked) {
			expect(r.criteria.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(r.score!, 10);
			expect(r.criteria.map((c) => c.criterion)).toEqual([...CRITERIA]);
		}
		const b = Object.fromEntries(ranked[1].criteria.map((c) => [c.criterion, c]));
		expect(b.urgentie.explanation).toBe('Urgentiescore 1,00 (hoog); op de schaal 0–2 is dat 0,50');
		expect(b.signalen.explanation).toBe('1 signaal sinds 1 januari 2024; de meeste signalen (4) tellen 1');
		expect(b.investeringen.explanation).toBe('Investeringen: geen in het gebied, 1 in een aangrenzende buurt: 0,5 punten; de meeste punten (3) tellen 1');
		expect(b.actief.explanation).toBe('Bewoners: nog niet beoordeeld (0,00); partners uit het register: Welbions (0,50)');
		// The reasons put the largest contribution first.
		expect(ranked[0].reasons[0]).toMatch(/^Urgentie: /);
	});

	it("gives an editor's judgement of the partners precedence over the register", () => {
		const [r] = rankCandidates([candidate('A', { registerPartners: ['Welbions', 'Domijn'], partners: 'geen', residents: 'enkele' })], staff, { weights: weights(), draws: 0 });
		const actief = r.criteria.find((c) => c.criterion === 'actief')!;
		expect(actief.value).toBe(0.25);
		expect(actief.explanation).toContain('partners: geen actieve partners (beoordeling redactie)');
	});

	it('lets signals count for nothing, and leak nothing, when the user may not see them', () => {
		const withSignals = [candidate('A', { signals: 0, urgency: 1 }), candidate('B', { signals: 9, urgency: 0.9 })];
		const staffRanking = rankCandidates(withSignals, staff, { weights: weights({ signalen: 5 }), draws: 200 });
		expect(staffRanking[0].code).toBe('B');
		// For others the same areas, whatever their signal counts, rank by the other criteria only.
		const hidden = (signals: number | null) => rankCandidates([candidate('A', { signals, urgency: 1 }), candidate('B', { signals, urgency: 0.9 })], others, { weights: weights({ signalen: 5 }), draws: 200 });
		const a = hidden(null);
		expect(a.map((r) => r.code)).toEqual(['A', 'B']);
		expect(JSON.stringify(hidden(7))).toBe(JSON.stringify(a));
		const signal = a[0].criteria.find((c) => c.criterion === 'signalen')!;
		expect(signal).toMatchObject({ weight: 0, value: 0, contribution: 0, available: false });
		expect(signal.explanation).toBe('Alleen zichtbaar voor medewerkers van de gemeente; telt voor u niet mee');
		expect(a[0].reasons.join(' ')).not.toMatch(/signa/i);
		expect(() => rankCandidates(withSignals, others, { weights: { urgentie: 0, signalen: 1, investeringen: 0, prioriteit: 0, actief: 0 } })).toThrow(
			/Signalen tellen voor u niet mee/
		);
	});

	it('marks areas that have a wijkaanpak, or leaves them out of the ranking and its scales', () => {
		const inputs = [
			candidate('A', { urgency: 2, investments: { count: 4, large: 0, near: 0, nearLarge: 0 }, wijkaanpakken: [{ id: 1, name: 'Wijkaanpak Noord', kind: 'wijkaanpak', status: 'lopend' }] }),
			candidate('B', { urgency: 1.5, investments: { count: 1, large: 0, near: 0, nearLarge: 0 } }),
			candidate('C', { urgency: null })
		];
		const marked = rankCandidates(inputs, staff, { weights: weights(), draws: 0 });
		expect(marked.map((r) => [r.code, r.rank, r.hasWijkaanpak])).toEqual([
			['A', 1, true],
			['B', 2, false],
			['C', null, false]
		]);
		expect(marked[2].note).toMatch(/Geen urgentiescore/);
		expect(marked[1].criteria.find((c) => c.criterion === 'investeringen')!.value).toBe(0.25);
		const excluded = rankCandidates(inputs, staff, { weights: weights(), existing: 'uitsluiten', draws: 0 });
		expect(excluded.map((r) => [r.code, r.rank])).toEqual([
			['B', 1],
			['A', null],
			['C', null]
		]);
		expect(excluded[1].note).toBe('Heeft al een aanpak (Wijkaanpak Noord): uitgesloten');
		// Without A, B has the most investment points.
		expect(excluded[0].criteria.find((c) => c.criterion === 'investeringen')!.value).toBe(1);
	});

	it('measures robustness with seeded draws: reproducible, every draw fills the top N', () => {
		const inputs = ['A', 'B', 'C', 'D', 'E', 'F'].map((code, i) =>
			candidate(code, { urgency: 2 - i * 0.2, signals: i, priority: i % 2 === 0, residents: i === 5 ? 'veel' : 'geen' })
		);
		const options = { weights: weights(), topN: 3, draws: 400, seed: 7 };
		const first = rankCandidates(inputs, staff, options);
		expect(rankCandidates(inputs, staff, options)).toEqual(first);
		const shares = first.map((r) => r.topNShare!);
		for (const share of shares) expect(share).toBeGreaterThanOrEqual(0);
		for (const share of shares) expect(share).toBeLessThanOrEqual(1);
		// Each draw puts exactly three areas in the top 3.
		expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(3, 10);
		// Another seed gives other draws (but the same ranking).
		const other = rankCandidates(inputs, staff, { ...options, seed: 8 });
		expect(other.map((r) => r.code)).toEqual(first.map((r) => r.code));
		expect(other.map((r) => r.topNShare)).not.toEqual(shares);
	});

	it('keeps an area that leads on every criterion in the top under every re-weighting', () => {
		const inputs = [
			candidate('A', { urgency: 2, signals: 3, investments: { count: 3, large: 3, near: 0, nearLarge: 0 }, priority: true, residents: 'veel', registerPartners: ['X', 'Y'] }),
			candidate('B', { urgency: 0.5 }),
			candidate('C', { urgency: 0.4 })
		];
		const ranked = rankCandidates(inputs, staff, { weights: weights(), topN: 1, draws: 300 });
		expect(ranked[0]).toMatchObject({ code: 'A', topNShare: 1 });
		expect(ranked[2].topNShare).toBe(0);
		expect(rankCandidates(inputs, staff, { weights: weights(), draws: 0 })[0].topNShare).toBeNull();
	});
});

describe('roundToTotal', () => {
	it('rounds parts so that they add up to the rounded total', () => {
		expect(roundToTotal([100 / 3, 100 / 3, 100 / 3])).toEqual([33.4, 33.3, 33.3]);
		expect(roundToTotal([12.04, 7.04, 0.92])).toEqual([12, 7.1, 0.9]);
		expect(roundToTotal([0, 0])).toEqual([0, 0]);
	});
});
