import { describe, expect, it } from 'vitest';
import {
	aggregateBuurten,
	baselineYear,
	cadence,
	chooseGroup,
	differenceInDifferences,
	latestYearAfter,
	nextMeasurement,
	rankCandidates,
	reading,
	succesindicatorenSchema,
	targetProgress,
	baselineLabel,
	formatDifference,
	type DidOutcome
} from './effect';

describe('years', () => {
	const waves = { 2012: 20, 2016: 19, 2020: 18 };
	it('takes the last wave before the start year as the nulmeting and a wave from the start year on as after', () => {
		expect(baselineYear(waves, 2018)).toBe(2016);
		expect(latestYearAfter(waves, 2018)).toBe(2020);
		// A measurement in the start year itself counts as after the start.
		expect(baselineYear(waves, 2020)).toBe(2016);
		expect(latestYearAfter(waves, 2020)).toBe(2020);
	});
	it('has no measurement after a start past the last wave, and none before a start before the first', () => {
		expect(baselineYear(waves, 2024)).toBe(2020);
		expect(latestYearAfter(waves, 2024)).toBeNull();
		expect(baselineYear(waves, 2012)).toBeNull();
		expect(baselineYear(waves, null)).toBeNull();
	});
	it('expects the next measurement after the observed cadence', () => {
		expect(cadence([2012, 2016, 2020])).toBe(4);
		expect(nextMeasurement([2016, 2012, 2020])).toEqual({ year: 2024, every: 4 });
		expect(nextMeasurement([2020, 2021, 2022, 2023, 2024])).toEqual({ year: 2025, every: 1 });
		// One gap of 4 and one of 1: the cautious (longer) guess.
		expect(cadence([2016, 2020, 2021])).toBe(4);
		expect(nextMeasurement([2020])).toBeNull();
	});
});

describe('aggregateBuurten (an area of several buurten)', () => {
	it('weights shares by inhabitants over buurten that have both the value and the weight', () => {
		const buurten = [
			{ value: 20, inwoners: 1000, huishoudens: 400 },
			{ value: 10, inwoners: 3000, huishoudens: 1500 },
			{ value: null, inwoners: 500, huishoudens: 200 },
			{ value: 30, inwoners: null, huishoudens: 100 }
		];
		// (20·1000 + 10·3000) / 4000 = 12,5: the buurt without a value and the one without inhabitants do not count.
		expect(aggregateBuurten(buurten, 'inwoners')).toBe(12.5);
		// (20·400 + 10·1500 + 30·100) / 2000 = 13
		expect(aggregateBuurten(buurten, 'huishoudens')).toBe(13);
	});
	it('sums counts over buurten with a value, and has no value when none has one', () => {
		expect(aggregateBuurten([{ value: 5, inwoners: 1, huishoudens: 1 }, { value: null, inwoners: 1, huishoudens: 1 }, { value: 7, inwoners: null, huishoudens: null }], 'som')).toBe(12);
		expect(aggregateBuurten([{ value: null, inwoners: 100, huishoudens: 50 }], 'som')).toBeNull();
		expect(aggregateBuurten([{ value: 3, inwoners: 0, huishoudens: 0 }], 'inwoners')).toBeNull();
	});
});

describe('rankCandidates', () => {
	it('ranks by standardised distance, breaks ties by code and leaves out candidates with a missing value', () => {
		// Feature 1: 12, 8, 10 → mean 10, sd √(8/3); feature 2: 100, 100, 200 → sd √2222,2.
		// B and A: ((2/√(8/3))² + 0) / 2 = 0,75 → 0,866 each (a tie); C: (0 + (100/√2222,2)²) / 2 = 2,25 → 1,5.
		const { ranked, unmatchable } = rankCandidates([10, 100], [
			{ code: 'BU00000002', features: [8, 100] },
			{ code: 'BU00000003', features: [10, 200] },
			{ code: 'BU00000001', features: [12, 100] },
			{ code: 'BU00000004', features: [null, 100] }
		]);
		expect(ranked.map((m) => m.code)).toEqual(['BU00000001', 'BU00000002', 'BU00000003']);
		expect(ranked[0].distance).toBeCloseTo(Math.sqrt(0.75), 12);
		expect(ranked[1].distance).toBeCloseTo(Math.sqrt(0.75), 12);
		expect(ranked[2].distance).toBeCloseTo(1.5, 12);
		expect(unmatchable).toEqual(['BU00000004']);
	});
	it('leaves out a feature without spread instead of dividing by zero', () => {
		const { ranked } = rankCandidates([5, 1], [
			{ code: 'BU00000001', features: [6, 7] },
			{ code: 'BU00000002', features: [4, 7] },
			{ code: 'BU00000003', features: [9, 7] }
		]);
		expect(ranked.every((m) => Number.isFinite(m.distance))).toBe(true);
		expect(ranked.map((m) => m.code)).toEqual(['BU00000001', 'BU00000002', 'BU00000003']);
	});
	it('builds the group from the nearest that were not left out, plus those added', () => {
		const ranked = ['A', 'B', 'C', 'D', 'E'].map((code, i) => ({ code, distance: i }));
		expect(chooseGroup(ranked, [{ buurtcode: 'B', change: 'weglaten' }, { buurtcode: 'Z', change: 'toevoegen' }], 3)).toEqual(['A', 'C', 'D', 'Z']);
	});
});

const ok = (o: DidOutcome) => {
	if (!o.ok) throw new Error(`geen schatting: ${o.reason}`);
	return o.result;
};

describe('differenceInDifferences', () => {
	// Changes of the group: −1, 0, −2, +1, −3 → mean −1; a sixth buurt has no value in the latest year.
	const group = [
		{ code: 'g1', before: 10, after: 9 },
		{ code: 'g2', before: 10, after: 10 },
		{ code: 'g3', before: 12, after: 10 },
		{ code: 'g4', before: 8, after: 9 },
		{ code: 'g5', before: 11, after: 8 },
		{ code: 'g6', before: 10, after: null }
	];

	it('subtracts the mean change of the group and ranks the estimate among the placebos', () => {
		const r = ok(differenceInDifferences({ before: 20, after: 17 }, group, 'omlaag'));
		expect(r.areaChange).toBe(-3);
		expect(r.groupChange).toBe(-1);
		expect(r.estimate).toBe(-2);
		expect(r.used).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
		expect(r.missing).toEqual(['g6']);
		// Placebo j: change_j − mean of the other four: 0, 1,25, −1,25, 2,5, −2,5. Only g5 (−2,5) did better than −2.
		expect(r.placebo.estimates).toEqual([0, 1.25, -1.25, 2.5, -2.5]);
		expect(r.placebo).toMatchObject({ rank: 2, n: 5, lessFavourable: 4 });
	});

	it('judges the rank against the desired direction', () => {
		// The same figures when higher is better: −2 is the second worst; only −2,5 is less favourable.
		const r = ok(differenceInDifferences({ before: 20, after: 17 }, group, 'omhoog'));
		expect(r.placebo).toMatchObject({ rank: 5, n: 5, lessFavourable: 1 });
	});

	it('counts a placebo exactly as good as the real estimate against it (ties)', () => {
		// Changes −2, 0, 0, 0, 0 → mean −0,4; area −2,4 → estimate −2. Placebo 1: −2 − 0 = −2, a tie; others +0,5.
		const tied = [
			{ code: 't1', before: 5, after: 3 },
			...['t2', 't3', 't4', 't5'].map((code) => ({ code, before: 5, after: 5 }))
		];
		const r = ok(differenceInDifferences({ before: 10, after: 7.6 }, tied, 'omlaag'));
		expect(r.estimate).toBeCloseTo(-2, 12);
		expect(r.placebo).toMatchObject({ rank: 2, n: 5, lessFavourable: 4 });
	});

	it('makes no estimate with too few comparison buurten that have both years', () => {
		const o = differenceInDifferences({ before: 20, after: 17 }, group.slice(1), 'omlaag');
		expect(o).toMatchObject({ ok: false, reason: 'te_weinig_vergelijking', used: ['g2', 'g3', 'g4', 'g5'], missing: ['g6'] });
		expect(reading({ areaName: 'De Noork', unit: '%', richting: 'omlaag', baselineYear: 2023, latestYear: 2024, outcome: o, next: null, startYear: 2024 }))
			.toBe('Te weinig vergelijkbare buurten met een meting in 2023 en 2024 (4, minstens 5 nodig): geen schatting.');
	});

	it('estimates for an area of several buurten from the aggregated values', () => {
		// Two buurten: 20 % of 1000 and 10 % of 3000 inhabitants (12,5 %), later 14 % and 8 % (9,5 %): −3.
		const before = aggregateBuurten([{ value: 20, inwoners: 1000, huishoudens: null }, { value: 10, inwoners: 3000, huishoudens: null }], 'inwoners');
		const after = aggregateBuurten([{ value: 14, inwoners: 1000, huishoudens: null }, { value: 8, inwoners: 3000, huishoudens: null }], 'inwoners');
		const r = ok(differenceInDifferences({ before, after }, group, 'omlaag'));
		expect(r.areaChange).toBe(-3);
		expect(r.estimate).toBe(-2);
	});
});

describe('reading', () => {
	const base = { areaName: 'Klein Driene', unit: '%', richting: 'omlaag' as const, baselineYear: 2016, latestYear: 2020, next: null, startYear: 2018 };
	const group = ['a', 'b', 'c', 'd', 'e'].map((code, i) => ({ code, before: 10, after: 10 + [-1, 0, -2, 1, -3][i] }));

	it('says what changed against the comparable buurten, the placebo rank and that it is no proof', () => {
		const outcome = differenceInDifferences({ before: 20, after: 17 }, group, 'omlaag');
		expect(reading({ ...base, outcome })).toBe(
			"Tussen 2016 en 2020 daalde Klein Driene 2 punt meer dan 5 vergelijkbare buurten; bij 4 van de 5 placebo's was het verschil kleiner. Dat is de gewenste richting (omlaag). Dit is geen bewijs van oorzaak en gevolg."
		);
	});

	it('says "minder" when the area fell less far than the group, and judges it against the direction', () => {
		// Area −0,5 against a group mean of −1: +0,5, not the desired direction.
		const outcome = differenceInDifferences({ before: 20, after: 19.5 }, group, 'omlaag');
		expect(reading({ ...base, outcome })).toMatch(/^Tussen 2016 en 2020 daalde Klein Driene 0,5 punt minder dan 5 vergelijkbare buurten; bij \d van de 5 placebo's was de ontwikkeling nog ongunstiger\. Dat is niet de gewenste richting \(omlaag\)\. Dit is geen bewijs van oorzaak en gevolg\.$/);
	});

	it('says when the next measurement is expected when there is none after the start', () => {
		const outcome = differenceInDifferences({ before: 20, after: null }, group, 'omlaag');
		expect(reading({ ...base, startYear: 2024, baselineYear: 2020, latestYear: null, outcome, next: { year: 2024, every: 4 } })).toBe(
			'Nog geen meting na de start (2024); de laatste meting is de nulmeting van 2020. De volgende meting wordt verwacht in 2024 (er wordt om de 4 jaar gemeten).'
		);
	});
});

describe('formatDifference', () => {
	it('speaks of points for percentages and scale scores, and of the unit otherwise', () => {
		expect(formatDifference(-2.1, '%')).toBe('2,1 punt');
		expect(formatDifference(0.16, 'cijfer 1-10')).toBe('0,2 punt');
		expect(formatDifference(-3, 'per 1.000')).toBe('3 per 1.000');
		expect(formatDifference(12, 'x 1.000 euro')).toBe('€ 12.000');
	});
});

describe('baselineLabel', () => {
	it('names the year and the source, and says demodata once', () => {
		expect(baselineLabel({ year: 2016, source: 'RIVM, modelschatting', synthetic: false })).toBe('nulmeting 2016 (RIVM, modelschatting)');
		expect(baselineLabel({ year: 2022, source: 'DEMODATA (synthetisch, geen echte cijfers)', synthetic: true })).toBe('nulmeting 2022 (DEMODATA (synthetisch, geen echte cijfers))');
		expect(baselineLabel({ year: 2022, source: 'Eigen monitor', synthetic: true })).toBe('nulmeting 2022 (Eigen monitor, demodata)');
	});
});

describe('target and input', () => {
	it('measures progress from the nulmeting to the target', () => {
		expect(targetProgress(20, 18, 15)).toBeCloseTo(0.4, 12);
		expect(targetProgress(20, 21, 15)).toBeCloseTo(-0.2, 12);
		expect(targetProgress(20, 21, 20)).toBeNull();
	});
	it('refuses duplicates, a target year without a target and an unknown direction, naming the field', () => {
		const bad = succesindicatorenSchema.safeParse({
			indicators: [{ code: 'p_laag_inkomen', richting: 'omlaag', doeljaar: 2028 }, { code: 'p_laag_inkomen', richting: 'omlaag' }]
		});
		expect(bad.success).toBe(false);
		expect(bad.error!.issues.map((i) => i.message)).toEqual(['een indicator staat er twee keer in', 'een doeljaar hoort bij een doelwaarde']);
		const direction = succesindicatorenSchema.safeParse({ indicators: [{ code: 'woz', richting: 'beter' }] });
		expect(direction.error!.issues[0].path).toEqual(['indicators', 0, 'richting']);
		expect(succesindicatorenSchema.safeParse({ indicators: Array.from({ length: 13 }, (_, i) => ({ code: `x${i}`, richting: 'omhoog' })) }).success).toBe(false);
	});
});
