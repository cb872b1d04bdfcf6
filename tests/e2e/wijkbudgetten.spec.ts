// @db: runs on PostgreSQL too (scripts/test.js): its SQL (views, imports, matching) differs between the engines.
// Wijkbudgetten: the API (demo rows labelled), the page's map and table per wijk, and the import of the municipal
// export with a dry run, per-row errors, "only the rows I may write" and all or nothing; the partner import's same option.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ORIGIN, USERS, signIn } from './auth-helpers';

const dataDir = resolve(process.env.WIJKBEELD_DATA_DIR || '../shared/data');
const HEADER = 'gemeentecode;jaar;gebiedscode;soort;regeling;toegekend_eur;besteed_eur;aantal_initiatieven;organisatie;toelichting';

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

test.describe('wijkbudgetten', () => {
	test('the API gives the demo budgets of a year or all years, labelled as demodata', async ({ request }) => {
		const year = await (await request.get('/api/wijkbudgetten?gemeente=GM0164&jaar=2024')).json();
		expect(year.length).toBeGreaterThan(0);
		expect(year.every((r: { jaar: number }) => r.jaar === 2024)).toBe(true);
		expect(year[0]).toMatchObject({ gemeentecode: 'GM0164', synthetic: true, label: 'Demodata — geen echte cijfers' });
		expect(Object.keys(year[0]).sort()).toEqual(['aantalInitiatieven', 'besteedEur', 'gebiedscode', 'gemeentecode', 'id', 'jaar', 'label', 'organisatie', 'regeling', 'soort', 'synthetic', 'toegekendEur', 'toelichting'].sort());
		const all = await (await request.get('/api/wijkbudgetten?gemeente=GM0164')).json();
		expect(new Set(all.map((r: { jaar: number }) => r.jaar))).toEqual(new Set([2021, 2022, 2023, 2024, 2025]));
		expect((await request.get('/api/wijkbudgetten?gemeente=GM0164&jaar=twintig')).status()).toBe(400);
		expect((await request.get('/api/wijkbudgetten?gemeente=Hengelo')).status()).toBe(400);
	});

	test('the page shows budget per inhabitant per wijk on the map, next to urgency, with underspending', async ({ page }) => {
		await page.goto('/wijkbudgetten?gemeente=GM0164&jaar=2024');
		await mapReady(page);
		const table = page.getByRole('table', { name: 'Per wijk in 2024' });
		await expect(table.locator('tbody tr')).toHaveCount(10);
		await expect(page.getByText('Demodata — geen echte cijfers').first()).toBeVisible();
		// Every wijk with a budget is coloured on the map; the labels say what it is per inhabitant.
		const coloured = await page.evaluate(() => {
			const expression = window.wijkbeeld!.map.getPaintProperty('buurt-fill', 'fill-color') as unknown[];
			return Array.isArray(expression) ? (expression.length - 3) / 2 : 0;
		});
		expect(coloured).toBe(10);
		const labels = await page.evaluate(() => window.wijkbeeld!.map.querySourceFeatures('labels').map((f) => String(f.properties.text)));
		expect(labels.length).toBeGreaterThan(0);
		expect(labels.every((l) => /^€ \d+(,\d+)?$/.test(l))).toBe(true);
		await expect(page.getByRole('heading', { name: 'Budget per inwoner 2024' })).toBeVisible();
	});

	test('an editor imports the export: a dry run lists errors per row, writes nothing; then only their own rows', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		const before = await (await page.request.get('/api/wijkbudgetten?gemeente=GM0164&jaar=2024')).json();
		const row = before.find((r: { gebiedscode: string; soort: string }) => r.gebiedscode === 'WK016402' && r.soort === 'buurtbon');
		const file = [
			HEADER,
			`GM0164;2024;WK016402;buurtbon;${row.regeling};99.999,00;1.000,00;3;;DEMODATA test`,
			'GM0153;2024;WK015300;buurtbon;Buurtbudget;1.000,00;;;;DEMODATA test'
		].join('\n');
		await page.goto('/wijkbudgetten?gemeente=GM0164');
		await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
		await page.getByRole('button', { name: 'Proefinvoer' }).click();
		await expect(page.getByRole('status')).toContainText('0 nieuw, 1 gewijzigd, 0 ongewijzigd, 1 fout');
		const result = page.getByRole('table', { name: 'Per regel van export.csv' });
		await expect(result.locator('tr.error')).toContainText('u bent redacteur voor GM0164; deze rij is van GM0153');
		await expect(page.getByRole('button', { name: 'Alles invoeren' })).toBeDisabled();

		await page.getByLabel('Alleen de regels invoeren die ik mag invoeren').check();
		await page.getByRole('button', { name: 'Proefinvoer' }).click();
		await expect(page.getByRole('status')).toContainText('0 nieuw, 1 gewijzigd, 0 ongewijzigd, 1 overgeslagen, 0 fouten');
		await expect(result.locator('tr.skipped')).toContainText('Overgeslagen');
		await expect(result.locator('tr.update')).toContainText('toegekend_eur:');
		const unchanged = await (await page.request.get('/api/wijkbudgetten?gemeente=GM0164&jaar=2024')).json();
		expect(unchanged.find((r: { id: number }) => r.id === row.id).toegekendEur).toBe(row.toegekendEur);

		await page.getByRole('button', { name: 'Alles invoeren' }).click();
		await expect(page.getByRole('status')).toContainText('Ingevoerd van export.csv');
		const after = await (await page.request.get('/api/wijkbudgetten?gemeente=GM0164&jaar=2024')).json();
		expect(after.find((r: { id: number }) => r.id === row.id)).toMatchObject({ toegekendEur: 99999, besteedEur: 1000, aantalInitiatieven: 3 });
		const enschede = await (await page.request.get('/api/wijkbudgetten?gemeente=GM0153&jaar=2024')).json();
		expect(enschede.some((r: { toegekendEur: number; regeling: string; gebiedscode: string }) => r.gebiedscode === 'WK015300' && r.toegekendEur === 1000)).toBe(false);

		// Undo the change from the audit trail: the budget is as it was.
		const audit = await (await page.request.get(`/api/audit?gemeente=GM0164&entity=wijkbudget&id=${row.id}`)).json();
		expect((await page.request.post(`/api/audit/${audit[0].id}/undo`, { headers: { origin: ORIGIN } })).ok()).toBe(true);
		const undone = await (await page.request.get('/api/wijkbudgetten?gemeente=GM0164&jaar=2024')).json();
		expect(undone.find((r: { id: number }) => r.id === row.id).toegekendEur).toBe(row.toegekendEur);
	});

	test('a partner reads in a delivery with other parties’ rows: only their own are written, the rest listed as skipped', async ({ request }) => {
		await signIn(request, USERS.partnerWelbions);
		const buffer = readFileSync(join(dataDir, 'demo', 'partner_investeringen_demo.csv'));
		const blocked = await request.post('/api/import/investments?dryRun=true', { headers: { origin: ORIGIN }, multipart: { file: { name: 'levering.csv', mimeType: 'text/csv', buffer } } });
		expect((await blocked.json()).errors.length).toBeGreaterThan(0);
		const answer = await request.post('/api/import/investments?dryRun=true&alleenToegestaan=true', { headers: { origin: ORIGIN }, multipart: { file: { name: 'levering.csv', mimeType: 'text/csv', buffer } } });
		const body = await answer.json();
		expect(answer.status()).toBe(200);
		expect(body.errors).toEqual([]);
		expect(body.skipped).toBe(7);
		const skipped = body.rows.filter((r: { action: string }) => r.action === 'skipped');
		expect(skipped.every((r: { reason: string }) => r.reason.startsWith('u kunt alleen investeringen van Welbions invoeren'))).toBe(true);
		// A partner may not read in wijkbudgetten at all.
		const budget = await request.post('/api/import/wijkbudgetten?dryRun=true', { headers: { origin: ORIGIN }, multipart: { file: { name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(HEADER) } } });
		expect(budget.status()).toBe(403);
	});
});

test.describe('accessibility of the indeling and wijkbudget pages', () => {
	test('the list, the editor, the comparison and the wijkbudgetten page pass axe (WCAG 2.2 AA)', async ({ page }) => {
		const { default: AxeBuilder } = await import('@axe-core/playwright');
		await signIn(page, USERS.editorHengelo);
		const areas = await (await page.request.get('/api/areas?gemeente=GM0164&level=buurt')).json();
		const all = areas.features.map((f: { properties: { code: string } }) => f.properties.code);
		const post = (name: string, stadsdelen: unknown) => page.request.post('/api/indelingen', { headers: { origin: ORIGIN }, data: { gemeentecode: 'GM0164', name, stadsdelen } });
		const a = await (await post('Axe A', [{ name: 'Alles', buurtcodes: all }])).json();
		const b = await (await post('Axe B', [{ name: 'Eerste', buurtcodes: all.slice(0, 1) }, { name: 'Rest', buurtcodes: all.slice(1) }])).json();
		for (const path of ['/indelingen?gemeente=GM0164', `/indelingen/${a.id}`, `/indelingen/vergelijk?a=${a.id}&b=${b.id}`, '/wijkbudgetten?gemeente=GM0164']) {
			await page.goto(path);
			await mapReady(page).catch(() => undefined);
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
			expect(results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
		}
	});
});
