import { describe, expect, it } from 'vitest';
import { expression, validateStyleMin, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { SYMBOL_STYLE } from '../map/register-layers';
import { buildSlideStyle, VARIANTS, type Collection } from './slide-style';
import { relativeLuminance } from '../domain/palettes';
import { SNAPSHOT_LAYERS } from './snapshot';

const empty: Collection = { type: 'FeatureCollection', features: [] };
const square: Collection = {
	type: 'FeatureCollection',
	features: [{ type: 'Feature', properties: { code: 'BU1', name: 'Een', selected: true, focus: true, suppressed: false }, geometry: { type: 'Polygon', coordinates: [[[6.8, 52.2], [6.81, 52.2], [6.81, 52.21], [6.8, 52.2]]] } }]
};
const data = { context: empty, gemeente: empty, areas: square, parentLines: null, selection: empty, labels: empty, programmes: null, investments: null };

describe('slide style', () => {
	it('is a valid MapLibre style without a glyph server or any URL', () => {
		for (const variant of ['projector', 'screen'] as const) {
			const style = buildSlideStyle({ ...data, programmes: empty, investments: empty }, variant);
			expect(validateStyleMin(style)).toEqual([]);
			expect(style.glyphs).toBeUndefined();
			expect(style.sprite).toBeUndefined();
			expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
		}
	});

	it('draws overlays only when the slide has them', () => {
		const ids = (s: ReturnType<typeof buildSlideStyle>) => s.layers.map((l) => l.id);
		expect(ids(buildSlideStyle(data))).not.toContain(SNAPSHOT_LAYERS.programmesLine);
		expect(ids(buildSlideStyle(data))).not.toContain(SNAPSHOT_LAYERS.investments);
		const full = ids(buildSlideStyle({ ...data, programmes: empty, investments: empty }));
		expect(full).toEqual(expect.arrayContaining([SNAPSHOT_LAYERS.programmesLine, SNAPSHOT_LAYERS.investments]));
		// Labels on top, programmes over the selection line, investments over both.
		expect(full.at(-1)).toBe(SNAPSHOT_LAYERS.labels);
		expect(full.indexOf(SNAPSHOT_LAYERS.programmesLine)).toBeGreaterThan(full.indexOf(SNAPSHOT_LAYERS.selectionLine));
		expect(full.indexOf(SNAPSHOT_LAYERS.investments)).toBeGreaterThan(full.indexOf(SNAPSHOT_LAYERS.programmesLine));
	});

	it('is made for a projector: large labels, wide halos, thick lines, no pale fills', () => {
		const p = VARIANTS.projector;
		const s = VARIANTS.screen;
		expect(p.labelSize).toBeGreaterThanOrEqual(24);
		expect(p.haloWidth).toBeGreaterThan(s.haloWidth * 2 - 0.1);
		expect(p.areaLineWidth).toBeGreaterThan(s.areaLineWidth);
		expect(p.gemeenteLineWidth).toBeGreaterThan(s.gemeenteLineWidth);
		// A projection washes out the palest tints: the projector's area fills stay below 80 % luminance.
		for (const fill of [p.inFocus, p.outOfFocus, p.selected, p.background]) expect(relativeLuminance(fill), fill).toBeLessThan(0.8);
		expect(relativeLuminance(s.outOfFocus)).toBeGreaterThan(0.8);
	});

	it('colours each investment by its kind of measure, as the live map does', () => {
		const style = buildSlideStyle({ ...data, investments: empty });
		const layer = style.layers.find((l) => l.id === SNAPSHOT_LAYERS.investments) as { paint: Record<string, unknown> };
		const colour = expression.createExpression(layer.paint['circle-color'], 'circle-color', {
			type: 'color',
			'property-type': 'data-driven',
			expression: { interpolated: false, parameters: ['zoom', 'feature'] }
		} as unknown as StylePropertySpecification);
		if (colour.result !== 'success') throw new Error(JSON.stringify(colour.value));
		const of = (category: string) => String(colour.value.evaluate({ zoom: 12 }, { type: 'Point', properties: { category } } as never));
		const renovation = of('renovatie');
		const park = of('openbare_ruimte');
		expect(renovation).not.toBe(park);
		expect(renovation).toBe(rgba(SYMBOL_STYLE.renovatie.fill));
		expect(park).toBe(rgba(SYMBOL_STYLE.openbare_ruimte.fill));
	});

	it('labels the selected area first, then the classes that matter most', () => {
		const style = buildSlideStyle(data);
		const layer = style.layers.find((l) => l.id === SNAPSHOT_LAYERS.labels) as { layout: Record<string, unknown> };
		const key = expression.createExpression(layer.layout['symbol-sort-key'], 'symbol-sort-key', {
			type: 'number',
			'property-type': 'data-driven',
			expression: { interpolated: false, parameters: ['zoom', 'feature'] }
		} as unknown as StylePropertySpecification);
		if (key.result !== 'success') throw new Error(JSON.stringify(key.value));
		const of = (properties: Record<string, unknown>) => Number(key.value.evaluate({ zoom: 12 }, { type: 'Point', properties } as never));
		const selected = of({ selected: true, rank: 3 });
		const darkest = of({ selected: false, rank: 0 });
		const lighter = of({ selected: false, rank: 2 });
		const unranked = of({ selected: false });
		// MapLibre places the lowest key first.
		expect(selected).toBeLessThan(darkest);
		expect(darkest).toBeLessThan(lighter);
		expect(lighter).toBeLessThan(unranked);
	});
});

/** A hex colour as the style spec's Color prints it. */
function rgba(hex: string): string {
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	return `rgba(${r},${g},${b},1)`;
}
