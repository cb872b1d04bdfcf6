import { describe, expect, it } from 'vitest';
import { ellipsize, wrapText } from './text';

// One unit per character: widths are easy to reason about.
const mono = (text: string) => text.length;

describe('line breaking', () => {
	it('breaks at spaces within the width', () => {
		expect(wrapText('Wijkaanpak Noord met focus op De Noork', 16, mono, 'regular', 1)).toEqual(['Wijkaanpak Noord', 'met focus op De', 'Noork']);
	});

	it('breaks a long link after a separator', () => {
		const lines = wrapText('http://127.0.0.1:4317/?gemeente=GM0164&gebied=BU01640202', 24, mono, 'regular', 1);
		expect(lines.join('')).toBe('http://127.0.0.1:4317/?gemeente=GM0164&gebied=BU01640202');
		expect(lines.every((l) => l.length <= 24)).toBe(true);
		expect(lines[0]).toBe('http://127.0.0.1:4317/?');
	});

	it('keeps newlines and ends a cut text with an ellipsis', () => {
		expect(wrapText('een\ntwee', 10, mono, 'regular', 1)).toEqual(['een', 'twee']);
		expect(wrapText('een twee drie vier vijf', 9, mono, 'regular', 1, 2)).toEqual(['een twee', 'drie vie…']);
		expect(ellipsize('Bedrijventerrein Timmersveld', 12, mono, 'regular', 1)).toBe('Bedrijvente…');
		expect(ellipsize('kort', 12, mono, 'regular', 1)).toBe('kort');
	});
});
