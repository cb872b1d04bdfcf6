import { describe, expect, it } from 'vitest';
import { WEIGHT_PRESETS, type Direction, type Domain, type Indicator, type Weights } from './monitor';
import {
	DEFAULT_WEIGHTS,
	STAPELING_EXPLANATION,
	STAPELING_THRESHOLD,
	WeightsError,
	formatDutchNumber,
	formatIndicatorValue,
	formatWeights,
	parseWeights,
	rankUrgency,
	referenceStatistics,
	robustnessExplanation,
	standardScore,
	type UrgencyArea,
	type UrgencyInput
} from './urgency';

function indicator(code: string, name: string, unit: string, domain: Domain | 'context', direction: Direction): Indicator {
	return { code, name, unit, domain, direction, source: 'test', synthetic: true, weighting: 'inwoners' };
}

const weights = (partial: Partial<Weights>): Weights => ({ ...DEFAULT_WEIGHTS, ...partial });

// Four buurten, three scored indicators and two that are not scored:
//
//   buurt  laag_inkomen  cohesie  misdrijven | p_65plus  p_corporatie
//   A          30           6         3      |    90         100
//   B          30           8         1      |    10          10
//   C          10           6         1      |    10          10
//   D          10           8         3      |    10          10
//
// laag_inkomen: mean (30+30+10+10)/4 = 20, deviations ±10 → population sd √(4·100/4) = 10
// cohesie:      mean 7, deviations ±1 → sd 1; lower is more urgent, so z = −(v − 7)
// misdrijven:   mean 2, deviations ±1 → sd 1
//
//   buurt  z laag  z cohesie  z misdr | sociaal (mean of 2)  veiligheid | overall, equal weights
//   A        +1       +1        +1    |   (1 + 1)/2 =  1         1     |  (1 + 1)/2    =  1
//   B        +1       −1        −1    |   (1 − 1)/2 =  0        −1     |  (0 − 1)/2    = −0,5
//   C        −1       +1        −1    |   (−1 + 1)/2 = 0        −1     |  (0 − 1)/2    = −0,5
//   D        −1       −1        +1    |   (−1 − 1)/2 = −1        1     |  (−1 + 1)/2   =  0
//
// Gezondheid, wonen and duurzaamheid have no scored indicator, so only two domains count.
const INDICATORS = [
	indicator('laag_inkomen', 'Huishoudens met laag inkomen', '%', 'sociaal', 'hoger_is_urgenter'),
	indicator('cohesie', 'Sociale cohesie (schaalscore)', 'score 0-10', 'sociaal', 'lager_is_urgenter'),
	indicator('misdrijven', 'Geregistreerde misdrijven per 1.000 inwoners', 'per 1.000', 'veiligheid', 'hoger_is_urgenter'),
	indicator('p_65plus', 'Inwoners 65 jaar en ouder', '%', 'context', 'context'),
	indicator('p_corporatie', 'Woningen in bezit van woningcorporatie', '%', 'wonen', 'context')
];

const area = (code: string, values: Record<string, number | null>, suppressed = false): UrgencyArea => ({ code, name: `Buurt ${code}`, suppressed, values });

const BUURTEN = [
	area('A', { laag_inkomen: 30, cohesie: 6, misdrijven: 3, p_65plus: 90, p_corporatie: 100 }),
	area('B', { laag_inkomen: 30, cohesie: 8, misdrijven: 1, p_65plus: 10, p_corporatie: 10 }),
	area('C', { laag_inkomen: 10, cohesie: 6, misdrijven: 1, p_65plus: 10, p_corporatie: 10 }),
	area('D', { laag_inkomen: 10, cohesie: 8, misdrijven: 3, p_65plus: 10, p_corporatie: 10 })
];

function input(areas: UrgencyArea[] = BUURTEN, indicators: Indicator[] = INDICATORS): UrgencyInput {
	const reference: Record<string, number[]> = {};
	for (const { code } of indicators) reference[code] = BUURTEN.map((b) => b.values[code]!);
	return { indicators, reference, gemeente: { laag_inkomen: 19.5, cohesie: 7.1, misdrijven: 2.2 }, areas };
}

const summary = (results: ReturnType<typeof rankUrgency>) => results.map((r) => [r.code, r.score, r.rank]);

describe('urgency score, worked by hand', () => {
	it('standardises, averages per domain and combines with equal weights', () => {
		const results = rankUrgency(input(), { draws: 0 });
		const byCode = Object.fromEntries(results.map((r) => [r.code, r]));
		expect(byCode.A.domains).toEqual({ sociaal: 1, gezondheid: null, veiligheid: 1, wonen: null, duurzaamheid: null });
		expect(byCode.B.domains).toMatchObject({ sociaal: 0, veiligheid: -1 });
		expect(byCode.C.domains).toMatchObject({ sociaal: 0, veiligheid: -1 });
		expect(byCode.D.domains).toMatchObject({ sociaal: -1, veiligheid: 1 });
		// B and C tie at −0,5: they share rank 3 and are listed by code
		expect(summary(results)).toEqual([
			['A', 1, 1],
			['D', 0, 2],
			['B', -0.5, 3],
			['C', -0.5, 3]
		]);
		expect(byCode.A.coverage).toEqual({ scored: 3, total: 3 });
	});

	it('uses the weights: sociaal 3, veiligheid 1', () => {
		// A (3·1 + 1·1)/4 = 1; B (3·0 − 1)/4 = −0,25; C the same; D (3·(−1) + 1)/4 = −0,5
		expect(summary(rankUrgency(input(), { weights: weights({ sociaal: 3 }), draws: 0 }))).toEqual([
			['A', 1, 1],
			['B', -0.25, 2],
			['C', -0.25, 2],
			['D', -0.5, 4]
		]);
	});

	it('leaves a domain with weight 0 out of the score, but still reports it', () => {
		// veiligheid 0: the score is the sociaal score alone: A 1, B 0, C 0, D −1
		const results = rankUrgency(input(), { weights: weights({ veiligheid: 0 }), draws: 0 });
		expect(summary(results)).toEqual([
			['A', 1, 1],
			['B', 0, 2],
			['C', 0, 2],
			['D', -1, 4]
		]);
		const d = results.find((r) => r.code === 'D')!;
		expect(d.domains.veiligheid).toBe(1);
		expect(d.drivers.find((x) => x.indicator === 'misdrijven')!.contribution).toBe(0);
	});

	it('gives no score when no weighted domain has data', () => {
		const results = rankUrgency(input(), { weights: weights({ sociaal: 0, veiligheid: 0 }), draws: 0 });
		expect(results.every((r) => r.score === null && r.rank === null)).toBe(true);
		expect(results[0].domains.sociaal).toBe(1); // A, first by code
	});

	it('flips the sign where lower is more urgent', () => {
		// cohesie 6 is one sd below the mean 7: worse, so z = +1; cohesie 8 gives z = −1
		const stats = referenceStatistics(INDICATORS, input().reference);
		expect(standardScore(6, stats.cohesie, 'lager_is_urgenter')).toBe(1);
		expect(standardScore(8, stats.cohesie, 'lager_is_urgenter')).toBe(-1);
		expect(standardScore(30, stats.laag_inkomen, 'hoger_is_urgenter')).toBe(1);
	});

	it('uses the population standard deviation, and z = 0 when all buurten are equal', () => {
		// [2,4,4,4,5,5,7,9]: mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; 32/8 = 4 → sd 2
		// (the sample sd would be √(32/7) = 2,14); value 9 → z (9 − 5)/2 = 2
		const stats = referenceStatistics([INDICATORS[0]], { laag_inkomen: [2, 4, 4, 4, 5, 5, 7, 9] });
		expect(stats.laag_inkomen).toEqual({ mean: 5, sd: 2, n: 8 });
		expect(standardScore(9, stats.laag_inkomen, 'hoger_is_urgenter')).toBe(2);
		const flat = referenceStatistics([INDICATORS[0]], { laag_inkomen: [5, 5, 5] });
		expect(standardScore(9, flat.laag_inkomen, 'hoger_is_urgenter')).toBe(0);
	});

	it('ignores context indicators, also one that belongs to a domain', () => {
		// A's p_65plus (90) and p_corporatie (100, domein wonen) are extreme, but not scored
		const withoutContext = rankUrgency(input(BUURTEN, INDICATORS.slice(0, 3)), { draws: 0 });
		const withContext = rankUrgency(input(), { draws: 0 });
		expect(summary(withContext)).toEqual(summary(withoutContext));
		expect(withContext[0].domains.wonen).toBeNull();
		expect(withContext[0].drivers.map((d) => d.indicator)).not.toContain('p_65plus');
		expect(withContext[0].drivers.map((d) => d.indicator)).not.toContain('p_corporatie');
	});

	it('does not score or rank a suppressed area, and lists it last', () => {
		const results = rankUrgency(input([...BUURTEN, area('0-klein', { laag_inkomen: 90, cohesie: 1, misdrijven: 9 }, true)]), { draws: 10 });
		expect(results.at(-1)).toEqual({
			code: '0-klein',
			name: 'Buurt 0-klein',
			score: null,
			rank: null,
			domains: { sociaal: null, gezondheid: null, veiligheid: null, wonen: null, duurzaamheid: null },
			stapeling: null,
			drivers: [],
			topNShare: null,
			coverage: { scored: 0, total: 3 }
		});
	});

	it('scores a wijk with a missing value against the buurt yardstick', () => {
		// laag_inkomen 20 → z 0; cohesie missing; misdrijven 5 → z (5 − 2)/1 = 3
		// sociaal 0 (one indicator), veiligheid 3 → score (0 + 3)/2 = 1,5: ahead of A
		const wijk = area('W', { laag_inkomen: 20, cohesie: null, misdrijven: 5 });
		const results = rankUrgency(input([...BUURTEN, wijk, area('X', { laag_inkomen: null })]), { draws: 0 });
		expect(results[0]).toMatchObject({ code: 'W', score: 1.5, rank: 1, coverage: { scored: 2, total: 3 } });
		expect(results[0].drivers.map((d) => [d.indicator, d.contribution])).toEqual([
			['misdrijven', 1.5], // 1 · 3 / (2 · 1)
			['laag_inkomen', 0]
		]);
		expect(results.at(-1)).toMatchObject({ code: 'X', score: null, rank: null, stapeling: null });
	});
});

describe('stapeling', () => {
	it('counts the domains at least half a standard deviation worse than the average buurt, whatever the weights', () => {
		// A: sociaal 1 and veiligheid 1 → 2; B and C: 0 and −1 → 0; D: veiligheid 1 → 1
		for (const w of [DEFAULT_WEIGHTS, weights({ veiligheid: 0 })]) {
			const results = rankUrgency(input(), { weights: w, draws: 0 });
			expect(Object.fromEntries(results.map((r) => [r.code, r.stapeling]))).toEqual({ A: 2, B: 0, C: 0, D: 1 });
		}
		expect(STAPELING_THRESHOLD).toBe(0.5);
		expect(STAPELING_EXPLANATION).toContain('0,5');
		expect(STAPELING_EXPLANATION).toContain('halve standaardafwijking');
	});

	it('counts a domain score of exactly 0,5', () => {
		// misdrijven 2,5 → z (2,5 − 2)/1 = 0,5 → veiligheid 0,5 counts; laag_inkomen 20 → sociaal 0 does not
		const results = rankUrgency(input([area('E', { laag_inkomen: 20, misdrijven: 2.5 })]), { draws: 0 });
		expect(results[0].stapeling).toBe(1);
	});
});

describe('drivers', () => {
	it('add up to the score and are sorted by contribution, with a Dutch explanation', () => {
		// A, equal weights, Σw = 2: misdrijven 1·1/(2·1) = 0,5; laag_inkomen and cohesie 1·1/(2·2) = 0,25 each
		// (equal contribution and z → by code: cohesie before laag_inkomen)
		const a = rankUrgency(input(), { draws: 0 }).find((r) => r.code === 'A')!;
		expect(a.drivers.map((d) => [d.indicator, d.z, d.contribution])).toEqual([
			['misdrijven', 1, 0.5],
			['cohesie', 1, 0.25],
			['laag_inkomen', 1, 0.25]
		]);
		expect(a.drivers.map((d) => d.explanation)).toEqual([
			'Geregistreerde misdrijven per 1.000 inwoners: 3 per 1.000 (gemeente 2,2 per 1.000)',
			'Sociale cohesie (schaalscore): 6 (gemeente 7,1)',
			'Huishoudens met laag inkomen: 30 % (gemeente 19,5 %)'
		]);
		expect(a.drivers[0]).toMatchObject({ name: 'Geregistreerde misdrijven per 1.000 inwoners', domain: 'veiligheid', value: 3, gemeente: 2.2 });
		// A tooltip needs only the first few; the score does not change.
		const top = rankUrgency(input(), { draws: 0, drivers: 1 }).find((r) => r.code === 'A')!;
		expect(top.drivers.map((d) => d.indicator)).toEqual(['misdrijven']);
		expect(top.score).toBe(1);
	});

	it('weigh each indicator by its domain weight and the number of indicators in the domain', () => {
		// D with sociaal 3, veiligheid 1, Σw = 4: misdrijven 1·1/(4·1) = 0,25;
		// laag_inkomen and cohesie 3·(−1)/(4·2) = −0,375 each; sum 0,25 − 0,75 = −0,5 = D's score
		const d = rankUrgency(input(), { weights: weights({ sociaal: 3 }), draws: 0 }).find((r) => r.code === 'D')!;
		expect(d.drivers.map((x) => [x.indicator, x.contribution])).toEqual([
			['misdrijven', 0.25],
			['cohesie', -0.375],
			['laag_inkomen', -0.375]
		]);
		expect(d.drivers.reduce((sum, x) => sum + x.contribution, 0)).toBeCloseTo(d.score!, 12);
	});

	it('write the line an alderman reads', () => {
		const line = rankUrgency(
			{ indicators: [INDICATORS[0]], reference: { laag_inkomen: [10, 20] }, gemeente: { laag_inkomen: 12.1 }, areas: [area('N', { laag_inkomen: 24.7 })] },
			{ draws: 0 }
		)[0].drivers[0].explanation;
		expect(line).toBe('Huishoudens met laag inkomen: 24,7 % (gemeente 12,1 %)');
		const unknown = rankUrgency({ ...input([area('N', { misdrijven: 4 })]), gemeente: {} }, { draws: 0 })[0].drivers[0].explanation;
		expect(unknown).toBe('Geregistreerde misdrijven per 1.000 inwoners: 4 per 1.000 (gemeente onbekend)');
	});

	it('format values the Dutch way per unit', () => {
		expect(formatIndicatorValue(24.7, '%')).toBe('24,7 %');
		expect(formatIndicatorValue(1234, 'aantal')).toBe('1.234');
		expect(formatIndicatorValue(245, 'x 1.000 euro')).toBe('€ 245.000');
		expect(formatIndicatorValue(45.23, 'per 1.000')).toBe('45,2 per 1.000');
		expect(formatIndicatorValue(6.24, 'score 0-10')).toBe('6,2');
		expect(formatIndicatorValue(7.1, 'cijfer 1-10')).toBe('7,1');
		expect(formatIndicatorValue(-1234567.8, '')).toBe('-1.234.567,8');
	});

	it('write numbers exactly as Intl nl-NL does, also on the fast path', () => {
		const one = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
		const whole = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
		let seed = 5;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (let i = 0; i < 2000; i++) {
			const scale = 10 ** Math.floor(random() * 8);
			// one-decimal values (fast path), whole numbers, and values that need rounding (Intl path)
			for (const value of [Math.round((random() - 0.3) * scale * 10) / 10, Math.round((random() - 0.3) * scale), (random() - 0.3) * scale]) {
				if (Object.is(value, -0)) continue;
				expect(formatDutchNumber(value, 1)).toBe(one.format(value));
				expect(formatDutchNumber(value, 0)).toBe(whole.format(value));
			}
		}
		expect(formatDutchNumber(-0, 1)).toBe('0'); // Intl writes "-0"; a minus without a value is noise
	});
});

describe('robustness of the top N', () => {
	// Each indicator's reference is [−1, 1]: mean 0, population sd 1, so an area's z is its value.
	const unitIndicators = [
		indicator('s', 'Sociaal', '', 'sociaal', 'hoger_is_urgenter'),
		indicator('g', 'Gezondheid', '', 'gezondheid', 'hoger_is_urgenter'),
		indicator('v', 'Veiligheid', '', 'veiligheid', 'hoger_is_urgenter')
	];
	const unitInput = (areas: UrgencyArea[]): UrgencyInput => ({
		indicators: unitIndicators,
		reference: { s: [-1, 1], g: [-1, 1], v: [-1, 1] },
		gemeente: {},
		areas
	});
	const shares = (results: ReturnType<typeof rankUrgency>) => Object.fromEntries(results.map((r) => [r.code, r.topNShare]));

	it('keeps an area far ahead in the top 1 in every draw', () => {
		const areas = [
			area('X', { s: 5, g: 5, v: 5 }),
			area('Y', { s: 0.5, g: -0.2, v: 0.1 }),
			area('Z', { s: -0.3, g: 0.4, v: 0 }),
			area('Q', { s: 0, g: 0, v: -1 })
		];
		expect(shares(rankUrgency(unitInput(areas), { topN: 1, draws: 500 }))).toEqual({ X: 1, Y: 0, Z: 0, Q: 0 });
	});

	it('splits two nearly tied areas that lean on different domains', () => {
		// P: sociaal 2, veiligheid 0 → 1; R: sociaal 0, veiligheid 2,02 → 1,01 (R is first with equal weights).
		// With factors f_s, f_v ~ U[0,5; 1,5]: P = 2·f_s/(f_s + f_v), R = 2,02·f_v/(f_s + f_v), so P wins when
		// f_s > 1,01·f_v. P(f_s > 1,01·f_v) = ∫ from 0,5 to 1,5/1,01 of (1,5 − 1,01·y) dy
		//   = 1,5 · 0,98515 − 0,505 · (1,48515² − 0,25) = 1,47772 − 0,98761 = 0,490
		const results = rankUrgency(unitInput([area('P', { s: 2, v: 0 }), area('R', { s: 0, v: 2.02 }), area('S', { s: -1, v: -1 })]), {
			topN: 1,
			draws: 500
		});
		expect(results.map((r) => r.code)).toEqual(['R', 'P', 'S']);
		const { P, R, S } = shares(results);
		expect(P!).toBeCloseTo(0.49, 1); // 500 draws: standard error √(0,49 · 0,51 / 500) = 0,022
		expect(P! + R!).toBe(1);
		expect(S).toBe(0);
	});

	it('is reproducible with the same seed and changes with another', () => {
		const areas = [area('P', { s: 2, v: 0 }), area('R', { s: 0, v: 2.02 }), area('S', { s: -1, v: -1 })];
		const first = rankUrgency(unitInput(areas), { topN: 1, draws: 200, seed: 42 });
		expect(rankUrgency(unitInput(areas), { topN: 1, draws: 200, seed: 42 })).toEqual(first);
		expect(rankUrgency(unitInput(areas), { topN: 1, draws: 200, seed: 43 })[1].topNShare).not.toBe(first[1].topNShare);
		expect(robustnessExplanation(5, 500)).toContain('Aandeel van 500 trekkingen waarin het gebied bij de top 5 hoort');
	});

	it('gives 1 or 0 when only one domain is weighted (scaling one weight cannot reorder) and skips without draws', () => {
		const areas = [area('P', { s: 2, v: 0 }), area('R', { s: 0, v: 2.02 }), area('S', { s: -1, v: 3 })];
		const onlySociaal = rankUrgency(unitInput(areas), { topN: 2, weights: weights({ gezondheid: 0, veiligheid: 0 }) });
		expect(shares(onlySociaal)).toEqual({ P: 1, R: 1, S: 0 });
		expect(shares(rankUrgency(unitInput(areas), { topN: 10 }))).toEqual({ P: 1, R: 1, S: 1 });
		expect(shares(rankUrgency(unitInput(areas), { draws: 0 }))).toEqual({ P: null, R: null, S: null });
		expect(() => rankUrgency(unitInput(areas), { topN: 0 })).toThrow(RangeError);
	});
});

describe('weights in the URL', () => {
	it('reads named domains and keeps the others at 1', () => {
		expect(parseWeights('sociaal:2,veiligheid:1')).toEqual({ sociaal: 2, gezondheid: 1, veiligheid: 1, wonen: 1, duurzaamheid: 1 });
		expect(parseWeights(' Sociaal : 1.5 , wonen:0 ,')).toEqual(weights({ sociaal: 1.5, wonen: 0 }));
		expect(parseWeights('')).toEqual(DEFAULT_WEIGHTS);
		expect(parseWeights(null)).toEqual(DEFAULT_WEIGHTS);
	});

	it('explains in Dutch what is wrong, listing the valid domains', () => {
		const valid = 'Geldige domeinen: sociaal, gezondheid, veiligheid, wonen, duurzaamheid.';
		expect(() => parseWeights('sport:2')).toThrow(`Onbekend domein "sport" in de gewichten. ${valid}`);
		expect(() => parseWeights('sociaal:-1')).toThrow(`Ongeldig gewicht "sociaal:-1": schrijf domein:getal met een getal van 0 of meer, bijvoorbeeld sociaal:2. ${valid}`);
		expect(() => parseWeights('sociaal:twee')).toThrow(WeightsError);
		expect(() => parseWeights('sociaal')).toThrow('Ongeldig gewicht "sociaal"');
		expect(() => parseWeights('sociaal:1,sociaal:2')).toThrow(`Het domein "sociaal" staat twee keer in de gewichten. ${valid}`);
		expect(() => parseWeights('sociaal:0,gezondheid:0,veiligheid:0,wonen:0,duurzaamheid:0')).toThrow('Geef minstens één domein een gewicht groter dan 0.');
		expect(() => rankUrgency(input(), { weights: weights({ wonen: -2 }) })).toThrow(WeightsError);
	});

	it('writes only the weights that differ from 1, and round-trips every preset', () => {
		expect(formatWeights(DEFAULT_WEIGHTS)).toBe('');
		expect(formatWeights(weights({ sociaal: 3, gezondheid: 2 }))).toBe('sociaal:3,gezondheid:2');
		for (const preset of WEIGHT_PRESETS) expect(parseWeights(formatWeights(preset.weights))).toEqual(preset.weights);
	});
});
