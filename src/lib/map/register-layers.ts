// The register's overlays on the map — programmes, focus areas, investments and signals — as MapLibre sources,
// layers, filters and symbol images, in one module so that every map that draws them (the main map, the story
// player and its offline bundle, exports) draws them the same way. Pure: no DOM, no map instance.
//
// How another map draws the overlays:
//   1. images:  createRegisterImages(pixelRatio) from ./register-symbols (a canvas in the browser) → map.addImage
//   2. sources: registerSources({ programmes, investments: placeSymbols(investments), signals: placeSymbols(signals) })
//               with the GeoJSON of GET /api/programmes|investments|signals?format=geojson (signals: staff only!)
//   3. layers:  registerLayers({ lagen, tijd, grootte }) — programme layers go below the area labels
//               (PROGRAMME_LAYERS_BEFORE), symbol layers on top; setFilter/setLayoutProperty with
//               registerFilters()/registerVisibility() when the view changes.
import type {
	ExpressionSpecification,
	FilterSpecification,
	GeoJSONSourceSpecification,
	LayerSpecification
} from 'maplibre-gl';
import {
	MEASURE_CATEGORIES,
	MEASURE_CATEGORY_LABELS,
	PHASE_LABELS,
	PROGRAMME_KINDS,
	PROGRAMME_KIND_LABELS,
	phasesFor,
	quarterRange,
	type MeasureCategory,
	type Phase,
	type ProgrammeKind,
	type Quarter
} from '../domain/register';
import type { Overlay, SizeMode } from '../domain/register-state';
import { programmeRuns, investmentRuns, signalRuns } from '../domain/register-area';
import { formatDwellings, formatEuroShort } from '../domain/register-format';

// ---------------------------------------------------------------------------------------------------------
// What the map draws, and how: colours and patterns (colour-blind safe: Okabe–Ito hues, and never colour
// alone — kinds differ by hatching, measures by shape, phases by dash).

export type PatternName = 'diagonal' | 'vertical' | 'dots' | 'cross';

/** Per kind of programme: its outline colour (≥ 4.5:1 on white, drawn on a white casing) and its hatching. */
export const KIND_STYLE: Record<ProgrammeKind, { colour: string; pattern: PatternName }> = {
	wijkaanpak: { colour: '#0072b2', pattern: 'diagonal' },
	gebiedsgerichte_aanpak: { colour: '#00785a', pattern: 'vertical' },
	pilot: { colour: '#b84a00', pattern: 'dots' },
	focusgebied: { colour: '#9e3f7f', pattern: 'cross' }
};

/** Dash patterns per phase, in line widths: from dotted (oriënteren) to solid (uitvoeren). */
export const PHASE_DASH: Record<Phase, number[]> = {
	orienteren: [0.6, 1.6],
	gebiedsanalyse: [0.6, 1.6],
	initieren: [2, 1.5],
	afwegen_en_keuzes_maken: [2, 1.5],
	ontwerpen: [4, 1.5],
	uitvoeren: [1, 0],
	evalueren: [4, 1.5, 0.6, 1.5],
	monitoren: [4, 1.5, 0.6, 1.5]
};

export type SymbolName = MeasureCategory | 'signaal';

/** A symbol's outline in a box from -1 to 1 (y down), as a polygon or a circle. */
export type SymbolShape = { polygon: [number, number][] } | { circle: number };

const regular = (n: number, r: number, rotation = -Math.PI / 2): [number, number][] =>
	Array.from({ length: n }, (_, i) => {
		const a = rotation + (2 * Math.PI * i) / n;
		return [Math.round(r * Math.cos(a) * 1000) / 1000, Math.round(r * Math.sin(a) * 1000) / 1000];
	});

/** Per measure category (and for signals): shape and fill. Each shape fits within a radius of 1. */
export const SYMBOL_STYLE: Record<SymbolName, { shape: SymbolShape; fill: string; label: string }> = {
	renovatie: {
		shape: { polygon: [[0, -0.95], [0.95, -0.05], [0.7, -0.05], [0.7, 0.85], [-0.7, 0.85], [-0.7, -0.05], [-0.95, -0.05]] },
		fill: '#0072b2',
		label: MEASURE_CATEGORY_LABELS.renovatie
	},
	isolatie: { shape: { polygon: [[-0.75, -0.75], [0.75, -0.75], [0.75, 0.75], [-0.75, 0.75]] }, fill: '#56b4e9', label: MEASURE_CATEGORY_LABELS.isolatie },
	sloop_nieuwbouw: { shape: { polygon: [[0, -1], [0.95, 0], [0, 1], [-0.95, 0]] }, fill: '#d55e00', label: MEASURE_CATEGORY_LABELS.sloop_nieuwbouw },
	warmtetransitie: { shape: { polygon: [[0, -0.95], [0.95, 0.75], [-0.95, 0.75]] }, fill: '#e69f00', label: MEASURE_CATEGORY_LABELS.warmtetransitie },
	openbare_ruimte: { shape: { circle: 0.85 }, fill: '#009e73', label: MEASURE_CATEGORY_LABELS.openbare_ruimte },
	overig: { shape: { polygon: regular(6, 0.9, 0) }, fill: '#8c8c8c', label: MEASURE_CATEGORY_LABELS.overig },
	signaal: {
		// A speech bubble: a field signal is something somebody said or saw.
		shape: { polygon: [[-0.9, -0.8], [0.9, -0.8], [0.9, 0.35], [-0.05, 0.35], [-0.5, 0.95], [-0.45, 0.35], [-0.9, 0.35]] },
		fill: '#cc79a7',
		label: 'Signaal'
	}
};

/** An SVG path of a shape in a square of `size` px (the legend draws it; the map's images use the same path). */
export function symbolPath(shape: SymbolShape, size: number): string {
	const half = size / 2;
	const at = (v: number) => Math.round((half + v * half) * 100) / 100;
	if ('circle' in shape) {
		const r = Math.round(shape.circle * half * 100) / 100;
		return `M ${at(-shape.circle)} ${half} A ${r} ${r} 0 1 0 ${at(shape.circle)} ${half} A ${r} ${r} 0 1 0 ${at(-shape.circle)} ${half} Z`;
	}
	return `${shape.polygon.map(([x, y], i) => `${i === 0 ? 'M' : 'L'} ${at(x)} ${at(y)}`).join(' ')} Z`;
}

// ---------------------------------------------------------------------------------------------------------
// Ids of sources, layers and images.

export const REGISTER_SOURCES = {
	programmes: 'register-programmes',
	investments: 'register-investments',
	signals: 'register-signals'
} as const;

export const REGISTER_LAYERS = {
	programmas: ['register-programme-hatch', 'register-programme-casing', 'register-programme-line', 'register-programme-hit'],
	focusgebieden: ['register-focus-hatch', 'register-focus-casing', 'register-focus-line', 'register-focus-hit'],
	investeringen: ['register-investment-symbols', 'register-investment-selected'],
	signalen: ['register-signal-symbols', 'register-signal-selected']
} as const satisfies Record<Overlay, readonly string[]>;

/** The layers a click or hover picks an item from, per overlay. */
export const REGISTER_HIT_LAYERS: Record<Overlay, string> = {
	programmas: 'register-programme-hit',
	focusgebieden: 'register-focus-hit',
	investeringen: 'register-investment-symbols',
	signalen: 'register-signal-symbols'
};

/** Programme and focus-area layers go below this layer of the base style (buildStyle), symbols on top. */
export const PROGRAMME_LAYERS_BEFORE = 'selection-line';

export const hatchImage = (kind: ProgrammeKind) => `register-hatch-${kind}`;
export const symbolImage = (name: SymbolName) => `register-symbol-${name}`;
export const SELECTED_RING_IMAGE = 'register-symbol-ring';

/** Symbol images are IMAGE_PX square; the shape fills SYMBOL_PX of it, the rest is room for its halo and the ring. */
export const IMAGE_PX = 32;
export const SYMBOL_PX = 24;

// ---------------------------------------------------------------------------------------------------------
// Items on the map and what the user selects.

export type RegisterKind = 'programme' | 'investment' | 'signal';
export interface RegisterItemRef {
	kind: RegisterKind;
	id: number;
}

export const OVERLAY_KIND: Record<Overlay, RegisterKind> = {
	programmas: 'programme',
	focusgebieden: 'programme',
	investeringen: 'investment',
	signalen: 'signal'
};

export interface RegisterFeature {
	type: 'Feature';
	id?: number | string;
	geometry: { type: string; coordinates: unknown };
	properties: Record<string, unknown>;
}
export interface RegisterCollection {
	type: 'FeatureCollection';
	features: RegisterFeature[];
}

export const EMPTY_COLLECTION: RegisterCollection = { type: 'FeatureCollection', features: [] };

/** The item a feature of one of the register's layers stands for. */
export function itemOfFeature(layerId: string, properties: Record<string, unknown>): RegisterItemRef | null {
	const overlay = (Object.keys(REGISTER_HIT_LAYERS) as Overlay[]).find((o) => REGISTER_HIT_LAYERS[o] === layerId);
	const id = Number(properties.id);
	if (!overlay || !Number.isInteger(id)) return null;
	return { kind: OVERLAY_KIND[overlay], id };
}

// ---------------------------------------------------------------------------------------------------------
// Symbol sizes and places.

export const MIN_SCALE = 0.6;
export const MAX_SCALE = 1.6;
/** Signals are all one size. */
export const SIGNAL_SCALE = 0.9;

/**
 * The icon scale of a value: the symbol's area grows with the value (√), from MIN_SCALE for nothing or an
 * unknown value to MAX_SCALE for the largest of the gemeente. `max` is over every item of the gemeente, not only
 * those of the shown quarter, so that a symbol keeps its size while the time control moves.
 */
export function symbolScale(value: number | null | undefined, max: number): number {
	if (value === null || value === undefined || !(value > 0) || !(max > 0)) return MIN_SCALE;
	return MIN_SCALE + (MAX_SCALE - MIN_SCALE) * Math.sqrt(Math.min(value, max) / max);
}

/** The property a size mode reads, from the investment's facts. */
export const SIZE_PROPERTY: Record<SizeMode, 'amountEur' | 'dwellings'> = { bedrag: 'amountEur', woningen: 'dwellings' };

const numberOrNull = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The largest amount and number of dwellings among the items (0 when none is known). */
export function sizeDomain(items: readonly { amountEur?: number | null; dwellings?: number | null }[]): Record<SizeMode, number> {
	let bedrag = 0;
	let woningen = 0;
	for (const i of items) {
		bedrag = Math.max(bedrag, numberOrNull(i.amountEur) ?? 0);
		woningen = Math.max(woningen, numberOrNull(i.dwellings) ?? 0);
	}
	return { bedrag, woningen };
}

/** Space between the label point of a buurt and the row of its symbols below it, and between symbols. */
const LABEL_CLEARANCE_PX = 10;
const GAP_PX = 3;
const PER_ROW = 4;

/**
 * Pixel offsets for a group of symbols at one place, so that none hides another. Items placed by their buurt
 * (the API puts them at the buurt's label point) go in rows below the label, which stays readable; items that
 * share an exact point are set around it in a ring.
 */
export function spreadOffsets(sizesPx: readonly number[], layout: 'row' | 'ring'): [number, number][] {
	const n = sizesPx.length;
	if (n === 0) return [];
	if (layout === 'ring') {
		if (n === 1) return [[0, 0]];
		const largest = Math.max(...sizesPx);
		const radius = Math.max(0.6 * largest, (largest / 2 + GAP_PX / 2) / Math.sin(Math.PI / n));
		return sizesPx.map((_, i) => {
			const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
			return [round1(radius * Math.cos(a)), round1(radius * Math.sin(a))];
		});
	}
	const offsets: [number, number][] = [];
	let top = LABEL_CLEARANCE_PX;
	for (let start = 0; start < n; start += PER_ROW) {
		const row = sizesPx.slice(start, start + PER_ROW);
		const width = row.reduce((sum, s) => sum + s, 0) + GAP_PX * (row.length - 1);
		const height = Math.max(...row);
		let x = -width / 2;
		for (const s of row) {
			offsets.push([round1(x + s / 2), round1(top + height / 2)]);
			x += s + GAP_PX;
		}
		top += height + GAP_PX;
	}
	return offsets;
}

const round1 = (v: number) => Math.round(v * 10) / 10 || 0;

export interface PlaceOptions {
	/** A fixed scale for every symbol (signals); otherwise by amount and by dwellings. */
	fixedScale?: number;
}

/**
 * The investments (or signals) of the API's GeoJSON with their symbol scale and offset for both size modes
 * (`scaleBedrag`, `offsetBedrag`, `scaleWoningen`, `offsetWoningen`), which the symbol layers read. The
 * offsets are in icon units (MapLibre multiplies icon-offset by icon-size).
 */
export function placeSymbols(collection: RegisterCollection, options: PlaceOptions = {}): RegisterCollection {
	const domain = sizeDomain(collection.features.map((f) => f.properties as { amountEur?: number; dwellings?: number }));
	const groups = new Map<string, RegisterFeature[]>();
	for (const f of collection.features) {
		if (f.geometry.type !== 'Point') continue;
		const [x, y] = f.geometry.coordinates as [number, number];
		const key = `${x.toFixed(6)},${y.toFixed(6)}`;
		const group = groups.get(key) ?? [];
		group.push(f);
		groups.set(key, group);
	}
	const placed: RegisterFeature[] = [];
	for (const group of groups.values()) {
		// A steady order within a group: the largest first, then by id.
		const layout = group.every((f) => f.properties.located === 'buurt') ? 'row' : 'ring';
		const properties = group.map((f) => ({ ...f.properties }));
		for (const mode of ['bedrag', 'woningen'] as const) {
			const scales = group.map((f) =>
				options.fixedScale ?? symbolScale(numberOrNull(f.properties[SIZE_PROPERTY[mode]]), domain[mode])
			);
			const order = group.map((_, i) => i).sort((a, b) => scales[b] - scales[a] || Number(group[a].properties.id) - Number(group[b].properties.id));
			const offsets = spreadOffsets(order.map((i) => scales[i] * SYMBOL_PX), layout);
			const suffix = mode === 'bedrag' ? 'Bedrag' : 'Woningen';
			order.forEach((i, k) => {
				properties[i][`scale${suffix}`] = Math.round(scales[i] * 1000) / 1000;
				properties[i][`offset${suffix}`] = [round1(offsets[k][0] / scales[i]), round1(offsets[k][1] / scales[i])];
			});
		}
		group.forEach((f, i) => placed.push({ ...f, properties: properties[i] }));
	}
	return { type: 'FeatureCollection', features: placed };
}

// ---------------------------------------------------------------------------------------------------------
// Filters, layout and paint.

export interface RegisterLayerOptions {
	lagen: readonly Overlay[];
	/** The quarter shown; null: all periods. */
	tijd: Quarter | null;
	grootte: SizeMode;
	/** The selected item, drawn with a ring or a heavier outline. */
	selected?: RegisterItemRef | null;
}

const startOf: ExpressionSpecification = ['to-string', ['get', 'startDate']];
const endOf: ExpressionSpecification = ['to-string', ['get', 'endDate']];

/**
 * What runs (partly) in the quarter: start on or before its last day (or no start), end on or after its first
 * day (or no end). ISO dates compare as text. True for all periods.
 */
export function periodFilter(quarter: Quarter | null): ExpressionSpecification | true {
	if (!quarter) return true;
	const { from, to } = quarterRange(quarter);
	return ['all', ['<=', startOf, to], ['any', ['==', endOf, ''], ['>=', endOf, from]]];
}

/** A signal shows in the quarter it was observed in. */
export function observedFilter(quarter: Quarter | null): ExpressionSpecification | true {
	if (!quarter) return true;
	const { from, to } = quarterRange(quarter);
	const observed: ExpressionSpecification = ['to-string', ['get', 'observedOn']];
	return ['all', ['>=', observed, from], ['<=', observed, to]];
}

const isFocus: ExpressionSpecification = ['==', ['get', 'kind'], 'focusgebied'];
const notFocus: ExpressionSpecification = ['!=', ['get', 'kind'], 'focusgebied'];
const both = (a: ExpressionSpecification, b: ExpressionSpecification | true): ExpressionSpecification => (b === true ? a : ['all', a, b]);
const selectedIs = (kind: RegisterKind, selected: RegisterItemRef | null | undefined): ExpressionSpecification =>
	['==', ['get', 'id'], selected?.kind === kind ? selected.id : -1];

/** The filter of every register layer for a view. */
export function registerFilters(options: RegisterLayerOptions): Record<string, FilterSpecification> {
	const period = periodFilter(options.tijd);
	const observed = observedFilter(options.tijd);
	const filters: Record<string, FilterSpecification> = {};
	for (const id of REGISTER_LAYERS.programmas) filters[id] = both(notFocus, period);
	for (const id of REGISTER_LAYERS.focusgebieden) filters[id] = both(isFocus, period);
	filters['register-investment-symbols'] = period === true ? ['has', 'id'] : period;
	filters['register-investment-selected'] = both(selectedIs('investment', options.selected), period);
	filters['register-signal-symbols'] = observed === true ? ['has', 'id'] : observed;
	filters['register-signal-selected'] = both(selectedIs('signal', options.selected), observed);
	return filters;
}

/** Which register layers are on for the chosen overlays. */
export function registerVisibility(lagen: readonly Overlay[]): Record<string, 'visible' | 'none'> {
	const visibility: Record<string, 'visible' | 'none'> = {};
	for (const overlay of Object.keys(REGISTER_LAYERS) as Overlay[]) {
		for (const id of REGISTER_LAYERS[overlay]) visibility[id] = lagen.includes(overlay) ? 'visible' : 'none';
	}
	return visibility;
}

/** icon-size and icon-offset of the symbol layers for a size mode (placeSymbols computed both). */
export function symbolLayout(grootte: SizeMode, fixed = false): { 'icon-size': ExpressionSpecification; 'icon-offset': ExpressionSpecification } {
	const suffix = fixed || grootte === 'bedrag' ? 'Bedrag' : 'Woningen';
	return {
		'icon-size': ['to-number', ['get', `scale${suffix}`], MIN_SCALE],
		'icon-offset': ['array', 'number', 2, ['coalesce', ['get', `offset${suffix}`], ['literal', [0, 0]]]]
	};
}

const kindMatch = <T>(value: (kind: ProgrammeKind) => T, fallback: T): ExpressionSpecification =>
	['match', ['get', 'kind'], ...PROGRAMME_KINDS.flatMap((k) => [k, value(k)]), fallback] as unknown as ExpressionSpecification;

const phaseDash: ExpressionSpecification = [
	'match',
	['get', 'phase'],
	...(Object.keys(PHASE_DASH) as Phase[]).flatMap((p) => [p, ['literal', PHASE_DASH[p]]]),
	['literal', [1, 0]]
] as unknown as ExpressionSpecification;

const selectedState: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

function areaLayers(prefix: 'programme' | 'focus', width: number, visible: boolean, filter: FilterSpecification): LayerSpecification[] {
	const source = REGISTER_SOURCES.programmes;
	const visibility = visible ? 'visible' : 'none';
	return [
		{
			id: `register-${prefix}-hatch`,
			type: 'fill',
			source,
			filter,
			layout: { visibility },
			paint: { 'fill-pattern': kindMatch((k) => hatchImage(k), hatchImage('wijkaanpak')), 'fill-opacity': 0.9 }
		},
		{
			id: `register-${prefix}-casing`,
			type: 'line',
			source,
			filter,
			layout: { visibility, 'line-join': 'round' },
			paint: {
				'line-color': '#ffffff',
				'line-width': ['case', selectedState, width * 2 + 5, width + 3],
				'line-opacity': 0.9
			}
		},
		{
			id: `register-${prefix}-line`,
			type: 'line',
			source,
			filter,
			layout: { visibility, 'line-join': 'round' },
			paint: {
				'line-color': kindMatch((k) => KIND_STYLE[k].colour, KIND_STYLE.wijkaanpak.colour),
				'line-width': ['case', selectedState, width * 2, width],
				'line-dasharray': phaseDash
			}
		},
		{
			// Wide and invisible: the outline is what a click or hover picks the programme by (a click inside
			// it still selects the area, as it always did).
			id: `register-${prefix}-hit`,
			type: 'line',
			source,
			filter,
			layout: { visibility },
			paint: { 'line-color': '#000000', 'line-opacity': 0, 'line-width': 14 }
		}
	];
}

function symbolLayers(
	prefix: 'investment' | 'signal',
	icon: ExpressionSpecification | string,
	layout: ReturnType<typeof symbolLayout>,
	visible: boolean,
	filters: Record<string, FilterSpecification>
): LayerSpecification[] {
	const source = prefix === 'investment' ? REGISTER_SOURCES.investments : REGISTER_SOURCES.signals;
	const common = {
		visibility: visible ? ('visible' as const) : ('none' as const),
		...layout,
		// Every symbol is drawn, also where symbols or labels overlap: the offsets keep shared places apart.
		'icon-allow-overlap': true,
		'icon-ignore-placement': true
	};
	return [
		{
			id: `register-${prefix}-symbols`,
			type: 'symbol',
			source,
			filter: filters[`register-${prefix}-symbols`],
			// Large symbols first (below), small ones on top of them.
			layout: { ...common, 'icon-image': icon, 'symbol-sort-key': ['-', 0, layout['icon-size']] }
		},
		{
			id: `register-${prefix}-selected`,
			type: 'symbol',
			source,
			filter: filters[`register-${prefix}-selected`],
			layout: { ...common, 'icon-image': SELECTED_RING_IMAGE }
		}
	];
}

const categoryIcon: ExpressionSpecification = [
	'match',
	['get', 'category'],
	...MEASURE_CATEGORIES.filter((c) => c !== 'overig').flatMap((c) => [c, symbolImage(c)]),
	symbolImage('overig')
] as unknown as ExpressionSpecification;

/** Every register layer for a view, in drawing order: programmes, focus areas, then investments and signals. */
export function registerLayers(options: RegisterLayerOptions): LayerSpecification[] {
	const filters = registerFilters(options);
	const on = (o: Overlay) => options.lagen.includes(o);
	return [
		...areaLayers('programme', 2.5, on('programmas'), filters['register-programme-hatch']),
		...areaLayers('focus', 3, on('focusgebieden'), filters['register-focus-hatch']),
		...symbolLayers('investment', categoryIcon, symbolLayout(options.grootte), on('investeringen'), filters),
		...symbolLayers('signal', symbolImage('signaal'), symbolLayout('bedrag', true), on('signalen'), filters)
	];
}

/** The sources of the register layers, with data when it is at hand (investments and signals placed). */
export function registerSources(
	data: Partial<Record<keyof typeof REGISTER_SOURCES, RegisterCollection>> = {}
): Record<string, GeoJSONSourceSpecification> {
	const source = (collection?: RegisterCollection): GeoJSONSourceSpecification => ({
		type: 'geojson',
		data: (collection ?? EMPTY_COLLECTION) as GeoJSONSourceSpecification['data'],
		promoteId: 'id'
	});
	return {
		[REGISTER_SOURCES.programmes]: source(data.programmes),
		[REGISTER_SOURCES.investments]: source(data.investments),
		[REGISTER_SOURCES.signals]: source(data.signals)
	};
}

// ---------------------------------------------------------------------------------------------------------
// The legend: what each overlay shows in the chosen quarter, with counts.

interface LegendProgramme {
	kind: ProgrammeKind;
	phase: string;
	startDate: string | null;
	endDate: string | null;
	drawn: boolean;
	name: string;
}
interface LegendInvestment {
	category: MeasureCategory;
	startDate: string;
	endDate: string;
	amountEur: number | null;
	dwellings: number | null;
}

export interface LegendEntry<K extends string> {
	key: K;
	label: string;
	count: number;
}

export interface RegisterLegend {
	programmes: {
		kinds: (LegendEntry<ProgrammeKind> & { colour: string; pattern: PatternName })[];
		total: number;
		notDrawn: string[];
	};
	focus: { colour: string; pattern: PatternName; total: number; notDrawn: string[] };
	/** The phases of the gemeente's phase model, with the programmes and focus areas in each. */
	phases: (LegendEntry<Phase> & { dash: number[] })[];
	investments: {
		categories: (LegendEntry<MeasureCategory> & { shape: SymbolShape; fill: string })[];
		total: number;
		size: { mode: SizeMode; references: { value: number; label: string; scale: number }[]; unknown: number };
	};
	signals: { count: number; shape: SymbolShape; fill: string } | null;
}

/** 1, 2 or 5 times a power of ten, at most `value`. */
export function niceFloor(value: number): number {
	if (!(value > 0)) return 0;
	const power = 10 ** Math.floor(Math.log10(value));
	const step = [5, 2, 1].find((s) => s * power <= value)!;
	return step * power;
}

/** Three round values for the size legend (largest first), each with the scale the map draws it at. */
export function sizeReferences(max: number, mode: SizeMode): { value: number; label: string; scale: number }[] {
	const values = [...new Set([niceFloor(max), niceFloor(max / 4), niceFloor(max / 25)])].filter((v) => v > 0);
	return values.map((value) => ({
		value,
		label: mode === 'bedrag' ? formatEuroShort(value) : formatDwellings(value),
		scale: symbolScale(value, max)
	}));
}

export function registerLegend(input: {
	gemeentecode: string;
	programmes: readonly LegendProgramme[];
	investments: readonly LegendInvestment[];
	/** null for users who may not see signals: no legend entry, nothing counted. */
	signals: readonly { observedOn: string }[] | null;
	tijd: Quarter | null;
	grootte: SizeMode;
}): RegisterLegend {
	const running = input.programmes.filter((p) => programmeRuns(p, input.tijd));
	const areas = running.filter((p) => p.kind !== 'focusgebied');
	const focus = running.filter((p) => p.kind === 'focusgebied');
	const investments = input.investments.filter((i) => investmentRuns(i, input.tijd));
	const domain = sizeDomain(input.investments);
	const property = SIZE_PROPERTY[input.grootte];
	return {
		programmes: {
			kinds: PROGRAMME_KINDS.filter((k) => k !== 'focusgebied').map((kind) => ({
				key: kind,
				label: PROGRAMME_KIND_LABELS[kind],
				count: areas.filter((p) => p.kind === kind).length,
				...KIND_STYLE[kind]
			})),
			total: areas.length,
			notDrawn: areas.filter((p) => !p.drawn).map((p) => p.name)
		},
		focus: { ...KIND_STYLE.focusgebied, total: focus.length, notDrawn: focus.filter((p) => !p.drawn).map((p) => p.name) },
		phases: phasesFor(input.gemeentecode).map((phase) => ({
			key: phase,
			label: PHASE_LABELS[phase],
			count: running.filter((p) => p.phase === phase).length,
			dash: PHASE_DASH[phase]
		})),
		investments: {
			categories: MEASURE_CATEGORIES.map((category) => ({
				key: category,
				label: MEASURE_CATEGORY_LABELS[category],
				count: investments.filter((i) => i.category === category).length,
				shape: SYMBOL_STYLE[category].shape,
				fill: SYMBOL_STYLE[category].fill
			})),
			total: investments.length,
			size: {
				mode: input.grootte,
				references: sizeReferences(domain[input.grootte], input.grootte),
				unknown: investments.filter((i) => !((i[property] ?? 0) > 0)).length
			}
		},
		signals: input.signals
			? {
					count: input.signals.filter((s) => signalRuns(s, input.tijd)).length,
					shape: SYMBOL_STYLE.signaal.shape,
					fill: SYMBOL_STYLE.signaal.fill
				}
			: null
	};
}

/** What AreaMap is asked to show of the register. */
export interface RegisterOverlays {
	lagen: readonly Overlay[];
	tijd: Quarter | null;
	grootte: SizeMode;
	/** Whether the user may see signals: if not, they are never requested. */
	signals: boolean;
	/** Bumped after an edit, so that the map fetches the register again. */
	version: number;
}
