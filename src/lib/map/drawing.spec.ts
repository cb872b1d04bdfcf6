import { describe, expect, it } from 'vitest';
import { EMPTY_SKETCH, addVertex, finishSketch, outlineRings, selfIntersects, sketchFeatures, sketchPolygon, undoVertex, type LngLat, type Sketch } from './drawing';

const square: LngLat[] = [
	[6.81, 52.27],
	[6.82, 52.27],
	[6.82, 52.28],
	[6.81, 52.28]
];
const sketchOf = (vertices: LngLat[]): Sketch => vertices.reduce(addVertex, EMPTY_SKETCH);

describe('drawing an outline', () => {
	it('adds corners, takes the last one back, and finishes as a closed polygon', () => {
		let sketch = sketchOf(square);
		expect(sketch.vertices).toHaveLength(4);
		sketch = undoVertex(addVertex(sketch, [6.815, 52.29]));
		expect(sketch.vertices).toEqual(square);
		const done = finishSketch(sketch);
		expect(done.ok).toBe(true);
		if (!done.ok) return;
		expect(done.sketch.closed).toBe(true);
		expect(sketchPolygon(done.sketch)).toEqual({ type: 'Polygon', coordinates: [[...square, square[0]]] });
		// A finished outline takes no more corners until a corner is taken back.
		expect(addVertex(done.sketch, [6.9, 52.3])).toBe(done.sketch);
		expect(undoVertex(done.sketch).closed).toBe(false);
	});

	it('counts the two clicks of a double-click as one corner', () => {
		const sketch = addVertex(addVertex(sketchOf(square.slice(0, 3)), square[3]), square[3]);
		expect(sketch.vertices).toHaveLength(4);
	});

	it('drops a last corner that closes the ring on the first one', () => {
		const done = finishSketch({ vertices: [...square, square[0]], closed: false });
		expect(done.ok && done.sketch.vertices).toEqual(square);
	});

	it('says why an outline cannot be finished', () => {
		expect(finishSketch(sketchOf(square.slice(0, 2)))).toEqual({ ok: false, message: 'Een omtrek heeft minstens drie hoekpunten.' });
		expect(finishSketch(sketchOf([[0, 0], [1, 1], [2, 2]]))).toMatchObject({ ok: false, message: /op één lijn/ });
		// A bow tie: the second and fourth edges cross.
		const bowTie: LngLat[] = [square[0], square[2], square[1], square[3]];
		expect(selfIntersects(bowTie)).toBe(true);
		expect(finishSketch(sketchOf(bowTie))).toMatchObject({ ok: false, message: /kruisen/ });
		expect(selfIntersects(square)).toBe(false);
		// A corner that touches another edge, and an edge that runs back over the one before it, cross as well.
		expect(selfIntersects([[0, 0], [4, 0], [4, 4], [2, 0], [0, 4]])).toBe(true);
		expect(selfIntersects([[0, 0], [4, 0], [2, 0], [2, 3]])).toBe(true);
	});

	it('shows corners, edges and, from three corners, the area', () => {
		expect(sketchFeatures(sketchOf(square.slice(0, 1))).features.map((f) => f.properties.part)).toEqual(['corner']);
		expect(sketchFeatures(sketchOf(square.slice(0, 2))).features.map((f) => f.properties.part)).toEqual(['edge', 'corner', 'corner']);
		const closed = finishSketch(sketchOf(square));
		const features = sketchFeatures(closed.ok ? closed.sketch : EMPTY_SKETCH).features;
		expect(features[0].properties.part).toBe('area');
		expect((features[1].geometry.coordinates as LngLat[]).at(-1)).toEqual(square[0]);
	});

	it('reads the corners of an outline from the API back', () => {
		const multi = { type: 'MultiPolygon', coordinates: [[[...square, square[0]]]] };
		expect(outlineRings(multi)).toEqual([square]);
		expect(outlineRings({ type: 'Polygon', coordinates: [[...square, square[0]]] })).toEqual([square]);
		expect(outlineRings(null)).toEqual([]);
	});
});
