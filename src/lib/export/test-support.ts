// Shared by the export specs (Node): the app's font files, a fixed meta, a PDF's text and a plain measure.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import type { PdfFonts } from './pdf';
import type { ExportMeta } from './meta';
import { choroplethLegend } from './legend';

const require = createRequire(import.meta.url);

export function fontFiles(): PdfFonts {
	const file = (weight: number) => new Uint8Array(readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`)));
	return { regular: file(400), bold: file(700) };
}

export const LINK = 'http://127.0.0.1:4317/?gemeente=GM0164&gebied=BU01640202&laag=buurt&thema=urgentie&jaar=2024&kaart=13.50/52.27310/6.79950';

export function sampleMeta(overrides: Partial<ExportMeta> = {}): ExportMeta {
	return {
		title: 'Urgentiescore — De Noork, Hengelo',
		subtitle: 'Buurten · 2024',
		legend: choroplethLegend({
			title: 'Urgentiescore',
			subtitle: 'standaardscore · 2024 · buurten',
			method: 'Kwantielen (even veel gebieden per klasse)',
			unit: 'standaardscore',
			classes: [
				{ from: -1.2, to: -0.5, colour: '#ffffb2', count: 12 },
				{ from: -0.5, to: -0.1, colour: '#fecc5c', count: 12 },
				{ from: -0.1, to: 0.3, colour: '#fd8d3c', count: 12 },
				{ from: 0.3, to: 0.8, colour: '#f03b20', count: 12 },
				{ from: 0.8, to: 1.9, colour: '#bd0026', count: 11 }
			],
			noData: { colour: '#a6a6a6', count: 0 },
			suppressed: { colour: '#ffffff', count: 3 }
		}),
		source: 'Demodata Wijkbeeld (synthetisch)',
		peiljaar: 2024,
		generatedAt: '2025-03-14T12:00:00+01:00',
		synthetic: true,
		link: LINK,
		...overrides
	};
}

/** A rough measure for layout maths that need no real font: 0.55 em per character (bold 0.6). */
export const roughMeasure = (text: string, weight: 'regular' | 'bold', size: number) => text.length * size * (weight === 'bold' ? 0.6 : 0.55);

/** A PNG of flat colour stripes, standing in for a rendered map. */
export function stripesPng(width: number, height: number): Uint8Array {
	const png = new PNG({ width, height });
	const colours = [[255, 255, 178], [254, 204, 92], [253, 141, 60], [240, 59, 32], [189, 0, 38]];
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const c = colours[Math.floor((x / width) * colours.length)];
			png.data.set([c[0], c[1], c[2], 255], (y * width + x) * 4);
		}
	}
	return new Uint8Array(PNG.sync.write(png));
}

/** The text of every page of a PDF, as pdf.js extracts it (what a reader can select and search). */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const doc = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
	}
	await doc.destroy();
	return pages;
}
