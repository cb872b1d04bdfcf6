// How long the map page takes to draw, against a bare MapLibre page that draws the same GeoJSON.
//   npm run build && node build (PORT=4410 …), then: node scripts/bench-map.js [--origin http://127.0.0.1:4410] [--runs 5]
// In one Chromium, alternating, after one warm-up run of each: page load → the first complete draw (MapLibre's
// `idle` once the areas are loaded) of Hengelo's 62 buurten, for
//   the main page /?gemeente=GM0164&laag=buurt, and with thema=urgentie&gebied=BU01640202, and
//   a bare page (served from the same origin through Playwright's routing) with MapLibre, one GeoJSON source
//   from /api/areas?gemeente=GM0164&level=buurt, a fill and a line layer.
// Every run has a fresh browser context (an empty cache), as a first visit. Prints medians, the bytes each
// transferred (encoded bodies), and the ratio main / bare. The goal in issue 10 is a ratio of at most 1.3.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const origin = arg('origin', 'http://127.0.0.1:4410');
const runs = Number(arg('runs', 5));
const root = new URL('..', import.meta.url).pathname;
// MapLibre 6 ships ES modules: the main module, a shared chunk and the worker, served as they are.
const dist = `${root}node_modules/maplibre-gl/dist/`;

const BARE_HTML = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>kale kaart</title>
<link rel="stylesheet" href="/__bench/maplibre-gl.css"><style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script type="module">
import * as maplibregl from '/__bench/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f3f1ec' } }] },
  bounds: [6.70, 52.22, 6.86, 52.32], attributionControl: false });
map.on('load', async () => {
  const data = await (await fetch('/api/areas?gemeente=GM0164&level=buurt')).json();
  map.addSource('buurt', { type: 'geojson', data });
  map.addLayer({ id: 'buurt-fill', type: 'fill', source: 'buurt', paint: { 'fill-color': '#9ecae1', 'fill-opacity': 0.85 } });
  map.addLayer({ id: 'buurt-line', type: 'line', source: 'buurt', paint: { 'line-color': '#1b1f24', 'line-width': 1 } });
  map.once('idle', () => { window.__drawnAt = performance.now(); });
});
</script></body></html>`;

const PAGES = {
	bare: '/__bench/bare',
	main: '/?gemeente=GM0164&laag=buurt',
	'main, urgentie + De Noork': '/?gemeente=GM0164&laag=buurt&thema=urgentie&gebied=BU01640202'
};

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking']
});

async function once(name) {
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.route(`${origin}/__bench/**`, (route) => {
		const path = new URL(route.request().url()).pathname;
		const file = path.slice('/__bench/'.length);
		if (/^maplibre-gl[\w-]*\.(mjs|css)$/.test(file)) {
			return route.fulfill({ body: readFileSync(dist + file), contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript' });
		}
		return route.fulfill({ body: BARE_HTML, contentType: 'text/html' });
	});
	const page = await context.newPage();
	const requests = [];
	page.on('requestfinished', (request) => requests.push(request));
	await page.goto(`${origin}${PAGES[name]}`, { waitUntil: 'commit' });
	let drawnAt;
	if (name === 'bare') {
		await page.waitForFunction(() => window.__drawnAt !== undefined, null, { timeout: 120_000, polling: 10 });
		drawnAt = await page.evaluate(() => window.__drawnAt);
	} else {
		await page.locator('.map-wrap[data-ready="true"]').waitFor({ timeout: 120_000 });
		drawnAt = await page.evaluate(
			() =>
				new Promise((resolve) => {
					const map = window.wijkbeeld.map;
					const check = () => {
						if (map.isStyleLoaded() && !map.isMoving() && map.areTilesLoaded()) resolve(performance.now());
						else map.once('idle', check);
					};
					check();
				})
		);
	}
	// Routed bench files are not transferred: count only what the server sent.
	let bytes = 0;
	for (const request of requests) {
		if (new URL(request.url()).pathname.startsWith('/__bench/')) continue;
		const sizes = await request.sizes().catch(() => null);
		if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
	}
	await context.close();
	return { ms: drawnAt, bytes };
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const names = Object.keys(PAGES);
for (const name of names) await once(name); // warm-up: the server's caches, Chromium's compilers
const results = Object.fromEntries(names.map((n) => [n, []]));
for (let i = 0; i < runs; i++) for (const name of names) results[name].push(await once(name));
await browser.close();

const bare = median(results.bare.map((r) => r.ms));
console.log(`origin ${origin}, ${runs} alternating runs after a warm-up, fresh context each (empty cache), 1440 × 900`);
for (const name of names) {
	const ms = median(results[name].map((r) => r.ms));
	const kb = median(results[name].map((r) => r.bytes)) / 1024;
	console.log(
		`${name.padEnd(28)} median ${ms.toFixed(0).padStart(6)} ms   ${kb.toFixed(0).padStart(6)} kB   ratio ${(ms / bare).toFixed(2)}×   runs: ${results[name].map((r) => r.ms.toFixed(0)).join(', ')}`
	);
}
