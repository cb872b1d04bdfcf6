// Stories end to end: the seeded story played with the keyboard in projector mode (asking the map what each slide
// shows), the type sizes at 1920 × 1080, the API's refusals, an editor composing a story from the map, the offline
// bundle opened from file:// with every network request blocked, and axe on the story pages.
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';
import { USERS, signIn, signOut } from './auth-helpers';
import { pressAndWait, slideMapState, slideReady } from './story-helpers';

const SEEDED = 'Wijkgericht werken in Hengelo';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function seededId(request: APIRequestContext): Promise<number> {
	const list = (await (await request.get('/api/stories?gemeente=GM0164')).json()) as { id: number; title: string }[];
	const story = list.find((s) => s.title === SEEDED);
	if (!story) throw new Error(`the seeded story is missing: ${JSON.stringify(list)}`);
	return story.id;
}

async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${v.help}`));
}

test.describe('projector mode', () => {
	test.use({ viewport: { width: 1920, height: 1080 } });

	test('plays the seeded story with the keyboard, each slide drawn as saved', async ({ page }) => {
		// Seven slides, each flown to and drawn completely in software WebGL: more than the default minute.
		test.setTimeout(240_000);
		const id = await seededId(page.request);
		await page.goto('/verhalen?gemeente=GM0164');
		await page.getByRole('link', { name: `Presenteren: ${SEEDED}` }).click();
		await expect(page).toHaveURL(new RegExp(`/verhalen/${id}/presentatie$`));
		await slideReady(page);
		const counter = page.locator('.wb-counter');
		const title = page.locator('.wb-title');
		const live = page.locator('.wb-player [aria-live="polite"]');

		// 1: urgency per wijk across Hengelo.
		await expect(counter).toHaveText('1 / 7');
		await expect(title).toHaveText(SEEDED);
		await expect(live).toHaveText(`Dia 1 van 7: ${SEEDED}`);
		let state = await slideMapState(page);
		expect(state.levels).toEqual(['wijk']);
		expect(state.areas).toHaveLength(10);
		expect(state.fills, 'a choropleth in five classes').toBe(5);
		expect(state.selection).toEqual([]);
		expect(state.layers).not.toContain('programmes-line');
		expect(state.labels).toBeGreaterThan(3);
		await expect(page.locator('.wb-synthetic')).toHaveText('Demodata — geen echte cijfers');
		await expect(page.locator('.wb-legend-title')).toHaveText('Urgentiescore');

		// 2 (→): every buurt.
		await pressAndWait(page, 'ArrowRight');
		await expect(counter).toHaveText('2 / 7');
		state = await slideMapState(page);
		expect(state.levels).toEqual(['buurt']);
		expect(state.areas.length).toBeGreaterThan(40);
		expect(state.fills).toBe(5);

		// 3 (PageDown, as a clicker sends): wijk Noord selected, its buurten.
		await pressAndWait(page, 'PageDown');
		await expect(counter).toHaveText('3 / 7');
		await expect(title).toHaveText('Wijk Noord: stapeling van problemen');
		await expect(live).toHaveText('Dia 3 van 7: Wijk Noord: stapeling van problemen');
		state = await slideMapState(page);
		expect(state.selection).toEqual(['WK016402']);
		expect(state.levels).toEqual(['buurt']);
		expect(state.areas).toEqual(expect.arrayContaining(['BU01640202', 'BU01640203']));
		expect(state.fills).toBeGreaterThanOrEqual(3);

		// 4: the indicator behind it.
		await pressAndWait(page, 'ArrowRight');
		await expect(page.locator('.wb-legend-title')).toHaveText('Huishoudens met laag inkomen');

		// 5: De Noork with the Wijkaanpak Noord of K1 2024.
		await pressAndWait(page, 'ArrowRight');
		await expect(counter).toHaveText('5 / 7');
		state = await slideMapState(page);
		expect(state.selection).toEqual(['BU01640202']);
		expect(state.programmes).toContain('Wijkaanpak Noord');
		expect(state.layers).not.toContain('investments-circle');

		// 6: the partners' investments in K2 2026.
		await pressAndWait(page, 'ArrowRight');
		state = await slideMapState(page);
		expect(state.selection).toEqual(['WK016402']);
		expect(state.investments).toBeGreaterThanOrEqual(4);
		expect(state.fills, 'no theme: areas in their own colours').toBe(0);
		await expect(page.locator('.wb-legend')).toContainText('Investering (grootte naar bedrag)');

		// ← back, End, Home.
		await pressAndWait(page, 'ArrowLeft');
		await expect(counter).toHaveText('5 / 7');
		await pressAndWait(page, 'End');
		await expect(counter).toHaveText('7 / 7');
		await expect(title).toHaveText('In gesprek');
		await page.keyboard.press('ArrowRight');
		await expect(counter).toHaveText('7 / 7');
		await pressAndWait(page, 'Home');
		await expect(counter).toHaveText('1 / 7');
		await expect(page).toHaveURL(/\?dia=1$/);

		// B blanks; a navigation key brings the same slide back; B twice too.
		const blank = page.locator('.wb-blank');
		await page.keyboard.press('b');
		await expect(blank).toBeVisible();
		await expect(live).toHaveText(/Scherm zwart/);
		await page.keyboard.press('ArrowRight');
		await expect(blank).toBeHidden();
		await expect(counter).toHaveText('1 / 7');
		await page.keyboard.press('B');
		await expect(blank).toBeVisible();
		await page.keyboard.press('B');
		await expect(blank).toBeHidden();

		// Esc leaves, back to the story page.
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(new RegExp(`/verhalen/${id}$`));
		await expect(page.getByRole('heading', { level: 1, name: SEEDED })).toBeVisible();
	});

	test('labels and legend are readable from the back of the room at 1920 × 1080', async ({ page }) => {
		const id = await seededId(page.request);
		await page.goto(`/verhalen/${id}/presentatie?dia=3`);
		await slideReady(page);
		await expect(page.locator('.wb-counter')).toHaveText('3 / 7');
		const px = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		for (const selector of ['.wb-legend li', '.wb-legend-title', '.wb-legend-sub', '.wb-text', '.wb-title', '.wb-counter', '.wb-synthetic']) {
			expect(await px(selector), selector).toBeGreaterThanOrEqual(24);
		}
		expect(await px('.wb-title')).toBeGreaterThanOrEqual(48);
		// Map labels: every size the label layer can take, and the labels actually drawn.
		const sizes = await page.evaluate(() => {
			const map = (window as unknown as { wijkbeeld: { map: import('maplibre-gl').Map } }).wijkbeeld.map;
			const size = JSON.stringify(map.getLayoutProperty('labels', 'text-size'));
			return { numbers: (size.match(/\d+(\.\d+)?/g) ?? []).map(Number), drawn: map.queryRenderedFeatures({ layers: ['labels'] }).length };
		});
		expect(sizes.drawn).toBeGreaterThan(3);
		expect(Math.min(...sizes.numbers)).toBeGreaterThanOrEqual(24);
		// The map fills the window beside the panel: nothing scrolls.
		expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
		await test.info().attach('projector 1920x1080', { body: await page.screenshot(), contentType: 'image/png' });
	});

	test('nothing covers the map; the most urgent areas carry their names; investments differ by colour', async ({ page }) => {
		test.setTimeout(120_000);
		const id = await seededId(page.request);
		const mapNotCovered = async () => {
			const [map, foot] = await Promise.all([page.locator('.wb-map').boundingBox(), page.locator('.wb-map-foot').boundingBox()]);
			// The bar with source and buttons lies below the map, not over it, and is fully in the window.
			expect(foot!.y).toBeGreaterThanOrEqual(map!.y + map!.height - 0.5);
			expect(foot!.y + foot!.height).toBeLessThanOrEqual(1080.5);
			await expect(page.getByRole('button', { name: 'Volgende →' })).toBeInViewport();
		};

		await page.goto(`/verhalen/${id}/presentatie?dia=1`);
		await slideReady(page);
		await mapNotCovered();
		const labels = await page.evaluate(() => {
			const map = (window as unknown as { wijkbeeld: { map: import('maplibre-gl').Map } }).wijkbeeld.map;
			const codes = (features: { properties: Record<string, unknown> }[]) => [...new Set(features.map((f) => String(f.properties.code)))];
			return {
				darkest: codes(map.querySourceFeatures('labels').filter((f) => f.properties.rank === 0)),
				drawn: codes(map.queryRenderedFeatures({ layers: ['labels'] }))
			};
		});
		expect(labels.darkest.length).toBeGreaterThan(0);
		for (const code of labels.darkest) expect(labels.drawn, `the name of ${code} (darkest class)`).toContain(code);

		await page.goto(`/verhalen/${id}/presentatie?dia=6`);
		await slideReady(page);
		await mapNotCovered();
		const colours = await page.evaluate(() => {
			const map = (window as unknown as { wijkbeeld: { map: import('maplibre-gl').Map } }).wijkbeeld.map;
			return [...new Set(map.queryRenderedFeatures({ layers: ['investments-circle'] }).map((f) => String(f.properties.category)))];
		});
		expect(colours.length, 'investments of more than one kind of measure').toBeGreaterThan(1);
		// Each kind in the legend with its own colour.
		const swatches = await page.locator('.wb-legend li .wb-swatch-circle').evaluateAll((els) => els.map((el) => getComputedStyle(el).getPropertyValue('--swatch')));
		expect(new Set(swatches).size).toBeGreaterThan(2);
	});

	test('axe finds no violations in projector mode', async ({ page }) => {
		const id = await seededId(page.request);
		await page.goto(`/verhalen/${id}/presentatie?dia=6`);
		await slideReady(page);
		expect(await axeViolations(page)).toEqual([]);
	});
});

test.describe('stories API', () => {
	test('anyone reads; only editors of the gemeente and admins write; field errors name the slide', async ({ playwright, baseURL }) => {
		const as = async (email: string | null) => {
			const context = await playwright.request.newContext({ baseURL });
			if (email) await signIn(context, email);
			return context;
		};
		const anonymous = await as(null);
		const id = await seededId(anonymous);
		const story = await (await anonymous.get(`/api/stories/${id}`)).json();
		expect(story).toMatchObject({ id, gemeentecode: 'GM0164', title: SEEDED, version: expect.any(Number) });
		expect(story.slides).toHaveLength(7);
		expect((await anonymous.get('/api/stories')).status()).toBe(400);
		expect((await anonymous.get('/api/stories/999999')).status()).toBe(404);

		const body = { gemeentecode: 'GM0164', title: 'Wijkavond Noord', slides: [{ title: 'Noord', view: '?gemeente=GM0164&gebied=WK016402' }] };
		expect((await anonymous.post('/api/stories', { data: body })).status()).toBe(401);
		const viewer = await as(USERS.viewer);
		expect((await viewer.post('/api/stories', { data: body })).status()).toBe(403);
		const partner = await as(USERS.partnerWelbions);
		expect((await partner.post('/api/stories', { data: body })).status()).toBe(403);
		const enschede = await as(USERS.editorEnschede);
		expect((await enschede.post('/api/stories', { data: body })).status()).toBe(403);
		expect((await enschede.put(`/api/stories/${id}`, { data: { ...story } })).status()).toBe(403);
		expect((await enschede.delete(`/api/stories/${id}`)).status()).toBe(403);

		const editor = await as(USERS.editorHengelo);
		const refused = await editor.post('/api/stories', {
			data: { ...body, slides: [{ title: 'Fout', view: '?gemeente=GM0164&zoom=12' }, { title: '', view: '?gemeente=GM0164' }, { title: 'Enschede', view: '?gemeente=GM0153' }] }
		});
		expect(refused.status()).toBe(400);
		const errors = (await refused.json()).errors as { field: string; message: string }[];
		expect(errors).toEqual(
			expect.arrayContaining([
				{ field: 'slides.0.view', message: expect.stringMatching(/zoom: onbekende parameter/) },
				{ field: 'slides.1.title', message: 'is verplicht' }
			])
		);
		const foreign = await editor.post('/api/stories', { data: { ...body, slides: [{ title: 'Enschede', view: '?gemeente=GM0153' }] } });
		expect(foreign.status()).toBe(400);
		expect((await foreign.json()).errors).toEqual([{ field: 'slides.0.view', message: expect.stringMatching(/van GM0153, het verhaal van GM0164/) }]);

		const created = await editor.post('/api/stories', { data: body });
		expect(created.status()).toBe(201);
		const own = await created.json();
		expect(own.slides[0].view).toBe('?gemeente=GM0164&gebied=WK016402');
		const added = await editor.post(`/api/stories/${own.id}/slides`, { data: { title: 'Eerst', view: '/?gemeente=GM0164&laag=wijk', position: 1 } });
		expect(added.status()).toBe(201);
		const after = await added.json();
		expect(after.slides.map((s: { title: string }) => s.title)).toEqual(['Eerst', 'Noord']);
		const reordered = await editor.put(`/api/stories/${own.id}`, { data: { version: after.version, title: own.title, description: '', slides: [...after.slides].reverse() } });
		expect(reordered.status()).toBe(200);
		expect((await reordered.json()).slides.map((s: { title: string }) => s.title)).toEqual(['Noord', 'Eerst']);
		const stale = await editor.put(`/api/stories/${own.id}`, { data: { version: after.version, title: 'Te laat', description: '', slides: [] } });
		expect(stale.status()).toBe(409);
		expect((await stale.json()).current.title).toBe('Wijkavond Noord');

		const snapshots = await anonymous.get(`/api/stories/${own.id}/snapshots`);
		expect((await snapshots.json()).slides.map((s: { meta: { title: string } }) => s.meta.title)).toEqual(['Noord', 'Eerst']);
		const bundle = await anonymous.get(`/api/stories/${own.id}/bundle`);
		expect(bundle.headers()['content-type']).toBe('application/zip');
		expect(bundle.headers()['content-disposition']).toMatch(/wijkbeeld-verhaal-\d+-wijkavond-noord\.zip/);
		expect(Object.keys(unzipSync(new Uint8Array(await bundle.body())))).toContain('index.html');

		const admin = await as(USERS.admin);
		expect((await admin.delete(`/api/stories/${own.id}`)).status()).toBe(200);
		expect((await anonymous.get(`/api/stories/${own.id}`)).status()).toBe(404);
		for (const c of [anonymous, viewer, partner, enschede, editor, admin]) await c.dispose();
	});
});

test.describe('composing a story', () => {
	// The refused view below is a 400 the browser logs.
	test.use({ expectedConsoleErrors: [/status of 400/] });

	test('an editor adds map views from the map, reorders by keyboard, edits, deletes and previews', async ({ page }) => {
		test.setTimeout(180_000);
		await signIn(page, USERS.editorHengelo);
		await page.goto('/?gemeente=GM0164&gebied=BU01640203&laag=buurt&thema=urgentie');
		await mapIdle(page);
		await page.getByRole('link', { name: 'Aan verhaal toevoegen' }).click();
		await expect(page.getByRole('heading', { name: 'Kaartbeeld aan een verhaal toevoegen' })).toBeVisible();
		await expect(page.getByText('Urgentiescore · buurten · Klein Driene, Hengelo · 2024', { exact: true })).toBeVisible();
		await page.getByRole('radio', { name: 'Nieuw verhaal' }).check();
		await page.getByLabel('Titel van het nieuwe verhaal').fill('Wijkavond Klein Driene');
		await page.getByLabel('Titel van de dia').fill('Klein Driene in beeld');
		await page.getByLabel('Tekst (kort: hij wordt groot getoond)').fill('Waar staan we?');
		await page.getByRole('button', { name: 'Toevoegen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Wijkavond Klein Driene' })).toBeVisible();
		const id = Number(new URL(page.url()).pathname.split('/').pop());

		// A second slide by pasting the link of a view.
		await page.getByLabel('Link van het kaartbeeld').fill('/?gemeente=GM0164&gebied=WK016402&laag=buurt&lagen=programmas');
		await page.getByLabel('Titel', { exact: true }).fill('Wijk Noord');
		await page.getByRole('button', { name: 'Dia toevoegen' }).click();
		await expect(page.getByRole('status')).toHaveText(/Dia “Wijk Noord” is toegevoegd als dia 2/);
		// A view with an unknown parameter is refused next to the field.
		await page.getByLabel('Link van het kaartbeeld').fill('/?gemeente=GM0164&kleur=rood');
		await page.getByLabel('Titel', { exact: true }).fill('Fout');
		await page.getByRole('button', { name: 'Dia toevoegen' }).click();
		await expect(page.locator('#nieuw-kaartbeeld-fout')).toHaveText(/kleur: onbekende parameter/);

		// Move "Wijk Noord" up with the keyboard; focus stays with it and the move is announced.
		const up = page.getByRole('button', { name: 'Omhoog: Wijk Noord' });
		await up.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status')).toHaveText('Dia “Wijk Noord” staat nu op plaats 1 van 2.');
		await expect(page.getByRole('button', { name: 'Omlaag: Wijk Noord' })).toBeFocused();
		await expect(page.locator('.slides ol > li .title')).toHaveText(['Wijk Noord', 'Klein Driene in beeld']);

		// Edit the text of a slide.
		await page.getByRole('button', { name: 'Bewerken: Klein Driene in beeld' }).click();
		await page.getByLabel('Tekst (kort: het wordt groot getoond)').fill('Waar staan we, en wat willen we?');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByRole('status')).toHaveText('Dia “Klein Driene in beeld” is opgeslagen.');

		// The preview is the projector player; choosing a slide shows it.
		await page.getByRole('button', { name: /Dia 2\s*Klein Driene in beeld/ }).click();
		await slideReady(page);
		expect((await slideMapState(page)).selection).toEqual(['BU01640203']);
		await page.getByRole('button', { name: /Dia 1\s*Wijk Noord/ }).click();
		await expect(page.locator('.wb-player')).toHaveAttribute('data-slide-index', '0');
		await slideReady(page);
		expect((await slideMapState(page)).selection).toEqual(['WK016402']);

		// Delete the first slide, after confirming.
		await page.getByRole('button', { name: 'Verwijderen: Wijk Noord' }).click();
		await page.getByRole('button', { name: 'Ja, verwijder dia 1' }).click();
		await expect(page.getByRole('status')).toHaveText(/Dia “Wijk Noord” is verwijderd; het verhaal heeft nu 1 dia/);

		const saved = await (await page.request.get(`/api/stories/${id}`)).json();
		expect(saved.slides).toEqual([
			{ id: expect.any(Number), title: 'Klein Driene in beeld', text: 'Waar staan we, en wat willen we?', view: '?gemeente=GM0164&gebied=BU01640203&laag=buurt&thema=urgentie' }
		]);
		expect(await axeViolations(page)).toEqual([]);

		// The whole story goes; back to the list.
		await page.getByRole('button', { name: 'Verhaal verwijderen' }).click();
		await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
		await expect(page).toHaveURL(/\/verhalen\?gemeente=GM0164$/);
		await expect(page.getByRole('link', { name: 'Wijkavond Klein Driene' })).toHaveCount(0);
	});

	test('viewers see the stories but no edit controls; the map shows them no "Aan verhaal toevoegen"', async ({ page }) => {
		test.setTimeout(120_000);
		await signIn(page, USERS.viewer);
		await page.goto('/?gemeente=GM0164');
		await mapIdle(page);
		await expect(page.getByRole('link', { name: 'Aan verhaal toevoegen' })).toHaveCount(0);
		// On the map page the main menu folds behind its button.
		await page.getByRole('button', { name: 'Menu' }).click();
		await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verhalen' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Verhalen van Hengelo' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Nieuw verhaal' })).toHaveCount(0);
		await page.getByRole('link', { name: SEEDED, exact: true }).click();
		await expect(page.getByRole('link', { name: /Presenteren vanaf dia 1/ })).toBeVisible();
		await expect(page.getByRole('button', { name: /Omhoog|Bewerken|Verwijderen/ })).toHaveCount(0);
		expect(await axeViolations(page)).toEqual([]);
		await signOut(page);
	});

	test('axe finds no violations on the story list and the add page; the add link has a visible focus ring', async ({ page }) => {
		test.setTimeout(120_000);
		await signIn(page, USERS.editorHengelo);
		await page.goto('/verhalen?gemeente=GM0164');
		expect(await axeViolations(page)).toEqual([]);
		await page.goto('/?gemeente=GM0164&laag=buurt');
		await mapIdle(page);
		const add = page.getByRole('link', { name: 'Aan verhaal toevoegen' });
		// In the header it comes right after the exports.
		await page.getByRole('button', { name: 'Exporteren' }).focus();
		await page.keyboard.press('Tab');
		await expect(add).toBeFocused();
		expect(await add.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/verhalen\/toevoegen\?weergave=/);
		expect(await axeViolations(page)).toEqual([]);
	});
});

test.describe('offline bundle', () => {
	test('plays from file:// in Chromium with every network request blocked', async ({ page, browser }) => {
		test.setTimeout(240_000);
		const id = await seededId(page.request);
		const response = await page.request.get(`/api/stories/${id}/bundle`);
		expect(response.status()).toBe(200);
		const files = unzipSync(new Uint8Array(await response.body()));
		const dir = await mkdtemp(join(tmpdir(), 'wijkbeeld-usb-'));
		for (const [name, data] of Object.entries(files)) {
			if (name.endsWith('/')) continue;
			await mkdir(dirname(join(dir, name)), { recursive: true });
			await writeFile(join(dir, name), data);
		}

		// A browser with no network: offline, and every http(s) request aborted and recorded.
		const context = await browser.newContext({ offline: true, viewport: { width: 1920, height: 1080 } });
		const attempts: string[] = [];
		const problems: string[] = [];
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (/^(https?|wss?):/i.test(url)) {
				attempts.push(url);
				return route.abort();
			}
			return route.continue();
		});
		const usb = await context.newPage();
		usb.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
		usb.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
		});
		usb.on('request', (request) => {
			if (!/^(file|data|blob):/.test(request.url())) attempts.push(request.url());
		});
		await usb.goto(pathToFileURL(join(dir, 'index.html')).href);
		await slideReady(usb);
		await expect(usb.locator('.wb-counter')).toHaveText('1 / 7');
		await expect(usb.locator('.wb-synthetic')).toHaveText('Demodata — geen echte cijfers');
		await expect(usb.locator('.wb-map .maplibregl-ctrl-attrib')).toContainText('CBS / Kadaster');
		await expect(usb.locator('.wb-footnote')).toHaveText(/^Offline pakket, gemaakt op \d{1,2} \w+ \d{4} om \d{2}:\d{2}/);
		// The label font came along as data (no glyph server, no file:// font).
		expect(await usb.evaluate(() => document.fonts.check('16px "Wijkbeeld Sans"'))).toBe(true);

		const expected: [title: string, check: (s: Awaited<ReturnType<typeof slideMapState>>) => void][] = [
			[SEEDED, (s) => (expect(s.levels).toEqual(['wijk']), expect(s.fills).toBe(5))],
			['Elke buurt heeft zijn eigen karakter', (s) => (expect(s.levels).toEqual(['buurt']), expect(s.fills).toBe(5))],
			['Wijk Noord: stapeling van problemen', (s) => expect(s.selection).toEqual(['WK016402'])],
			['Wat erachter zit: inkomen', (s) => expect(s.fills).toBeGreaterThanOrEqual(3)],
			['Wijkaanpak Noord: startpunt De Noork', (s) => expect(s.programmes).toContain('Wijkaanpak Noord')],
			['Samen met partners', (s) => expect(s.investments).toBeGreaterThanOrEqual(4)],
			['In gesprek', (s) => (expect(s.levels).toEqual(['wijk']), expect(s.investments).toBeGreaterThan(0))]
		];
		for (const [i, [title, check]] of expected.entries()) {
			if (i > 0) await pressAndWait(usb, i % 2 ? 'ArrowRight' : 'PageDown');
			await expect(usb.locator('.wb-counter')).toHaveText(`${i + 1} / 7`);
			await expect(usb.locator('.wb-title')).toHaveText(title);
			const state = await slideMapState(usb);
			expect(state.areas.length, `slide ${i + 1} draws its areas`).toBeGreaterThan(0);
			check(state);
		}
		await pressAndWait(usb, 'Home');
		await expect(usb.locator('.wb-counter')).toHaveText('1 / 7');
		expect(new URL(usb.url()).hash).toBe('#1');
		await test.info().attach('bundle from file://', { body: await usb.screenshot(), contentType: 'image/png' });

		expect(attempts, 'no network request of any kind').toEqual([]);
		expect(problems, 'no page errors').toEqual([]);
		await context.close();
	});
});
