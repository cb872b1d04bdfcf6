// A story on paper: the hand-out PDF of the seeded story has one A4 landscape page per slide, in the story's order,
// each with the slide's title, the demodata label and the link back to its live view; one slide as a PNG has the
// exact size and is not blank. Drawn in the browser from the story's snapshots; the fixtures fail remote requests.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { expect, test } from './fixtures';

const SEEDED = 'Wijkgericht werken in Hengelo';

interface StoryBody {
	id: number;
	slides: { title: string }[];
}

async function seededStory(page: Page): Promise<StoryBody> {
	const list = (await (await page.request.get('/api/stories?gemeente=GM0164')).json()) as { id: number; title: string }[];
	const found = list.find((s) => s.title === SEEDED);
	if (!found) throw new Error('the seeded story is missing');
	return (await (await page.request.get(`/api/stories/${found.id}`)).json()) as StoryBody;
}

async function downloadFrom(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
	const group = page.getByRole('group', { name: 'Afdrukken en afbeeldingen' });
	const [download] = await Promise.all([page.waitForEvent('download', { timeout: 280_000 }), group.getByRole('button', { name: button }).click()]);
	await expect(group.getByRole('status')).toHaveText(`Klaar: ${download.suggestedFilename()} is gedownload.`);
	return { download, bytes: readFileSync((await download.path())!) };
}

test.describe('a story on paper', () => {
	// Seven maps drawn in software WebGL, one after another.
	test.setTimeout(300_000);

	test('the hand-out has one A4 landscape page per slide, in order, each with title, demodata label and link', async ({ page, baseURL }) => {
		const story = await seededStory(page);
		await page.goto(`/verhalen/${story.id}`);
		const { download, bytes } = await downloadFrom(page, 'Hand-out (PDF, A4 per dia)');
		expect(download.suggestedFilename()).toBe('wijkbeeld-hengelo-verhaal-wijkgericht-werken-in-hengelo-hand-out.pdf');

		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(story.slides.length);
		expect(doc.getTitle()).toBe(SEEDED);
		for (const p of doc.getPages()) expect([Math.round(p.getWidth()), Math.round(p.getHeight())]).toEqual([842, 595]);

		const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
		const snapshots = (await (await page.request.get(`/api/stories/${story.id}/snapshots?variant=screen`)).json()) as {
			slides: { meta: { link: string } }[];
		};
		for (let i = 1; i <= pdf.numPages; i++) {
			const text = (await (await pdf.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
			const flat = text.replace(/\s+/g, '');
			expect(flat, `page ${i} names its slide`).toContain(story.slides[i - 1].title.replace(/\s+/g, ''));
			expect(text).toContain('Demodata — geen echte cijfers');
			expect(text).toContain('CBS / Kadaster');
			const link = snapshots.slides[i - 1].meta.link;
			expect(link.startsWith(`${baseURL}/?`), `the link of slide ${i} leads to the live app`).toBe(true);
			expect(flat).toContain(link);
		}
		await pdf.destroy();
	});

	test('one slide as a 1920 × 1080 PNG, not blank', async ({ page }) => {
		const story = await seededStory(page);
		await page.goto(`/verhalen/${story.id}`);
		await page.getByRole('button', { name: new RegExp(`^Dia 3\\b`) }).first().click();
		const { download, bytes } = await downloadFrom(page, 'Dia 3 als afbeelding (PNG 1920 × 1080)');
		expect(download.suggestedFilename()).toMatch(/^wijkbeeld-hengelo-verhaal-wijkgericht-werken-in-hengelo-dia-3(-\d{4})?\.png$/);
		const png = PNG.sync.read(bytes);
		expect([png.width, png.height]).toEqual([1920, 1080]);
		const colours = new Set<number>();
		for (let i = 0; i < png.data.length; i += 4 * 7) colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
		expect(colours.size, 'a drawn map has many colours').toBeGreaterThan(200);
	});
});
