// The choice of the next wijkaanpak in a real browser: weights move the ranking at once (and the URL follows),
// areas with a wijkaanpak are marked or left out, two areas are compared side by side, an editor sets a priority
// flag that survives a reload and can be undone, and signals stay out of sight for anyone who is not staff.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { USERS, signIn } from './auth-helpers';

const VIEW = '/kandidaten?gemeente=GM0164&van=2026-01-01&tot=2029-12-31';

const order = (page: Page) => page.locator('table.candidates tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
const row = (page: Page, code: string) => page.locator(`table.candidates tr[data-code="${code}"]`);

test.describe('volgende wijkaanpak', () => {
	test('on a phone each area is a card: rank, name, score and robustness in view, no sideways scrolling, a way to the map', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(VIEW);
		const top = row(page, 'BU01640202');
		await expect(top).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page does not scroll sideways').toBeLessThanOrEqual(390);
		for (const cell of ['td.rank', 'th.area', 'td.score', 'td.robust']) {
			const box = (await top.locator(cell).boundingBox())!;
			expect(box.x, cell).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width, cell).toBeLessThanOrEqual(390);
		}
		await expect(top.locator('td.score')).toHaveText(/^\d+,\d$/);
		await expect(top.locator('td.robust')).toContainText(/\d+ %/);
		// Without the column heads, each value says what it is.
		const before = (cell: string) => top.locator(cell).evaluate((el) => getComputedStyle(el, '::before').content);
		expect(await before('td.score')).toContain('Score');
		expect(await before('td.robust')).toContain('Robuust');
		const onMap = top.getByRole('link', { name: 'De Noork op de kaart' });
		await expect(onMap).toHaveAttribute('href', '/?gemeente=GM0164&gebied=BU01640202');
		await onMap.click();
		await expect(page).toHaveURL(/gebied=BU01640202/);
		// The main map opens on the area, with its card one tap away.
		await expect(page).toHaveTitle(/^De Noork/);
		await expect(page.getByRole('button', { name: 'De Noork' })).toBeVisible();
	});

	test('changing a weight changes the ranking at once, and the URL keeps it', async ({ page }) => {
		await page.goto(VIEW);
		await expect(row(page, 'BU01640202')).toBeVisible();
		const before = await order(page);
		expect(before[0]).toBe('BU01640202');
		await expect(row(page, 'BU01640202').locator('td.rank')).toHaveText('1');

		// Only investments count: the areas with the most investment points lead.
		for (const name of ['Urgentie', 'Gemeentelijke prioriteit', 'Actieve bewoners en partners']) {
			await page.getByRole('slider', { name }).fill('0');
		}
		await page.getByRole('slider', { name: 'Investeringen om te versterken' }).fill('5');
		await expect(page.getByRole('combobox', { name: 'Voorinstelling' })).toHaveValue('');
		await expect.poll(() => order(page)).not.toEqual(before);
		await expect(page).toHaveURL(/gewichten=urgentie:0,investeringen:5,prioriteit:0,actief:0/);
		const after = await order(page);
		// Noord has the warmtenet and is next to De Noork and Klein Driene: more points than Beckum, which has none.
		expect(after.indexOf('BU01640200')).toBeLessThan(after.indexOf('BU01640900'));

		// A preset sets every weight; the reload keeps the ranking.
		await page.getByRole('combobox', { name: 'Voorinstelling' }).selectOption({ label: 'Urgentie voorop' });
		await expect(page.getByRole('slider', { name: 'Urgentie' })).toHaveValue('4');
		await expect(page).toHaveURL(/gewichten=urgentie:4/);
		const urgent = await order(page);
		await page.reload();
		await expect.poll(() => order(page)).toEqual(urgent);
	});

	test('marks areas that have a wijkaanpak, or leaves them out', async ({ page }) => {
		await page.goto(VIEW);
		await expect(row(page, 'BU01640202')).toContainText('heeft al een aanpak: Wijkaanpak Noord');
		await page.getByRole('radio', { name: 'uitsluiten' }).check();
		await expect(row(page, 'BU01640202').locator('td.rank')).toHaveText('–');
		await expect(row(page, 'BU01640202')).toContainText('Heeft al een aanpak (Wijkaanpak Noord): uitgesloten');
		await expect(row(page, 'BU01640203').locator('td.rank')).toHaveText('1');
		await expect(page).toHaveURL(/bestaand=uitsluiten/);
	});

	test('explains each rank with contributions that add up, and shows its robustness', async ({ page }) => {
		await page.goto(VIEW);
		const first = row(page, 'BU01640202');
		await expect(first.locator('td.robust')).toHaveText(/^\d{1,3} % van de trekkingen in de top 3$/);
		await page.locator('tr.explain').first().getByText('Uitleg').click();
		const table = page.getByRole('table', { name: 'Wat elk criterium bijdraagt aan de score van De Noork' });
		await expect(table).toBeVisible();
		const points = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[2]?.textContent ?? ''));
		const values = points.map((t) => Number(t.replace(',', '.')));
		const score = values.pop()!;
		expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 5);
		expect(Number((await first.locator('td.score').textContent())!.replace(',', '.'))).toBeCloseTo(score, 5);
		await expect(table.getByRole('row', { name: /Urgentie/ })).toContainText(/Urgentiescore \d,\d\d \(hoog\)/);
		// Not signed in: signals count for nothing and show nothing.
		await expect(table.getByRole('row', { name: /Signalen uit de wijk/ })).toContainText('Alleen zichtbaar voor medewerkers van de gemeente');
		await expect(page.getByRole('slider', { name: 'Signalen uit de wijk' })).toBeDisabled();
	});

	test('compares two areas side by side', async ({ page }) => {
		await page.goto(VIEW);
		await page.getByRole('checkbox', { name: 'Vergelijk De Noork' }).check();
		await expect(page).toHaveURL(/vergelijk=BU01640202/);
		await page.getByRole('checkbox', { name: 'Vergelijk Klein Driene' }).check();
		await expect(page).toHaveURL(/vergelijk=BU01640202,BU01640203/);
		const comparison = page.getByRole('region', { name: 'Vergelijking van 2 gebieden' });
		await expect(comparison.getByRole('columnheader', { name: /De Noork/ })).toBeVisible();
		await expect(comparison.getByRole('columnheader', { name: /Klein Driene/ })).toBeVisible();
		await expect(comparison.getByRole('columnheader', { name: 'Hengelo' })).toBeVisible();
		await expect(comparison.getByRole('row', { name: /^Huishoudens met laag inkomen/ }).getByRole('cell')).toHaveCount(3);
		await expect(comparison.getByRole('row', { name: /^Programma's/ })).toContainText('Wijkaanpak Noord');
		const investments = comparison.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Investeringen', exact: true }) });
		await expect(investments).toContainText('Welbions: De Noork complex 412');
		await expect(comparison.getByText('Demodata — geen echte cijfers')).toBeVisible();
		// Signals are for staff: their criterion shows nothing, and there is no count.
		await expect(comparison.getByRole('row', { name: /^Signalen uit de wijk/ }).getByRole('cell')).toHaveText(['', '–', '–']);
		await expect(comparison.getByRole('rowheader', { name: 'Aantal signalen' })).toHaveCount(0);
		await comparison.getByRole('button', { name: 'Klein Driene uit de vergelijking halen' }).click();
		await expect(page).not.toHaveURL(/BU01640203/);
	});

	test('an editor sets a priority flag: it counts, survives a reload, and can be undone', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		await page.goto(VIEW);
		// Staff see signals: the criterion counts for them.
		await expect(page.getByRole('slider', { name: 'Signalen uit de wijk' })).toBeEnabled();
		const flag = page.getByRole('checkbox', { name: 'Prioriteit voor Groot Driene-Zuid' });
		await expect(flag).not.toBeChecked();
		const before = await order(page);
		await flag.check();
		await expect(page.getByRole('status').filter({ hasText: 'De prioriteit van Groot Driene-Zuid is opgeslagen.' })).toBeVisible();
		await expect.poll(() => order(page)).not.toEqual(before);
		expect((await order(page)).indexOf('BU01640402')).toBeLessThan(before.indexOf('BU01640402'));

		await page.reload();
		await expect(page.getByRole('checkbox', { name: 'Prioriteit voor Groot Driene-Zuid' })).toBeChecked();
		await page.locator('tr[data-code="BU01640402"] + tr.explain').getByText('Uitleg').click();
		await expect(page.getByRole('table', { name: /score van Groot Driene-Zuid/ })).toContainText('De gemeente geeft dit gebied prioriteit');

		// Undo from the page puts it back.
		await page.getByRole('checkbox', { name: 'Prioriteit voor Groot Driene-Zuid' }).uncheck();
		await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
		await page.getByRole('button', { name: 'Ongedaan maken' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'De wijziging is ongedaan gemaakt.' })).toBeVisible();
		await expect(page.getByRole('checkbox', { name: 'Prioriteit voor Groot Driene-Zuid' })).toBeChecked();
		// And back to how the other tests expect it.
		await page.getByRole('checkbox', { name: 'Prioriteit voor Groot Driene-Zuid' }).uncheck();
		await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toBeVisible();
	});

	test('staff see how many signals each compared area has', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		await page.goto(`${VIEW}&vergelijk=BU01640202,BU01640100`);
		const comparison = page.getByRole('region', { name: 'Vergelijking van 2 gebieden' });
		// The seed has two example signals in De Noork (2025) and none in Hengelose Es-Noord.
		await expect(comparison.getByRole('row', { name: /^Aantal signalen/ }).getByRole('cell')).toHaveText(['', '2', '0']);
	});

	test('a viewer sees the assessments but cannot change them', async ({ page }) => {
		await signIn(page, USERS.viewer);
		await page.goto(VIEW);
		await expect(row(page, 'BU01640202')).toBeVisible();
		await expect(page.getByRole('checkbox', { name: /^Prioriteit voor/ })).toHaveCount(0);
		await expect(row(page, 'BU01640202')).toContainText('Nog niet beoordeeld');
	});
});
