// The legend of an exported map as plain data: what Legend.svelte shows beside the live map (class bounds
// with colours and counts, "geen gegevens", "te weinig inwoners", the classification method), built from the
// same choropleth, so that a PNG, a PDF page and a story slide say exactly what the screen says.
//
// The shape is the one story slides publish (`LegendModel` in src/lib/story/snapshot.ts on the stories
// branch): a slide's legend can be drawn by the export as it is. Only `count` may also be null here, for
// the legend of a map without a theme, where counting areas says nothing.
import { formatNumber } from '../domain/format';
import { NO_DATA, SUPPRESSED } from '../domain/palettes';
import { colours } from '../map/style';

export interface LegendClass {
	from: number;
	to: number;
	colour: string;
	count: number;
	/** "12,5 – 18", formatted in Dutch, with a sign for differences. */
	label: string;
}

/** A line of the legend that is not a class: "geen gegevens", "te weinig inwoners", an overlay, an area fill. */
export interface LegendEntry {
	label: string;
	/** fill: a swatch; hatched: the suppressed pattern; outline: a programme's border; circle: an investment. */
	shape: 'fill' | 'hatched' | 'outline' | 'circle';
	colour: string;
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
	classes: LegendClass[];
	other: LegendEntry[];
	/** The register's overlays on the map (programmes, investments). */
	overlays: LegendEntry[];
}

/** A class bound as the legend writes it: Dutch decimals, a real minus sign, a plus for signed scales. */
export function formatBound(value: number, signed = false, digits?: number): string {
	const text = formatNumber(value, digits);
	return signed && value > 0 ? `+${text}` : text.replace('-', '−');
}

/**
 * The labels of a choropleth's classes, "12,5 – 18". Rounded to one decimal, close bounds can collide
 * ("5,7 – 5,7"): then every bound gets one more decimal, up to three, until no class reads as empty.
 */
export function classLabels(classes: readonly { from: number; to: number }[], signed = false): string[] {
	const label = (digits: number | undefined) =>
		classes.map((c) => [formatBound(c.from, signed, digits), formatBound(c.to, signed, digits)] as const);
	const collides = (labels: (readonly [string, string])[]) =>
		labels.some(([from, to], i) => (from === to && classes[i].from !== classes[i].to) || (i > 0 && labels[i - 1][0] === from));
	let labels = label(undefined);
	for (let digits = 2; digits <= 3 && collides(labels); digits++) labels = label(digits);
	return labels.map(([from, to]) => `${from} – ${to}`);
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
}

/** As on screen, "geen gegevens" and "te weinig inwoners" are always listed, with their counts (also 0). */
export function choroplethLegend(input: ChoroplethLegendInput): LegendModel {
	const signed = input.signed ?? false;
	const labels = classLabels(input.classes, signed);
	return {
		title: input.title,
		subtitle: input.subtitle,
		method: input.method,
		unit: input.unit,
		classes: input.classes.map((c, i) => ({ ...c, label: labels[i] })),
		other: [
			{ label: 'geen gegevens', shape: 'fill', colour: input.noData.colour || NO_DATA.colour, count: input.noData.count },
			{ label: 'te weinig inwoners', shape: 'hatched', colour: input.suppressed.colour || SUPPRESSED.background, count: input.suppressed.count }
		],
		overlays: []
	};
}

/**
 * The legend of a map without a theme: what the fills mean (the selection, the areas inside it, the rest).
 * There is no classification; the method line says so rather than staying silent.
 */
export function areasLegend(input: { levelName: string; selectedName: string | null }): LegendModel {
	const other: LegendEntry[] = [];
	if (input.selectedName) other.push({ label: input.selectedName, shape: 'fill', colour: colours.selected, count: null });
	other.push({
		label: input.selectedName ? `${input.levelName} binnen de selectie` : input.levelName,
		shape: 'fill',
		colour: colours.inFocus,
		count: null
	});
	if (input.selectedName) other.push({ label: `${input.levelName} erbuiten`, shape: 'fill', colour: colours.outOfFocus, count: null });
	return { title: 'Gebiedsindeling', subtitle: input.levelName, method: 'geen thema gekozen', unit: '', classes: [], other, overlays: [] };
}
