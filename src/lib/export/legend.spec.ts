import { describe, expect, it } from 'vitest';
import { areasLegend, choroplethLegend, classLabels, formatBound } from './legend';

const input = {
	title: 'Huishoudens met een laag inkomen',
	subtitle: '% · 2024 · buurten',
	method: 'Natuurlijke grenzen (Jenks)',
	unit: '%',
	classes: [
		{ from: 3.1, to: 8.25, colour: '#ffffcc', count: 20 },
		{ from: 8.25, to: 14, colour: '#41b6c4', count: 25 },
		{ from: 14, to: 31.7, colour: '#253494', count: 5 }
	],
	noData: { colour: '#a6a6a6', count: 2 },
	suppressed: { colour: '#ffffff', count: 10 },
};

describe('the legend model', () => {
	it('has a row per class with Dutch bounds, then "geen gegevens" and "te weinig inwoners" with their counts', () => {
		const legend = choroplethLegend(input);
		expect(legend.classes).toEqual([
			{ from: 3.1, to: 8.25, label: '3,1 – 8,3', colour: '#ffffcc', count: 20 },
			{ from: 8.25, to: 14, label: '8,3 – 14', colour: '#41b6c4', count: 25 },
			{ from: 14, to: 31.7, label: '14 – 31,7', colour: '#253494', count: 5 }
		]);
		expect(legend.other).toEqual([
			{ label: 'geen gegevens', shape: 'fill', colour: '#a6a6a6', count: 2 },
			{ label: 'te weinig inwoners', shape: 'hatched', colour: '#ffffff', count: 10 }
		]);
		expect(legend).toMatchObject({ method: 'Natuurlijke grenzen (Jenks)', unit: '%', overlays: [] });
	});

	it('writes differences with a sign and a real minus', () => {
		const legend = choroplethLegend({ ...input, signed: true, classes: [{ from: -4.5, to: 0, colour: '#e66101', count: 3 }, { from: 0, to: 2.25, colour: '#5e3c99', count: 4 }] });
		expect(legend.classes.map((c) => c.label)).toEqual(['−4,5 – 0', '0 – +2,3']);
		expect(formatBound(1234.5)).toBe('1.235');
		expect(formatBound(-0.25)).toBe('−0,3');
	});

	it('gives close class bounds more decimals instead of writing "5,7 – 5,7"', () => {
		const classes = [
			{ from: 5.66, to: 5.71, colour: '#fff', count: 1 },
			{ from: 5.71, to: 5.74, colour: '#ccc', count: 2 },
			{ from: 5.74, to: 9.2, colour: '#000', count: 3 }
		];
		expect(classLabels(classes)).toEqual(['5,66 – 5,71', '5,71 – 5,74', '5,74 – 9,2']);
		// Bounds that are apart at one decimal keep one.
		expect(classLabels([{ from: 1, to: 2.25 }, { from: 2.25, to: 4 }])).toEqual(['1 – 2,3', '2,3 – 4']);
	});

	it('explains the fills of a map without a theme, and says there is no classification', () => {
		expect(areasLegend({ levelName: 'Buurten', selectedName: 'Noord' })).toMatchObject({
			method: 'geen thema gekozen',
			classes: [],
			other: [
				{ label: 'Noord', count: null },
				{ label: 'Buurten binnen de selectie', count: null },
				{ label: 'Buurten erbuiten', count: null }
			]
		});
		expect(areasLegend({ levelName: 'Wijken', selectedName: null }).other.map((i) => i.label)).toEqual(['Wijken']);
	});
});
