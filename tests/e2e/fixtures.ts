// Shared set-up for the browser tests: every test fails on a page error or on any request to a host
// other than this machine, and can ask the map what it shows (not what its pixels look like).
import { test as base, expect, type Page } from '@playwright/test';

declare global {
	interface Window {
		wijkbeeld?: { map: import('maplibre-gl').Map };
	}
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const test = base.extend<{ guard: void; expectedConsoleErrors: RegExp[]; panels: 'both' | 'first-visit'; openPanels: void }>({
	// Console errors a test provokes on purpose (the browser logs every 4xx it loads, e.g. a 403 page), by text.
	expectedConsoleErrors: [[], { option: true }],
	// The map page's side panels: a first visit on a laptop opens one of them (map-panels.svelte.ts). Tests that
	// use the controls and the area card together start as a user who opened both ('both'); the layout tests
	// look at a first visit ('first-visit').
	panels: ['both', { option: true }],
	openPanels: [
		async ({ context, panels }, use) => {
			if (panels === 'both') {
				await context.addInitScript(() => {
					try {
						localStorage.setItem('wijkbeeld.panelen', JSON.stringify({ controls: true, card: true, legend: true }));
					} catch {
						// a page without storage (about:blank): nothing to open
					}
				});
			}
			await use();
		},
		{ auto: true }
	],
	guard: [
		async ({ page, expectedConsoleErrors }, use) => {
			const problems: string[] = [];
			page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
			page.on('console', (message) => {
				if (message.type() !== 'error' || expectedConsoleErrors.some((e) => e.test(message.text()))) return;
				problems.push(`console error: ${message.text()}`);
			});
			page.on('request', (request) => {
				const url = new URL(request.url());
				if ((url.protocol === 'http:' || url.protocol === 'https:') && !LOCAL.has(url.hostname)) {
					problems.push(`remote request: ${request.url()}`);
				}
			});
			await use();
			expect(problems, 'no page errors and no remote requests').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Waits until the map has the data of the current view and has drawn everything (its `idle` event). */
export async function mapIdle(page: Page): Promise<void> {
	await page.locator('.map-wrap[data-ready="true"]').waitFor({ timeout: 30_000 });
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = window.wijkbeeld!.map;
				const check = () => {
					if (map.isStyleLoaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
					else map.once('idle', check);
				};
				check();
			})
	);
}

/** The distinct areas the map draws at a level, by code. */
export async function renderedCodes(page: Page, level: 'stadsdeel' | 'wijk' | 'buurt'): Promise<string[]> {
	return page.evaluate((layer) => {
		const map = window.wijkbeeld!.map;
		if (map.getLayoutProperty(layer, 'visibility') !== 'visible') return [];
		const codes = map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.code));
		return [...new Set(codes)].sort();
	}, `${level}-fill`);
}

/** Waits until the map shows exactly `count` areas of a level and is done drawing. */
export async function expectRendered(page: Page, level: 'stadsdeel' | 'wijk' | 'buurt', count: number) {
	await expect.poll(async () => {
		await mapIdle(page);
		return (await renderedCodes(page, level)).length;
	}, { timeout: 30_000 }).toBe(count);
}

/** The screen position of an area's label point, to click or hover it like a user would. */
export async function screenPointOf(page: Page, code: string): Promise<{ x: number; y: number }> {
	const point = await page.evaluate((code) => {
		const map = window.wijkbeeld!.map;
		const feature = map.querySourceFeatures('labels').find((f) => f.properties.code === code);
		if (!feature || feature.geometry.type !== 'Point') return null;
		const p = map.project(feature.geometry.coordinates as [number, number]);
		const box = map.getCanvas().getBoundingClientRect();
		return { x: box.left + p.x, y: box.top + p.y };
	}, code);
	if (!point) throw new Error(`${code} is not on the map`);
	return point;
}
