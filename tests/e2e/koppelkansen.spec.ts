// The koppelkansen view in a real browser on the seeded register and demo monitor: De Noork's koppelkans with its
// explanation at the top, the same results coloured on the map, selecting one highlights it there and opens its
// area card, filters, and the CSV export.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';
import { KIND_COLOURS } from '../../src/lib/domain/koppelkansen';

// A fixed period, so that the test does not depend on today's date: De Noork's Welbions complexes (2024–2027) and
// the gemeente's buitenruimte (2026–2027) both fall in it.
const VIEW = '/koppelkansen?gemeente=GM0164&van=2026-01-01&tot=2029-12-31';

/** The colours MapLibre gives the buurten through the match expression. */
async function colours(page: Page): Promise<Record<string, string>> {
	return page.evaluate(() => {
		const fill = window.wijkbeeld!.map.getPaintProperty('buurt-fill', 'fill-color');
		if (!Array.isArray(fill) || fill[0] !== 'match') return {};
		const pairs = fill.slice(2, -1) as string[];
		const result: Record<string, string> = {};
		for (let i = 0; i < pairs.length; i += 2) result[pairs[i]] = pairs[i + 1];
		return result;
	});
}

test.describe('koppelkansen', () => {
	test("De Noork's koppelkans comes first, explained, and the map colours what the list shows", async ({ page }) => {
		await page.goto(VIEW);
		await mapIdle(page);
		const results = page.locator('li.result');
		const top = results.first();
		await expect(top).toHaveAttribute('data-code', 'BU01640202');
		await expect(top).toHaveAttribute('data-kind', 'koppelkans');
		await expect(top.getByRole('heading', { name: 'De Noork' })).toBeVisible();
		const explanation = top.locator('.explanation');
		await expect(explanation).toContainText('De Noork — urgentie hoog');
		await expect(explanation).toContainText('Welbions isolatie en levensduurverlengende ingrepen 2024–2027 (2 projecten, 244 woningen');
		await expect(explanation).toContainText('gemeente openbare ruimte 2026–2027');
		await expect(explanation).toContainText('Wijkaanpak Noord loopt → koppelkans');
		await expect(page.getByRole('complementary').getByText('Demodata — geen echte cijfers').first()).toBeVisible();

		// The parts of the score, as a table that adds up.
		await top.getByText('Opbouw van de score', { exact: true }).click();
		const parts = top.getByRole('table', { name: /Opbouw van de score van De Noork/ });
		await expect(parts.getByRole('row', { name: /Lopend programma/ })).toContainText('Wijkaanpak Noord');
		const numbers = (await parts.locator('td.num').allTextContents()).map((t) => Number(t.replace('+', '').replace(',', '.')));
		const total = numbers.pop()!;
		expect(numbers.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 1);

		// Every result is on the map in its kind's colour (an area with two results in that of the better one).
		const coloured = await colours(page);
		expect(coloured.BU01640202).toBe(KIND_COLOURS.koppelkans.fill);
		const codes = await results.evaluateAll((items) => items.map((li) => [li.getAttribute('data-code'), li.getAttribute('data-kind')]));
		expect(codes.length).toBeGreaterThan(3);
		for (const [code] of codes) expect(coloured[code!]).toBeTruthy();
		expect(Object.keys(coloured).sort()).toEqual([...new Set(codes.map(([code]) => code!))].sort());
		await expect(page.getByRole('region', { name: 'Koppelkansen' })).toContainText('Koppelkans');
	});

	test('on a phone, "Op de kaart" brings the map into view with the area outlined', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(VIEW);
		await mapIdle(page);
		const link = page.getByRole('link', { name: /op de kaart tonen$/ }).nth(2);
		await link.scrollIntoViewIfNeeded();
		const map = page.locator('.map-area');
		await expect(map).not.toBeInViewport({ ratio: 0.5 });
		const code = (await page.locator('li.result').nth(2).getAttribute('data-code'))!;
		await link.click();
		await expect(page).toHaveURL(new RegExp(`gebied=${code}`));
		await expect(map).toBeInViewport({ ratio: 0.9 });
		await mapIdle(page);
		await expect
			.poll(() =>
				page.evaluate(() => window.wijkbeeld!.map.queryRenderedFeatures({ layers: ['selection-line'] }).map((f) => String(f.properties.code)))
			)
			.toContain(code);
	});

	test('selecting the top result highlights it on the map and opens its area card', async ({ page }) => {
		await page.goto(VIEW);
		await mapIdle(page);
		await page.getByRole('link', { name: 'De Noork op de kaart tonen' }).first().click();
		await expect(page).toHaveURL(/gebied=BU01640202/);
		await mapIdle(page);
		await expect
			.poll(() =>
				page.evaluate(() => window.wijkbeeld!.map.queryRenderedFeatures({ layers: ['selection-line'] }).map((f) => String(f.properties.code)))
			)
			.toContain('BU01640202');
		const panel = page.getByRole('region', { name: 'De Noork' });
		await expect(panel.getByRole('heading', { name: /Wijk- en buurtmonitor 2024/ })).toBeVisible();
		await expect(panel).toContainText(/Koppelkans: rang 1, score \d,\d\d/);
		await expect(panel.getByRole('link', { name: 'Open op de hoofdkaart' })).toHaveAttribute('href', '/?gemeente=GM0164&gebied=BU01640202');
		await expect(page.locator('li.result.selected').first()).toHaveAttribute('data-code', 'BU01640202');

		// Pointing at another result lights it up on the map (its hover state), as the table on the main map does.
		const second = page.locator('li.result').nth(1);
		const code = (await second.getAttribute('data-code'))!;
		await second.hover();
		await expect.poll(() => page.evaluate((id) => window.wijkbeeld!.map.getFeatureState({ source: 'buurt', id }).hover, code)).toBe(true);
	});

	test('filters by kind and domain, and keeps them in the URL', async ({ page }) => {
		await page.goto(VIEW);
		await mapIdle(page);
		await page.getByRole('combobox', { name: 'Soort' }).selectOption('ongedekte_urgentie');
		await expect(page).toHaveURL(/soort=ongedekte_urgentie/);
		const kinds = await page.locator('li.result').evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
		expect(kinds.length).toBeGreaterThan(0);
		expect(new Set(kinds)).toEqual(new Set(['ongedekte_urgentie']));
		await expect(page.locator('li.result').first()).toContainText('geen programma en geen investering in het gebied');

		await page.getByRole('combobox', { name: 'Soort' }).selectOption('');
		await page.getByRole('combobox', { name: 'Urgentie op' }).selectOption('veiligheid');
		await expect(page).toHaveURL(/domein=veiligheid/);
		await expect(page.locator('li.result').first().locator('.explanation')).toContainText('urgentie veiligheid');
	});

	test('downloads the same list as a CSV file with Dutch headers and the demodata label', async ({ page }) => {
		await page.goto(VIEW);
		await mapIdle(page);
		const shown = await page.locator('li.result').count();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als CSV' }).click()]);
		expect(download.suggestedFilename()).toBe('koppelkansen-hengelo-buurten-2026-01-01-tot-2029-12-31.csv');
		const text = await readFile((await download.path())!, 'utf8');
		expect(text.startsWith('\uFEFFRang;Soort;Gebiedscode;Gebied;Score;Urgentiescore;Urgentie;')).toBe(true);
		const lines = text.slice(1).trimEnd().split('\r\n');
		expect(lines).toHaveLength(shown + 1);
		expect(lines[1]).toMatch(/^1;Koppelkans;BU01640202;De Noork;\d,\d\d;2,\d\d;hoog;Wijkaanpak Noord;/);
		expect(lines[1].endsWith(';Demodata — geen echte cijfers')).toBe(true);
	});
});
