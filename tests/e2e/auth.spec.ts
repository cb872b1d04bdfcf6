// @db: runs on PostgreSQL too (scripts/test.js): what it checks depends on the database.
// Who may do what, in the browser: sign-in through a real OpenID Connect provider (tests/oidc/provider.ts, a
// second web server on 127.0.0.1) and through the local sign-in, the user menu, signing out, and the user
// administration — for an admin, and refused to others on the server (403 page, 401/403 from the API).
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { OIDC_PROVIDER, ORIGIN, USERS, signIn } from './auth-helpers';

const header = (page: Page) => page.locator('header').first();

async function axeViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${v.help}`));
}

interface UserRecord {
	id: number;
	email: string;
	role: string;
	gemeentecode: string | null;
	organisation: string | null;
	active: boolean;
}

async function userByEmail(request: APIRequestContext, email: string): Promise<UserRecord> {
	const response = await request.get('/api/users');
	expect(response.status()).toBe(200);
	const found = ((await response.json()) as UserRecord[]).find((u) => u.email === email);
	if (!found) throw new Error(`no user ${email}`);
	return found;
}

test.describe('sign-in and roles', () => {
	test('signs in through the OpenID Connect provider and back, with the name in the user menu', async ({ page }) => {
		await page.goto('/?gemeente=GM0153');
		await header(page).getByRole('link', { name: 'Aanmelden' }).click();
		await expect(page).toHaveURL(/\/aanmelden\?terug=%2F%3Fgemeente%3DGM0153$/);
		await page.getByRole('link', { name: `Aanmelden via ${OIDC_PROVIDER.name}` }).click();

		// The provider's own login page, on its own port.
		await expect(page).toHaveURL(new RegExp(`^${OIDC_PROVIDER.issuer}/interaction/`));
		await page.getByLabel('Gebruikersnaam').fill(OIDC_PROVIDER.account.login);
		await page.getByLabel('Wachtwoord').fill(OIDC_PROVIDER.account.password);
		await page.getByRole('button', { name: 'Inloggen' }).click();

		// Back where the user started, signed in as a new viewer.
		await expect(page).toHaveURL(`${ORIGIN}/?gemeente=GM0153`);
		await expect(header(page).getByText(OIDC_PROVIDER.account.name)).toBeVisible();
		await expect(header(page).getByText('Kijker')).toBeVisible();
		const me = await (await page.request.get('/api/me')).json();
		expect(me).toMatchObject({ email: OIDC_PROVIDER.account.email, name: OIDC_PROVIDER.account.name, role: 'viewer' });
	});

	test('says in Dutch that the sign-in was cancelled at the provider', async ({ page }) => {
		await page.goto('/aanmelden');
		await page.getByRole('link', { name: `Aanmelden via ${OIDC_PROVIDER.name}` }).click();
		await page.getByRole('button', { name: 'Annuleren' }).click();
		await expect(page).toHaveURL(/\/aanmelden\?fout=access_denied/);
		await expect(page.getByRole('alert')).toHaveText(/De aanmelding via Testprovider is afgebroken of geweigerd/);
		expect(await (await page.request.get('/api/me')).json()).toBeNull();
	});

	test('local sign-in as an editor shows name and role; signing out returns to anonymous', async ({ page }) => {
		await page.goto('/aanmelden?terug=/%3Fgemeente%3DGM0164');
		await expect(page.getByRole('heading', { name: /Lokale aanmelding \(alleen voor ontwikkeling en demonstratie — aangezet met WIJKBEELD_LOKALE_AANMELDING=aan\)/ })).toBeVisible();
		expect(await axeViolations(page), 'axe on the sign-in page').toEqual([]);
		await page.getByRole('button', { name: 'Aanmelden als Hanna Hengelo (redacteur)' }).click();
		await expect(page).toHaveURL(`${ORIGIN}/?gemeente=GM0164`);
		await expect(header(page).getByText('Hanna Hengelo (redacteur)')).toBeVisible();
		await expect(header(page).getByText('Redacteur (gemeente)')).toBeVisible();
		// Not an admin: no link to the user administration.
		await expect(header(page).getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);

		// On the map page the user's name is a button that opens the rest of the user menu.
		await header(page).getByRole('button', { name: /Hanna Hengelo \(redacteur\)/ }).click();
		await header(page).getByRole('button', { name: 'Afmelden' }).click();
		await expect(header(page).getByRole('link', { name: 'Aanmelden' })).toBeVisible();
		await expect(header(page).getByText('Hanna Hengelo (redacteur)')).toHaveCount(0);
		expect(await (await page.request.get('/api/me')).json()).toBeNull();
	});

	test.describe(() => {
		test.use({ expectedConsoleErrors: [/status of 403 \(Forbidden\)/] });
		test('the user administration: sign-in first, 403 for a viewer', async ({ page }) => {
			await page.goto('/beheer/gebruikers');
			await expect(page).toHaveURL(/\/aanmelden\?terug=%2Fbeheer%2Fgebruikers$/);

			await signIn(page, USERS.viewer);
			const response = await page.goto('/beheer/gebruikers');
			expect(response?.status()).toBe(403);
			await expect(page.getByRole('heading', { name: 'Geen toegang' })).toBeVisible();
			await expect(page.getByText('Alleen een beheerder beheert gebruikers en rollen.')).toBeVisible();
			await expect(page.getByRole('table')).toHaveCount(0);
		});
	});

	test.describe(() => {
		// The refused save below is a 400 the browser logs.
		test.use({ expectedConsoleErrors: [/status of 400 \(Bad Request\)/] });
		test("an admin makes the viewer an editor for Hengelo, and that user's rights follow at once", async ({ page, browser }) => {
			// The viewer exists once it has signed in; keep its session to see its rights change.
			const viewer = await browser.newContext({ baseURL: ORIGIN });
			try {
				await signIn(viewer.request, USERS.viewer);
				expect(await (await viewer.request.get('/api/me')).json()).toMatchObject({ role: 'viewer' });

				await signIn(page, USERS.admin);
				await page.goto('/beheer/gebruikers');
				await expect(header(page).getByRole('link', { name: 'Gebruikers' })).toBeVisible();
				const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Kees Kijker' }) });
				await expect(row).toHaveCount(1);
				expect(await axeViolations(page), 'axe on the user administration').toEqual([]);

				// An editor without a gemeente is refused, with the field named.
				await row.getByRole('combobox', { name: 'Rol van Kees Kijker' }).selectOption('editor');
				await row.getByRole('button', { name: 'Opslaan: Kees Kijker' }).click();
				await expect(page.getByRole('status')).toHaveText(/Kees Kijker is niet gewijzigd\. gemeente: een redacteur hoort bij een gemeente/);

				await row.getByRole('combobox', { name: 'Gemeente van Kees Kijker' }).selectOption('GM0164');
				await row.getByRole('button', { name: 'Opslaan: Kees Kijker' }).click();
				await expect(page.getByRole('status')).toHaveText('Kees Kijker opgeslagen: Redacteur (gemeente) (Hengelo), actief.');

				// The same session, now with the new role: the server decides per request.
				expect(await (await viewer.request.get('/api/me')).json()).toMatchObject({ role: 'editor', gemeentecode: 'GM0164' });
				const record = await userByEmail(page.request, USERS.viewer);
				expect(record).toMatchObject({ role: 'editor', gemeentecode: 'GM0164' });
			} finally {
				// Other tests sign in as the viewer and expect a viewer: put it back.
				const record = await userByEmail(page.request, USERS.viewer);
				const restored = await page.request.put(`/api/users/${record.id}`, {
					data: { role: 'viewer', gemeentecode: null, organisation: null, active: true },
					headers: { origin: ORIGIN }
				});
				expect(restored.status()).toBe(200);
				await viewer.close();
			}
		});
	});

		test('the users API: 401 anonymous, 403 for others, 400 for bad input, 409 for the last admin', async ({ playwright }) => {
			const anonymous = await playwright.request.newContext({ baseURL: ORIGIN });
			const editor = await playwright.request.newContext({ baseURL: ORIGIN });
			const admin = await playwright.request.newContext({ baseURL: ORIGIN });
			try {
				const body = { role: 'admin', gemeentecode: null, organisation: null, active: true };
				expect((await anonymous.get('/api/users')).status()).toBe(401);
				const put = await anonymous.put('/api/users/1', { data: body });
				expect(put.status()).toBe(401);
				expect(await put.json()).toEqual({ error: 'Meld u aan om dit te doen' });
				expect(await (await anonymous.get('/api/me')).json()).toBeNull();

				await signIn(editor, USERS.editorHengelo);
				const me = await (await editor.get('/api/me')).json();
				expect((await editor.get('/api/users')).status()).toBe(403);
				// Not even to make themselves admin.
				const forbidden = await editor.put(`/api/users/${me.id}`, { data: body });
				expect(forbidden.status()).toBe(403);
				expect((await forbidden.json()).error).toMatch(/beheerder/);

				await signIn(admin, USERS.admin);
				const self = await (await admin.get('/api/me')).json();
				const bad = await admin.put(`/api/users/${me.id}`, { data: { role: 'partner', gemeentecode: 'Hengelo', active: 'ja' } });
				expect(bad.status()).toBe(400);
				expect(((await bad.json()).errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['active', 'gemeentecode']);
				expect((await admin.put('/api/users/999999', { data: body })).status()).toBe(404);

				const admins = ((await (await admin.get('/api/users')).json()) as UserRecord[]).filter((u) => u.role === 'admin' && u.active);
				expect(admins.map((u) => u.id)).toEqual([self.id]);
				const last = await admin.put(`/api/users/${self.id}`, { data: { ...body, role: 'viewer' } });
				expect(last.status()).toBe(409);
				expect((await last.json()).error).toBe('Er moet minstens één actieve beheerder overblijven');
				expect(await (await admin.get('/api/me')).json()).toMatchObject({ role: 'admin' });
			} finally {
				await Promise.all([anonymous.dispose(), editor.dispose(), admin.dispose()]);
			}
		});
	});
