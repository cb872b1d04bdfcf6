// Signing in during browser tests through the local sign-in (POST /aanmelden/lokaal), as a user would.
import type { APIRequestContext, Page } from '@playwright/test';

/** The app under test (see playwright.config.ts). */
export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4317}`;

/** The test OpenID Connect provider the app is configured with (see playwright.config.ts). */
export const OIDC_PROVIDER = {
	issuer: `http://127.0.0.1:${Number(process.env.E2E_PORT || 4317) + 100}`,
	clientId: 'wijkbeeld-e2e',
	clientSecret: 'e2e-geheim',
	name: 'Testprovider',
	account: { login: 'foo', password: 'bar', name: 'Fenna Foo', email: 'foo@gemeente.test' }
} as const;

export const USERS = {
	viewer: 'kijker@wijkbeeld.local',
	editorHengelo: 'redacteur.hengelo@wijkbeeld.local',
	editorEnschede: 'redacteur.enschede@wijkbeeld.local',
	partnerWelbions: 'partner.welbions@wijkbeeld.local',
	partnerDomijn: 'partner.domijn@wijkbeeld.local',
	admin: 'beheerder@wijkbeeld.local'
} as const;

/** Signs the request context (and so the page that uses it) in as a local user. */
export async function signIn(target: Page | APIRequestContext, email: string): Promise<void> {
	const request = 'request' in target ? target.request : target;
	// SvelteKit refuses form posts without the site's own Origin (CSRF protection), as a browser sends it.
	const response = await request.post('/aanmelden/lokaal', { form: { email }, headers: { origin: ORIGIN }, maxRedirects: 0 });
	if (response.status() !== 303) throw new Error(`sign-in as ${email} failed: ${response.status()} ${await response.text()}`);
}

export async function signOut(target: Page | APIRequestContext): Promise<void> {
	const request = 'request' in target ? target.request : target;
	await request.post('/afmelden', { headers: { origin: ORIGIN }, maxRedirects: 0 });
}
