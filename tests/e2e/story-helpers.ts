// Asking the story player's map what it shows (the player exposes it as window.wijkbeeld.map, as the main page
// does), in the projector mode and in the offline bundle alike.
import type { Page } from '@playwright/test';

/** Waits until the player says the slide is fully drawn, then until MapLibre is idle. */
export async function slideReady(page: Page): Promise<void> {
	await page.locator('.wb-player[data-slide-ready="true"]').waitFor({ timeout: 45_000 });
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = (window as unknown as { wijkbeeld: { map: import('maplibre-gl').Map } }).wijkbeeld.map;
				const check = () => {
					if (map.isStyleLoaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
					else map.once('idle', check);
				};
				check();
			})
	);
}

export interface SlideMapState {
	/** Codes of the areas drawn, their levels, and how many distinct fill colours they have. */
	areas: string[];
	levels: string[];
	fills: number;
	/** The selected area's code(s), from the selection source. */
	selection: string[];
	layers: string[];
	programmes: string[];
	investments: number;
	labels: number;
}

export async function slideMapState(page: Page): Promise<SlideMapState> {
	return page.evaluate(() => {
		const map = (window as unknown as { wijkbeeld: { map: import('maplibre-gl').Map } }).wijkbeeld.map;
		const layers = map.getStyle().layers.map((l) => l.id);
		const has = (id: string) => layers.includes(id);
		const areas = map.queryRenderedFeatures({ layers: ['areas-fill'] });
		const uniq = <T,>(xs: T[]) => [...new Set(xs)];
		return {
			areas: uniq(areas.map((f) => String(f.properties.code))).sort(),
			levels: uniq(areas.map((f) => String(f.properties.level))),
			// Class colours only: the white under the hatching of "te weinig inwoners" is not a class.
			fills: uniq(areas.filter((f) => !f.properties.suppressed).map((f) => String(f.properties.fill ?? ''))).filter(Boolean).length,
			selection: uniq(map.querySourceFeatures('selection').map((f) => String(f.properties.code))),
			layers,
			programmes: has('programmes-line') ? uniq(map.queryRenderedFeatures({ layers: ['programmes-line'] }).map((f) => String(f.properties.name))).sort() : [],
			investments: has('investments-circle') ? uniq(map.queryRenderedFeatures({ layers: ['investments-circle'] }).map((f) => String(f.properties.id))).length : 0,
			labels: map.queryRenderedFeatures({ layers: ['labels'] }).length
		};
	});
}

/** Presses a key and waits until the slide it leads to is drawn. */
export async function pressAndWait(page: Page, key: string): Promise<void> {
	await page.keyboard.press(key);
	await slideReady(page);
}
