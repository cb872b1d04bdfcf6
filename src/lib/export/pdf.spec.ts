import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { PDFDocument, PDFName, PDFDict, PDFArray } from 'pdf-lib';
import { createPdf, pdfColour } from './pdf';
import { PAGE_FORMATS, layoutExportPage } from './layout';
import { fontFiles, LINK, pdfText, sampleMeta, stripesPng } from './test-support';

/** Set EXPORT_SPEC_OUT=dir to keep the PDFs for a look (pdftoppm). */
function keep(name: string, bytes: Uint8Array) {
	const dir = process.env.EXPORT_SPEC_OUT;
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	writeFileSync(`${dir}/${name}`, bytes);
}

describe('PDF pages', { timeout: 60_000 }, () => {
	it('paints a handout page per layout with selectable title, demodata label and link, and a clickable link', async () => {
		const pdf = await createPdf(fontFiles());
		const titles = ['Urgentiescore — Hengelo', 'Urgentiescore — De Noork, Hengelo'];
		for (const title of titles) {
			const layout = layoutExportPage(PAGE_FORMATS['a4-liggend'], sampleMeta({ title, text: 'De Noork scoort op vier van de vijf domeinen ongunstig.' }), pdf.measure);
			await pdf.addPage(layout, stripesPng(Math.round(layout.map.w), Math.round(layout.map.h)));
		}
		const bytes = await pdf.save({ title: 'Wijkgericht werken in Hengelo', created: new Date('2025-03-14T10:00:00Z') });
		keep('handout.pdf', bytes);

		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(2);
		const [width, height] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
		expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
		expect(doc.getTitle()).toBe('Wijkgericht werken in Hengelo');

		const text = await pdfText(bytes);
		titles.forEach((title, i) => expect(text[i]).toContain(title));
		for (const page of text) {
			expect(page).toContain('Demodata — geen echte cijfers');
			expect(page).toContain('Peildatum: gegevens 2024 · geëxporteerd op 14 maart 2025');
			expect(page).toContain('CBS / Kadaster');
			// The link is broken over lines; joined it is the whole URL.
			expect(page.replace(/ /g, '')).toContain(LINK);
		}
		const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
		const uris = annots.asArray().map((ref) => {
			const action = doc.context.lookup(ref, PDFDict).lookup(PDFName.of('A'), PDFDict);
			return action.lookup(PDFName.of('URI'))?.toString();
		});
		expect(uris).toContain(`(${LINK})`);
	});

	it('writes characters the font lacks so that they still read', async () => {
		const pdf = await createPdf(fontFiles());
		const layout = layoutExportPage(PAGE_FORMATS['a4-staand'], sampleMeta({ title: 'Score ≥ 0,5 → urgent' }), pdf.measure);
		await pdf.addPage(layout, stripesPng(20, 20));
		const text = await pdfText(await pdf.save({ title: 'x' }));
		expect(text[0]).toContain('Score >= 0,5 -> urgent');
	});

	it('reads colours as hex and rgba', () => {
		expect(pdfColour('#ff8000')).toEqual({ colour: { type: 'RGB', red: 1, green: 128 / 255, blue: 0 }, opacity: 1 });
		expect(pdfColour('rgba(0,0,0,0.45)').opacity).toBe(0.45);
		expect(() => pdfColour('red')).toThrow(/Onbekende kleur/);
	});
});
