import { expect, expectRendered, mapIdle, renderedCodes, screenPointOf, test } from './fixtures';

test.describe('the map of the area hierarchy', () => {
	test('opens on Hengelo with its 10 wijken and 62 buurten, and attribution', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('button', { name: 'Hengelo', exact: true })).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByRole('heading', { level: 2, name: 'Hengelo' })).toBeVisible();
		await expectRendered(page, 'wijk', 10);
		await expect(page.getByText('Bron: CBS / Kadaster, Wijk- en Buurtkaart (via PDOK), CC BY 4.0').first()).toBeVisible();
		// Hengelo has no stadsdelen yet, and says so.
		await expect(page.getByRole('radio', { name: 'Stadsdelen' })).toBeDisabled();
		await expect(page.getByText('Stadsdelen: nog niet ingedeeld')).toBeVisible();

		await page.getByRole('radio', { name: 'Buurten' }).check();
		await expect(page).toHaveURL(/laag=buurt/);
		await expectRendered(page, 'buurt', 62);
		expect(await renderedCodes(page, 'wijk')).toEqual([]);
		// Labels are drawn (from the app's own font) and the list beside the map names every buurt in view.
		// (How many fit without colliding depends on the placement MapLibre settles on; a handful at least.)
		await expect
			.poll(() => page.evaluate(() => window.wijkbeeld!.map.queryRenderedFeatures({ layers: ['labels'] }).length))
			.toBeGreaterThanOrEqual(5);
		await expect(page.getByText('62 van 62 buurten zichtbaar op de kaart')).toBeVisible();
		await expect(page.getByRole('region', { name: 'Buurten in beeld' }).getByRole('table').getByRole('row')).toHaveCount(63);
	});

	test('switches to Enschede with its 5 stadsdelen, 10 wijken and 70 buurten', async ({ page }) => {
		await page.goto('/');
		await page.getByRole('button', { name: 'Enschede', exact: true }).click();
		await expect(page).toHaveURL(/gemeente=GM0153/);
		await expectRendered(page, 'stadsdeel', 5);
		await page.getByRole('radio', { name: 'Wijken' }).check();
		await expectRendered(page, 'wijk', 10);
		await page.getByRole('radio', { name: 'Buurten' }).check();
		await expectRendered(page, 'buurt', 70);
	});

	test('a click selects an area and opens its panel; hover highlights', async ({ page }) => {
		// An investment's symbol lies on De Noork's label point and would take the click (register-ui.spec.ts tests
		// that, and that a click beside a symbol selects the area): here the investments are off.
		await page.goto('/?gemeente=GM0164&laag=buurt&lagen=programmas,focusgebieden');
		await expectRendered(page, 'buurt', 62);
		const point = await screenPointOf(page, 'BU01640202');
		await page.mouse.move(point.x, point.y);
		await expect
			.poll(() => page.evaluate(() => window.wijkbeeld!.map.getFeatureState({ source: 'buurt', id: 'BU01640202' }).hover))
			.toBe(true);
		await page.mouse.click(point.x, point.y);
		await expect(page).toHaveURL(/gebied=BU01640202/);
		const panel = page.getByRole('complementary', { name: 'Gebiedspaneel' });
		await expect(panel.getByRole('heading', { level: 2, name: 'De Noork' })).toBeVisible();
		await expect(panel.getByText('BU01640202').first()).toBeVisible();
		await expect(panel.getByText('buurt', { exact: true })).toBeVisible();
		await expect(panel.getByText(/^\d+(,\d)? ha$/).first()).toBeVisible();
		await expect(panel.getByRole('navigation', { name: 'Kruimelpad' })).toHaveText(/Hengelo\s*›?\s*Wijk 02 Noord\s*›?\s*De Noork/);
		// The map outlines the selection.
		await mapIdle(page);
		const outlined = await page.evaluate(() =>
			window.wijkbeeld!.map.queryRenderedFeatures({ layers: ['selection-line'] }).map((f) => f.properties.code)
		);
		expect(new Set(outlined)).toEqual(new Set(['BU01640202']));
	});

	test('drills down gemeente → stadsdeel → wijk → buurt and back up, fitting the map', async ({ page }) => {
		await page.goto('/?gemeente=GM0153');
		await expectRendered(page, 'stadsdeel', 5);
		const zoomOf = () => page.evaluate(() => window.wijkbeeld!.map.getZoom());
		const zoomGemeente = await zoomOf();

		const panel = page.getByRole('complementary', { name: 'Gebiedspaneel' });
		await panel.getByRole('list', { name: /Stadsdelen in Enschede/ }).getByRole('link', { name: 'Noord' }).click();
		await expect(panel.getByRole('heading', { level: 2, name: 'Noord' })).toBeVisible();
		await expect(page.getByRole('radio', { name: 'Wijken' })).toBeChecked();
		await expect.poll(zoomOf).toBeGreaterThan(zoomGemeente);
		await mapIdle(page);
		expect(await renderedCodes(page, 'wijk')).toContain('WK015303');

		await panel.getByRole('link', { name: /Twekkelerveld/ }).first().click();
		await expect(panel.getByRole('heading', { level: 2, name: /Wijk 03 Twekkelerveld/ })).toBeVisible();
		await expect(page.getByRole('radio', { name: 'Buurten' })).toBeChecked();
		const zoomWijk = await zoomOf();

		await panel.getByRole('list', { name: /Buurten in/ }).getByRole('link', { name: 'Twekkelerveld' }).click();
		await expect(panel.getByRole('heading', { level: 2, name: 'Twekkelerveld' })).toBeVisible();
		await expect(page).toHaveURL(/gebied=BU01530301/);
		const crumbs = panel.getByRole('navigation', { name: 'Kruimelpad' });
		await expect(crumbs.getByRole('link')).toHaveText(['Enschede', 'Noord', 'Wijk 03 Twekkelerveld - T.H.T.']);
		await expect.poll(zoomOf).toBeGreaterThan(zoomWijk - 0.01);

		// Up again through the breadcrumb, and the map fits the stadsdeel.
		await crumbs.getByRole('link', { name: 'Noord' }).click();
		await expect(panel.getByRole('heading', { level: 2, name: 'Noord' })).toBeVisible();
		await crumbs.getByRole('link', { name: 'Enschede' }).click();
		await expect(panel.getByRole('heading', { level: 2, name: 'Enschede' })).toBeVisible();
		await expect.poll(async () => Math.abs((await zoomOf()) - zoomGemeente)).toBeLessThan(0.2);
	});

	test('the search box finds "noork" as you type and opens De Noork with the keyboard', async ({ page }) => {
		await page.goto('/');
		await mapIdle(page);
		const box = page.getByRole('combobox', { name: 'Zoek een gebied' });
		await box.focus();
		await page.keyboard.type('noork');
		const option = page.getByRole('option', { name: /De Noork/ });
		await expect(option).toBeVisible();
		await expect(option).toHaveAttribute('aria-selected', 'true');
		await expect(box).toHaveAttribute('aria-expanded', 'true');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/gebied=BU01640202/);
		await expect(page.getByRole('heading', { level: 2, name: 'De Noork' })).toBeVisible();
		await expect(box).toHaveAttribute('aria-expanded', 'false');
	});

	test('a copied link reopens the same view', async ({ page, context }) => {
		await page.goto('/?gemeente=GM0153&gebied=WK015303&laag=buurt');
		await expect(page.getByRole('heading', { level: 2, name: /Wijk 03 Twekkelerveld/ })).toBeVisible();
		await mapIdle(page);
		const view = () =>
			page.evaluate(() => {
				const map = window.wijkbeeld!.map;
				return {
					center: map.getCenter().toArray().map((n) => n.toFixed(3)),
					zoom: map.getZoom().toFixed(1),
					level: ['stadsdeel', 'wijk', 'buurt'].find((l) => map.getLayoutProperty(`${l}-fill`, 'visibility') === 'visible')
				};
			});
		const before = await view();
		expect(before.level).toBe('buurt');

		const copy = await context.newPage();
		await copy.goto(page.url());
		await expect(copy.getByRole('heading', { level: 2, name: /Wijk 03 Twekkelerveld/ })).toBeVisible();
		await mapIdle(copy);
		await expect(copy.getByRole('radio', { name: 'Buurten' })).toBeChecked();
		expect(await copy.evaluate(() => window.wijkbeeld!.map.getZoom().toFixed(1))).toBe(before.zoom);
		await copy.close();
	});

	test('everything works from the keyboard: list links select areas, the map pans with arrows', async ({ page }) => {
		await page.goto('/');
		await mapIdle(page);
		// Skip link to the panel, then Tab to the first wijk in the list of the panel.
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Naar het gebiedspaneel' })).toBeFocused();
		await page.keyboard.press('Enter');
		const firstChild = page.getByRole('complementary', { name: 'Gebiedspaneel' }).getByRole('link', { name: 'Wijk 00 Binnenstad' }).first();
		for (let i = 0; i < 5 && !(await firstChild.evaluate((el) => el === document.activeElement)); i++) {
			await page.keyboard.press('Tab');
		}
		await expect(firstChild).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/gebied=WK016400/);

		// The map canvas takes focus and pans with the arrow keys.
		const canvas = page.locator('canvas.maplibregl-canvas');
		await canvas.focus();
		const before = await page.evaluate(() => window.wijkbeeld!.map.getCenter().lng);
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => page.evaluate(() => window.wijkbeeld!.map.getCenter().lng)).toBeGreaterThan(before);

		// The moved camera is in the URL, so reloading (or a copied link) opens the map where the user left it.
		await expect(page).toHaveURL(/kaart=[\d.]+\/[\d.]+\/[\d.]+/);
		const moved = await page.evaluate(() => window.wijkbeeld!.map.getCenter().lng);
		await page.reload();
		await mapIdle(page);
		const reopened = await page.evaluate(() => window.wijkbeeld!.map.getCenter().lng);
		expect(Math.abs(reopened - moved)).toBeLessThan(1e-4);
		await expect(page.getByRole('heading', { level: 2, name: 'Wijk 00 Binnenstad' })).toBeVisible();
	});
});
