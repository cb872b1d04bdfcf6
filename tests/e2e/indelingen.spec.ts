// @db: runs on PostgreSQL too (scripts/test.js): its SQL (views, imports, matching) differs between the engines.
// Stadsdelen made in the app: drawing an indeling on the map (per wijk, by clicking a buurt, refused while a buurt is
// in no stadsdeel), comparing two variants, vaststellen (the map's stadsdeel level follows) and undoing it; the API's
// refusals for a missing, doubled or foreign buurt and for other gemeenten's editors.
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ORIGIN, USERS, signIn } from './auth-helpers';

const HENGELO = 'GM0164';

async function mapReady(page: Page): Promise<void> {
	await page.locator('.indeling-map[data-ready="true"]').waitFor({ timeout: 30_000 });
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.wijkbeeld!.map;
				const check = () => (map.isStyleLoaded() && !map.isMoving() && map.areTilesLoaded() ? resolve() : map.once('idle', check));
				check();
			})
	);
}

/** The fill colour the map gives a buurt (read from the layer's match expression). */
async function fillOf(page: Page, code: string): Promise<string | null> {
	return page.evaluate((c) => {
		const expression = window.wijkbeeld!.map.getPaintProperty('buurt-fill', 'fill-color') as unknown[];
		if (!Array.isArray(expression)) return null;
		const at = expression.indexOf(c);
		return at > 0 ? String(expression[at + 1]) : null;
	}, code);
}

async function hengeloBuurten(request: APIRequestContext): Promise<{ code: string; wijkcode: string; name: string; label: [number, number] }[]> {
	const collection = await (await request.get(`/api/areas?gemeente=${HENGELO}&level=buurt`)).json();
	return collection.features.map((f: { properties: { code: string; wijkcode: string; name: string; label: [number, number] } }) => f.properties);
}

/** The row of the stadsdeel now called `name` in the editor's list (its name is an input's value). */
async function stadsdeelRow(page: Page, name: string) {
	const names = await page.locator('.stadsdeel input.name').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	const index = names.indexOf(name);
	expect(index, `stadsdeel ${name} in ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
	return page.locator('.stadsdeel').nth(index);
}

const post = (request: APIRequestContext, path: string, data?: unknown) => request.post(path, { headers: { origin: ORIGIN }, data });

test.describe('indelingen', () => {
	test('the API refuses a buurt missing, doubled or of another gemeente, naming them; other editors are refused', async ({ request }) => {
		await signIn(request, USERS.editorHengelo);
		const buurten = await hengeloBuurten(request);
		const all = buurten.map((b) => b.code);
		const missing = await post(request, '/api/indelingen', { gemeentecode: HENGELO, name: 'Lek', stadsdelen: [{ name: 'Alles', buurtcodes: all.slice(1) }] });
		expect(missing.status()).toBe(400);
		const body = await missing.json();
		expect(body.error).toContain(`buurten zonder stadsdeel: ${buurten[0].name} (${all[0]})`);
		expect(body.errors[0].buurtcodes).toEqual([all[0]]);
		const doubled = await post(request, '/api/indelingen', { gemeentecode: HENGELO, name: 'Dubbel', stadsdelen: [{ name: 'A', buurtcodes: all }, { name: 'B', buurtcodes: [all[0]] }] });
		expect((await doubled.json()).error).toContain(`(${all[0]}) in A en B`);
		const foreign = await post(request, '/api/indelingen', { gemeentecode: HENGELO, name: 'Vreemd', stadsdelen: [{ name: 'A', buurtcodes: [...all, 'BU01530000'] }] });
		expect((await foreign.json()).error).toContain('buurten van een andere gemeente (GM0153)');
		const malformed = await post(request, '/api/indelingen', { gemeentecode: HENGELO, name: 'x', stadsdelen: [{ name: 'A', buurtcodes: ['<script>'] }] });
		expect(malformed.status()).toBe(400);

		await signIn(request, USERS.editorEnschede);
		const other = await post(request, '/api/indelingen', { gemeentecode: HENGELO, name: 'Van buiten', stadsdelen: [{ name: 'A', buurtcodes: all }] });
		expect(other.status()).toBe(403);
		await signIn(request, USERS.viewer);
		expect((await post(request, '/api/indelingen', { gemeentecode: HENGELO, name: 'Kijker', stadsdelen: [{ name: 'A', buurtcodes: all }] })).status()).toBe(403);
		expect((await request.get(`/api/indelingen?gemeente=${HENGELO}`)).ok()).toBe(true);
	});

	// Saving while a buurt is in no stadsdeel is refused with a 400 on purpose; the browser logs it.
	test.use({ expectedConsoleErrors: [/status of 400 \(Bad Request\)/] });

	test('an editor draws an indeling on the map, compares it with a variant, stelt it vast and undoes that', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		const buurten = await hengeloBuurten(page.request);
		await page.goto(`/indelingen?gemeente=${HENGELO}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indeling in stadsdelen — Hengelo');
		await page.getByRole('button', { name: 'Nieuwe indeling (elke wijk een stadsdeel)' }).click();
		await expect(page).toHaveURL(/\/indelingen\/\d+$/);
		const id = Number(new URL(page.url()).pathname.split('/').pop());
		await mapReady(page);
		await expect(page.locator('.stadsdeel')).toHaveCount(10);

		// Centrum: the Binnenstad; Noord: Hengelose Es, Noord and Hasseler Es (per wijk from the list).
		await (await stadsdeelRow(page, 'Binnenstad')).locator('input.name').fill('Centrum');
		await page.getByLabel('Wijk 01 Hengelose Es').selectOption({ label: 'Noord' });
		await page.getByLabel('Wijk 03 Hasseler Es').selectOption({ label: 'Noord' });
		// One buurt of the Binnenstad to Noord by clicking it on the map, with Noord as the active stadsdeel.
		await (await stadsdeelRow(page, 'Noord')).getByRole('radio').check();
		const target = buurten.find((b) => b.wijkcode === 'WK016400')!;
		const point = await page.evaluate((label) => {
			const map = window.wijkbeeld!.map;
			const p = map.project(label);
			const box = map.getCanvas().getBoundingClientRect();
			return { x: box.left + p.x, y: box.top + p.y };
		}, target.label);
		const noordColour = await fillOf(page, buurten.find((b) => b.wijkcode === 'WK016402')!.code);
		await page.mouse.click(point.x, point.y);
		await expect.poll(() => fillOf(page, target.code)).toBe(noordColour);

		// Removing the now empty Hengelose Es and Hasseler Es; then removing Berflo Es with its buurten is refused on save.
		await page.getByRole('button', { name: 'Verwijder stadsdeel Hasseler Es' }).click();
		await page.getByRole('button', { name: 'Verwijder stadsdeel Hengelose Es' }).click();
		await page.getByRole('button', { name: 'Verwijder stadsdeel Berflo Es' }).click();
		await expect(page.getByText(/buurten zitten nog in geen stadsdeel/)).toBeVisible();
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByRole('alert')).toContainText('buurten zonder stadsdeel');
		// Berflo Es to Oost (Groot Driene's stadsdeel, renamed), then it saves.
		await (await stadsdeelRow(page, 'Groot Driene')).locator('input.name').fill('Oost');
		await page.getByLabel('Wijk 05 Berflo Es').selectOption({ label: 'Oost' });
		await page.getByRole('textbox', { name: 'Naam van de indeling' }).fill('Zeven stadsdelen');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByText('Opgeslagen.')).toBeVisible();
		const saved = await (await page.request.get(`/api/indelingen/${id}`)).json();
		expect(saved.name).toBe('Zeven stadsdelen');
		expect(saved.stadsdelen.map((s: { name: string }) => s.name)).toEqual(['Buitengebied', 'Centrum', 'Noord', 'Oost', 'Slangenbeek', 'Wilderinkshoek', 'Woolde']);
		const noord = saved.stadsdelen.find((s: { name: string }) => s.name === 'Noord');
		expect(noord.buurtcodes).toContain(target.code);

		// A variant: a copy with the whole Binnenstad in Centrum again.
		await page.goto(`/indelingen?gemeente=${HENGELO}`);
		await page.getByRole('button', { name: 'Kopieer Zeven stadsdelen als variant' }).click();
		await expect(page).toHaveURL(/\/indelingen\/\d+$/);
		const variantId = Number(new URL(page.url()).pathname.split('/').pop());
		await mapReady(page);
		await page.getByLabel('Wijk 00 Binnenstad').selectOption({ label: 'Centrum' });
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByText('Opgeslagen.')).toBeVisible();

		// The comparison: one buurt moves; both variants' figures per stadsdeel.
		await page.goto(`/indelingen/vergelijk?a=${id}&b=${variantId}`);
		await mapReady(page);
		await expect(page.getByRole('heading', { name: '1 buurt verschuift van A naar B' })).toBeVisible();
		await expect(page.locator('.moved li')).toHaveText([`${target.name} ${target.code}: Noord → Centrum`]);
		await expect(page.getByRole('table', { name: 'Per stadsdeel van Zeven stadsdelen' }).locator('tbody tr')).toHaveCount(7);
		await expect(page.getByText('Demodata — geen echte cijfers').first()).toBeVisible();
		expect(await fillOf(page, target.code)).not.toBe('#e4e7eb');

		// Vaststellen from the list: the stadsdeel level of the map serves it.
		await page.goto(`/indelingen?gemeente=${HENGELO}`);
		page.once('dialog', (dialog) => dialog.accept());
		await page.getByRole('row', { name: /^Zeven stadsdelen Concept/ }).getByRole('button', { name: 'Vaststellen' }).click();
		await expect(page.getByRole('status')).toContainText('"Zeven stadsdelen" is vastgesteld');
		await expect(page.getByRole('row', { name: /^Zeven stadsdelen Geldend/ })).toBeVisible();
		const areas = await (await page.request.get(`/api/areas?gemeente=${HENGELO}&level=stadsdeel`)).json();
		expect(areas.features.map((f: { properties: { name: string } }) => f.properties.name).sort()).toEqual(saved.stadsdelen.map((s: { name: string }) => s.name).sort());

		// Undone from the audit trail: Hengelo has no stadsdelen in force again.
		const audit = await (await page.request.get(`/api/audit?gemeente=${HENGELO}&entity=indeling&id=${id}`)).json();
		const entry = audit[0];
		expect(entry).toMatchObject({ entity: 'indeling', action: 'update' });
		const undone = await post(page.request, `/api/audit/${entry.id}/undo`);
		expect(undone.ok()).toBe(true);
		const after = await (await page.request.get(`/api/areas?gemeente=${HENGELO}&level=stadsdeel`)).json();
		expect(after.features).toEqual([]);
		expect((await (await page.request.get(`/api/indelingen/${id}`)).json()).status).toBe('concept');
	});
});
