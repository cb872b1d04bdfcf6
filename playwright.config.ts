// Browser tests against the built app (`npm run build` first; `npm test` does that).
// The app runs as `node build` on a port of its own with a fresh PGlite directory per run, so the first-start
// import is exercised every time; with E2E_DATABASE_URL set it runs on that PostgreSQL database instead.
// Chromium comes from Debian (/usr/bin/chromium): never `playwright install`.
import { defineConfig } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OIDC_PROVIDER } from './tests/e2e/auth-helpers';

const port = Number(process.env.E2E_PORT || 4317);
const origin = `http://127.0.0.1:${port}`;

// A fresh, empty PGlite directory for every run (`npm test` passes its own in E2E_PGLITE_DIR and removes it
// after a passing run; a manual `npx playwright test` leaves .tmp/e2e-pglite-* behind, cleared by `npm test` after
// an hour). The config is loaded again in every worker process: the directory is chosen once, in the main process,
// and handed down through the environment (workers inherit it), so that tests could look at it too.
if (!process.env.E2E_PGLITE_DIR) {
	process.env.E2E_PGLITE_DIR = fileURLToPath(new URL(`.tmp/e2e-pglite-${Date.now()}`, import.meta.url));
	mkdirSync(process.env.E2E_PGLITE_DIR, { recursive: true });
}

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	// `npm test` gives each of its runs a directory of its own (Playwright empties this one when it starts).
	outputDir: process.env.E2E_OUTPUT_DIR || '.tmp/test-results',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: 'list',
	use: {
		baseURL: origin,
		browserName: 'chromium',
		viewport: { width: 1440, height: 900 },
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: [
		// A real OpenID Connect provider for the sign-in tests (tests/oidc/provider.ts), on port E2E_PORT + 100.
		{
			command: 'npx tsx tests/oidc/provider.ts',
			url: `${OIDC_PROVIDER.issuer}/.well-known/openid-configuration`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'pipe',
			stderr: 'pipe',
			env: {
				OIDC_PROVIDER_PORT: new URL(OIDC_PROVIDER.issuer).port,
				OIDC_CLIENT_ID: OIDC_PROVIDER.clientId,
				OIDC_CLIENT_SECRET: OIDC_PROVIDER.clientSecret,
				OIDC_REDIRECT_URI: `${origin}/aanmelden/oidc/terug`
			}
		},
		{
			command: 'node build',
			url: `${origin}/api/health`,
			reuseExistingServer: false,
			// PGlite cold start + first import take ~20 s; a loaded CI machine more.
			timeout: 180_000,
			stdout: 'pipe',
			stderr: 'pipe',
			// Let the app close its database; if it does not within 5 s it is killed.
			gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
			env: {
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				// A directory below one that does not exist yet, as on a fresh clone (.data/pglite): the app must create it.
				WIJKBEELD_DB_DIR: join(process.env.E2E_PGLITE_DIR!, 'nieuw', 'pglite'),
				// Empty means PGlite (the config treats '' as unset): a DATABASE_URL from the shell must not leak in.
				DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
				WIJKBEELD_OIDC_ISSUER: OIDC_PROVIDER.issuer,
				WIJKBEELD_OIDC_CLIENT_ID: OIDC_PROVIDER.clientId,
				WIJKBEELD_OIDC_CLIENT_SECRET: OIDC_PROVIDER.clientSecret,
				WIJKBEELD_OIDC_NAME: OIDC_PROVIDER.name,
				// The tests sign in locally as each role (allowed next to this loopback test provider only).
				WIJKBEELD_LOKALE_AANMELDING: 'aan',
				// As scripts/start.js: room for a 5 MB spreadsheet upload (adapter-node's default is 512 kB).
				BODY_SIZE_LIMIT: '6M'
			}
		}
	]
});
