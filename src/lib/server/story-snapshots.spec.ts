import { describe, expect, it } from 'vitest';
import { spreadCoinciding } from './story-snapshots';

const point = (x: number, y: number, id: number) => ({ id, geometry: { type: 'Point', coordinates: [x, y] as [number, number] } });
const coordinates = (f: { geometry: unknown }) => (f.geometry as { coordinates: [number, number] }).coordinates;

describe('spreadCoinciding', () => {
	it('leaves single points where they are and sets coinciding ones on a ring around their place', () => {
		const spread = spreadCoinciding([point(6.81, 52.27, 1), point(6.81, 52.27, 2), point(6.81, 52.27, 3), point(6.9, 52.3, 4)], 90);
		expect(spread.map((f) => f.id)).toEqual([1, 2, 3, 4]);
		expect(coordinates(spread[3])).toEqual([6.9, 52.3]);
		const ring = spread.slice(0, 3).map(coordinates);
		expect(new Set(ring.map((c) => c.join())).size).toBe(3);
		for (const [x, y] of ring) {
			const metres = Math.hypot((x - 6.81) * 111_320 * Math.cos((52.27 * Math.PI) / 180), (y - 52.27) * 111_320);
			expect(metres).toBeCloseTo(90, 0);
		}
	});
});
