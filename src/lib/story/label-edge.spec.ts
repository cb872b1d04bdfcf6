import { describe, expect, it } from 'vitest';
import { labelsOverEdge } from './label-edge';

describe('labels over the edge of the slide', () => {
	const map = { width: 1000, height: 600, size: 26 };
	const over = (points: Parameters<typeof labelsOverEdge>[0]) => labelsOverEdge(points, map.width, map.height, map.size);

	it('keeps a name whose text fits inside the map', () => {
		expect(over([{ code: 'A', name: 'De Noork', x: 500, y: 300 }])).toEqual([]);
		// "De Noork" is about 8 × 0,55 × 26 ≈ 114 px wide: 60 px from the edge is enough.
		expect(over([{ code: 'A', name: 'De Noork', x: 60, y: 300 }])).toEqual([]);
	});

	it('leaves out a name whose point is in view but whose text is cut at an edge', () => {
		expect(over([{ code: 'L', name: 'Nijverheid-Zuid', x: 40, y: 300 }])).toEqual(['L']);
		expect(over([{ code: 'R', name: 'Bedrijventerrein', x: 980, y: 300 }])).toEqual(['R']);
		expect(over([{ code: 'T', name: 'Noord', x: 500, y: 8 }])).toEqual(['T']);
		expect(over([{ code: 'B', name: 'Noord', x: 500, y: 595 }])).toEqual(['B']);
	});

	it('counts a label moved below a circle where it is drawn', () => {
		expect(over([{ code: 'S', name: 'Noord', x: 500, y: 560 }])).toEqual([]);
		expect(over([{ code: 'S', name: 'Noord', x: 500, y: 560, shift: true }])).toEqual(['S']);
	});

	it('wraps a long name to lines of at most nine ems, as the label layer does', () => {
		// 30 letters: two lines of nine ems (234 px) rather than one of 430 px.
		const long = 'Bedrijventerrein Twentekanaal-Oost';
		expect(over([{ code: 'W', name: long, x: 130, y: 300 }])).toEqual([]);
		expect(over([{ code: 'W', name: long, x: 100, y: 300 }])).toEqual(['W']);
	});
});
