import { describe, expect, it } from 'vitest';
import { ClassificationError, classIndex, classify, differenceFrom, divergingBreaks, optimalPartition, type ClassMethod } from './classify';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('classIndex', () => {
	const breaks = [0, 10, 20, 30];

	it('puts a value on a bound in the class below it (upper bound inclusive)', () => {
		expect(classIndex(0, breaks)).toBe(0);
		expect(classIndex(10, breaks)).toBe(0);
		expect(classIndex(10.001, breaks)).toBe(1);
		expect(classIndex(20, breaks)).toBe(1);
		expect(classIndex(30, breaks)).toBe(2);
	});

	it('puts values outside the bounds in the outer classes, and has no class for missing values', () => {
		expect(classIndex(-5, breaks)).toBe(0);
		expect(classIndex(99, breaks)).toBe(2);
		expect(classIndex(null, breaks)).toBeNull();
		expect(classIndex(Number.NaN, breaks)).toBeNull();
		expect(classIndex(5, [])).toBeNull();
	});

	it('gives the minimum its own class when the first two bounds are equal', () => {
		// [1, 1, 2, 3]: class 0 = {1}, class 1 = (1, 2], class 2 = (2, 3]
		expect(classIndex(1, [1, 1, 2, 3])).toBe(0);
		expect(classIndex(1.5, [1, 1, 2, 3])).toBe(1);
	});
});

describe('gelijke intervallen', () => {
	it('splits the range into classes of equal width and keeps empty classes', () => {
		// min 0, max 10, 5 classes: width (10 − 0) / 5 = 2 → bounds 0, 2, 4, 6, 8, 10
		// 0 and 2 → class 0 (2 is its upper bound); 5 → class 2 (4 < 5 ≤ 6); 10 → class 4
		expect(classify([0, 2, 5, 10, null], 'gelijke-intervallen', 5)).toEqual({
			breaks: [0, 2, 4, 6, 8, 10],
			counts: [2, 0, 1, 0, 1],
			missing: 1,
			classes: 5,
			note: null
		});
	});
});

describe('quantielen', () => {
	it('gives each class about the same number of areas', () => {
		// n = 10, k = 5: upper bound of class i at rank ⌈i · 10 / 5⌉ = 2, 4, 6, 8 → values 2, 4, 6, 8
		expect(classify(range(1, 10), 'quantielen', 5)).toMatchObject({ breaks: [1, 2, 4, 6, 8, 10], counts: [2, 2, 2, 2, 2], classes: 5 });
		// n = 7, k = 3: ranks ⌈7/3⌉ = ⌈2,33⌉ = 3 and ⌈14/3⌉ = ⌈4,67⌉ = 5 → values 3 and 5; classes {1,2,3} {4,5} {6,7}
		expect(classify(range(1, 7), 'quantielen', 3)).toMatchObject({ breaks: [1, 3, 5, 7], counts: [3, 2, 2], classes: 3, note: null });
	});

	it('never repeats a bound: ties collapse into fewer classes, and the note says so', () => {
		// sorted [0,0,0,0,0,0,1,2,3,4], k = 5: ranks 2, 4, 6, 8 → values 0, 0, 0, 2.
		// The first 0 stays (the minimum gets its own class), the repeated 0s go → bounds 0, 0, 2, 4.
		// class 0 = the six zeros, class 1 = (0, 2] = {1, 2}, class 2 = (2, 4] = {3, 4}
		expect(classify([0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 'quantielen', 5)).toEqual({
			breaks: [0, 0, 2, 4],
			counts: [6, 2, 2],
			missing: 0,
			classes: 3,
			note: 'Door gelijke waarden zijn er 3 in plaats van 5 klassen.'
		});
	});

	it('makes at most one class per distinct value', () => {
		// [1,1,2,2,3,3], k = 5: ranks ⌈6/5⌉ = 2 → 1, ⌈12/5⌉ = 3 → 2, ⌈18/5⌉ = 4 → 2 (repeat, dropped),
		// ⌈24/5⌉ = 5 → 3 (the maximum, dropped) → bounds 1, 1, 2, 3
		expect(classify([3, 1, 2, 3, 1, 2], 'quantielen', 5)).toMatchObject({ breaks: [1, 1, 2, 3], counts: [2, 2, 2], classes: 3 });
	});
});

describe('natuurlijke grenzen (Jenks, exact)', () => {
	it('finds the split with the smallest within-class sum of squares', () => {
		// {1,2,3} {10,11,12} {20}: SSD 2 + 2 + 0 = 4 (each triple deviates −1, 0, 1 from its mean).
		// Runner-up {1,2,3} {10,11} {12,20}: 2 + 0,5 + 32 = 34,5. Quantiles would cut at 3 and 11 instead.
		expect(classify([20, 1, 12, 2, 11, 3, 10], 'natuurlijke-grenzen', 3)).toMatchObject({ breaks: [1, 3, 12, 20], counts: [3, 3, 1], classes: 3 });
	});

	it('weighs repeated values', () => {
		// [1,1,1,2,9,10,10], k = 3
		//   {1,1,1} {2} {9,10,10}: 0 + 0 + (0,667² + 0,333² + 0,333²) = 0,444 + 0,111 + 0,111 = 0,667
		//   {1,1,1,2} {9} {10,10}: mean 1,25 → 3 · 0,25² + 0,75² = 0,1875 + 0,5625 = 0,75
		// so 1 gets a class of its own, even though on the distinct values {1,2,9,10} both splits tie.
		expect(classify([1, 1, 1, 2, 9, 10, 10], 'natuurlijke-grenzen', 3)).toMatchObject({ breaks: [1, 1, 2, 10], counts: [3, 1, 3] });
	});

	it('makes one class per distinct value when there are fewer distinct values than classes', () => {
		expect(classify([5, 5, 7, 7, 9], 'natuurlijke-grenzen', 4)).toEqual({
			breaks: [5, 5, 7, 9],
			counts: [2, 2, 1],
			missing: 0,
			classes: 3,
			note: 'Door gelijke waarden zijn er 3 in plaats van 4 klassen.'
		});
	});

	it('matches a brute-force dynamic programme on random data', () => {
		// The divide-and-conquer shortcut must give the same optimum as trying every start of the last group.
		let seed = 7;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (let round = 0; round < 30; round++) {
			const m = 8 + Math.floor(random() * 40);
			const xs = Array.from({ length: m }, () => Math.round(random() * 1000) / 10);
			const distinct = [...new Set(xs)].sort((a, b) => a - b);
			const weights = distinct.map((v) => xs.filter((x) => x === v).length);
			for (let k = 3; k <= Math.min(7, distinct.length); k++) {
				expect(optimalPartition(distinct, weights, k).cost).toBeCloseTo(bruteForceCost(distinct, weights, k), 6);
			}
		}
	});
});

describe('handmatige grenzen', () => {
	it('uses the inner bounds given, between the minimum and the maximum', () => {
		// 0..10 with bounds 2,5 / 5 / 7,5: {0,1,2} {3,4,5} {6,7} {8,9,10}; the `classes` argument is not used
		expect(classify(range(0, 10), 'handmatig', 7, [2.5, 5, 7.5])).toEqual({
			breaks: [0, 2.5, 5, 7.5, 10],
			counts: [3, 3, 2, 3],
			missing: 0,
			classes: 4,
			note: null
		});
	});

	it('refuses bounds that do not ascend, fall outside the values, or make too few or many classes', () => {
		const values = range(0, 10);
		expect(() => classify(values, 'handmatig', 5, [5, 2.5])).toThrow('Handmatige grenzen moeten van klein naar groot oplopen; 2,5 komt na 5.');
		expect(() => classify(values, 'handmatig', 5, [-1, 5, 12])).toThrow(
			'Handmatige grenzen moeten tussen de kleinste waarde (0) en de grootste waarde (10) liggen; -1 en 12 vallen daarbuiten.'
		);
		expect(() => classify(values, 'handmatig', 5, [5, 10])).toThrow('10 valt daarbuiten');
		expect(() => classify(values, 'handmatig', 5, [5])).toThrow(ClassificationError);
		expect(() => classify(values, 'handmatig', 5, [1, 2, 3, 4, 5, 6, 7])).toThrow('Geef 2 tot en met 6 handmatige grenzen op');
		expect(() => classify(values, 'handmatig', 5)).toThrow(ClassificationError);
	});
});

describe('edge cases shared by all methods', () => {
	const methods: ClassMethod[] = ['quantielen', 'gelijke-intervallen', 'natuurlijke-grenzen'];

	it('makes one class when all values are equal', () => {
		for (const method of methods) {
			expect(classify([4, 4, null, 4], method, 5)).toEqual({
				breaks: [4, 4],
				counts: [3],
				missing: 1,
				classes: 1,
				note: 'Alle gebieden hebben dezelfde waarde (4); daarom één klasse.'
			});
		}
		expect(classify([4, 4], 'handmatig', 5, [1, 2]).classes).toBe(1);
	});

	it('has no classes without values', () => {
		for (const method of methods) {
			expect(classify([], method, 5)).toMatchObject({ breaks: [], counts: [], missing: 0, classes: 0 });
			expect(classify([null, null], method, 5)).toMatchObject({ breaks: [], counts: [], missing: 2, classes: 0 });
		}
	});

	it('asks for 3 to 7 classes', () => {
		for (const classes of [2, 8, 3.5]) {
			expect(() => classify([1, 2, 3], 'quantielen', classes)).toThrow('Het aantal klassen moet een geheel getal van 3 tot en met 7 zijn.');
		}
	});

	it('keeps breaks, counts and classIndex consistent on random data', () => {
		let seed = 11;
		const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
		for (let round = 0; round < 50; round++) {
			const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () => (random() < 0.1 ? null : Math.round(random() * 20)));
			const present = values.filter((v): v is number => v !== null);
			for (const method of methods) {
				for (let classes = 3; classes <= 7; classes++) {
					const result = classify(values, method, classes);
					expect(result.missing).toBe(values.length - present.length);
					if (present.length === 0) continue;
					expect(result.breaks).toHaveLength(result.classes + 1);
					expect(result.breaks[0]).toBe(Math.min(...present));
					expect(result.breaks[result.classes]).toBe(Math.max(...present));
					// ascending; only the first two bounds may be equal
					for (let i = 2; i < result.breaks.length; i++) expect(result.breaks[i]).toBeGreaterThan(result.breaks[i - 1]);
					expect(result.classes).toBeLessThanOrEqual(classes);
					const recount = new Array(result.classes).fill(0);
					for (const v of present) recount[classIndex(v, result.breaks)!]++;
					expect(result.counts).toEqual(recount);
				}
			}
		}
	});
});

describe('verschil met het gemeentelijk gemiddelde', () => {
	it('subtracts the gemeente value and keeps missing values missing', () => {
		expect(differenceFrom([12, null, 8], 10)).toEqual([2, null, -2]);
		expect(differenceFrom([12, 8], null)).toEqual([null, null]);
	});

	it('makes symmetric bounds with a neutral middle class for an odd number of classes', () => {
		// largest deviation |6| → 3 classes of width 12 / 3 = 4: −6, −2, 2, 6; 0 sits in the middle class
		// −3 → class 0 (≤ −2), 1 → class 1 (−2 < 1 ≤ 2), 6 → class 2
		expect(divergingBreaks([-3, 1, 6, null], 3)).toEqual({ breaks: [-6, -2, 2, 6], counts: [1, 1, 1], missing: 1, classes: 3, note: null });
	});

	it('has 0 as a bound for an even number of classes', () => {
		// 4 classes of width 12 / 4 = 3: −6, −3, 0, 3, 6; −3 → class 0, 0 → class 1, 1 → class 2, 6 → class 3
		const result = divergingBreaks([-3, 0, 1, 6], 4);
		expect(result.breaks).toEqual([-6, -3, 0, 3, 6]);
		expect(result.counts).toEqual([1, 1, 1, 1]);
		for (let i = 0; i <= 4; i++) expect(result.breaks[i] + result.breaks[4 - i]).toBe(0);
	});

	it('makes one class when nothing deviates, and none without values', () => {
		expect(divergingBreaks([0, 0], 5)).toMatchObject({ breaks: [0, 0], counts: [2], classes: 1 });
		expect(divergingBreaks([null], 5)).toMatchObject({ breaks: [], classes: 0, missing: 1 });
	});
});

/** O(k · m²) Fisher DP without shortcuts. */
function bruteForceCost(xs: number[], ws: number[], k: number): number {
	const ssd = (i: number, j: number) => {
		let w = 0;
		let s = 0;
		for (let t = i; t <= j; t++) {
			w += ws[t];
			s += ws[t] * xs[t];
		}
		const mean = s / w;
		let total = 0;
		for (let t = i; t <= j; t++) total += ws[t] * (xs[t] - mean) ** 2;
		return total;
	};
	const m = xs.length;
	let row = Array.from({ length: m }, (_, j) => ssd(0, j));
	for (let q = 1; q < k; q++) {
		const next = new Array<number>(m).fill(Infinity);
		for (let j = q; j < m; j++) for (let i = q; i <= j; i++) next[j] = Math.min(next[j], row[i - 1] + ssd(i, j));
		row = next;
	}
	return row[m - 1];
}
