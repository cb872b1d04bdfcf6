// Exports as a user makes them: the "Exporteren" control on the map page, downloads read back in Node.
// PNGs: the exact pixel size from the header, a map with many colours, the legend's palette colours and dark
// text, a QR code that decodes to the live link, which opens the same view. The area card PDF of De Noork:
// its pages and its (selectable) text. The fixtures fail any remote request, so all of it happens locally.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { expect, mapIdle, renderedCodes, test } from './fixtures';

const URGENCY_VIEW = '/?gemeente=GM0164&laag=buurt&thema=urgentie';
// ColorBrewer YlOrRd with 5 classes: the urgency palette the legend swatches are painted in.
const URGENCY_COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];

async function exportFile(page: Page, item: string): Promise<{ download: Download; bytes: Buffer }> {
	const panel = page.getByRole('group', { name: 'Exporteren' });
	if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Exporteren' }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 150_000 }),
		panel.getByRole('button', { name: item }).click()
	]);
	await expect(panel.getByRole('status')).toHaveText(`Klaar: ${download.suggestedFilename()} is gedownload.`);
	return { download, bytes: readFileSync((await download.path())!) };
}

/** Width and height as the PNG's IHDR chunk states them. */
function pngHeaderSize(bytes: Buffer): [number, number] {
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
	return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

interface Region {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** Distinct colours, dark (text) pixels and which of `wanted` occur exactly, in a region given as shares of the image. */
function regionStats(png: PNG, region: Region, wanted: string[] = []) {
	const colours = new Set<number>();
	const found = new Set<string>();
	const wantedRgb = new Map(wanted.map((hex) => [parseInt(hex.slice(1), 16), hex]));
	let dark = 0;
	const [x0, x1] = [Math.floor(region.x0 * png.width), Math.floor(region.x1 * png.width)];
	const [y0, y1] = [Math.floor(region.y0 * png.height), Math.floor(region.y1 * png.height)];
	for (let y = y0; y < y1; y++) {
		for (let x = x0; x < x1; x++) {
			const i = (y * png.width + x) * 4;
			const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
			const rgb = (r << 16) | (g << 8) | b;
			colours.add(rgb);
			const hex = wantedRgb.get(rgb);
			if (hex) found.add(hex);
			if (0.2126 * r + 0.7152 * g + 0.0722 * b < 70) dark++;
		}
	}
	return { colours: colours.size, dark, found: [...found].sort() };
}

/** The QR code anywhere in (a part of) the image, decoded. */
function decodeQr(png: PNG, region: Region = { x0: 0, y0: 0, x1: 1, y1: 1 }): string | null {
	const [x0, x1] = [Math.floor(region.x0 * png.width), Math.floor(region.x1 * png.width)];
	const [y0, y1] = [Math.floor(region.y0 * png.height), Math.floor(region.y1 * png.height)];
	const width = x1 - x0;
	const height = y1 - y0;
	const crop = new Uint8ClampedArray(width * height * 4);
	for (let y = 0; y < height; y++) crop.set(png.data.subarray(((y0 + y) * png.width + x0) * 4, ((y0 + y) * png.width + x1) * 4), y * width * 4);
	return jsQR(crop, width, height)?.data ?? null;
}

test.describe('exports', () => {
	test.setTimeout(300_000);

	test('the current view of Hengelo with urgency as PNG at 1920 × 1080 and A4 300 dpi, with a QR code back to the same view', async ({ page, baseURL }) => {
		await page.goto(URGENCY_VIEW);
		await mapIdle(page);
		const search = await page.evaluate(() => location.search);
		const liveLink = `${baseURL}/${search}`;

		// 1920 × 1080: title on top, the map on the left, the legend and the QR code on the right.
		const hd = await exportFile(page, 'Afbeelding 1920 × 1080 (PNG)');
		expect(hd.download.suggestedFilename()).toBe('wijkbeeld-hengelo-urgentie-2024.png');
		expect(pngHeaderSize(hd.bytes)).toEqual([1920, 1080]);
		const hdPng = PNG.sync.read(hd.bytes);
		const hdMap = regionStats(hdPng, { x0: 0.05, y0: 0.2, x1: 0.65, y1: 0.8 });
		expect(hdMap.colours, 'the map is drawn, not blank').toBeGreaterThan(200);
		const hdTitle = regionStats(hdPng, { x0: 0.01, y0: 0.02, x1: 0.5, y1: 0.1 });
		expect(hdTitle.dark, 'the title is written').toBeGreaterThan(2000);
		const hdLegend = regionStats(hdPng, { x0: 0.72, y0: 0.12, x1: 0.99, y1: 0.55 }, URGENCY_COLOURS);
		expect(hdLegend.found, 'the legend shows every urgency class colour').toEqual([...URGENCY_COLOURS].sort());
		expect(hdLegend.dark, 'the legend has its text').toBeGreaterThan(1500);
		expect(decodeQr(hdPng, { x0: 0.6, y0: 0.4, x1: 1, y1: 1 })).toBe(liveLink);

		// A4 portrait at 300 dpi: the map across the top, legend and QR code below it.
		const a4 = await exportFile(page, 'Afbeelding A4 300 dpi (PNG)');
		expect(a4.download.suggestedFilename()).toBe('wijkbeeld-hengelo-urgentie-2024-a4.png');
		expect(pngHeaderSize(a4.bytes)).toEqual([2480, 3508]);
		const a4Png = PNG.sync.read(a4.bytes);
		expect(regionStats(a4Png, { x0: 0.1, y0: 0.15, x1: 0.9, y1: 0.6 }).colours, 'the map is drawn').toBeGreaterThan(200);
		expect(regionStats(a4Png, { x0: 0.03, y0: 0.02, x1: 0.6, y1: 0.07 }).dark, 'the title is written').toBeGreaterThan(5000);
		const a4Legend = regionStats(a4Png, { x0: 0.03, y0: 0.7, x1: 0.5, y1: 0.92 }, URGENCY_COLOURS);
		expect(a4Legend.found).toEqual([...URGENCY_COLOURS].sort());
		expect(decodeQr(a4Png, { x0: 0.45, y0: 0.7, x1: 1, y1: 0.95 })).toBe(liveLink);

		// A4 landscape: the other orientation, the same content.
		await page.getByRole('radio', { name: 'Liggend' }).check();
		const landscape = await exportFile(page, 'Afbeelding A4 300 dpi (PNG)');
		expect(landscape.download.suggestedFilename()).toBe('wijkbeeld-hengelo-urgentie-2024-a4-liggend.png');
		expect(pngHeaderSize(landscape.bytes)).toEqual([3508, 2480]);
		expect(regionStats(PNG.sync.read(landscape.bytes), { x0: 0.05, y0: 0.2, x1: 0.65, y1: 0.8 }).colours).toBeGreaterThan(200);

		// The link from the QR code opens the same view: same theme, same areas on the map.
		const shown = await renderedCodes(page, 'buurt');
		const other = await page.context().newPage();
		await other.goto(decodeQr(hdPng, { x0: 0.6, y0: 0.4, x1: 1, y1: 1 })!);
		await mapIdle(other);
		expect(await other.evaluate(() => location.search)).toBe(search);
		await expect(other.getByRole('region', { name: 'Urgentiescore' })).toBeVisible();
		expect(await renderedCodes(other, 'buurt')).toEqual(shown);
		await other.close();
	});

	test('the area card of De Noork as PDF: map page, urgency with programmes and investments, indicators', async ({ page, baseURL }) => {
		await page.goto(`${URGENCY_VIEW}&gebied=BU01640202`);
		await mapIdle(page);
		const liveLink = `${baseURL}/${await page.evaluate(() => location.search)}`;
		const { download, bytes } = await exportFile(page, 'Gebiedskaart (PDF)');
		expect(download.suggestedFilename()).toBe('wijkbeeld-hengelo-de-noork-gebiedskaart-2024.pdf');
		expect(bytes.subarray(0, 5).toString('ascii')).toBe('%PDF-');

		const doc = await PDFDocument.load(bytes);
		// By design: the map page, then urgency with the register (one page for a buurt), then the indicators.
		expect(doc.getPageCount()).toBe(3);
		for (const p of doc.getPages()) expect([Math.round(p.getWidth()), Math.round(p.getHeight())]).toEqual([595, 842]);
		expect(doc.getTitle()).toBe('Gebiedskaart De Noork, Hengelo');

		const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
		const pages: string[] = [];
		for (let i = 1; i <= pdf.numPages; i++) {
			const content = await (await pdf.getPage(i)).getTextContent();
			pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
		}
		await pdf.destroy();
		expect(pages[0]).toContain('Gebiedskaart De Noork, Hengelo');
		expect(pages[0]).toContain('Urgentiescore');
		expect(pages[0]).toContain('Indeling: Kwantielen');
		expect(pages[1]).toMatch(/Rang \d+ van \d+ buurten in Hengelo/);
		expect(pages[1]).toContain('Wijkaanpak Noord');
		expect(pages[1]).toContain('Welbions');
		// The wijkbudgetten of De Noork's wijk (Noord), per year, with the share spent.
		expect(pages[1]).toMatch(/Wijkbudgetten \(bewonersbudgetten\).*2024: € [\d.]+ \(\d+ % besteed/);
		expect(pages[2]).toContain('Indicatoren 2024');
		expect(pages[2]).toContain('Huishoudens met laag inkomen');
		for (const text of pages) {
			expect(text).toContain('Demodata — geen echte cijfers');
			expect(text).toContain('CBS / Kadaster');
			expect(text.replace(/\s+/g, '')).toContain(liveLink);
		}
	});

	test('the control works with the keyboard, passes axe, and says in Dutch when an export fails', async ({ page }) => {
		await page.goto(`${URGENCY_VIEW}&gebied=BU01640202`);
		await mapIdle(page);
		const toggle = page.getByRole('button', { name: 'Exporteren' });
		const panel = page.getByRole('group', { name: 'Exporteren' });
		await toggle.focus();
		await page.keyboard.press('Enter');
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await page.keyboard.press('Tab');
		await expect(panel.getByRole('button', { name: 'Afbeelding 1920 × 1080 (PNG)' })).toBeFocused();
		const axe = await new AxeBuilder({ page }).include('.export').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.keyboard.press('Escape');
		await expect(panel).toBeHidden();
		await expect(toggle).toBeFocused();

		// A browser that cannot draw the export's map (no WebGL2 for new canvases): a clear message, no download.
		await page.evaluate(() => {
			const original = HTMLCanvasElement.prototype.getContext;
			HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
				return type === 'webgl2' ? null : (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
			} as typeof original;
		});
		await toggle.click();
		await panel.getByRole('button', { name: 'Afbeelding 1920 × 1080 (PNG)' }).click();
		await expect(panel.getByRole('alert')).toHaveText('Exporteren is niet gelukt: deze browser kan de kaart niet tekenen (WebGL2 ontbreekt).');
		await expect(panel.getByRole('status')).toHaveText('');
	});
});
