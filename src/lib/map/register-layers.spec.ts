import { describe, expect, it } from 'vitest';
import { createPropertyExpression, featureFilter, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { StyleSpecification } from 'maplibre-gl';
import { buildStyle } from './style';
import {
	KIND_STYLE,
	MAX_SCALE,
	MIN_SCALE,
	REGISTER_HIT_LAYERS,
	REGISTER_LAYERS,
	SYMBOL_PX,
	itemOfFeature,
	niceFloor,
	placeSymbols,
	registerFilters,
	registerLayers,
	registerLegend,
	registerSources,
	registerVisibility,
	sizeReferences,
	spreadOffsets,
	symbolLayout,
	symbolPath,
	symbolScale,
	type RegisterCollection
} from './register-layers';

const view = { lagen: ['programmas', 'focusgebieden', 'investeringen', 'signalen'] as const, tijd: null, grootte: 'bedrag' as const };

/** Evaluates a layer filter on a feature's properties, as MapLibre does. */
function passes(filter: unknown, properties: Record<string, unknown>): boolean {
	return featureFilter(filter as never, 'filter').filter({ zoom: 12 }, { type: 1, properties } as never);
}

function evaluate(expression: unknown, property: keyof typeof latest.layout_symbol, properties: Record<string, unknown>) {
	const parsed = createPropertyExpression(expression, property, latest.layout_symbol[property] as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 12 }, { type: 1, properties } as never);
}

describe('register layers', () => {
	it('are a valid MapLibre style on top of the base style, and every layer id is listed by its overlay', () => {
		const base = buildStyle();
		const style: StyleSpecification = {
			...base,
			sources: { ...base.sources, ...registerSources() },
			layers: [...base.layers, ...registerLayers({ ...view, tijd: { year: 2025, q: 3 }, selected: { kind: 'investment', id: 3 } })]
		};
		expect(validateStyleMin(style)).toEqual([]);
		const ids = registerLayers(view).map((l) => l.id);
		expect(new Set(ids)).toEqual(new Set(Object.values(REGISTER_LAYERS).flat()));
		for (const hit of Object.values(REGISTER_HIT_LAYERS)) expect(ids).toContain(hit);
	});

	it('switch on and off per overlay', () => {
		const visibility = registerVisibility(['investeringen']);
		expect(visibility['register-investment-symbols']).toBe('visible');
		expect(visibility['register-programme-line']).toBe('none');
		expect(visibility['register-focus-hatch']).toBe('none');
		expect(visibility['register-signal-symbols']).toBe('none');
		const layers = registerLayers({ ...view, lagen: ['focusgebieden'] });
		expect(layers.find((l) => l.id === 'register-focus-line')!.layout!.visibility).toBe('visible');
		expect(layers.find((l) => l.id === 'register-programme-line')!.layout!.visibility).toBe('none');
	});

	it('show programmes and focus areas apart, and only what runs in the quarter; open ends run on', () => {
		const filters = registerFilters({ ...view, tijd: { year: 2025, q: 3 } });
		const noord = { id: 1, kind: 'wijkaanpak', startDate: '2024-02-01', endDate: null };
		const twekkelerveld = { id: 2, kind: 'focusgebied', startDate: '2025-01-01', endDate: '2030-12-31' };
		const pilot = { id: 3, kind: 'pilot', startDate: null, endDate: null };
		const later = { id: 4, kind: 'wijkaanpak', startDate: '2025-10-01', endDate: null };
		const over = { id: 5, kind: 'wijkaanpak', startDate: '2020-01-01', endDate: '2025-06-30' };
		const programmeFilter = filters['register-programme-line'];
		expect([noord, twekkelerveld, pilot, later, over].filter((p) => passes(programmeFilter, p)).map((p) => p.id)).toEqual([1, 3]);
		expect([noord, twekkelerveld, pilot].filter((p) => passes(filters['register-focus-hatch'], p)).map((p) => p.id)).toEqual([2]);
		const all = registerFilters(view);
		expect([noord, twekkelerveld, pilot, later, over].filter((p) => passes(all['register-programme-hit'], p)).map((p) => p.id)).toEqual([1, 3, 4, 5]);
	});

	it('show investments by period and signals by the day they were seen; the ring only on the selected one', () => {
		const filters = registerFilters({ ...view, tijd: { year: 2026, q: 1 }, selected: { kind: 'investment', id: 7 } });
		expect(passes(filters['register-investment-symbols'], { id: 7, startDate: '2025-01-01', endDate: '2028-12-31' })).toBe(true);
		expect(passes(filters['register-investment-symbols'], { id: 8, startDate: '2026-04-01', endDate: '2027-12-31' })).toBe(false);
		expect(passes(filters['register-investment-selected'], { id: 7, startDate: '2025-01-01', endDate: '2028-12-31' })).toBe(true);
		expect(passes(filters['register-investment-selected'], { id: 9, startDate: '2025-01-01', endDate: '2028-12-31' })).toBe(false);
		expect(passes(filters['register-signal-selected'], { id: 7, observedOn: '2026-02-01' })).toBe(false);
		expect(passes(filters['register-signal-symbols'], { id: 1, observedOn: '2026-03-31' })).toBe(true);
		expect(passes(filters['register-signal-symbols'], { id: 1, observedOn: '2026-04-01' })).toBe(false);
		expect(passes(registerFilters(view)['register-signal-symbols'], { id: 1, observedOn: '2019-04-01' })).toBe(true);
	});

	it('name the item a clicked feature stands for', () => {
		expect(itemOfFeature('register-investment-symbols', { id: 12 })).toEqual({ kind: 'investment', id: 12 });
		expect(itemOfFeature('register-focus-hit', { id: '4' })).toEqual({ kind: 'programme', id: 4 });
		expect(itemOfFeature('register-signal-symbols', { id: 2 })).toEqual({ kind: 'signal', id: 2 });
		expect(itemOfFeature('buurt-fill', { id: 2 })).toBeNull();
	});

	it('give every kind its own colour and hatching, every symbol a path inside its box', () => {
		expect(new Set(Object.values(KIND_STYLE).map((k) => k.colour)).size).toBe(4);
		expect(new Set(Object.values(KIND_STYLE).map((k) => k.pattern)).size).toBe(4);
		const path = symbolPath({ polygon: [[-1, -1], [1, -1], [0, 1]] }, 24);
		expect(path).toBe('M 0 0 L 24 0 L 12 24 Z');
		expect(symbolPath({ circle: 0.5 }, 20)).toBe('M 5 10 A 5 5 0 1 0 15 10 A 5 5 0 1 0 5 10 Z');
	});
});

describe('investment symbols', () => {
	it('grow with the square root of the value, from the smallest for nothing to the largest for the maximum', () => {
		expect(symbolScale(null, 100)).toBe(MIN_SCALE);
		expect(symbolScale(0, 100)).toBe(MIN_SCALE);
		expect(symbolScale(100, 100)).toBe(MAX_SCALE);
		expect(symbolScale(25, 100)).toBeCloseTo(MIN_SCALE + (MAX_SCALE - MIN_SCALE) * 0.5, 10);
		expect(symbolScale(500, 100)).toBe(MAX_SCALE);
		expect(symbolScale(5, 0)).toBe(MIN_SCALE);
	});

	it('that share a buurt stand in a row below its label; those at one point stand in a ring around it', () => {
		const row = spreadOffsets([20, 20, 20], 'row');
		expect(row.map(([, y]) => y)).toEqual([20, 20, 20]);
		expect(row.map(([x]) => x)).toEqual([-23, 0, 23]);
		// Five in a buurt: four in the first row, the fifth below.
		const rows = spreadOffsets([20, 20, 20, 20, 10], 'row');
		expect(rows[4]).toEqual([0, 10 + 20 + 3 + 5]);
		expect(spreadOffsets([20], 'ring')).toEqual([[0, 0]]);
		const ring = spreadOffsets([20, 20, 20], 'ring');
		const distance = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
		expect(distance(ring[0], ring[1])).toBeGreaterThanOrEqual(20);
		expect(distance(ring[1], ring[2])).toBeGreaterThanOrEqual(20);
		expect(ring[0][0]).toBe(0);
		expect(ring[0][1]).toBeLessThan(0);
	});

	it('are placed for both size modes, apart where they share a place, and the layers read what was placed', () => {
		const at = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });
		const collection: RegisterCollection = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', geometry: at(6.8138, 52.27), properties: { id: 1, located: 'buurt', amountEur: 6_200_000, dwellings: 148 } },
				{ type: 'Feature', geometry: at(6.8138, 52.27), properties: { id: 8, located: 'buurt', amountEur: 1_200_000, dwellings: null } },
				{ type: 'Feature', geometry: at(6.8131, 52.2701), properties: { id: 2, located: 'point', amountEur: 4_050_000, dwellings: 96 } },
				{ type: 'Feature', geometry: at(6.9, 52.2), properties: { id: 5, located: 'point', amountEur: 31_500_000, dwellings: 210 } },
				{ type: 'Feature', geometry: at(6.9, 52.2), properties: { id: 6, located: 'point', amountEur: null, dwellings: 230 } }
			]
		};
		const placed = new Map(placeSymbols(collection).features.map((f) => [f.properties.id, f.properties]));
		expect(placed.size).toBe(5);
		// The largest amount of the set has the largest symbol; an unknown amount the smallest.
		expect(placed.get(5)!.scaleBedrag).toBe(MAX_SCALE);
		expect(placed.get(6)!.scaleBedrag).toBe(MIN_SCALE);
		expect(placed.get(6)!.scaleWoningen).toBe(MAX_SCALE);
		expect(placed.get(8)!.scaleWoningen).toBe(MIN_SCALE);
		// A point of its own keeps its place.
		expect(placed.get(2)!.offsetBedrag).toEqual([0, 0]);
		// Two in one buurt: side by side below the label, the larger first (left).
		const [x1, y1] = placed.get(1)!.offsetBedrag as number[];
		const [x8, y8] = placed.get(8)!.offsetBedrag as number[];
		const px = (p: Record<string, unknown>, i: number) => (p.offsetBedrag as number[])[i] * (p.scaleBedrag as number);
		expect(x1).toBeLessThan(0);
		expect(x8).toBeGreaterThan(0);
		expect(y1).toBeGreaterThan(0);
		expect(y8).toBeGreaterThan(0);
		const gap = px(placed.get(8)!, 0) - px(placed.get(1)!, 0);
		const halfWidths = ((placed.get(1)!.scaleBedrag as number) + (placed.get(8)!.scaleBedrag as number)) * SYMBOL_PX / 2;
		expect(gap).toBeGreaterThanOrEqual(halfWidths);
		// Two at one point: apart in a ring.
		expect(placed.get(5)!.offsetBedrag).not.toEqual(placed.get(6)!.offsetBedrag);

		// The symbol layer reads the mode's scale and offset.
		const layout = symbolLayout('woningen');
		expect(evaluate(layout['icon-size'], 'icon-size', placed.get(6)!)).toBe(MAX_SCALE);
		expect(evaluate(layout['icon-offset'], 'icon-offset', placed.get(6)!)).toEqual(placed.get(6)!.offsetWoningen);
		expect(evaluate(symbolLayout('bedrag')['icon-offset'], 'icon-offset', { id: 1 })).toEqual([0, 0]);
	});

	it('have a size legend of round values', () => {
		expect(niceFloor(31_500_000)).toBe(20_000_000);
		expect(niceFloor(6_200_000)).toBe(5_000_000);
		expect(niceFloor(230)).toBe(200);
		expect(niceFloor(0)).toBe(0);
		const refs = sizeReferences(31_500_000, 'bedrag');
		expect(refs.map((r) => r.label)).toEqual(['€ 20 mln', '€ 5 mln', '€ 1 mln']);
		expect(refs[0].scale).toBeCloseTo(symbolScale(20_000_000, 31_500_000), 10);
		expect(sizeReferences(230, 'woningen').map((r) => r.label)).toEqual(['200 woningen', '50 woningen', '5 woningen']);
		expect(sizeReferences(0, 'bedrag')).toEqual([]);
	});
});

describe('the register legend', () => {
	const programmes = [
		{ name: 'Wijkaanpak Noord', kind: 'wijkaanpak' as const, phase: 'initieren', startDate: '2024-02-01', endDate: null, drawn: true },
		{ name: 'Pilot', kind: 'pilot' as const, phase: 'evalueren', startDate: null, endDate: null, drawn: true },
		{ name: 'Nog te tekenen', kind: 'wijkaanpak' as const, phase: 'orienteren', startDate: '2026-01-01', endDate: null, drawn: false }
	];
	const investments = [
		{ category: 'isolatie' as const, startDate: '2024-09-01', endDate: '2026-12-31', amountEur: 6_200_000, dwellings: 148 },
		{ category: 'openbare_ruimte' as const, startDate: '2026-04-01', endDate: '2027-12-31', amountEur: 1_200_000, dwellings: null }
	];

	it('counts per kind, phase and measure what runs in the quarter, and names what is not drawn', () => {
		const legend = registerLegend({ gemeentecode: 'GM0164', programmes, investments, signals: null, tijd: { year: 2026, q: 2 }, grootte: 'woningen' });
		expect(legend.programmes.kinds.map((k) => [k.key, k.count])).toEqual([
			['wijkaanpak', 2],
			['gebiedsgerichte_aanpak', 0],
			['pilot', 1]
		]);
		expect(legend.programmes.notDrawn).toEqual(['Nog te tekenen']);
		expect(legend.phases.map((p) => p.key)).toEqual(['orienteren', 'initieren', 'ontwerpen', 'uitvoeren', 'evalueren']);
		expect(legend.phases.find((p) => p.key === 'evalueren')!.count).toBe(1);
		expect(legend.investments.total).toBe(2);
		expect(legend.investments.categories.find((c) => c.key === 'isolatie')!.count).toBe(1);
		expect(legend.investments.size.unknown).toBe(1);
		expect(legend.investments.size.references[0].label).toBe('100 woningen');
		expect(legend.signals).toBeNull();
	});

	it('uses the phases of Enschede there, and counts signals only for whom may see them', () => {
		const legend = registerLegend({
			gemeentecode: 'GM0153',
			programmes: [],
			investments,
			signals: [{ observedOn: '2025-02-12' }, { observedOn: '2025-05-01' }],
			tijd: { year: 2025, q: 1 },
			grootte: 'bedrag'
		});
		expect(legend.phases.map((p) => p.label)).toEqual(['Gebiedsanalyse', 'Afwegen en keuzes maken', 'Uitvoeren', 'Monitoren']);
		expect(legend.signals!.count).toBe(1);
		// K1 2025: the insulation runs (since September 2024), the buitenruimte starts in 2026.
		expect(legend.investments.total).toBe(1);
	});
});
