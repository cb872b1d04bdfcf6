// The map's style, built by the app and served with it: no remote base map, no remote glyphs.
// Labels are drawn from the app's own font (see fonts.ts): without a `glyphs` URL MapLibre renders
// text locally with the browser's font engine.
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { AreaLevel } from '../domain/areas';
import { SUPPRESSED } from '../domain/palettes';

export const MAP_LEVELS = ['stadsdeel', 'wijk', 'buurt'] as const satisfies AreaLevel[];
export type MapLevel = (typeof MAP_LEVELS)[number];
/** Coarse to fine: a level with a lower rank holds the areas of a higher one. */
export const LEVEL_RANK: Record<AreaLevel, number> = { gemeente: 0, stadsdeel: 1, wijk: 2, buurt: 3 };

export const ATTRIBUTION = 'Bron: CBS / Kadaster, Wijk- en Buurtkaart (via PDOK), CC BY 4.0';
export const LABEL_FONT = 'Wijkbeeld Sans';
export const LABEL_FONT_BOLD = 'Wijkbeeld Sans Bold';

export const colours = {
	background: '#e9ebee',
	context: '#dcdfe3',
	contextLine: '#aab0b8',
	gemeente: '#fbfbf9',
	inFocus: '#cadcf0',
	outOfFocus: '#f1f2f4',
	hover: '#8fb5e0',
	selected: '#f2c14e',
	buurtLine: '#7d8794',
	wijkLine: '#36404d',
	stadsdeelLine: '#1d4f91',
	gemeenteLine: '#1b1f24',
	selectedLine: '#8a4b00',
	label: '#1b1f24',
	halo: '#ffffff',
	/** Buurten picked and outlines drawn while editing a register item. */
	picked: '#c2410c'
};

const empty = { type: 'FeatureCollection' as const, features: [] };

/** The fill colour of an area: selected, hovered, inside the selection, or outside it. */
export function fillColour(selectedCode: string | null, focusCodes: string[] | null): ExpressionSpecification {
	return [
		'case',
		['==', ['get', 'code'], selectedCode ?? ''],
		colours.selected,
		['boolean', ['feature-state', 'hover'], false],
		colours.hover,
		focusCodes === null ? true : ['in', ['get', 'code'], ['literal', focusCodes]],
		colours.inFocus,
		colours.outOfFocus
	];
}

export function buildStyle(): StyleSpecification {
	const geojson = { type: 'geojson' as const, data: empty, promoteId: 'code' };
	return {
		version: 8,
		name: 'Wijkbeeld',
		sources: {
			context: { type: 'geojson', data: empty, promoteId: 'code' },
			gemeente: geojson,
			stadsdeel: geojson,
			wijk: geojson,
			buurt: geojson,
			selection: { type: 'geojson', data: empty },
			labels: { type: 'geojson', data: empty }
		},
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': colours.background } },
			{ id: 'context-fill', type: 'fill', source: 'context', paint: { 'fill-color': colours.context } },
			{
				id: 'context-line',
				type: 'line',
				source: 'context',
				paint: { 'line-color': colours.contextLine, 'line-width': 0.7 }
			},
			{ id: 'gemeente-fill', type: 'fill', source: 'gemeente', paint: { 'fill-color': colours.gemeente } },
			...MAP_LEVELS.map((level) => ({
				id: `${level}-fill`,
				type: 'fill' as const,
				source: level,
				layout: { visibility: 'none' as const },
				paint: { 'fill-color': fillColour(null, null), 'fill-opacity': 0.85 }
			})),
			...MAP_LEVELS.map((level) => ({
				id: `${level}-suppressed`,
				type: 'fill' as const,
				source: level,
				layout: { visibility: 'none' as const },
				filter: ['in', ['get', 'code'], ['literal', []]] as ExpressionSpecification,
				paint: { 'fill-pattern': SUPPRESSED.image }
			})),
			{
				id: 'buurt-line',
				type: 'line',
				source: 'buurt',
				layout: { visibility: 'none' },
				paint: { 'line-color': colours.buurtLine, 'line-width': 0.6 }
			},
			{
				id: 'wijk-line',
				type: 'line',
				source: 'wijk',
				paint: { 'line-color': colours.wijkLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1, 14, 2.2] }
			},
			{
				id: 'stadsdeel-line',
				type: 'line',
				source: 'stadsdeel',
				paint: { 'line-color': colours.stadsdeelLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 14, 4] }
			},
			{
				id: 'gemeente-line',
				type: 'line',
				source: 'gemeente',
				paint: { 'line-color': colours.gemeenteLine, 'line-width': 2.5 }
			},
			...MAP_LEVELS.map((level) => ({
				id: `${level}-hover`,
				type: 'line' as const,
				source: level,
				layout: { visibility: 'none' as const },
				paint: {
					'line-color': colours.gemeenteLine,
					'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, 0] as ExpressionSpecification
				}
			})),
			{
				id: 'selection-line',
				type: 'line',
				source: 'selection',
				paint: { 'line-color': colours.selectedLine, 'line-width': 3.5 }
			},
			{
				id: 'labels',
				type: 'symbol',
				source: 'labels',
				layout: {
					'text-field': ['get', 'name'],
					'text-font': [LABEL_FONT],
					'text-size': ['interpolate', ['linear'], ['zoom'], 10, 11, 14, 14],
					'text-max-width': 8,
					'text-padding': 3,
					// Labels that would collide are left out (MapLibre's collision detection), the selected one first.
					'symbol-sort-key': ['case', ['get', 'selected'], 0, 1]
				},
				paint: { 'text-color': colours.label, 'text-halo-color': colours.halo, 'text-halo-width': 1.6 }
			}
		]
	};
}
