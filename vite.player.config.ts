// The offline bundle's player (src/lib/story/bundle-entry.ts) as one classic script + one stylesheet, and beside
// them MapLibre's worker and the label font wrapped as classic scripts too (see story-bundle.ts for why).
// Runs after the app's build (`npm run build`): adapter-node empties build/ first, so this goes into build/player.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const read = (specifier: string) => readFileSync(require.resolve(specifier));

/** A classic script that puts `value` on window: loadable from file://, unlike fetch() or a module. */
const globalScript = (name: string, value: unknown) => `window.${name}=${JSON.stringify(value)};\n`;

function bundleAssets(): Plugin {
	return {
		name: 'wijkbeeld-player-assets',
		generateBundle() {
			const worker = read('maplibre-gl/dist/maplibre-gl-worker.mjs').toString('utf8');
			const font = (weight: number) =>
				`data:font/woff2;base64,${read(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff2`).toString('base64')}`;
			const version = JSON.parse(read('maplibre-gl/package.json').toString('utf8')).version;
			this.emitFile({ type: 'asset', fileName: 'kaartwerker.js', source: globalScript('WIJKBEELD_WORKER', worker) });
			this.emitFile({ type: 'asset', fileName: 'lettertype.js', source: globalScript('WIJKBEELD_FONTS', { regular: font(400), bold: font(700) }) });
			this.emitFile({
				type: 'asset',
				fileName: 'manifest.json',
				source: JSON.stringify(
					{
						files: ['wijkbeeld-speler.js', 'wijkbeeld-speler.css', 'kaartwerker.js', 'lettertype.js'],
						maplibre: version,
						builtAt: new Date().toISOString()
					},
					null,
					1
				)
			});
		}
	};
}

export default defineConfig({
	// Not the SvelteKit app: no kit plugin, no public dir.
	publicDir: false,
	plugins: [bundleAssets()],
	build: {
		outDir: 'build/player',
		emptyOutDir: true,
		target: 'es2022',
		reportCompressedSize: false,
		// MapLibre looks for its worker next to import.meta.url, which an IIFE has not; the bundle sets the worker itself.
		rolldownOptions: { transform: { define: { 'import.meta': '{}' } } },
		lib: {
			entry: 'src/lib/story/bundle-entry.ts',
			formats: ['iife'],
			name: 'WijkbeeldSpeler',
			fileName: () => 'wijkbeeld-speler.js',
			cssFileName: 'wijkbeeld-speler'
		}
	}
});
