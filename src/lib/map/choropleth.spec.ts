import { describe, expect, it } from 'vitest';
import { NO_DATA, diverging, sequential } from '../domain/palettes';
import { buildChoropleth, fillExpression } from './choropleth';

const v = (code: string, value: number | null, suppressed = false) => ({ code, value, suppressed });
const areas = [v('A', 1), v('B', 2), v('C', 3), v('D', 4), v('E', 5), v('F', 6), v('G', null), v('H', null, true)];

describe('buildChoropleth', () => {
	it('colours every area with a value, counts the rest as no data or suppressed', () => {
		const map = buildChoropleth(areas, { method: 'gelijke-intervallen', classes: 3, diverging: false, palette: 'YlGnBu' });
		const palette = sequential('YlGnBu', 3);
		// 1..6 in 3 equal classes: (1–2.67], (2.67–4.33], (4.33–6] → A,B | C,D | E,F
		expect(map.classes.map((c) => c.count)).toEqual([2, 2, 2]);
		expect(map.colours.get('A')).toBe(palette[0]);
		expect(map.colours.get('D')).toBe(palette[1]);
		expect(map.colours.get('F')).toBe(palette[2]);
		expect(map.colours.has('G')).toBe(false);
		expect(map.noData.count).toBe(1);
		expect(map.suppressed).toMatchObject({ count: 1, codes: ['H'] });
		expect(map.note).toBeNull();
	});

	it('uses the projector palette when asked: the same classes without the palest tint', () => {
		const screen = buildChoropleth(areas, { method: 'gelijke-intervallen', classes: 3, diverging: false, palette: 'YlOrRd' });
		const projector = buildChoropleth(areas, { method: 'gelijke-intervallen', classes: 3, diverging: false, palette: 'YlOrRd', variant: 'projector' });
		expect(projector.classes.map((c) => c.count)).toEqual(screen.classes.map((c) => c.count));
		expect(projector.classes.map((c) => c.colour)).toEqual(sequential('YlOrRd', 3, 'projector'));
		expect(projector.classes[0].colour).not.toBe(screen.classes[0].colour);
	});

	it('draws differences on the diverging scale around 0', () => {
		const map = buildChoropleth([v('A', -2), v('B', 0), v('C', 2)], { method: 'quantielen', classes: 3, diverging: true, palette: 'YlGnBu' });
		const palette = diverging(3);
		expect(map.classes[0].from).toBe(-2);
		expect(map.classes[2].to).toBe(2);
		expect(map.colours.get('B')).toBe(palette[1]);
	});

	it('falls back to quantiles and says why when manual bounds do not fit', () => {
		const map = buildChoropleth(areas, { method: 'handmatig', classes: 3, manualBreaks: [100], diverging: false, palette: 'YlGnBu' });
		expect(map.note).toMatch(/kwantielen/);
		expect(map.colours.size).toBe(6);
	});

	it('gives MapLibre a lookup by code, or plain grey when nothing has a value', () => {
		const map = buildChoropleth(areas, { method: 'quantielen', classes: 3, diverging: false, palette: 'YlOrRd' });
		const expression = fillExpression(map) as unknown[];
		expect(expression.slice(0, 2)).toEqual(['match', ['get', 'code']]);
		expect(expression.at(-1)).toBe(NO_DATA.colour);
		expect(fillExpression(buildChoropleth([v('A', null)], { method: 'quantielen', classes: 3, diverging: false, palette: 'YlOrRd' }))).toBe(NO_DATA.colour);
	});
});
