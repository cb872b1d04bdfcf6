// The map page's layout as a user first sees it: how much of the window is map (the fraction where the map's
// canvas is what one sees, other elements drawn over it excluded), whether the selected area is in clear view
// (not under a panel, the legend or the map's buttons), the phone layout, and the keyboard walk through it.
import type { Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';
import { USERS, signIn } from './auth-helpers';

const URBAN = '/?gemeente=GM0164&laag=buurt&thema=urgentie&gebied=BU01640202';

/** The share of the window (or of its top `height` pixels) where the map's canvas is the topmost element. */
function visibleMapShare(page: Page): Promise<number> {
	return page.evaluate(() => {
		const canvas = document.querySelector('canvas.maplibregl-canvas');
		let hit = 0;
		let all = 0;
		for (let y = 2; y < innerHeight; y += 6) {
			for (let x = 2; x < innerWidth; x += 6) {
				all++;
				if (document.elementFromPoint(x, y) === canvas) hit++;
			}
		}
		return hit / all;
	});
}

/** The selected area's bounding box on screen, and the boxes of everything drawn over the map. */
function selectionAndCovers(page: Page) {
	return page.evaluate(() => {
		const map = window.wijkbeeld!.map;
		const features = map.querySourceFeatures('selection');
		const points: [number, number][] = [];
		const walk = (c: unknown): void => {
			if (Array.isArray(c) && typeof c[0] === 'number') points.push(c as [number, number]);
			else if (Array.isArray(c)) c.forEach(walk);
		};
		for (const f of features) walk((f.geometry as { coordinates: unknown }).coordinates);
		const canvas = map.getCanvas().getBoundingClientRect();
		const projected = points.map((p) => map.project(p));
		const box = {
			left: canvas.left + Math.min(...projected.map((p) => p.x)),
			right: canvas.left + Math.max(...projected.map((p) => p.x)),
			top: canvas.top + Math.min(...projected.map((p) => p.y)),
			bottom: canvas.top + Math.max(...projected.map((p) => p.y))
		};
		const covers = [
			...document.querySelectorAll('.side-panel, .map-legend, .panel-toggles, .maplibregl-ctrl-top-right, .maplibregl-ctrl-bottom-right, .maplibregl-ctrl-bottom-left, .shell-header')
		]
			.map((el) => ({ name: el.className.split(' ')[0], rect: el.getBoundingClientRect() }))
			.filter(({ rect }) => rect.width > 0 && rect.height > 0)
			.map(({ name, rect }) => ({ name, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom }));
		return {
			found: points.length > 0,
			box,
			canvas: { left: canvas.left, right: canvas.right, top: canvas.top, bottom: canvas.bottom },
			covers
		};
	});
}

type Rect = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function expectSelectionInClearView(page: Page) {
	await expect
		.poll(async () => {
			await mapIdle(page);
			const { found, box, canvas, covers } = await selectionAndCovers(page);
			if (!found) return ['no selection drawn'];
			const problems = covers.filter((c) => overlaps(box, c)).map((c) => `under ${c.name}`);
			if (box.left < canvas.left || box.right > canvas.right || box.top < canvas.top || box.bottom > canvas.bottom) problems.push('outside the map');
			return problems;
		}, { timeout: 20_000 })
		.toEqual([]);
}

test.describe('the map page as a first visit sees it', () => {
	test.use({ panels: 'first-visit' });

	for (const [width, height] of [
		[1366, 768],
		[1440, 900]
	] as const) {
		test(`${width} × ${height}: the map has at least 70 % of the window, the page does not scroll, the selected area is in clear view`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			await page.goto(URBAN);
			await mapIdle(page);
			const share = await visibleMapShare(page);
			await test.info().attach('visible map share', { body: `${(share * 100).toFixed(1)} %` });
			expect(share).toBeGreaterThanOrEqual(0.7);
			expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([width, height]);
			// The area card is open for a link to an area, the controls wait behind their button.
			await expect(page.getByRole('complementary', { name: 'Gebiedspaneel' }).getByRole('heading', { level: 2, name: 'De Noork' })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Kaart instellen' }).first()).toHaveAttribute('aria-expanded', 'false');
			await expectSelectionInClearView(page);

			// Opening the controls as well: the map makes room and the selection stays in clear view.
			await page.getByRole('button', { name: 'Kaart instellen' }).first().click();
			await expect(page.getByRole('complementary', { name: 'Kaart instellen' })).toBeVisible();
			await expect(page.getByRole('radio', { name: 'Buurten' })).toBeChecked();
			await expectSelectionInClearView(page);
			// The choice is kept for the next visit.
			await page.reload();
			await mapIdle(page);
			await expect(page.getByRole('complementary', { name: 'Kaart instellen' })).toBeVisible();
		});
	}

	test('the one-row header holds everything for an editor at 1280 px', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/?gemeente=GM0164');
		await mapIdle(page);
		const header = await page.evaluate(() => {
			const element = document.querySelector('.shell-header')!;
			const items = [...element.children].map((c) => c.getBoundingClientRect());
			// One row: every item shares a horizontal band with the first one; nothing sticks out on the right.
			const first = items[0];
			return {
				height: element.getBoundingClientRect().height,
				offRow: items.filter((r) => r.top >= first.bottom || r.bottom <= first.top).length,
				right: Math.max(...items.map((r) => r.right)),
				scrollWidth: element.scrollWidth
			};
		});
		expect(header.offRow, 'every item of the header on one row').toBe(0);
		expect(header.right).toBeLessThanOrEqual(1280);
		expect(header.scrollWidth).toBeLessThanOrEqual(1280);
		expect(header.height).toBeLessThan(60);
		await expect(page.getByText('Hanna Hengelo (redacteur)')).toBeVisible();
	});

	test('phone: the map first, at least half of the first screen; the area card and the controls as sheets', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(URBAN);
		await mapIdle(page);
		const share = await visibleMapShare(page);
		await test.info().attach('visible map share', { body: `${(share * 100).toFixed(1)} %` });
		expect(share).toBeGreaterThanOrEqual(0.5);
		expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(844);
		const card = page.getByRole('complementary', { name: 'Gebiedspaneel' });
		await expect(card).toBeHidden();
		await expectSelectionInClearView(page);

		// The bar under the map opens the area card as a sheet, and then the controls instead.
		await page.getByRole('button', { name: 'De Noork' }).click();
		await expect(card.getByRole('heading', { level: 2, name: 'De Noork' })).toBeVisible();
		await expect(page.getByRole('region', { name: /in beeld/ }).getByRole('table')).toBeVisible();
		await page.getByRole('button', { name: 'Kaart instellen' }).first().click();
		await expect(card).toBeHidden();
		await expect(page.getByRole('radio', { name: 'Wijken' })).toBeVisible();
		await page.getByRole('radio', { name: 'Wijken' }).check();
		await expect(page).toHaveURL(/laag=wijk/);
		await page.getByRole('button', { name: 'Kaart instellen sluiten' }).click();
		await expect(page.getByRole('complementary', { name: 'Kaart instellen' })).toBeHidden();
		// The legend unfolds from its button.
		await page.getByRole('button', { name: 'Legenda' }).click();
		await expect(page.getByRole('region', { name: 'Urgentiescore' })).toBeVisible();
	});

	test('keyboard: header, then the controls, then the map, then the area card; the menu opens and closes with the keyboard', async ({ page }) => {
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto('/?gemeente=GM0164&gebied=BU01640202');
		await mapIdle(page);
		// The menu: Enter opens it, its links are next in the Tab order, Escape closes it and returns to the button.
		const menu = page.getByRole('button', { name: 'Menu' });
		await menu.focus();
		await page.keyboard.press('Enter');
		await expect(menu).toHaveAttribute('aria-expanded', 'true');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Kaart' })).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(menu).toBeFocused();
		await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeHidden();

		// Open the controls from their button, then walk: controls before the map, the map before the area card.
		await page.getByRole('button', { name: 'Kaart instellen' }).first().click();
		await menu.focus();
		const order: string[] = [];
		for (let i = 0; i < 120 && order.at(-1) !== 'card'; i++) {
			await page.keyboard.press('Tab');
			const where = await page.evaluate(() => {
				const el = document.activeElement;
				if (!el) return null;
				if (el.closest('.shell-header')) return 'header';
				if (el.closest('#bediening')) return 'controls';
				if (el.closest('#paneel')) return 'card';
				if (el.closest('.map-area')) return 'map';
				return null;
			});
			if (where && where !== order.at(-1)) order.push(where);
			// Nothing focused is hidden behind anything: the focused element is what one sees at its centre.
			const hidden = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				const r = el.getBoundingClientRect();
				const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
				const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
				const top = document.elementFromPoint(x, y);
				return top && (el === top || el.contains(top) || top.contains(el)) ? null : `${el.tagName} ${el.textContent?.slice(0, 30)} under ${top?.className}`;
			});
			expect(hidden).toBeNull();
		}
		expect(order).toEqual(['header', 'controls', 'map', 'card']);
		// The shortcuts are listed in the controls.
		await page.getByText('Sneltoetsen en hulp').click();
		await expect(page.getByText('kaart schuiven (of de knoppen met pijlen)')).toBeVisible();
		// The pan buttons move the map without dragging.
		const before = await page.evaluate(() => window.wijkbeeld!.map.getCenter().lng);
		await page.getByRole('button', { name: 'Kaart naar rechts schuiven' }).click();
		await expect.poll(() => page.evaluate(() => window.wijkbeeld!.map.getCenter().lng)).toBeGreaterThan(before);
	});
});
