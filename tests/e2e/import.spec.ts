// @db: runs on PostgreSQL too (scripts/test.js): what it checks depends on the database.
// Reading a partner spreadsheet in through the upload page and the import API: dry run, then commit;
// files that are too large or no spreadsheet; who may import.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { ORIGIN, USERS, signIn } from './auth-helpers';

const dataDir = resolve(process.env.WIJKBEELD_DATA_DIR || '../shared/data');
const DEMO = join(dataDir, 'demo', 'partner_investeringen_demo.csv');
const BAD = resolve('geo/fixtures/in/investments/fouten.csv');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e000502027fbd4f1ec80000000049454e44ae426082', 'hex');
/** 6 MB of plausible CSV: over the 5 MB limit. */
const OVERSIZED = Buffer.alloc(6 * 1024 * 1024, 'Welbions;Project;isolatie;BU01640202;;;01-01-2025;31-12-2025;;;gepland;\n');

/** POSTs a file to the import API as a browser form would (with the site's Origin, which SvelteKit requires). */
function postFile(request: APIRequestContext, name: string, buffer: Buffer, dryRun: boolean, mimeType = 'text/csv') {
	return request.post(`/api/import/investments?dryRun=${dryRun}`, {
		headers: { origin: ORIGIN },
		multipart: { file: { name, mimeType, buffer } }
	});
}

test.describe('investments upload page', () => {
	test('admin: dry run of the demo delivery, then commit; the same file again changes nothing', async ({ page }) => {
		await signIn(page, USERS.admin);
		await page.goto('/invoer');
		await expect(page.getByRole('heading', { level: 1, name: 'Investeringen inlezen' })).toBeVisible();
		const commit = page.getByRole('button', { name: 'Alles invoeren' });
		await expect(commit).toBeDisabled();

		await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(DEMO);
		await page.getByRole('button', { name: 'Proefinvoer' }).click();
		const status = page.getByRole('status');
		await expect(status).toContainText('Proefinvoer van partner_investeringen_demo.csv');
		// On a database seeded with the demo investments at first start, the same rows are "ongewijzigd".
		await expect(status).toContainText(/(13 nieuw, 0 gewijzigd, 0 ongewijzigd|0 nieuw, 0 gewijzigd, 13 ongewijzigd), 0 fouten/);
		const table = page.getByRole('table', { name: /Per regel van partner_investeringen_demo\.csv/ });
		await expect(table.locator('tbody tr')).toHaveCount(13);
		await expect(table.getByRole('columnheader')).toHaveText(['Regel', 'Partner', 'Project', 'Buurt', 'Actie', 'Wat verandert / fout']);
		await expect(table.locator('tbody tr.error')).toHaveCount(0);
		// The coordinate-only row of Groot Driene-Zuid has been given its buurt.
		await expect(table.getByRole('row', { name: /^5 Welbions Groot Driene-Zuid/ }).getByRole('cell').nth(2)).toContainText(/BU0164\d{4}/);
		await expect(page.getByText('Demodata — geen echte cijfers').first()).toBeVisible();

		const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

		await expect(commit).toBeEnabled();
		await commit.click();
		await expect(status).toContainText('Ingevoerd uit partner_investeringen_demo.csv');
		await expect(status.getByRole('link', { name: 'Bekijk op de kaart (Hengelo)' })).toHaveAttribute('href', '/?gemeente=GM0164');
		await expect(status.getByRole('link', { name: 'Bekijk op de kaart (Enschede)' })).toHaveAttribute('href', '/?gemeente=GM0153');
		await expect(commit).toBeDisabled();

		// Again: nothing to change.
		const again = await postFile(page.request, 'partner_investeringen_demo.csv', readFileSync(DEMO), false);
		expect(again.status()).toBe(200);
		expect(await again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 13, errors: [], written: false, label: 'Demodata — geen echte cijfers' });
	});

	test('the committed investments are listed by GET /api/investments (needs the investments API of feat-register)', async ({ page }) => {
		await signIn(page, USERS.admin);
		expect((await postFile(page.request, 'partner_investeringen_demo.csv', readFileSync(DEMO), false)).status()).toBe(200);
		const response = await page.request.get('/api/investments?gemeente=GM0164');
		expect(response.status()).toBe(200);
		const items: { projectName: string; buurtcodes: string[]; synthetic: boolean }[] = await response.json();
		expect(items).toHaveLength(9);
		expect(items.every((i) => i.synthetic)).toBe(true);
		expect(items.find((i) => i.projectName === 'De Noork complex 412 - levensduurverlenging')!.buurtcodes).toEqual(['BU01640202']);
	});

	test('a file with errors: the rows with errors come first, and "Alles invoeren" stays off', async ({ page }) => {
		await signIn(page, USERS.admin);
		await page.goto('/invoer');
		await page.getByLabel('Bestand (CSV of XLSX)').setInputFiles(BAD);
		await page.getByRole('button', { name: 'Proefinvoer' }).click();
		await expect(page.getByRole('status')).toContainText('1 nieuw, 0 gewijzigd, 0 ongewijzigd, 6 fouten');
		const rows = page.locator('table.result tbody tr');
		await expect(rows).toHaveCount(7);
		await expect(rows.locator('th')).toHaveText(['3', '4', '5', '6', '7', '8', '2']);
		await expect(rows.nth(2)).toContainText('start: 31-02-2025 bestaat niet in de kalender');
		await expect(rows.nth(1)).toContainText('lat: coördinaat 52,0907, 5,1214 ligt buiten de gemeenten in Wijkbeeld');
		await expect(page.getByRole('button', { name: 'Alles invoeren' })).toBeDisabled();

		// Asked to write anyway: 422 with the same report, and nothing written (row 2 is still new).
		const forced = await postFile(page.request, 'fouten.csv', readFileSync(BAD), false);
		expect(forced.status()).toBe(422);
		const body = await forced.json();
		expect(body).toMatchObject({ error: '6 fouten in fouten.csv; er is niets ingevoerd', written: false, created: 1 });
		expect(body.errors).toHaveLength(6);
		expect((await (await postFile(page.request, 'fouten.csv', readFileSync(BAD), true)).json()).created).toBe(1);
	});

	test('an oversized file and a PNG are refused with a clear message', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		await page.goto('/invoer');
		const input = page.getByLabel('Bestand (CSV of XLSX)');
		await input.setInputFiles({ name: 'groot.csv', mimeType: 'text/csv', buffer: OVERSIZED });
		await page.getByRole('button', { name: 'Proefinvoer' }).click();
		await expect(page.getByRole('alert')).toHaveText('groot.csv is te groot (6 MB): lees hoogstens 5 MB tegelijk in (splits het bestand).');

		await input.setInputFiles({ name: 'kaart.png', mimeType: 'image/png', buffer: PNG });
		await page.getByRole('button', { name: 'Proefinvoer' }).click();
		await expect(page.getByRole('alert')).toHaveText('kaart.png: is geen CSV- of XLSX-bestand: het is een PNG-afbeelding');
		await expect(page.locator('table.result')).toHaveCount(0);

		// The server refuses them too, whatever the page does.
		const big = await postFile(page.request, 'groot.csv', OVERSIZED, true);
		expect(big.status()).toBe(413);
		expect((await big.json()).error).toBe('Het bestand is te groot: lees hoogstens 5 MB tegelijk in (splits het bestand)');
		const png = await postFile(page.request, 'kaart.png', PNG, true, 'image/png');
		expect(png.status()).toBe(415);
		expect((await png.json()).error).toBe('kaart.png: is geen CSV- of XLSX-bestand: het is een PNG-afbeelding');
	});

	test('the example file downloads and passes a dry run', async ({ page }) => {
		await signIn(page, USERS.admin);
		await page.goto('/invoer');
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Voorbeeldbestand downloaden (CSV)' }).click();
		const path = await (await download).path();
		const text = readFileSync(path, 'utf8');
		expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('partner;projectnaam;maatregel;buurtcode;lat;lon;start;eind;aantal_woningen;investering_eur;status;toelichting');
		expect(text.trimEnd().split('\r\n')).toHaveLength(3);
		const response = await postFile(page.request, 'voorbeeld.csv', Buffer.from(text), true);
		expect((await response.json()).errors).toEqual([]);
	});
});

test.describe('who may import', () => {
	test('anonymous: the page sends to sign-in, the API answers 401', async ({ request }) => {
		const page = await request.get('/invoer', { maxRedirects: 0 });
		expect(page.status()).toBe(303);
		expect(page.headers().location).toBe('/aanmelden?terug=/invoer');
		const response = await postFile(request, 'partner_investeringen_demo.csv', readFileSync(DEMO), true);
		expect(response.status()).toBe(401);
		expect((await response.json()).error).toBe('Meld u aan om dit te doen');
	});

	test('viewer: the page says why, the API answers 403', async ({ page }) => {
		await signIn(page, USERS.viewer);
		await page.goto('/invoer');
		await expect(page.getByRole('note')).toContainText('U bent aangemeld als kijker');
		await expect(page.getByLabel('Bestand (CSV of XLSX)')).toHaveCount(0);
		const response = await postFile(page.request, 'partner_investeringen_demo.csv', readFileSync(DEMO), true);
		expect(response.status()).toBe(403);
	});

	test('bad requests: not multipart, no file, bad dryRun', async ({ page }) => {
		await signIn(page, USERS.admin);
		const plain = await page.request.post('/api/import/investments', { headers: { origin: ORIGIN, 'content-type': 'text/csv' }, data: 'partner;projectnaam' });
		expect(plain.status()).toBe(400);
		const noFile = await page.request.post('/api/import/investments', { headers: { origin: ORIGIN }, multipart: { iets: 'anders' } });
		expect(noFile.status()).toBe(400);
		expect((await noFile.json()).error).toBe('Geen bestand ontvangen in het veld "file"');
		const badFlag = await page.request.post('/api/import/investments?dryRun=misschien', { headers: { origin: ORIGIN }, multipart: { file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('x') } } });
		expect(badFlag.status()).toBe(400);
	});

	test('an editor of Hengelo gets errors for the Enschede rows, and nothing is written', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		// Project names of its own, so that nothing of an earlier test matches them.
		const lines = readFileSync(DEMO, 'utf8').trimEnd().split('\n');
		const text = lines.map((line, i) => (i === 0 ? line : line.replace(/^([^;]*;[^;]*)/, '$1 (redacteur)'))).join('\n');
		const response = await postFile(page.request, 'redacteur.csv', Buffer.from(text), false);
		expect(response.status()).toBe(422);
		const body = await response.json();
		expect(body.errors.map((e: { row: number }) => e.row)).toEqual([11, 12, 13, 14]);
		expect(body.errors[0].message).toBe('u bent redacteur voor Hengelo (GM0164); deze rij ligt in Enschede (GM0153)');
		expect(body.written).toBe(false);
		await signIn(page, USERS.admin);
		const check = await (await postFile(page.request, 'redacteur.csv', Buffer.from(text), true)).json();
		expect(check).toMatchObject({ created: 13, errors: [] });
	});
});
