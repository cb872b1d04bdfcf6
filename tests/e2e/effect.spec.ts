// @db: runs on PostgreSQL too (scripts/test.js): its SQL (views, imports, matching) differs between the engines.
// The effect monitor in the browser: an editor chooses succesindicatoren for Wijkaanpak Noord (started February 2024)
// and reads the effect against comparable buurten on the demo monitor (2020–2024), the map shows the area, the ring and
// the group, the voortgangsrapportage downloads as a PDF with the same reading; the API's refusals.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { ORIGIN, signIn, USERS } from './auth-helpers';
import { pdfText } from '../../src/lib/export/test-support';

/** Waits until every map of the page (the area's gemeente, and one per other gemeente with comparison buurten) is ready and the last one has drawn. */
async function mapsIdle(page: import('@playwright/test').Page, effect: { programme: { gemeentecode: string }; comparison: { buurten: { gemeentecode: string }[] } }) {
	const maps = new Set([effect.programme.gemeentecode, ...effect.comparison.buurten.map((b) => b.gemeentecode)]).size;
	await expect(page.locator('.map-wrap[data-ready="true"]')).toHaveCount(maps, { timeout: 30_000 });
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.wijkbeeld!.map;
				const check = () => (map.isStyleLoaded() && !map.isMoving() && map.areTilesLoaded() ? resolve() : map.once('idle', check));
				check();
			})
	);
}

async function noordId(request: import('@playwright/test').APIRequestContext): Promise<number> {
	const list = await (await request.get('/api/programmes?gemeente=GM0164')).json();
	return list.find((p: { name: string }) => p.name === 'Wijkaanpak Noord').id;
}

test.describe('effect monitor', () => {
	test('an editor chooses succesindicatoren, reads the effect and downloads the voortgangsrapportage', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		const id = await noordId(page.request);
		await page.goto(`/programmas/${id}/effect`);
		await expect(page.getByRole('heading', { level: 1, name: 'Effect van Wijkaanpak Noord' })).toBeVisible();
		await expect(page.getByText('Er zijn nog geen succesindicatoren gekozen.')).toBeVisible();

		await page.getByRole('button', { name: 'Indicator toevoegen' }).click();
		const first = page.getByRole('group', { name: 'Indicator 1' });
		await first.getByLabel('Indicator', { exact: true }).selectOption('p_eenzaam');
		await first.getByLabel('Gewenste richting').selectOption('omlaag');
		await first.getByLabel(/^Doel \(/).fill('10');
		await first.getByLabel('Doeljaar').fill('2028');
		await page.getByRole('button', { name: 'Vastleggen' }).first().click();
		await expect(page.getByRole('status').filter({ hasText: 'De succesindicatoren zijn vastgelegd.' })).toBeVisible();

		// The effect of the chosen indicator: the demo monitor measures eenzaamheid every other year (2020, 2022, 2024), so
		// the nulmeting is 2022, the last measurement before the start in February 2024; demodata labelled; a reading that
		// claims no more than the comparison supports, the same as the API's.
		const effect = await (await page.request.get(`/api/programmes/${id}/effect`)).json();
		const [eenzaam] = effect.indicators;
		expect(eenzaam).toMatchObject({ code: 'p_eenzaam', richting: 'omlaag', baseline: { year: 2022 }, latest: { year: 2024 }, synthetic: true, label: 'Demodata — geen echte cijfers' });
		expect(eenzaam.did.placebo.n).toBeGreaterThanOrEqual(5);
		const section = page.getByRole('region', { name: 'Volwassenen ernstig eenzaam' });
		await expect(section.getByText('nulmeting 2022 (DEMODATA (synthetisch, geen echte cijfers))').first()).toBeVisible();
		await expect(section.getByRole('note')).toHaveText('Demodata — geen echte cijfers');
		const reading = section.locator('.reading');
		await expect(reading).toHaveText(eenzaam.reading);
		await expect(reading).toContainText(/^Tussen 2022 en 2024 (daalde|steeg|bleef|veranderde) De Noork .* vergelijkbare buurten; .* placebo's .*Dit is geen bewijs van oorzaak en gevolg\.$/);
		// The chart's text equivalent has every year the indicator was measured: 2020, 2022 and 2024.
		const table = section.getByRole('table', { name: /Volwassenen ernstig eenzaam per jaar/ });
		await expect(table.getByRole('rowheader')).toHaveText(['2020', '2022 (nulmeting)', '2024']);

		// The maps colour the area, the ring and the comparison buurten (Hengelo's, and those of Enschede on a map of their own).
		await expect(page.getByRole('group', { name: 'Vergelijkbare buurten in Enschede' })).toBeVisible();
		expect(effect.comparison.buurten.length).toBeGreaterThanOrEqual(12);
		await mapsIdle(page, effect);
		const fill = JSON.stringify(await page.evaluate(() => window.wijkbeeld!.map.getPaintProperty('buurt-fill', 'fill-color')));
		expect(fill).toContain('BU01640202');
		for (const b of effect.comparison.buurten) expect(fill).toContain(b.code);
		for (const b of effect.ring) expect(fill).toContain(b.code);

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Voortgangsrapportage (PDF)' }).click()]);
		expect(download.suggestedFilename()).toBe('voortgangsrapportage-wijkaanpak-noord.pdf');
		const bytes = new Uint8Array(await readFile((await download.path())!));
		const text = (await pdfText(bytes)).join(' ');
		expect(text).toContain('Voortgangsrapportage Wijkaanpak Noord');
		expect(text).toContain('Demodata — geen echte cijfers');
		expect(text).toContain('Dit is geen bewijs van oorzaak en gevolg.');
		expect(text).toContain('Evenwicht vóór de start');
		expect(text.replace(/ /g, '')).toContain(`${ORIGIN}/programmas/${id}/effect`);

		// The choice is in the audit trail.
		const audit = await (await page.request.get(`/api/audit?gemeente=GM0164&entity=programme_monitor&id=${id}`)).json();
		expect(audit[0]).toMatchObject({ action: 'create', entity: 'programme_monitor', userName: expect.any(String) });
	});

	test('the programme details on the map link to the effect page', async ({ page }) => {
		const id = await noordId(page.request);
		await page.goto('/?gemeente=GM0164&gebied=BU01640202');
		const panel = page.getByRole('complementary', { name: 'Gebiedspaneel' });
		await panel.getByRole('region', { name: /^Programma's en investeringen in/ }).getByRole('button', { name: 'Wijkaanpak Noord' }).click();
		const link = panel.getByRole('link', { name: 'Effect en voortgangsrapportage' });
		await expect(link).toHaveAttribute('href', `/programmas/${id}/effect`);
		await link.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Effect van Wijkaanpak Noord' })).toBeVisible();
	});

	test('the API refuses what it must, with the usual statuses', async ({ request, playwright }) => {
		const id = await noordId(request);
		const body = { indicators: [{ code: 'p_overlast', richting: 'omlaag' }] };
		const put = (ctx: import('@playwright/test').APIRequestContext, path: number | string, data: unknown) =>
			ctx.put(`/api/programmes/${path}/succesindicatoren`, { data, headers: { origin: ORIGIN } });

		expect((await put(request, id, body)).status()).toBe(401);
		const viewer = await playwright.request.newContext({ baseURL: ORIGIN });
		await signIn(viewer, USERS.viewer);
		expect((await put(viewer, id, body)).status()).toBe(403);
		const enschede = await playwright.request.newContext({ baseURL: ORIGIN });
		await signIn(enschede, USERS.editorEnschede);
		expect((await put(enschede, id, body)).status()).toBe(403);

		const editor = await playwright.request.newContext({ baseURL: ORIGIN });
		await signIn(editor, USERS.editorHengelo);
		expect((await put(editor, 999999, body)).status()).toBe(404);
		const bad = await put(editor, id, { indicators: [{ code: 'p_overlast', richting: 'beter' }] });
		expect(bad.status()).toBe(400);
		expect((await bad.json()).errors[0].field).toBe('indicators.0.richting');
		const unknown = await put(editor, id, { indicators: [{ code: 'bestaat_niet', richting: 'omlaag' }] });
		expect(unknown.status()).toBe(400);
		expect((await unknown.json()).errors).toEqual([{ field: 'indicators.0.code', message: 'bestaat_niet staat niet in de catalogus' }]);

		const current = await (await editor.get(`/api/programmes/${id}/succesindicatoren`)).json();
		const saved = await put(editor, id, { ...body, version: current.version });
		expect(saved.status()).toBe(200);
		const stale = await put(editor, id, { ...body, version: current.version });
		expect(stale.status()).toBe(409);
		expect((await stale.json()).current.version).toBe(current.version + 1);

		const ring = (await (await editor.get(`/api/programmes/${id}/effect`)).json()).ring[0].code;
		const refused = await editor.put(`/api/programmes/${id}/vergelijkingsgroep`, {
			data: { changes: [{ buurtcode: ring, change: 'toevoegen', reden: 'lijkt erop' }] },
			headers: { origin: ORIGIN }
		});
		expect(refused.status()).toBe(400);
		expect((await request.get('/api/programmes/999999/effect')).status()).toBe(404);
		for (const ctx of [viewer, enschede, editor]) await ctx.dispose();
	});

	test('axe finds no violations on the effect page of an editor, with indicators chosen', async ({ page }) => {
		test.setTimeout(120_000);
		await signIn(page, USERS.editorHengelo);
		const id = await noordId(page.request);
		await page.request.put(`/api/programmes/${id}/succesindicatoren`, {
			data: { indicators: [{ code: 'p_eenzaam', richting: 'omlaag', doel: 18, doeljaar: 2028 }, { code: 'tevredenheid', richting: 'omhoog' }] },
			headers: { origin: ORIGIN }
		});
		await page.goto(`/programmas/${id}/effect`);
		await mapsIdle(page, await (await page.request.get(`/api/programmes/${id}/effect`)).json());
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${v.help}`))).toEqual([]);
	});
});
