import { describe, expect, it } from 'vitest';
import { bboxOf, intersects } from './geometry';

describe('bboxOf', () => {
	it('spans every ring of a MultiPolygon', () => {
		const geometry = {
			type: 'MultiPolygon',
			coordinates: [
				[[[6.7, 52.2], [6.8, 52.2], [6.8, 52.3], [6.7, 52.2]]],
				[[[6.9, 52.1], [7.0, 52.1], [7.0, 52.15], [6.9, 52.1]]]
			]
		};
		expect(bboxOf(geometry)).toEqual([6.7, 52.1, 7.0, 52.3]);
	});
});

describe('intersects', () => {
	it('tells overlapping, touching and separate boxes apart', () => {
		expect(intersects([0, 0, 2, 2], [1, 1, 3, 3])).toBe(true);
		expect(intersects([0, 0, 1, 1], [1, 1, 2, 2])).toBe(true);
		expect(intersects([0, 0, 1, 1], [1.5, 1.5, 2, 2])).toBe(false);
	});
});
