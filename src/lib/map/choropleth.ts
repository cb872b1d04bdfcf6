// Turns the values of the areas on the map into colours, a legend and a pattern for suppressed areas:
// the one place where classification (classify.ts) meets the palettes (palettes.ts).
import type { ExpressionSpecification } from 'maplibre-gl';
import { ClassificationError, classIndex, classify, divergingBreaks, type ClassMethod } from '../domain/classify';
import { NO_DATA, SUPPRESSED, diverging, sequential, type PaletteVariant, type SequentialPalette } from '../domain/palettes';

export interface ShownValue {
	code: string;
	value: number | null;
	suppressed: boolean;
}

export interface ChoroplethOptions {
	method: ClassMethod;
	classes: number;
	manualBreaks?: number[] | null;
	/** Differences and changes are drawn on a diverging scale around 0. */
	diverging: boolean;
	palette: SequentialPalette;
	/** `projector` leaves out the palest tint, which a washed-out projection loses (palettes.ts); default `screen`. */
	variant?: PaletteVariant;
}

export interface Choropleth {
	colours: Map<string, string>;
	classes: { from: number; to: number; colour: string; count: number }[];
	noData: { colour: string; count: number };
	suppressed: { colour: string; count: number; codes: string[] };
	/** Why there are fewer classes than asked for, or why the manual bounds cannot be used. */
	note: string | null;
}

/** Colours for a number of classes, also for the one or two a degenerate data set leaves. */
function paletteFor(options: ChoroplethOptions, n: number): string[] {
	const size = Math.max(3, n);
	const colours = options.diverging ? diverging(size, options.variant) : sequential(options.palette, size, options.variant);
	if (n >= 3) return colours;
	return options.diverging ? [colours[Math.floor(size / 2)]].slice(0, n) : colours.slice(-n);
}

export function buildChoropleth(values: ShownValue[], options: ChoroplethOptions): Choropleth {
	const shown = values.filter((v) => !v.suppressed);
	const numbers = shown.map((v) => v.value);
	let note: string | null = null;
	let classification;
	try {
		classification = options.diverging
			? divergingBreaks(numbers, options.classes)
			: classify(numbers, options.method, options.classes, options.manualBreaks ?? undefined);
	} catch (error) {
		if (!(error instanceof ClassificationError)) throw error;
		// Manual bounds that do not fit the data: say why, and fall back to quantiles so the map is not empty.
		note = `${error.message} De kaart gebruikt nu kwantielen.`;
		classification = classify(numbers, 'quantielen', options.classes);
	}
	note ??= classification.note;
	const palette = paletteFor(options, classification.classes);
	const colours = new Map<string, string>();
	let noData = 0;
	for (const v of shown) {
		const index = classIndex(v.value, classification.breaks);
		if (index === null) noData++;
		else colours.set(v.code, palette[index]);
	}
	const suppressedCodes = values.filter((v) => v.suppressed).map((v) => v.code);
	return {
		colours,
		classes: classification.counts.map((count, i) => ({
			from: classification.breaks[i],
			to: classification.breaks[i + 1],
			colour: palette[i],
			count
		})),
		noData: { colour: NO_DATA.colour, count: noData },
		suppressed: { colour: SUPPRESSED.background, count: suppressedCodes.length, codes: suppressedCodes },
		note
	};
}

/** The MapLibre fill colour of a choropleth: a lookup by area code, "geen gegevens" grey otherwise. */
export function fillExpression(choropleth: Choropleth): ExpressionSpecification | string {
	if (choropleth.colours.size === 0) return NO_DATA.colour;
	return ['match', ['get', 'code'], ...[...choropleth.colours].flat(), NO_DATA.colour] as unknown as ExpressionSpecification;
}
