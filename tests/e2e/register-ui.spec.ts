// The register as a user sees it on the main map: overlays with their legend and toggles, the time control,
// the area card with its timeline, editing programmes, investments and signals in the app (picking buurten and
// drawing an outline on the map), who sees which controls and signals, and undo on the Wijzigingen page.
// Tests ask the map what it draws (queryRenderedFeatures), not its pixels. Each test writes items of its own
// ("E2E …") and removes them again; the seeded programmes and demo investments are only read.
import { resolve } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, mapIdle, screenPointOf, test } from './fixtures';
import { ORIGIN, USERS, signIn } from './auth-helpers';

const TIME_FILE = resolve('tests/e2e/files/investeringen-tijd.csv');

// These tests do a lot per test, on a machine that may be busy: more time than the default.
test.describe.configure({ timeout: 150_000 });

/** Waits until the map has the register of the current view and has drawn it. */
async function registerIdle(page: Page): Promise<void> {
	await page.locator('.map-wrap[data-register-ready="true"]').waitFor({ timeout: 60_000 });
	await mapIdle(page);
}

/** Opens a view and waits until it is interactive (the map exists once the page has hydrated) and drawn. */
async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await registerIdle(page);
}

/** The names of what one register layer draws in view (project names for investments). */
async function rendered(page: Page, layer: string): Promise<string[]> {
	return page.evaluate((layer) => {
		const map = window.wijkbeeld!.map;
		if (map.getLayoutProperty(layer, 'visibility') !== 'visible') return [];
		const names = map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name ?? f.properties.projectName ?? f.properties.text));
		return [...new Set(names)].sort();
	}, layer);
}

async function expectRendered(page: Page, layer: string, check: (names: string[]) => void) {
	await expect
		.poll(async () => {
			await registerIdle(page);
			const names = await rendered(page, layer);
			try {
				check(names);
				return 'ok';
			} catch {
				return names.join(' | ');
			}
		}, { timeout: 45_000 })
		.toBe('ok');
}

/** Where a symbol is on the screen: its point plus the offset that keeps it apart from its neighbours. */
async function symbolPoint(page: Page, layer: string, name: string) {
	// Symbols are placed a moment after their data arrives.
	await expectRendered(page, layer, (names) => expect(names).toContain(name));
	const point = await page.evaluate(
		([layer, name]) => {
			const map = window.wijkbeeld!.map;
			const feature = map.queryRenderedFeatures({ layers: [layer] }).find((f) => (f.properties.projectName ?? f.properties.text) === name);
			if (!feature || feature.geometry.type !== 'Point') return null;
			const raw = feature.properties.offsetBedrag;
			const offset: number[] = typeof raw === 'string' ? JSON.parse(raw) : raw;
			const scale = Number(feature.properties.scaleBedrag);
			const p = map.project(feature.geometry.coordinates as [number, number]);
			const box = map.getCanvas().getBoundingClientRect();
			return { x: box.left + p.x + offset[0] * scale, y: box.top + p.y + offset[1] * scale };
		},
		[layer, name]
	);
	if (!point) throw new Error(`${name} is not drawn on ${layer}`);
	return point;
}

/** A request context signed in as `email`, sending the site's Origin as a browser does. */
async function api(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, email: string) {
	const context = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { origin: ORIGIN } });
	await signIn(context, email);
	return context;
}

async function removeByName(context: APIRequestContext, kind: 'programmes' | 'investments', gemeente: string, name: string) {
	const items: { id: number; name?: string; projectName?: string }[] = await (await context.get(`/api/${kind}?gemeente=${gemeente}`)).json();
	for (const item of items.filter((i) => (i.name ?? i.projectName) === name)) await context.delete(`/api/${kind}/${item.id}`);
}

const panel = (page: Page) => page.getByRole('complementary', { name: 'Gebiedspaneel' });
const areaRegister = (page: Page) => panel(page).getByRole('region', { name: /^Programma's en investeringen in/ });
/** The panel's notice after saving or deleting (the panel has other live regions too). */
const notice = (page: Page) => panel(page).locator('.notice');
const details = (page: Page) => panel(page).getByRole('region', { name: /./ }).filter({ has: page.locator('#item-naam') });

test.describe('the register on the map', () => {
	test('a partner CSV uploaded with dry run and commit shows on the map, and the time control shows what runs when', async ({ page, playwright }) => {
		const admin = await api(playwright, USERS.admin);
		try {
			await signIn(page, USERS.admin);
			await page.goto('/invoer');
			await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(TIME_FILE);
			await page.getByRole('button', { name: 'Proefinvoer' }).click();
			const status = page.getByRole('status');
			await expect(status).toContainText('2 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 fouten');
			await page.getByRole('button', { name: 'Alles invoeren' }).click();
			await expect(status).toContainText('Ingevoerd uit investeringen-tijd.csv');
			await status.getByRole('link', { name: 'Bekijk op de kaart' }).click();
			await expect(page).toHaveURL(/\/\?gemeente=GM0164$/);

			// All periods: both new investments are drawn, next to the demo investments.
			const early = 'E2E tijdlijn vroeg - dakisolatie';
			const late = 'E2E tijdlijn laat - nieuwbouw';
			await expectRendered(page, 'register-investment-symbols', (names) => {
				expect(names).toContain(early);
				expect(names).toContain(late);
				expect(names).toContain('De Noork complex 412 - levensduurverlenging');
			});

			// The slider with the keyboard: Home is K1 2020, four steps on is K1 2021.
			const slider = page.getByRole('slider', { name: 'Kwartaal' });
			await slider.focus();
			await page.keyboard.press('Home');
			for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
			await expect(page).toHaveURL(/tijd=2021-K1/);
			await expect(slider).toHaveAttribute('aria-valuetext', 'K1 2021');
			await expect(page.locator('.time output')).toHaveText('K1 2021');
			await expectRendered(page, 'register-investment-symbols', (names) => expect(names).toEqual([early]));
			// The legend counts and the layer toggle count what runs then; the announcement says it.
			await expect(page.locator('label').filter({ hasText: /^\s*Investeringen/ })).toContainText('(1)');
			await expect(page.getByRole('status').filter({ hasText: 'K1 2021:' })).toContainText('1 investering');

			// End is K4 2032; seven steps back is K1 2031, with the previous-quarter button for the last one.
			await slider.focus();
			await page.keyboard.press('End');
			for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
			await page.getByRole('button', { name: 'Vorig kwartaal' }).click();
			await expect(page).toHaveURL(/tijd=2031-K1/);
			await expectRendered(page, 'register-investment-symbols', (names) => expect(names).toEqual([late]));
			await page.getByRole('button', { name: 'Volgend kwartaal' }).click();
			await expect(page).toHaveURL(/tijd=2031-K2/);

			// A copied link opens the same quarter.
			await page.reload();
			await expect(page.getByRole('checkbox', { name: 'Alle perioden' })).not.toBeChecked();
			await expectRendered(page, 'register-investment-symbols', (names) => expect(names).toEqual([late]));

			// "Alle perioden" shows everything again and leaves tijd out of the URL.
			await page.getByRole('checkbox', { name: 'Alle perioden' }).check();
			await expect(page).not.toHaveURL(/tijd=/);
			await expectRendered(page, 'register-investment-symbols', (names) => {
				expect(names).toContain(early);
				expect(names).toContain(late);
			});

			// Play steps through the quarters from K1 2020, and pauses.
			await page.getByRole('button', { name: 'Afspelen' }).click();
			await expect(page).toHaveURL(/tijd=2020-K[2-4]/, { timeout: 5_000 });
			await page.getByRole('button', { name: 'Pauzeren' }).click();
			const paused = page.url();
			await page.waitForTimeout(1_500);
			expect(page.url()).toBe(paused);
		} finally {
			for (const name of ['E2E tijdlijn vroeg - dakisolatie', 'E2E tijdlijn laat - nieuwbouw']) await removeByName(admin, 'investments', 'GM0164', name);
			await admin.dispose();
		}
	});

	test('each overlay has a toggle and a legend entry; the choice is in the URL', async ({ page }) => {
		await open(page, '/?gemeente=GM0164');
		const programmes = page.getByRole('checkbox', { name: /^Programma's/ });
		const investments = page.getByRole('checkbox', { name: /^Investeringen/ });
		await expect(programmes).toBeChecked();
		await expect(page.getByRole('checkbox', { name: /^Focusgebieden/ })).toBeChecked();
		await expect(investments).toBeChecked();
		// Signals are for staff: no toggle at all for others.
		await expect(page.getByRole('checkbox', { name: /^Signalen/ })).toHaveCount(0);

		const legend = page.getByRole('region', { name: 'Legenda register' });
		await expect(legend.getByRole('heading', { name: "Programma's (3)" })).toBeVisible();
		await expect(legend.getByText('Wijkaanpak', { exact: true })).toBeVisible();
		await expect(legend.getByText('Oriënteren', { exact: true })).toBeVisible();
		await expect(legend.getByRole('heading', { name: /^Investeringen \(\d+\)$/ })).toBeVisible();
		await expect(legend.getByText('Grootte naar bedrag')).toBeVisible();
		await expect(legend.getByText('Demodata — geen echte cijfers')).toBeVisible();
		await expectRendered(page, 'register-programme-line', (names) =>
			expect(names).toEqual(['Gebiedsgerichte aanpak Beckum', 'Pilot wijkveiligheid Klein Driene en Groot Driene', 'Wijkaanpak Noord'])
		);

		await investments.uncheck();
		await expect(page).toHaveURL(/lagen=programmas,focusgebieden(&|$)/);
		await expect(legend.getByRole('heading', { name: /^Investeringen/ })).toHaveCount(0);
		await expectRendered(page, 'register-investment-symbols', (names) => expect(names).toEqual([]));
		await page.reload();
		await expect(page.getByRole('checkbox', { name: /^Investeringen/ })).not.toBeChecked();
		await expect(page.getByRole('radio', { name: 'Woningen' })).toBeDisabled();
		// Signing in comes back to the same view (the overlays change the URL in place).
		await page.getByRole('link', { name: 'Aanmelden' }).click();
		await expect(page).toHaveURL(/\/aanmelden\?terug=.*lagen%3Dprogrammas%2Cfocusgebieden/);
		await page.goBack();
		await registerIdle(page);
		await page.getByRole('checkbox', { name: /^Investeringen/ }).check();
		await expect(page).not.toHaveURL(/lagen=/);

		// Size by dwellings: the symbol layer reads the other scale, and the legend says so.
		await page.getByRole('radio', { name: 'Woningen' }).check();
		await expect(page).toHaveURL(/grootte=woningen/);
		await expect(legend.getByText('Grootte naar aantal woningen')).toBeVisible();
		await expect
			.poll(() => page.evaluate(() => JSON.stringify(window.wijkbeeld!.map.getLayoutProperty('register-investment-symbols', 'icon-size'))))
			.toContain('scaleWoningen');

		// Every overlay off: nothing drawn, "lagen=geen" in the URL.
		await page.getByRole('checkbox', { name: /^Programma's/ }).uncheck();
		await page.getByRole('checkbox', { name: /^Focusgebieden/ }).uncheck();
		await page.getByRole('checkbox', { name: /^Investeringen/ }).uncheck();
		await expect(page).toHaveURL(/lagen=geen/);
		await expectRendered(page, 'register-programme-line', (names) => expect(names).toEqual([]));

		// Links on the page carry the register's view along, as the theme is.
		const link = panel(page).getByRole('list', { name: /Wijken in Hengelo/ }).getByRole('link', { name: 'Wijk 02 Noord' });
		await expect(link).toHaveAttribute('href', /lagen=geen.*grootte=woningen|grootte=woningen.*lagen=geen/);
	});

	test('Enschede: focus areas as their own layer, and the ones not drawn yet listed as such', async ({ page }) => {
		await open(page, '/?gemeente=GM0153');
		await expectRendered(page, 'register-focus-hatch', (names) => expect(names).toEqual(['Focusgebied Twekkelerveld']));
		await expectRendered(page, 'register-programme-line', (names) => expect(names).toEqual([]));
		const legend = page.getByRole('region', { name: 'Legenda register' });
		await expect(legend.getByRole('heading', { name: 'Focusgebieden (3)' })).toBeVisible();
		await expect(legend.getByText('Nog niet ingetekend (niet op de kaart): Focusgebied Hanenberglanden, Focusgebied Het Lang')).toBeVisible();
		// Enschede's own phases: the gebiedscyclus.
		await expect(legend.getByText('Gebiedsanalyse', { exact: true })).toBeVisible();
		await expect(legend.getByText('Initiëren', { exact: true })).toHaveCount(0);
		// The area card of the gemeente lists them too, with what is missing.
		const card = areaRegister(page);
		await card.getByRole('button', { name: 'Focusgebied Het Lang' }).click();
		await expect(details(page).getByRole('heading', { level: 2, name: 'Focusgebied Het Lang' })).toBeFocused();
		await expect(details(page)).toContainText('Nog niet ingetekend — het staat daarom niet op de kaart.');
		await expect(details(page)).toContainText('Enschede, Plan van aanpak gebiedsgericht werken');
	});

	test('a click on a symbol shows the item, a click beside it still selects the area; the list selects items too', async ({ page }) => {
		await open(page, '/?gemeente=GM0164&gebied=WK016402');
		await registerIdle(page);
		const point = await symbolPoint(page, 'register-investment-symbols', 'Warmtenet Hengelo-Noord fase 1');
		await page.mouse.move(point.x, point.y);
		await expect(page.locator('.hover-name')).toHaveText('Warmtenet Hengelo-Noord fase 1');
		await page.mouse.click(point.x, point.y);
		const shown = details(page);
		await expect(shown.getByRole('heading', { level: 2, name: 'Warmtenet Hengelo-Noord fase 1' })).toBeVisible();
		for (const fact of ['Gemeente Hengelo', 'warmtetransitie', 'Noord (BU01640200)', '1 januari 2025 tot en met 31 december 2028', '€ 3.500.000', 'In uitvoering', 'Demodata — geen echte cijfers', 'partner_investeringen_demo.csv']) {
			await expect(shown).toContainText(fact);
		}
		await expect(page).toHaveURL(/gebied=WK016402(&|$)/);
		await expectRendered(page, 'register-investment-selected', (names) => expect(names).toEqual(['Warmtenet Hengelo-Noord fase 1']));
		// No edit controls for someone who is not signed in.
		await expect(shown.getByRole('button', { name: 'Bewerken' })).toHaveCount(0);

		// Elsbeek has no symbol at its label: a click there selects the buurt, as before.
		const elsbeek = await screenPointOf(page, 'BU01640201');
		await page.mouse.click(elsbeek.x, elsbeek.y);
		await expect(page).toHaveURL(/gebied=BU01640201/);
		await expect(panel(page).getByRole('heading', { level: 2, name: 'Elsbeek' })).toBeVisible();

		// The programme's outline takes a click too, and the keyboard reaches every item through the list.
		await open(page, '/?gemeente=GM0164&gebied=BU01640202');
		await areaRegister(page).getByRole('button', { name: 'Wijkaanpak Noord' }).focus();
		await page.keyboard.press('Enter');
		await expect(details(page).getByRole('heading', { level: 2, name: 'Wijkaanpak Noord' })).toBeFocused();
		for (const fact of ['Wijkaanpak', 'Initiëren', 'vanaf 1 februari 2024 (einde nog niet bekend)', 'De Noork (BU01640202)', 'Hanneke Steen', 'Fleur Mensink', '€ 271.000', 'Bestuurlijke opdracht Wijkgericht werken']) {
			await expect(details(page)).toContainText(fact);
		}
		await expect.poll(() => page.evaluate(() => {
			const map = window.wijkbeeld!.map;
			const noord = map.querySourceFeatures('register-programmes').find((f) => f.properties.name === 'Wijkaanpak Noord');
			return noord ? map.getFeatureState({ source: 'register-programmes', id: noord.id! }).selected : null;
		})).toBe(true);
		await details(page).getByRole('button', { name: 'Sluiten' }).click();
		await expect(details(page)).toHaveCount(0);
	});

	test('the area card of De Noork lists Wijkaanpak Noord and the Welbions projects, with a timeline and its table', async ({ page }) => {
		await open(page, '/?gemeente=GM0164&gebied=BU01640202&tijd=2025-K3');
		const card = areaRegister(page);
		await expect(card.getByRole('heading', { name: "Programma's en investeringen in De Noork" })).toBeVisible();
		await expect(card).toContainText('In K3 2025: 1 programma, 2 investeringen.');
		await expect(card.getByRole('list', { name: "Programma's" }).getByRole('button')).toHaveText(['Wijkaanpak Noord']);
		await expect(card.getByRole('list', { name: 'Investeringen' }).getByRole('button')).toHaveText([
			'De Noork complex 412 - levensduurverlenging',
			'De Noork complex 415 - levensduurverlenging'
		]);
		const complex412 = card.getByRole('listitem').filter({ hasText: 'De Noork complex 412' });
		await expect(complex412).toContainText('Welbions · Isolatie en verduurzaming · sep 2024 – dec 2026 · 148 woningen · € 6,2 mln · In uitvoering');
		// The gemeente's buitenruimte starts in 2026: listed apart for this quarter.
		await card.getByText('Niet in K3 2025 (1)').click();
		await expect(card.getByRole('button', { name: 'Herinrichting buitenruimte De Noork (klimaatadaptatie)' })).toBeVisible();

		const timeline = card.getByRole('figure', { name: 'Tijdlijn 2020–2032, K3 2025 gemarkeerd' });
		await expect(timeline.locator('.row')).toHaveCount(4);
		await expect(timeline.locator('.band')).toHaveCount(1);
		await expect(timeline.locator('.row.dim')).toHaveCount(1);
		await timeline.getByText('Tijdlijn als tabel').click();
		const table = timeline.getByRole('table', { name: /De Noork: begin en einde/ });
		await expect(table.getByRole('row', { name: /Wijkaanpak Noord/ }).getByRole('cell')).toHaveText(['Wijkaanpak', '01-02-2024', 'loopt door', 'ja']);
		await expect(table.getByRole('row', { name: /complex 412/ }).getByRole('cell')).toHaveText(['Welbions · Isolatie en verduurzaming', '01-09-2024', '31-12-2026', 'ja']);
		await expect(table.getByRole('row', { name: /Herinrichting/ }).getByRole('cell').last()).toHaveText('nee');

		// Wijk Noord holds what lies in any of its buurten: also the warmtenet and the pilot in Klein Driene.
		await open(page, '/?gemeente=GM0164&gebied=WK016402');
		await expect(areaRegister(page).getByRole('button', { name: 'Warmtenet Hengelo-Noord fase 1' })).toBeVisible();
		await expect(areaRegister(page).getByRole('button', { name: 'Pilot wijkveiligheid Klein Driene en Groot Driene' })).toBeVisible();
		await expect(areaRegister(page).getByRole('button', { name: 'Klein Driene - dakisolatie en ventilatie' })).toBeVisible();
	});
});

test.describe('editing the register in the app', () => {
	// The test provokes a field error on purpose; the browser logs the API's 400.
	test.describe(() => {
		test.use({ expectedConsoleErrors: [/status of 400/] });
		test('an editor creates a programme by picking buurten on the map and in the list and by drawing an outline, edits, deletes and undoes it', async ({ page, playwright }) => {
			const name = 'E2E wijkaanpak getekend';
			const editor = await api(playwright, USERS.editorHengelo);
			try {
				await signIn(page, USERS.editorHengelo);
				await open(page, '/?gemeente=GM0164&laag=wijk');
				await registerIdle(page);
				await areaRegister(page).getByRole('button', { name: '+ Programma' }).click();
				const form = panel(page).getByRole('region', { name: 'Nieuw programma' });
				await expect(form.getByRole('heading', { name: 'Nieuw programma' })).toBeFocused();
				await form.getByLabel('Naam').fill(name);
				await form.getByLabel('Soort').selectOption({ label: 'Wijkaanpak' });
				// Hengelo's phases are those of Slagkracht in de wijk.
				await expect(form.getByLabel('Fase').locator('option')).toHaveText(['Oriënteren', 'Initiëren', 'Ontwerpen', 'Uitvoeren', 'Evalueren']);
				await form.getByLabel('Fase').selectOption({ label: 'Ontwerpen' });
				await form.getByLabel('Begin').fill('2026-01-01');
				await form.getByRole('checkbox', { name: 'Wonen' }).check();

				// Buurten on the map: the map switches to buurten while picking.
				await form.getByRole('button', { name: 'Kies op de kaart' }).click();
				await expect.poll(() => page.evaluate(() => window.wijkbeeld!.map.getLayoutProperty('buurt-fill', 'visibility'))).toBe('visible');
				await mapIdle(page);
				for (const code of ['BU01640301', 'BU01640302']) {
					const at = await screenPointOf(page, code);
					await page.mouse.click(at.x, at.y);
				}
				const chosen = form.getByRole('list', { name: 'Gekozen buurten' });
				await expect(chosen.getByRole('listitem')).toHaveCount(2);
				await expect(chosen).toContainText('Schothorsthoek');
				await expect(chosen).toContainText('Bartelinkshoek');
				await expect
					.poll(() => page.evaluate(() => JSON.stringify(window.wijkbeeld!.map.getFilter('edit-picked'))))
					.toBe(JSON.stringify(['in', ['get', 'code'], ['literal', ['BU01640301', 'BU01640302']]]));
				// A second click takes a buurt off again.
				const again = await screenPointOf(page, 'BU01640302');
				await page.mouse.click(again.x, again.y);
				await expect(chosen.getByRole('listitem')).toHaveCount(1);
				await page.getByRole('toolbar', { name: 'Buurten kiezen' }).getByRole('button', { name: 'Klaar met kiezen' }).click();
				// And from the list, by keyboard.
				await form.getByText('Kies uit de lijst').click();
				await form.getByLabel('Zoek een buurt').fill('tijert');
				await form.getByRole('checkbox', { name: 'Tijertshoek' }).check();
				await expect(chosen.getByRole('listitem')).toHaveCount(2);

				// An outline: three clicks and a double-click at the fourth corner.
				await form.getByRole('button', { name: 'Omtrek tekenen op de kaart' }).click();
				await expect(page.getByRole('toolbar', { name: 'Omtrek tekenen' })).toBeVisible();
				const canvas = await page.locator('canvas.maplibregl-canvas').boundingBox();
				const cx = canvas!.x + canvas!.width / 2;
				const cy = canvas!.y + canvas!.height / 2;
				const zoomBefore = await page.evaluate(() => window.wijkbeeld!.map.getZoom());
				await page.mouse.click(cx - 50, cy - 40);
				await page.mouse.click(cx + 50, cy - 40);
				await page.mouse.click(cx + 50, cy + 40);
				await expect(form).toContainText('Tekenen: 3 hoekpunten gezet');
				// Backspace on the map takes the last corner back; the toolbar's button puts one at the centre.
				await page.keyboard.press('Backspace');
				await expect(form).toContainText('Tekenen: 2 hoekpunten gezet');
				await page.mouse.click(cx + 50, cy + 40);
				await page.mouse.dblclick(cx - 50, cy + 40);
				await expect(form).toContainText('Getekende omtrek met 4 hoekpunten.');
				expect(await page.evaluate(() => window.wijkbeeld!.map.getZoom())).toBeCloseTo(zoomBefore, 5);

				await form.getByRole('button', { name: 'Opslaan' }).click();
				await expect(notice(page)).toContainText('Opgeslagen');
				await expect(details(page).getByRole('heading', { level: 2, name })).toBeVisible();
				await expect(details(page)).toContainText('Schothorsthoek (BU01640301), Tijertshoek (BU01640303) en een getekende omtrek (4 hoekpunten)');
				const created = (await (await editor.get('/api/programmes?gemeente=GM0164')).json()).find((p: { name: string }) => p.name === name);
				expect(created).toMatchObject({ kind: 'wijkaanpak', phase: 'ontwerpen', startDate: '2026-01-01', themes: ['wonen'], buurtcodes: ['BU01640301', 'BU01640303'] });
				expect(created.outline.type).toBe('MultiPolygon');
				await expectRendered(page, 'register-programme-line', (names) => expect(names).toContain(name));

				// Edit: another phase; the map draws it with that phase.
				await details(page).getByRole('button', { name: 'Bewerken' }).click();
				const edit = panel(page).getByRole('region', { name: 'Programma bewerken' });
				await expect(edit.getByLabel('Naam')).toHaveValue(name);
				await expect(edit).toContainText('Getekende omtrek met 4 hoekpunten.');
				// The API's field error lands next to its field.
				await edit.getByLabel(/^Einde/).fill('2025-06-30');
				await edit.getByRole('button', { name: 'Opslaan' }).click();
				await expect(edit.getByRole('alert')).toContainText('Einde: het einde ligt voor het begin');
				await expect(edit.getByLabel(/^Einde/)).toHaveAttribute('aria-invalid', 'true');
				await expect(edit.locator('#veld-endDate-fout')).toHaveText('het einde ligt voor het begin');
				await edit.getByLabel(/^Einde/).fill('');
				await edit.getByLabel('Fase').selectOption({ label: 'Uitvoeren' });
				await edit.getByRole('button', { name: 'Opslaan' }).click();
				await expect(notice(page)).toContainText('De wijzigingen zijn opgeslagen.');
				await expect(details(page)).toContainText('Uitvoeren');
				await expect
					.poll(() => page.evaluate((name) => window.wijkbeeld!.map.querySourceFeatures('register-programmes').find((f) => f.properties.name === name)?.properties.phase, name))
					.toBe('uitvoeren');

				// Delete, asked once more.
				await details(page).getByRole('button', { name: 'Verwijderen' }).click();
				await details(page).getByRole('button', { name: 'Ja, verwijderen' }).click();
				await expect(notice(page)).toContainText(`"${name}" is verwijderd.`);
				await expectRendered(page, 'register-programme-line', (names) => expect(names).not.toContain(name));
				expect((await editor.get(`/api/programmes/${created.id}`)).status()).toBe(404);

				// Undo on the Wijzigingen page, reached from the user menu (behind the user's name on the map page).
				await page.getByRole('button', { name: /\(redacteur\)/ }).click();
				await page.getByRole('link', { name: 'Wijzigingen', exact: true }).click();
				await expect(page.getByRole('heading', { level: 1, name: 'Wijzigingen in Hengelo' })).toBeVisible();
				const deleted = page.getByRole('article', { name: `Programma “${name}” verwijderd` });
				await expect(deleted).toContainText('door Hanna Hengelo (redacteur)');
				const updated = page.getByRole('article', { name: `Programma “${name}” gewijzigd` });
				await expect(updated.getByRole('row', { name: /Fase/ }).getByRole('cell')).toHaveText(['Ontwerpen', 'Uitvoeren']);
				// An earlier change of the item cannot be undone before the later one; the page says why.
				await expect(updated).toContainText('Daarna nog gewijzigd: maak eerst de latere wijziging ongedaan.');
				await expect(updated.getByRole('button', { name: 'Ongedaan maken' })).toHaveCount(0);
				await deleted.getByRole('button', { name: 'Ongedaan maken' }).click();
				await expect(page.getByRole('status')).toContainText('is ongedaan gemaakt');
				await expect(page.getByRole('article', { name: `Programma “${name}” ongedaan gemaakt` })).toBeVisible();
				expect((await editor.get(`/api/programmes/${created.id}`)).status()).toBe(200);
				await expect(deleted).toContainText('Al ongedaan gemaakt.');

				// Back on the map it is there again.
				await page.getByRole('link', { name: 'Terug naar de kaart van Hengelo' }).click();
				await expectRendered(page, 'register-programme-line', (names) => expect(names).toContain(name));
			} finally {
				await removeByName(editor, 'programmes', 'GM0164', name);
				await editor.dispose();
			}
		});
	});

	test('the undo the API refuses is shown with its reason', async ({ page, playwright }) => {
		const editor = await api(playwright, USERS.editorHengelo);
		const name = 'E2E dubbel ongedaan';
		const created = await (
			await editor.post('/api/programmes', {
				data: { gemeentecode: 'GM0164', name, kind: 'pilot', phase: 'orienteren', status: 'in_voorbereiding', buurtcodes: ['BU01640305'] }
			})
		).json();
		try {
			await signIn(page, USERS.editorHengelo);
			await page.goto('/wijzigingen?gemeente=GM0164&soort=programme');
			// The undo button posts through JavaScript once the page is live (it works without, as a plain form, too).
			await page.waitForLoadState('networkidle');
			const entry = page.getByRole('article', { name: `Programma “${name}” aangemaakt` });
			await expect(entry.getByRole('button', { name: 'Ongedaan maken' })).toBeVisible();
			// Someone else undoes it meanwhile: the page still offers it, the server refuses, the page says why.
			const entries = await (await editor.get(`/api/audit?gemeente=GM0164&entity=programme&id=${created.id}`)).json();
			expect((await editor.post(`/api/audit/${entries[0].id}/undo`)).status()).toBe(200);
			await entry.getByRole('button', { name: 'Ongedaan maken' }).click();
			await expect(entry.getByRole('alert')).toHaveText('Niet ongedaan gemaakt: Deze wijziging is al ongedaan gemaakt');
		} finally {
			await removeByName(editor, 'programmes', 'GM0164', name);
			await editor.dispose();
		}
	});

	test('an editor places an investment by a point on the map and a signal by buurt; undo of a delete right away', async ({ page, playwright }) => {
		const editor = await api(playwright, USERS.editorHengelo);
		const project = 'E2E buitenruimte Schothorsthoek';
		try {
			await signIn(page, USERS.editorHengelo);
			await open(page, '/?gemeente=GM0164&gebied=BU01640301');
			await registerIdle(page);
			await areaRegister(page).getByRole('button', { name: '+ Investering' }).click();
			const form = panel(page).getByRole('region', { name: 'Nieuwe investering' });
			await form.getByLabel('Partner').fill('Gemeente Hengelo');
			await form.getByLabel('Projectnaam').fill(project);
			await form.getByLabel('Maatregel').fill('herinrichting openbare ruimte');
			await expect(form).toContainText('Op de kaart als: Openbare ruimte');
			await form.getByRole('radio', { name: 'Op een punt van de kaart' }).check();
			await expect(page.getByRole('toolbar', { name: 'Punt kiezen' })).toBeVisible();
			// By keyboard: the centre of the map (the map shows the selected buurt).
			await page.getByRole('toolbar', { name: 'Punt kiezen' }).getByRole('button', { name: 'Midden van de kaart kiezen' }).click();
			await expect(form).toContainText(/Gekozen punt: 52,\d{5} N, 6,\d{5} O/);
			// Or by clicking: a point surely inside Schothorsthoek is its label point.
			await form.getByRole('button', { name: 'Ander punt kiezen' }).click();
			await mapIdle(page);
			const inside = await screenPointOf(page, 'BU01640301');
			await page.mouse.click(inside.x, inside.y);
			await expect(page.getByRole('toolbar', { name: 'Punt kiezen' })).toHaveCount(0);
			await expect(form).toContainText(/Gekozen punt: 52,\d{5} N, 6,\d{5} O/);
			await form.getByLabel('Begin').fill('2027-01-01');
			await form.getByLabel('Einde').fill('2027-12-31');
			await form.getByLabel('Bedrag (€)').fill('1.250.000');
			await form.getByLabel('Woningen').fill('veel');
			await form.getByRole('button', { name: 'Opslaan' }).click();
			await expect(form.locator('#veld-dwellings-fout')).toHaveText('verwacht een heel getal');
			await form.getByLabel('Woningen').fill('');
			await form.getByRole('button', { name: 'Opslaan' }).click();
			await expect(details(page).getByRole('heading', { level: 2, name: project })).toBeVisible();
			await expect(details(page)).toContainText('Schothorsthoek (BU01640301)');
			await expect(details(page)).toContainText('€ 1.250.000');
			await expectRendered(page, 'register-investment-symbols', (names) => expect(names).toContain(project));

			// Delete and undo at once, from the notice.
			await details(page).getByRole('button', { name: 'Verwijderen' }).click();
			await details(page).getByRole('button', { name: 'Ja, verwijderen' }).click();
			await expect(notice(page)).toContainText(`"${project}" is verwijderd.`);
			await notice(page).getByRole('button', { name: 'Ongedaan maken' }).click();
			await expect(notice(page)).toContainText('Het verwijderen is ongedaan gemaakt.');
			await expect(details(page).getByRole('heading', { level: 2, name: project })).toBeVisible();
			await expectRendered(page, 'register-investment-symbols', (names) => expect(names).toContain(project));

			// A signal, in the selected buurt.
			await areaRegister(page).getByRole('button', { name: '+ Signaal' }).click();
			const signal = panel(page).getByRole('region', { name: 'Nieuw signaal' });
			await expect(signal.getByLabel('Buurt', { exact: true })).toHaveValue('BU01640301');
			await signal.getByLabel('Wat is er gezien of gehoord?').fill('E2E: bewoners vragen om een bankje bij de speeltuin');
			await signal.getByLabel('Datum').fill('2026-03-15');
			await signal.getByLabel('Domein').selectOption({ label: 'Openbare ruimte' });
			await signal.getByRole('button', { name: 'Opslaan' }).click();
			await expect(details(page)).toContainText('Hanna Hengelo (redacteur)');
			await page.getByRole('checkbox', { name: /^Signalen/ }).check();
			await expectRendered(page, 'register-signal-symbols', (names) => expect(names).toContain('E2E: bewoners vragen om een bankje bij de speeltuin'));
			await details(page).getByRole('button', { name: 'Verwijderen' }).click();
			await details(page).getByRole('button', { name: 'Ja, verwijderen' }).click();
			await expect(notice(page)).toContainText('is verwijderd');
		} finally {
			await removeByName(editor, 'investments', 'GM0164', project);
			await editor.dispose();
		}
	});

	test('a partner edits its own investment and has no edit control on another’s', async ({ page, playwright }) => {
		const welbions = await api(playwright, USERS.partnerWelbions);
		const project = 'E2E Welbions eigen project';
		const response = await welbions.post('/api/investments', {
			data: { partner: 'Welbions', projectName: project, measure: 'renovatie', buurtcode: 'BU01640302', startDate: '2026-01-01', endDate: '2027-06-30', dwellings: 20, amountEur: 800000, status: 'gepland' }
		});
		expect(response.status()).toBe(201);
		try {
			await signIn(page, USERS.partnerWelbions);
			await open(page, '/?gemeente=GM0164&gebied=BU01640302');
			const card = areaRegister(page);
			// A partner adds investments, not programmes or signals.
			await expect(card.getByRole('button', { name: '+ Investering' })).toBeVisible();
			await expect(card.getByRole('button', { name: '+ Programma' })).toHaveCount(0);
			await expect(card.getByRole('button', { name: '+ Signaal' })).toHaveCount(0);
			await card.getByRole('button', { name: project }).click();
			await details(page).getByRole('button', { name: 'Bewerken' }).click();
			const form = panel(page).getByRole('region', { name: 'Investering bewerken' });
			await expect(form.getByLabel('Partner')).toHaveValue('Welbions');
			await expect(form.getByLabel('Partner')).toHaveAttribute('readonly', '');
			await form.getByLabel('Woningen').fill('24');
			await form.getByRole('button', { name: 'Opslaan' }).click();
			await expect(details(page)).toContainText('24 woningen');
			const items: { projectName: string; dwellings: number }[] = await (await welbions.get('/api/investments?gemeente=GM0164')).json();
			expect(items.find((i) => i.projectName === project)!.dwellings).toBe(24);

			// The gemeente's own warmtenet: readable, not editable by Welbions.
			await open(page, '/?gemeente=GM0164&gebied=BU01640200');
			await areaRegister(page).getByRole('button', { name: 'Warmtenet Hengelo-Noord fase 1' }).click();
			await expect(details(page).getByRole('heading', { level: 2, name: 'Warmtenet Hengelo-Noord fase 1' })).toBeVisible();
			await expect(details(page).getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
			await expect(details(page).getByRole('button', { name: 'Verwijderen' })).toHaveCount(0);
			// Nor a programme.
			await open(page, '/?gemeente=GM0164&gebied=BU01640202');
			await areaRegister(page).getByRole('button', { name: 'Wijkaanpak Noord' }).click();
			await expect(details(page).getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
			// No signals for partners either.
			await expect(page.getByRole('checkbox', { name: /^Signalen/ })).toHaveCount(0);
		} finally {
			await removeByName(welbions, 'investments', 'GM0164', project);
			await welbions.dispose();
		}
	});

	// The refusal is provoked on purpose; the browser logs the API's 409.
	test.describe(() => {
		test.use({ expectedConsoleErrors: [/status of 409/] });
		test('a delete of an item someone else changed since it was loaded is refused, with "Opnieuw laden"', async ({ page, playwright }) => {
			const editor = await api(playwright, USERS.editorHengelo);
			const project = 'E2E verwijderen na wijziging';
			const body = { partner: 'Gemeente Hengelo', projectName: project, measure: 'renovatie', buurtcode: 'BU01640302', startDate: '2026-01-01', endDate: '2027-06-30', dwellings: 20, amountEur: 800000, status: 'gepland' };
			const created = await editor.post('/api/investments', { data: body });
			expect(created.status()).toBe(201);
			const { id } = await created.json();
			const stillThere = async () => ((await (await editor.get('/api/investments?gemeente=GM0164')).json()) as { id: number }[]).some((i) => i.id === id);
			try {
				await signIn(page, USERS.editorHengelo);
				await open(page, '/?gemeente=GM0164&gebied=BU01640302');
				await areaRegister(page).getByRole('button', { name: project }).click();
				await expect(details(page).getByRole('heading', { level: 2, name: project })).toBeVisible();
				// Someone else changes it while the page shows version 1.
				expect((await editor.put(`/api/investments/${id}`, { data: { ...body, dwellings: 30, version: 1 } })).status()).toBe(200);
				await details(page).getByRole('button', { name: 'Verwijderen' }).click();
				await details(page).getByRole('button', { name: 'Ja, verwijderen' }).click();
				const alert = details(page).getByRole('alert');
				await expect(alert).toContainText('is intussen gewijzigd (nu versie 2, u ging uit van versie 1)');
				// Not deleted.
				expect(await stillThere()).toBe(true);
				// Reloading shows it as it is now; then the delete goes through.
				await alert.getByRole('button', { name: 'Opnieuw laden' }).click();
				await registerIdle(page);
				await areaRegister(page).getByRole('button', { name: project }).click();
				await expect(details(page)).toContainText('30 woningen');
				await details(page).getByRole('button', { name: 'Verwijderen' }).click();
				await details(page).getByRole('button', { name: 'Ja, verwijderen' }).click();
				await expect(notice(page)).toContainText(`"${project}" is verwijderd.`);
				expect(await stillThere()).toBe(false);
			} finally {
				await removeByName(editor, 'investments', 'GM0164', project);
				await editor.dispose();
			}
		});
	});
});

test.describe('who sees what', () => {
	for (const who of ['anonymous', 'viewer'] as const) {
		test(`${who}: no edit controls and no signals, never even requested`, async ({ page }) => {
			if (who === 'viewer') await signIn(page, USERS.viewer);
			const signalRequests: string[] = [];
			page.on('request', (request) => {
				if (request.url().includes('/api/signals')) signalRequests.push(request.url());
			});
			// Even a link that asks for the signal layer shows none.
			await open(page, '/?gemeente=GM0164&gebied=BU01640202&lagen=programmas,investeringen,signalen');
			await registerIdle(page);
			await expect(page.getByRole('checkbox', { name: /^Signalen/ })).toHaveCount(0);
			await expect(areaRegister(page).getByRole('heading', { name: /Signalen/ })).toHaveCount(0);
			for (const label of ['+ Programma', '+ Investering', '+ Signaal']) await expect(page.getByRole('button', { name: label })).toHaveCount(0);
			await areaRegister(page).getByRole('button', { name: 'De Noork complex 412 - levensduurverlenging' }).click();
			await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('De Noork complex 412 - levensduurverlenging');
			await expect(details(page).getByRole('button', { name: 'Bewerken' })).toHaveCount(0);
			await expect(details(page).getByRole('button', { name: 'Verwijderen' })).toHaveCount(0);
			expect(await rendered(page, 'register-signal-symbols')).toEqual([]);
			expect(signalRequests).toEqual([]);
			// Not in the page's data either: the seeded example signals are nowhere in the HTML.
			expect(await (await page.request.get('/?gemeente=GM0164&gebied=BU01640202')).text()).not.toContain('Voorbeeldsignaal');
			await expect(page.getByRole('link', { name: 'Wijzigingen', exact: true })).toHaveCount(0);
		});
	}

	test('an editor sees the signals of the gemeente and can switch them on', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		await open(page, '/?gemeente=GM0164&gebied=BU01640202');
		const toggle = page.getByRole('checkbox', { name: /^Signalen/ });
		await expect(toggle).not.toBeChecked();
		await toggle.check();
		await expect(page).toHaveURL(/lagen=programmas,focusgebieden,investeringen,signalen/);
		await expectRendered(page, 'register-signal-symbols', (names) => expect(names.some((n) => n.includes('Voorbeeldsignaal'))).toBe(true));
		await expect(areaRegister(page).getByRole('heading', { name: 'Signalen (alleen voor medewerkers)' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Legenda register' }).getByRole('heading', { name: /^Signalen \(\d+\)$/ })).toBeVisible();
	});

	test.describe(() => {
		// The refused pages are loaded on purpose; the browser logs their 403.
		test.use({ expectedConsoleErrors: [/status of 403/] });
		test('the Wijzigingen page is for editors of the gemeente and admins', async ({ page }) => {
			await signIn(page, USERS.partnerWelbions);
			const response = await page.goto('/wijzigingen?gemeente=GM0164');
			expect(response!.status()).toBe(403);
			await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
			await signIn(page, USERS.editorEnschede);
			expect((await page.goto('/wijzigingen?gemeente=GM0164'))!.status()).toBe(403);
			await page.goto('/wijzigingen');
			await expect(page.getByRole('heading', { level: 1, name: 'Wijzigingen in Enschede' })).toBeVisible();
			await signIn(page, USERS.admin);
			await page.goto('/wijzigingen?gemeente=GM0153');
			await page.getByRole('navigation', { name: 'Filter de wijzigingen' }).getByRole('link', { name: 'Hengelo' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Wijzigingen in Hengelo' })).toBeVisible();
			// The seed's programmes are in the trail, as written by the app at first start.
			await page.getByRole('navigation', { name: 'Filter de wijzigingen' }).getByRole('link', { name: "Programma's" }).click();
			await expect(page.getByRole('article', { name: 'Programma “Wijkaanpak Noord” aangemaakt' })).toContainText('door Wijkbeeld (eerste start)');
		});
	});
});
