import { describe, expect, it } from 'vitest';
import {
	NO_DATA,
	SEQUENTIAL_PALETTES,
	SUPPRESSED,
	colourDifference,
	contrastRatio,
	diverging,
	hexToRgb,
	linearChannel,
	relativeLuminance,
	sequential,
	suppressedPattern,
	textColourOn,
	toLab,
	type PaletteVariant
} from './palettes';

const COUNTS = [3, 4, 5, 6, 7];
const VARIANTS: PaletteVariant[] = ['screen', 'projector'];

/** Every palette the app can draw, named for failure messages. */
function allPalettes(): [string, string[]][] {
	const palettes: [string, string[]][] = [];
	for (const variant of VARIANTS) {
		for (const n of COUNTS) {
			for (const name of SEQUENTIAL_PALETTES) palettes.push([`${name} ${n} ${variant}`, sequential(name, n, variant)]);
			palettes.push([`PuOr ${n} ${variant}`, diverging(n, variant)]);
		}
	}
	return palettes;
}

// Machado, Oliveira & Fernandes (2009), full severity, applied to linear RGB: how a colour looks with
// protanopia, deuteranopia and tritanopia.
const COLOUR_BLINDNESS: Record<string, number[][]> = {
	protanopia: [
		[0.152286, 1.052583, -0.204868],
		[0.114503, 0.786281, 0.099216],
		[-0.003882, -0.048116, 1.051998]
	],
	deuteranopia: [
		[0.367322, 0.860646, -0.227968],
		[0.280085, 0.672501, 0.047413],
		[-0.01182, 0.04294, 0.968881]
	],
	tritanopia: [
		[1.255528, -0.076749, -0.178779],
		[-0.078411, 0.930809, 0.147602],
		[0.004733, 0.691367, 0.3039]
	]
};

function simulate(hex: string, matrix: number[][]): string {
	const linear = hexToRgb(hex).map((c) => linearChannel(c / 255));
	const toSrgb = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
	return (
		'#' +
		matrix
			.map((row) => row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])
			.map((c) => Math.round(toSrgb(Math.min(1, Math.max(0, c))) * 255))
			.map((c) => c.toString(16).padStart(2, '0'))
			.join('')
	);
}

describe('sequential and diverging palettes', () => {
	it('give the published ColorBrewer colours for 3 to 7 classes', () => {
		expect(sequential('YlOrRd', 5)).toEqual(['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026']);
		expect(sequential('YlGnBu', 3)).toEqual(['#edf8b1', '#7fcdbb', '#2c7fb8']);
		expect(diverging(5)).toEqual(['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99']);
		for (const [name, colours] of allPalettes()) expect(colours, name).toHaveLength(Number(name.split(' ')[1]));
		expect(() => sequential('YlOrRd', 2)).toThrow(RangeError);
		expect(() => diverging(8)).toThrow('Een kleurenschaal heeft 3 tot en met 7 klassen, niet 8.');
	});

	it('drop the palest tint for the projector', () => {
		// YlOrRd 6 without its first colour
		expect(sequential('YlOrRd', 5, 'projector')).toEqual(['#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026']);
		for (const name of SEQUENTIAL_PALETTES) {
			for (const n of COUNTS) {
				expect(relativeLuminance(sequential(name, n, 'projector')[0])).toBeLessThan(relativeLuminance(sequential(name, n)[0]));
			}
		}
	});

	it('get darker with every sequential class, so the order survives colour blindness and greyscale print', () => {
		for (const [name, colours] of allPalettes()) {
			if (name.startsWith('PuOr')) continue;
			for (let i = 1; i < colours.length; i++) {
				// CIELAB lightness drops at least 5 per step (the smallest step is YlOrRd 7 projector, 5,6)
				expect(toLab(colours[i - 1])[0] - toLab(colours[i])[0], `${name}, class ${i}`).toBeGreaterThan(5);
			}
		}
	});

	it('keep the diverging middle neutral and lightest, darkening towards both ends', () => {
		for (const n of COUNTS) {
			const lightness = diverging(n).map((c) => toLab(c)[0]);
			const middle = Math.floor((n - 1) / 2);
			if (n % 2 === 1) {
				const [, a, b] = toLab(diverging(n)[middle]);
				expect(Math.hypot(a, b), `PuOr ${n}: middle is grey`).toBeLessThan(1);
			}
			for (let i = 1; i <= middle; i++) expect(lightness[i]).toBeGreaterThan(lightness[i - 1]);
			const upperMiddle = Math.ceil((n - 1) / 2);
			for (let i = upperMiddle + 1; i < n; i++) expect(lightness[i]).toBeLessThan(lightness[i - 1]);
		}
	});

	it('keep adjacent classes apart for normal vision and the three kinds of colour blindness', () => {
		// Threshold: CIE76 ΔE ≥ 6 (2,3 is just noticeable); the tightest pair is Purples 7 projector,
		// classes 0–1, under tritanopia at 6,8.
		for (const [name, colours] of allPalettes()) {
			for (let i = 1; i < colours.length; i++) {
				expect(colourDifference(colours[i - 1], colours[i]), `${name}, classes ${i - 1}–${i}`).toBeGreaterThanOrEqual(6);
				for (const [vision, matrix] of Object.entries(COLOUR_BLINDNESS)) {
					const difference = colourDifference(simulate(colours[i - 1], matrix), simulate(colours[i], matrix));
					expect(difference, `${name}, classes ${i - 1}–${i}, ${vision}`).toBeGreaterThanOrEqual(6);
				}
			}
		}
	});
});

describe('no data and suppressed areas', () => {
	it('draws "geen gegevens" in a grey far from every class colour', () => {
		for (const [name, colours] of allPalettes()) {
			for (const colour of colours) expect(colourDifference(colour, NO_DATA.colour), `${name} ${colour}`).toBeGreaterThanOrEqual(15);
		}
	});

	it('hatches suppressed areas with lines that stand out from their background (WCAG non-text 3 : 1)', () => {
		expect(contrastRatio(SUPPRESSED.line, SUPPRESSED.background)).toBeGreaterThanOrEqual(3);
		expect(SUPPRESSED.background).not.toBe(NO_DATA.colour);
		expect(SUPPRESSED.label).not.toBe(NO_DATA.label);
	});

	it('builds a seamless 45° hatching image', () => {
		// 8 × 8 at pixel ratio 1, line width round(1,5) = 2: pixel (x, y) is a line where (x + y) mod 8 < 2,
		// which is 2 of every 8 pixels in each row → 16 of 64.
		const image = suppressedPattern();
		expect([image.width, image.height, image.data.length]).toEqual([8, 8, 8 * 8 * 4]);
		const isLine = (x: number, y: number) => image.data[(y * 8 + x) * 4] === hexToRgb(SUPPRESSED.line)[0];
		expect(isLine(0, 0)).toBe(true);
		expect(isLine(7, 1)).toBe(true); // (7 + 1) mod 8 = 0: the line wraps around the tile edge
		expect(isLine(4, 0)).toBe(false);
		let lines = 0;
		for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) if (isLine(x, y)) lines++;
		expect(lines).toBe(16);
		expect(suppressedPattern(2).width).toBe(16);
	});
});

describe('text on a coloured area', () => {
	it('computes WCAG contrast', () => {
		// #777777: 0x77 / 255 = 0,4667 → linear ((0,4667 + 0,055) / 1,055)^2,4 = 0,1845
		// against white (1 + 0,05) / (0,1845 + 0,05) = 4,48; against black (0,1845 + 0,05) / 0,05 = 4,69
		expect(relativeLuminance('#777777')).toBeCloseTo(0.1845, 3);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
		expect(contrastRatio('#000000', '#ffffff')).toBe(21);
		expect(textColourOn('#777777')).toBe('#000000');
		expect(textColourOn('#ffffcc')).toBe('#000000');
		expect(textColourOn('#0c2c84')).toBe('#ffffff');
	});

	it('picks black or white text with at least 4,5 : 1 contrast on every fill', () => {
		const fills = [...allPalettes().flatMap(([, colours]) => colours), NO_DATA.colour, SUPPRESSED.background];
		for (const fill of fills) expect(contrastRatio(fill, textColourOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
	});

	it('reads short and long hex notations and rejects anything else', () => {
		expect(hexToRgb('#fff')).toEqual([255, 255, 255]);
		expect(hexToRgb('#2c7fb8')).toEqual([44, 127, 184]);
		expect(() => hexToRgb('rood')).toThrow('Geen kleur: "rood".');
	});
});
