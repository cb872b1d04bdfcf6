// Choropleth classification: turns the values of one indicator into a handful of classes for the map and its
// legend, and says so in Dutch when the data cannot carry the number of classes that was asked for.
//
// Bounds convention (used by every function here, and by classIndex): `breaks` has one more entry than there
// are classes; breaks[0] is the smallest value, the last entry the largest. Class i holds the values v with
// breaks[i] < v ≤ breaks[i + 1]; the first class also holds breaks[0] itself. Upper bounds are inclusive
// because quantile and natural bounds are real data values, so a legend line "t/m 12,1 %" is true of an
// actual buurt. The only repeated bound that can occur is breaks[0] === breaks[1]: a first class that holds
// the minimum alone.

export type ClassMethod = 'quantielen' | 'gelijke-intervallen' | 'natuurlijke-grenzen' | 'handmatig';

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

export interface Classification {
	/** Class bounds, ascending: `classes + 1` numbers, or none when there are no values. */
	breaks: number[];
	/** Number of values per class. */
	counts: number[];
	/** Number of missing values (null, or not a finite number). */
	missing: number;
	/** The number of classes actually made; can be fewer than asked for (see `note`). */
	classes: number;
	/** Dutch explanation when the classes differ from what was asked for; null otherwise. */
	note: string | null;
}

/** A request the data cannot satisfy (for instance manual bounds outside the values); the message is Dutch. */
export class ClassificationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ClassificationError';
	}
}

const dutchNumber = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });

/**
 * The class of one value: an index into the classes of `breaks`, or null for a missing value or when there
 * are no classes. Values outside the bounds fall in the nearest outer class, so an area that was not part of
 * the classified set (a wijk drawn with the buurt classes) is never shown as "geen gegevens".
 */
export function classIndex(value: number | null | undefined, breaks: readonly number[]): number | null {
	if (value === null || value === undefined || !Number.isFinite(value) || breaks.length < 2) return null;
	const last = breaks.length - 2;
	// The first class whose upper bound is at least the value (binary search over breaks[1..]).
	let lo = 0;
	let hi = last;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (value <= breaks[mid + 1]) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * Classifies `values` with one of the four methods into `classes` classes (3 to 7).
 * For `handmatig`, `manualBreaks` are the inner bounds (as in the URL: `grenzen=10,20,30`); the number of classes
 * then follows from them and `classes` is not used.
 */
export function classify(
	values: readonly (number | null)[],
	method: ClassMethod,
	classes: number,
	manualBreaks?: readonly number[]
): Classification {
	const present = presentValues(values);
	const missing = values.length - present.length;
	const requested = method === 'handmatig' ? (manualBreaks?.length ?? 0) + 1 : classes;
	if (method === 'handmatig') checkManualBreaks(manualBreaks);
	else checkClassCount(classes);

	if (present.length === 0) return { breaks: [], counts: [], missing, classes: 0, note: 'Er zijn geen waarden om in te delen.' };
	const sorted = present.sort((a, b) => a - b);
	const min = sorted[0];
	const max = sorted[sorted.length - 1];
	if (min === max) {
		return finish(sorted, [min, max], missing, requested, `Alle gebieden hebben dezelfde waarde (${dutchNumber.format(min)}); daarom één klasse.`);
	}

	switch (method) {
		case 'gelijke-intervallen': {
			// Empty classes are kept: with equal intervals a gap in the data is information.
			const breaks = Array.from({ length: classes + 1 }, (_, i) => (i === classes ? max : min + ((max - min) * i) / classes));
			return finish(sorted, breaks, missing, requested, null);
		}
		case 'quantielen':
			return finish(sorted, quantileBreaks(sorted, classes), missing, requested, null);
		case 'natuurlijke-grenzen':
			return finish(sorted, naturalBreaks(sorted, classes), missing, requested, null);
		case 'handmatig': {
			const inner = manualBreaks ?? [];
			const outside = inner.filter((b) => !(b > min && b < max));
			if (outside.length > 0) {
				throw new ClassificationError(
					`Handmatige grenzen moeten tussen de kleinste waarde (${dutchNumber.format(min)}) en de grootste waarde (${dutchNumber.format(max)}) liggen; ` +
						`${outside.map((b) => dutchNumber.format(b)).join(' en ')} ${outside.length === 1 ? 'valt' : 'vallen'} daarbuiten.`
				);
			}
			return finish(sorted, [min, ...inner, max], missing, requested, null);
		}
	}
}

/** Each value minus the reference (the gemeente's own value); null where either is missing. */
export function differenceFrom(values: readonly (number | null)[], reference: number | null): (number | null)[] {
	return values.map((v) =>
		v === null || !Number.isFinite(v) || reference === null || !Number.isFinite(reference) ? null : v - reference
	);
}

/**
 * Bounds for "verschil met het gemeentelijk gemiddelde": equal classes, symmetric around 0 and reaching the
 * largest deviation on either side, so the same colour step means the same distance above or below the
 * gemeente. With an odd number of classes the middle class holds 0 (the neutral colour); with an even number
 * 0 is a bound and a difference of exactly 0 falls in the class below it.
 */
export function divergingBreaks(values: readonly (number | null)[], classes: number): Classification {
	checkClassCount(classes);
	const present = presentValues(values);
	const missing = values.length - present.length;
	if (present.length === 0) return { breaks: [], counts: [], missing, classes: 0, note: 'Er zijn geen waarden om in te delen.' };
	const extent = Math.max(...present.map(Math.abs));
	const sorted = present.sort((a, b) => a - b);
	if (extent === 0) return finish(sorted, [0, 0], missing, classes, 'Alle gebieden wijken 0 af; daarom één klasse.');
	// extent · (2i − k) / k is exactly 0 at i = k / 2 and exactly mirrored: −b(i) = b(k − i).
	const breaks = Array.from({ length: classes + 1 }, (_, i) => (extent * (2 * i - classes)) / classes);
	return finish(sorted, breaks, missing, classes, null);
}

function presentValues(values: readonly (number | null)[]): number[] {
	const present: number[] = [];
	for (const v of values) if (v !== null && Number.isFinite(v)) present.push(v);
	return present;
}

function checkClassCount(classes: number) {
	if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
		throw new ClassificationError(`Het aantal klassen moet een geheel getal van ${MIN_CLASSES} tot en met ${MAX_CLASSES} zijn.`);
	}
}

function checkManualBreaks(manualBreaks: readonly number[] | undefined) {
	const inner = manualBreaks ?? [];
	if (inner.length < MIN_CLASSES - 1 || inner.length > MAX_CLASSES - 1) {
		throw new ClassificationError(
			`Geef ${MIN_CLASSES - 1} tot en met ${MAX_CLASSES - 1} handmatige grenzen op (voor ${MIN_CLASSES} tot en met ${MAX_CLASSES} klassen).`
		);
	}
	if (inner.some((b) => !Number.isFinite(b))) throw new ClassificationError('Handmatige grenzen moeten getallen zijn.');
	for (let i = 1; i < inner.length; i++) {
		if (!(inner[i] > inner[i - 1])) {
			throw new ClassificationError(
				`Handmatige grenzen moeten van klein naar groot oplopen; ${dutchNumber.format(inner[i])} komt na ${dutchNumber.format(inner[i - 1])}.`
			);
		}
	}
}

/** Counts per class with classIndex itself, so counts and colours can never disagree. */
function finish(sorted: number[], breaks: number[], missing: number, requested: number, note: string | null): Classification {
	const classes = breaks.length - 1;
	const counts = new Array<number>(classes).fill(0);
	for (const v of sorted) counts[classIndex(v, breaks)!]++;
	if (note === null && classes < requested) {
		note = `Door gelijke waarden zijn er ${classes} in plaats van ${requested} klassen.`;
	}
	return { breaks, counts, missing, classes, note };
}

/**
 * Quantile bounds: the upper bound of class i is the value at rank ⌈(i + 1) · n / k⌉ (1-based), so each class
 * gets about n / k values. Tied values cannot be split by a bound, so a bound equal to the one before it (or to
 * the maximum) is dropped and the classification has fewer classes.
 */
function quantileBreaks(sorted: number[], classes: number): number[] {
	const n = sorted.length;
	const max = sorted[n - 1];
	const breaks = [sorted[0]];
	for (let i = 1; i < classes; i++) {
		const bound = sorted[Math.ceil((i * n) / classes) - 1];
		// The first inner bound may equal the minimum: that first class then holds the minimum alone.
		const previous = breaks.length === 1 ? -Infinity : breaks[breaks.length - 1];
		if (bound > previous && bound < max) breaks.push(bound);
	}
	breaks.push(max);
	return breaks;
}

/**
 * Jenks natural breaks, computed exactly as Fisher's optimal partition: the split of the sorted values into k
 * consecutive groups with the smallest total within-group sum of squared deviations. Dynamic programming over
 * the distinct values (weighted by how often each occurs — a bound cannot separate equal values anyway), with
 * the divide-and-conquer step of Ckmeans.1d.dp (Wang & Song 2011; Grønlund et al. 2017): the optimal start
 * of the last group never moves left as the end moves right, which makes each of the k rows O(m log m)
 * instead of O(m²). Exact, not the iterative approximation some GIS tools use.
 */
function naturalBreaks(sorted: number[], classes: number): number[] {
	const { values: xs, weights } = distinctWithCounts(sorted);
	const m = xs.length;
	if (m <= classes) return [xs[0], ...xs];
	const { groups } = optimalPartition(xs, weights, classes);
	return [xs[0], ...groups.map((g) => xs[g.end])];
}

/** Distinct values of a sorted array and how often each occurs. */
function distinctWithCounts(sorted: readonly number[]): { values: number[]; weights: number[] } {
	const values: number[] = [];
	const weights: number[] = [];
	for (const v of sorted) {
		if (values.length > 0 && values[values.length - 1] === v) weights[weights.length - 1]++;
		else {
			values.push(v);
			weights.push(1);
		}
	}
	return { values, weights };
}

/**
 * The optimal split of weighted, ascending, distinct `xs` into `k` consecutive non-empty groups (index ranges,
 * inclusive) and its total within-group sum of squares. Exported for the test that checks it against brute force.
 */
export function optimalPartition(
	xs: readonly number[],
	weights: readonly number[],
	k: number
): { groups: { start: number; end: number }[]; cost: number } {
	const m = xs.length;
	// Prefix sums of weight, weighted value and weighted square, around the weighted mean to limit cancellation.
	let total = 0;
	let sum = 0;
	for (let i = 0; i < m; i++) {
		total += weights[i];
		sum += weights[i] * xs[i];
	}
	const shift = sum / total;
	const W = new Float64Array(m + 1);
	const S = new Float64Array(m + 1);
	const Q = new Float64Array(m + 1);
	for (let i = 0; i < m; i++) {
		const x = xs[i] - shift;
		W[i + 1] = W[i] + weights[i];
		S[i + 1] = S[i] + weights[i] * x;
		Q[i + 1] = Q[i] + weights[i] * x * x;
	}
	/** Weighted sum of squared deviations of xs[i..j]. */
	const ssd = (i: number, j: number) => {
		const w = W[j + 1] - W[i];
		const s = S[j + 1] - S[i];
		return Math.max(0, Q[j + 1] - Q[i] - (s * s) / w);
	};

	// cost[q][j]: best cost of xs[0..j] in q + 1 groups; start[q][j]: where its last group starts.
	let previous = new Float64Array(m);
	for (let j = 0; j < m; j++) previous[j] = ssd(0, j);
	const starts: Int32Array[] = [new Int32Array(m)];
	for (let q = 1; q < k; q++) {
		const current = new Float64Array(m).fill(Infinity);
		const start = new Int32Array(m);
		const fill = (lo: number, hi: number, optLo: number, optHi: number): void => {
			if (lo > hi) return;
			const mid = (lo + hi) >> 1;
			let best = Infinity;
			let bestStart = -1;
			for (let i = Math.max(q, optLo); i <= Math.min(mid, optHi); i++) {
				const cost = previous[i - 1] + ssd(i, mid);
				if (cost < best) {
					best = cost;
					bestStart = i;
				}
			}
			current[mid] = best;
			start[mid] = bestStart;
			fill(lo, mid - 1, optLo, bestStart);
			fill(mid + 1, hi, bestStart, optHi);
		};
		fill(q, m - 1, q, m - 1);
		starts.push(start);
		previous = current;
	}

	const groups: { start: number; end: number }[] = [];
	let end = m - 1;
	for (let q = k - 1; q >= 0; q--) {
		const s = q === 0 ? 0 : starts[q][end];
		groups.unshift({ start: s, end });
		end = s - 1;
	}
	return { groups, cost: previous[m - 1] };
}
