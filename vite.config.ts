import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// `npm run dev` tries every role through the local sign-in, unless a real identity provider is configured.
if (process.argv.includes('dev') && !process.env.WIJKBEELD_OIDC_ISSUER) process.env.WIJKBEELD_LOKALE_AANMELDING ??= 'aan';

export default defineConfig({
	plugins: [sveltekit()],
	// PGlite ships its WASM and data files next to its JS; Vite must not pre-bundle it.
	optimizeDeps: { exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis'] },
	ssr: { external: ['@electric-sql/pglite', '@electric-sql/pglite-postgis', 'postgres'] },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts', 'geo/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.spec.ts'],
					environment: 'node',
					// One database engine per worker, shared by the files in it; each file gets its own schema.
					pool: 'forks',
					maxWorkers: 1,
					isolate: false,
					testTimeout: 120_000,
					hookTimeout: 180_000
				}
			}
		]
	}
});
