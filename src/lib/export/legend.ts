// The legend of an exported map as plain data: what Legend.svelte shows beside the live map (class bounds
// with colours and counts, "geen gegevens", "te weinig inwoners", the classification method), built from the
// same choropleth, so that a PNG, a PDF page and a story slide say exactly what the screen says.
import { formatNumber } from '../domain/format';
import { NO_DATA, SUPPRESSED } from '../domain/palettes';
import { colours } from '../map/style';

export type LegendItemKind = 'class' | 'no-data' | 'suppressed' | 'area';

export interface LegendItem {
	kind: LegendItemKind;
	label: string;
	/** Fill of the swatch; `suppressed` draws the hatching of the map on top of it. */
	colour: string;
	/** Areas in the class; null where counting makes no sense (the area legend). */
	count: number | null;
}

export interface LegendModel {
	/** "Urgentiescore", "Huishoudens met een laag inkomen" */
	title: string;
	/** "standaardscore · 2024 · buurten" */
	subtitle: string;
	/** "Kwantielen (even veel gebieden per klasse)" */
	method: string;
	unit: string;
	items: LegendItem[];
	synthetic: boolean;
	source: string;
}

/** A class bound as the legend writes it: Dutch decimals, a real minus sign, a plus for signed scales. */
export function formatBound(value: number, signed = false): string {
	return signed && value > 0 ? `+${formatNumber(value)}` : formatNumber(value).replace('-', '−');
}

export interface ChoroplethLegendInput {
	title: string;
	subtitle: string;
	method: string;
	unit: string;
	classes: { from: number; to: number; colour: string; count: number }[];
	noData: { colour: string; count: number };
	suppressed: { colour: string; count: number };
	/** Differences and changes: bounds with a sign. */
	signed?: boolean;
	synthetic: boolean;
	source: string;
}

export function choroplethLegend(input: ChoroplethLegendInput): LegendModel {
	const signed = input.signed ?? false;
	return {
		title: input.title,
		subtitle: input.subtitle,
		method: input.method,
		unit: input.unit,
		items: [
			...input.classes.map((c) => ({
				kind: 'class' as const,
				label: `${formatBound(c.from, signed)} – ${formatBound(c.to, signed)}`,
				colour: c.colour,
				count: c.count
			})),
			{ kind: 'no-data', label: 'geen gegevens', colour: input.noData.colour || NO_DATA.colour, count: input.noData.count },
			{ kind: 'suppressed', label: 'te weinig inwoners', colour: input.suppressed.colour || SUPPRESSED.background, count: input.suppressed.count }
		],
		synthetic: input.synthetic,
		source: input.source
	};
}

/**
 * The legend of a map without a theme: what the fills mean (the selection, the areas inside it, the rest).
 * There is no classification; the method line says so rather than staying silent.
 */
export function areasLegend(input: { levelName: string; selectedName: string | null; source: string }): LegendModel {
	const items: LegendItem[] = [];
	if (input.selectedName) items.push({ kind: 'area', label: input.selectedName, colour: colours.selected, count: null });
	items.push({
		kind: 'area',
		label: input.selectedName ? `${input.levelName} binnen de selectie` : input.levelName,
		colour: colours.inFocus,
		count: null
	});
	if (input.selectedName) items.push({ kind: 'area', label: `${input.levelName} erbuiten`, colour: colours.outOfFocus, count: null });
	return {
		title: 'Gebiedsindeling',
		subtitle: input.levelName,
		method: 'geen thema gekozen',
		unit: '',
		items,
		synthetic: false,
		source: input.source
	};
}
