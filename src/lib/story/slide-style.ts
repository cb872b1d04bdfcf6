// The MapLibre style of a slide: the slide's data inline as GeoJSON sources and the layers that draw it, in a
// projector variant (thick lines, large labels with wide halos, no pale fills that a projection washes out) or the
// screen variant. A style of its own rather than the page's (map/style.ts): a slide is one fixed view, drawn from
// data prepared on the server, with no hover or level switching, and it must also play in the offline bundle.
// Labels use the app's own font (no glyph server), registered by the player before the map is made.
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { ATTRIBUTION, LABEL_FONT, colours as screenColours } from '../map/style';
import { SUPPRESSED } from '../domain/palettes';
import { SNAPSHOT_LAYERS as L } from './snapshot';
import { SYMBOL_STYLE } from '../map/register-layers';
import { MEASURE_CATEGORIES } from '../domain/register';

export type StyleVariant = 'projector' | 'screen';

export interface Collection {
	type: 'FeatureCollection';
	features: { type: 'Feature'; id?: string | number; properties: Record<string, unknown>; geometry: unknown }[];
}

export interface SlideLayerData {
	/** Neighbouring gemeenten, for orientation. */
	context: Collection;
	/** The gemeente's outline. */
	gemeente: Collection;
	/** The areas of the shown level, with properties code, name, level, fill, selected, suppressed. */
	areas: Collection;
	/** Boundaries one level up (wijken when buurten are shown), drawn stronger than the areas' own. */
	parentLines: Collection | null;
	/** The selected area (empty for the whole gemeente). */
	selection: Collection;
	/** A point per area with its name, and `selected`. */
	labels: Collection;
	/** Programmes with `kind` and `name`; null when the slide has no programme layer. */
	programmes: Collection | null;
	/** Investments as points with `radius` (px, projector scale). */
	investments: Collection | null;
}

/** What differs between a projector and a screen. Sizes in CSS pixels. */
export const VARIANTS = {
	projector: {
		background: '#d6d9de',
		context: '#c3c8cf',
		contextLine: '#7d8794',
		inFocus: '#7fb0e0',
		outOfFocus: '#c9ced6',
		selected: '#f2a900',
		areaLine: '#1b1f24',
		areaLineWidth: 1.6,
		parentLineWidth: 4,
		gemeenteLineWidth: 6,
		selectionCasing: 15,
		selectionWidth: 11,
		selectedLine: '#6b2f00',
		labelSize: 26,
		selectedLabelSize: 30,
		haloWidth: 3.5,
		programmeWidth: 4,
		programmeCasing: 8,
		investmentStroke: 3,
		radiusScale: 1
	},
	screen: {
		background: screenColours.background,
		context: screenColours.context,
		contextLine: screenColours.contextLine,
		inFocus: screenColours.inFocus,
		outOfFocus: screenColours.outOfFocus,
		selected: screenColours.selected,
		areaLine: screenColours.buurtLine,
		areaLineWidth: 0.8,
		parentLineWidth: 2.2,
		gemeenteLineWidth: 2.5,
		selectionCasing: 8,
		selectionWidth: 5.5,
		selectedLine: screenColours.selectedLine,
		labelSize: 14,
		selectedLabelSize: 16,
		haloWidth: 1.6,
		programmeWidth: 2,
		programmeCasing: 4,
		investmentStroke: 1.5,
		radiusScale: 0.55
	}
} as const;

/** The programme outline colour: dark purple, apart from both the urgency (YlOrRd) and indicator (YlGnBu) ramps. */
export const PROGRAMME_COLOUR = '#4a1486';

/**
 * An investment's fill: the colour of its measure category, as the live map's symbols (register-layers.ts), so that
 * the room can tell a renovation from a new park on the slide as on the page.
 */
export const INVESTMENT_FILL: ExpressionSpecification = [
	'match',
	['get', 'category'],
	...MEASURE_CATEGORIES.flatMap((c) => [c, SYMBOL_STYLE[c].fill]),
	SYMBOL_STYLE.overig.fill
] as unknown as ExpressionSpecification;

/** Dashes per programme kind, so that a wijkaanpak and a pilot differ without relying on colour. */
const PROGRAMME_DASH: ExpressionSpecification = [
	'match',
	['get', 'kind'],
	'pilot',
	['literal', [1, 1]],
	'gebiedsgerichte_aanpak',
	['literal', [3, 1.5]],
	['literal', [1, 0]]
];

/** The fill colour of an area: its choropleth colour, else selected / in focus / out of focus. */
export function areaFillColour(variant: StyleVariant): ExpressionSpecification {
	const v = VARIANTS[variant];
	return [
		'case',
		['has', 'fill'],
		['get', 'fill'],
		['get', 'selected'],
		v.selected,
		['get', 'focus'],
		v.inFocus,
		v.outOfFocus
	];
}

export function buildSlideStyle(data: SlideLayerData, variant: StyleVariant = 'projector'): StyleSpecification {
	const v = VARIANTS[variant];
	const source = (collection: Collection, attribution = false) => ({
		type: 'geojson' as const,
		data: collection as unknown as GeoJSONSourceSpecification['data'],
		...(attribution ? { attribution: ATTRIBUTION } : {})
	});
	const sources: StyleSpecification['sources'] = {
		context: source(data.context),
		gemeente: source(data.gemeente),
		areas: source(data.areas, true),
		parents: source(data.parentLines ?? { type: 'FeatureCollection', features: [] }),
		selection: source(data.selection),
		labels: source(data.labels)
	};
	if (data.programmes) sources.programmes = source(data.programmes);
	if (data.investments) sources.investments = source(data.investments);

	const layers: StyleSpecification['layers'] = [
		{ id: L.background, type: 'background', paint: { 'background-color': v.background } },
		{ id: L.context, type: 'fill', source: 'context', paint: { 'fill-color': v.context, 'fill-outline-color': v.contextLine } },
		{ id: L.areasFill, type: 'fill', source: 'areas', paint: { 'fill-color': areaFillColour(variant), 'fill-opacity': 1 } },
		{
			id: L.areasSuppressed,
			type: 'fill',
			source: 'areas',
			filter: ['==', ['get', 'suppressed'], true] as FilterSpecification,
			paint: { 'fill-pattern': SUPPRESSED.image }
		},
		{ id: L.areasLine, type: 'line', source: 'areas', paint: { 'line-color': v.areaLine, 'line-width': v.areaLineWidth } },
		{ id: L.wijkLine, type: 'line', source: 'parents', paint: { 'line-color': screenColours.wijkLine, 'line-width': v.parentLineWidth } },
		{ id: L.gemeenteLine, type: 'line', source: 'gemeente', paint: { 'line-color': screenColours.gemeenteLine, 'line-width': v.gemeenteLineWidth } }
	];
	layers.push(
		{
			id: `${L.selectionLine}-casing`,
			type: 'line',
			source: 'selection',
			layout: { 'line-join': 'round' },
			paint: { 'line-color': '#ffffff', 'line-width': v.selectionCasing }
		},
		{
			id: L.selectionLine,
			type: 'line',
			source: 'selection',
			layout: { 'line-join': 'round' },
			paint: { 'line-color': v.selectedLine, 'line-width': v.selectionWidth }
		}
	);
	// Programmes over the selection: where both follow the same border, the programme runs inside the wider selection line.
	if (data.programmes) {
		layers.push(
			{
				id: L.programmesFill,
				type: 'fill',
				source: 'programmes',
				// A light veil keeps the choropleth readable underneath; the outline carries the meaning.
				paint: { 'fill-color': PROGRAMME_COLOUR, 'fill-opacity': 0.12 }
			},
			{
				id: `${L.programmesLine}-casing`,
				type: 'line',
				source: 'programmes',
				layout: { 'line-join': 'round' },
				paint: { 'line-color': '#ffffff', 'line-width': v.programmeCasing }
			},
			{
				id: L.programmesLine,
				type: 'line',
				source: 'programmes',
				layout: { 'line-join': 'round' },
				paint: { 'line-color': PROGRAMME_COLOUR, 'line-width': v.programmeWidth, 'line-dasharray': PROGRAMME_DASH }
			}
		);
	}
	if (data.investments) {
		layers.push({
			id: L.investments,
			type: 'circle',
			source: 'investments',
			// The largest first, so that a small project next to a large one stays visible on top.
			layout: { 'circle-sort-key': ['-', 0, ['get', 'radius']] },
			paint: {
				'circle-color': INVESTMENT_FILL,
				'circle-opacity': 0.9,
				'circle-radius': ['*', ['get', 'radius'], v.radiusScale],
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': v.investmentStroke
			}
		});
	}
	layers.push({
		id: L.labels,
		type: 'symbol',
		source: 'labels',
		layout: {
			'text-field': ['get', 'name'],
			'text-font': [LABEL_FONT],
			'text-size': ['case', ['get', 'selected'], v.selectedLabelSize, v.labelSize],
			'text-max-width': 9,
			'text-padding': 4,
			// Below an investment's circle rather than on it.
			'text-offset': ['case', ['boolean', ['get', 'shift'], false], ['literal', [0, 1.9]], ['literal', [0, 0]]],
			// Labels that would collide are left out: the selected one first, then the classes that matter most
			// (`rank`: 0 for the darkest class of the slide's choropleth).
			'symbol-sort-key': ['case', ['get', 'selected'], -1, ['coalesce', ['get', 'rank'], 99]]
		},
		paint: { 'text-color': '#000000', 'text-halo-color': '#ffffff', 'text-halo-width': v.haloWidth }
	});
	return { version: 8, name: `Wijkbeeld dia (${variant})`, sources, layers };
}
