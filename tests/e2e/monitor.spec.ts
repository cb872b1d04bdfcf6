import type { Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';

/** The area codes MapLibre colours through the choropleth's match expression. */
async function colouredCodes(page: Page, level = 'buurt'): Promise<Record<string, string>> {
	return page.evaluate((layer) => {
		const fill = window.wijkbeeld!.map.getPaintProperty(layer, 'fill-color');
		if (!Array.isArray(fill) || fill[0] !== 'match') return {};
		const pairs = fill.slice(2, -1) as string[];
		const result: Record<string, string> = {};
		for (let i = 0; i < pairs.length; i += 2) result[pairs[i]] = pairs[i + 1];
		return result;
	}, `${level}-fill`);
}

async function rankingOrder(page: Page): Promise<string[]> {
	const rows = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Rang' }) }).locator('tbody tr');
	return rows.evaluateAll((trs) => trs.slice(0, 10).map((tr) => tr.getAttribute('data-code') ?? ''));
}

test.describe('wijk- en buurtmonitor', () => {
	test('an indicator as a choropleth with legend, classes and the synthetic label', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt');
		await mapIdle(page);
		await page.getByRole('radio', { name: 'Indicator' }).check();
		await page.getByRole('combobox', { name: 'Indicator', exact: true }).selectOption({ label: 'Huishoudens met laag inkomen' });
		await expect(page).toHaveURL(/indicator=p_laag_inkomen/);

		const legend = page.getByRole('region', { name: 'Huishoudens met laag inkomen' });
		await expect(legend).toBeVisible();
		await expect(legend.getByText('Demodata — geen echte cijfers')).toBeVisible();
		await expect(legend.getByText('geen gegevens')).toBeVisible();
		await expect(legend.getByText('te weinig inwoners')).toBeVisible();
		// Five classes (the default) plus "geen gegevens" and "te weinig inwoners"; together they count every buurt.
		const counts = await legend.locator('li .count').allTextContents();
		expect(counts).toHaveLength(7);
		expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(62);

		await mapIdle(page);
		const coloured = await colouredCodes(page);
		expect(Object.keys(coloured).length).toBeGreaterThan(40);
		expect(new Set(Object.values(coloured)).size).toBe(5);
		// Buurten with too few inhabitants are hatched, not coloured.
		const hatched = await page.evaluate(() => window.wijkbeeld!.map.getFilter('buurt-suppressed'));
		expect(JSON.stringify(hatched)).toMatch(/BU0164/);

		// Another method and number of classes: natural breaks in 7 classes.
		await page.getByRole('combobox', { name: 'Indeling' }).selectOption('natuurlijke-grenzen');
		await page.getByRole('combobox', { name: 'Klassen' }).selectOption('7');
		await expect(legend.locator('li')).toHaveCount(9);
		await expect(legend.getByText('Natuurlijke grenzen (Jenks)')).toBeVisible();
	});

	test('the table shows the same values, sorts, and selects on the map', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt&thema=indicator&indicator=p_bijstand');
		await mapIdle(page);
		const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Waarde' }) });
		await table.getByRole('button', { name: 'Waarde' }).click();
		await expect(table.getByRole('columnheader', { name: 'Waarde' })).toHaveAttribute('aria-sort', 'descending');
		const first = table.locator('tbody tr').first();
		const code = await first.getAttribute('data-code');
		const colours = await colouredCodes(page);
		expect(colours[code!]).toBeTruthy();
		await first.getByRole('link').click();
		await expect(page).toHaveURL(new RegExp(`gebied=${code}`));
		await expect(page).toHaveURL(/indicator=p_bijstand/);
		await expect(table.locator('tr.selected')).toHaveAttribute('data-code', code!);
		await mapIdle(page);
		const outlined = await page.evaluate(() =>
			window.wijkbeeld!.map.queryRenderedFeatures({ layers: ['selection-line'] }).map((f) => f.properties.code)
		);
		expect(outlined).toContain(code);
	});

	test('a trend between two years and the difference with the gemeente', async ({ page }) => {
		await page.goto('/?gemeente=GM0153&laag=buurt&thema=indicator&indicator=p_overgewicht');
		await page.getByRole('radio', { name: 'Verandering sinds' }).check();
		await expect(page).toHaveURL(/vergelijk=trend/);
		await expect(page.getByRole('region', { name: 'Volwassenen met overgewicht' })).toContainText(/verandering 20\d\d–2024/);
		await page.getByRole('radio', { name: 'Verschil met gemeente' }).check();
		await expect(page.getByRole('region', { name: 'Volwassenen met overgewicht' })).toContainText('verschil met gemeente');
		await mapIdle(page);
		expect(Object.keys(await colouredCodes(page)).length).toBeGreaterThan(40);
	});

	test('changing the weights changes the urgency ranking, and the area card explains a score', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt');
		await mapIdle(page);
		await page.getByRole('radio', { name: 'Urgentie' }).check();
		await expect(page.getByRole('columnheader', { name: 'Rang' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Urgentiescore' })).toBeVisible();
		const before = await rankingOrder(page);
		expect(before).toHaveLength(10);

		// Only duurzaamheid counts: the order changes.
		for (const domain of ['Sociaal', 'Gezondheid', 'Veiligheid', 'Wonen']) {
			const slider = page.getByRole('slider', { name: domain });
			await slider.focus();
			await page.keyboard.press('Home');
		}
		await expect(page).toHaveURL(/gewichten=sociaal:0,gezondheid:0,veiligheid:0,wonen:0/, { timeout: 15_000 });
		await expect.poll(() => rankingOrder(page)).not.toEqual(before);

		// A preset brings named weights back.
		await page.getByRole('combobox', { name: 'Voorinstelling' }).selectOption('veilig');
		await expect(page).toHaveURL(/gewichten=veiligheid:3/);

		// The area card of the most urgent buurt: rank, stapeling, robustness, domain scores and drivers.
		const top = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Rang' }) }).locator('tbody tr').first();
		await top.getByRole('link').click();
		const card = page.getByRole('region', { name: /Wijk- en buurtmonitor 2024/ });
		await expect(card).toBeVisible();
		await expect(card.getByText(/Rang 1/)).toBeVisible();
		await expect(card.getByText(/Stapeling:/)).toBeVisible();
		await expect(card.getByText(/Robuustheid:/)).toBeVisible();
		await expect(card.getByText('Demodata — geen echte cijfers')).toBeVisible();
		await expect(card.getByRole('heading', { name: 'Wat de score bepaalt' })).toBeVisible();
		await expect(card.getByRole('img', { name: /Huishoudens met laag inkomen: 2020/ })).toBeVisible();
		// The trend line can be read without hovering: its first and last year and value are written under it.
		const row = card.getByRole('row', { name: /^Huishoudens met laag inkomen/ });
		const ends = row.getByTestId('sparkline-ends');
		await expect(ends).toBeVisible();
		await expect(ends).toHaveText(/^2020–20\d\d\s*\d+(,\d+)? → \d+(,\d+)?$/);
	});
});
