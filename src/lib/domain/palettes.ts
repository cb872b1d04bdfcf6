// Map colours: sequential and diverging class palettes that colour-blind readers can tell apart, the colours for
// "geen gegevens" and "te weinig inwoners", and the text colour that stays readable on top of each of them.
//
// The class colours are Cynthia Brewer's ColorBrewer schemes (colorbrewer2.org, Apache-2.0 licence), all three
// sequential ones and PuOr marked colour-blind safe there. Every scheme is ordered from low to high values.

export const SEQUENTIAL_PALETTES = ['YlGnBu', 'YlOrRd', 'Purples'] as const;
export type SequentialPalette = (typeof SEQUENTIAL_PALETTES)[number];

export const PALETTE_LABELS: Record<SequentialPalette | 'PuOr', string> = {
	YlGnBu: 'Geel–groen–blauw',
	YlOrRd: 'Geel–oranje–rood',
	Purples: 'Paars',
	PuOr: 'Oranje–wit–paars (verschil)'
};

/** Indicators are drawn in YlGnBu; urgency in YlOrRd, so the two maps are never mistaken for each other. */
export const INDICATOR_PALETTE: SequentialPalette = 'YlGnBu';
export const URGENCY_PALETTE: SequentialPalette = 'YlOrRd';

/**
 * `screen` is the scheme as published. `projector` drops the palest tint (it disappears on a washed-out
 * projection): it takes the scheme with one class more and leaves out its first colour.
 */
export type PaletteVariant = 'screen' | 'projector';

export const MIN_PALETTE_CLASSES = 3;
export const MAX_PALETTE_CLASSES = 7;

// 3 to 8 classes; the 8-class schemes are only used by the projector variant.
const SEQUENTIAL: Record<SequentialPalette, Record<number, readonly string[]>> = {
	YlGnBu: {
		3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
		4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
		5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
		6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
		7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
		8: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84']
	},
	YlOrRd: {
		3: ['#ffeda0', '#feb24c', '#f03b20'],
		4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
		5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
		6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
		7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
		8: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026']
	},
	Purples: {
		3: ['#efedf5', '#bcbddc', '#756bb1'],
		4: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#6a51a3'],
		5: ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
		6: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'],
		7: ['#f2f0f7', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486'],
		8: ['#fcfbfd', '#efedf5', '#dadaeb', '#bcbddc', '#9e9ac8', '#807dba', '#6a51a3', '#4a1486']
	}
};

// ColorBrewer PuOr in its published order, orange → purple: index 0 is the most negative difference. Odd
// counts have the neutral #f7f7f7 in the middle.
const PU_OR: Record<number, readonly string[]> = {
	3: ['#f1a340', '#f7f7f7', '#998ec3'],
	4: ['#e66101', '#fdb863', '#b2abd2', '#5e3c99'],
	5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
	6: ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'],
	7: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788']
};

/** Areas without a value: a mid grey, far (CIELAB ΔE ≥ 15) from every class colour above. */
export const NO_DATA = { colour: '#a6a6a6', label: 'Geen gegevens' } as const;

/**
 * Areas whose values are withheld (fewer than 50 inhabitants): diagonal dark hatching on white. A pattern, not a
 * colour, so it cannot be confused with a class or with "geen gegevens", also not by colour-blind readers.
 */
export const SUPPRESSED = {
	background: '#ffffff',
	line: '#595959',
	label: 'Te weinig inwoners (minder dan 50)',
	/** MapLibre image name the map registers `suppressedPattern()` under. */
	image: 'wijkbeeld-afgeschermd'
} as const;

function checkCount(n: number, max = MAX_PALETTE_CLASSES) {
	if (!Number.isInteger(n) || n < MIN_PALETTE_CLASSES || n > max) {
		throw new RangeError(`Een kleurenschaal heeft ${MIN_PALETTE_CLASSES} tot en met ${max} klassen, niet ${n}.`);
	}
}

/** `n` colours (3 to 7) of a sequential scheme, from low to high. */
export function sequential(name: SequentialPalette, n: number, variant: PaletteVariant = 'screen'): string[] {
	checkCount(n);
	const scheme = SEQUENTIAL[name];
	if (!scheme) throw new RangeError(`Onbekende kleurenschaal "${name}". Kies uit: ${SEQUENTIAL_PALETTES.join(', ')}.`);
	return variant === 'projector' ? scheme[n + 1].slice(1) : [...scheme[n]];
}

/**
 * `n` colours (3 to 7) of the diverging scheme, from most below to most above the reference; for odd `n` the
 * middle one is neutral. The projector variant is the same scheme: its palest colour is the neutral middle,
 * which is meant to recede.
 */
export function diverging(n: number, _variant: PaletteVariant = 'screen'): string[] {
	checkCount(n);
	return [...PU_OR[n]];
}

/**
 * A MapLibre image (`map.addImage(SUPPRESSED.image, suppressedPattern(devicePixelRatio), { pixelRatio })`)
 * with 45° hatching that tiles seamlessly: a line wherever (x + y) mod size falls within the line width.
 */
export function suppressedPattern(pixelRatio = 1): { width: number; height: number; data: Uint8Array } {
	const size = Math.max(4, Math.round(8 * pixelRatio));
	const lineWidth = Math.max(1, Math.round(1.5 * pixelRatio));
	const background = hexToRgb(SUPPRESSED.background);
	const line = hexToRgb(SUPPRESSED.line);
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const colour = (x + y) % size < lineWidth ? line : background;
			data.set([colour[0], colour[1], colour[2], 255], (y * size + x) * 4);
		}
	}
	return { width: size, height: size, data };
}

/** '#rrggbb' (or '#rgb') as 0–255 channels. */
export function hexToRgb(hex: string): [number, number, number] {
	const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
	if (!match) throw new RangeError(`Geen kleur: "${hex}".`);
	const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
	return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** sRGB channel (0–1) to linear light, as WCAG 2 and CIELAB both need. */
export function linearChannel(channel: number): number {
	return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
	const [r, g, b] = hexToRgb(hex).map((c) => linearChannel(c / 255));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/**
 * Black or white, whichever contrasts more with the background. One of the two always reaches at least
 * 4.58 : 1 (the worst case is a background of luminance ≈ 0.18), so labels meet WCAG AA (4.5 : 1) on any fill.
 */
export function textColourOn(background: string): '#000000' | '#ffffff' {
	return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

/** CIELAB (D65) of an sRGB colour, for colour differences. */
export function toLab(hex: string): [number, number, number] {
	const [r, g, b] = hexToRgb(hex).map((c) => linearChannel(c / 255));
	const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
	const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
	const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference ΔE*ab; about 2.3 is just noticeable, above 10 clearly different at a glance. */
export function colourDifference(a: string, b: string): number {
	const [l1, a1, b1] = toLab(a);
	const [l2, a2, b2] = toLab(b);
	return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
