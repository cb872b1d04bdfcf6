// Accessibility checks: axe-core's WCAG 2.0–2.2 A/AA rules on the main views once the map has drawn, and a
// keyboard-only walk that Tab reaches every kind of control, in reading order, each with a focus ring one can see.
// axe checks only part of WCAG (and hands some checks back as "needs review", attached to the report here);
// a clean run is a floor, not a certificate.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, mapIdle, test } from './fixtures';
import { USERS, signIn } from './auth-helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations, one readable line per rule and node; its "needs review" items go into the report. */
async function axeViolations(page: Page): Promise<string[]> {
	// Nothing is excluded: axe finds no violation inside MapLibre's canvas container (the canvas carries our own
	// label). Should a MapLibre update bring one, exclude '.maplibregl-canvas-container' here with the reason.
	const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	await test.info().attach(`axe needs review (${page.url()})`, {
		contentType: 'application/json',
		body: JSON.stringify(
			results.incomplete.map((r) => ({ id: r.id, help: r.help, nodes: r.nodes.map((n) => n.target.join(' ')) })),
			null,
			1
		)
	});
	return results.violations.flatMap((v) =>
		v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${v.help}\n    ${n.failureSummary?.replaceAll('\n', '\n    ')}`)
	);
}

const VIEWS: [string, string][] = [
	['Hengelo, areas', '/'],
	['Enschede, stadsdeel Noord selected', '/?gemeente=GM0153&gebied=SD0153-noord'],
	['Hengelo buurten, indicator % laag inkomen', '/?gemeente=GM0164&laag=buurt&thema=indicator&indicator=p_laag_inkomen'],
	['Hengelo buurten, urgency with the area card of De Noork', '/?gemeente=GM0164&laag=buurt&thema=urgentie&gebied=BU01640202'],
	['Koppelkansen Hengelo with De Noork selected', '/koppelkansen?gemeente=GM0164&van=2026-01-01&tot=2029-12-31&gebied=BU01640202'],
	['Koppelkansen Enschede, wijken, one domain', '/koppelkansen?gemeente=GM0153&laag=wijk&domein=wonen']
];

test.describe('accessibility', () => {
	for (const [name, path] of VIEWS) {
		test(`axe finds no violations: ${name}`, async ({ page }) => {
			// axe walks every node of a long panel (the koppelkansen list with an area card); on a busy machine that takes a while.
			test.setTimeout(120_000);
			await page.goto(path);
			await mapIdle(page);
			expect(await axeViolations(page), `axe violations on ${path}`).toEqual([]);
		});
	}

	test('axe finds no violations with the export panel open', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt&thema=urgentie&gebied=BU01640202');
		await mapIdle(page);
		await page.getByRole('button', { name: 'Exporteren' }).click();
		await expect(page.getByRole('group', { name: 'Exporteren' })).toBeVisible();
		expect(await axeViolations(page), 'axe violations with the export panel open').toEqual([]);
	});

	test('axe finds no violations on the choice of the next wijkaanpak, as an editor, with a comparison and an explanation open', async ({ page }) => {
		// Two long pages (every area with its explanation) and two axe runs.
		test.setTimeout(180_000);
		await signIn(page, USERS.editorHengelo);
		await page.goto('/kandidaten?gemeente=GM0164&van=2026-01-01&tot=2029-12-31&vergelijk=BU01640202,BU01640203');
		await expect(page.getByRole('region', { name: 'Vergelijking van 2 gebieden' })).toBeVisible();
		await page.locator('tr.explain').first().getByText('Uitleg').click();
		expect(await axeViolations(page), 'axe violations on /kandidaten').toEqual([]);
		await page.goto('/kandidaten?gemeente=GM0153&laag=wijk');
		await expect(page.getByRole('heading', { name: /^Rangorde/ })).toBeVisible();
		expect(await axeViolations(page), 'axe violations on /kandidaten (Enschede, wijken)').toEqual([]);
	});

	test('the koppelkansen page is reachable by keyboard: filters, map, the list and its links', async ({ page }) => {
		await page.goto('/koppelkansen?gemeente=GM0164&van=2026-01-01&tot=2029-12-31');
		await mapIdle(page);
		await page.getByRole('combobox', { name: 'Soort' }).focus();
		await page.keyboard.press('Tab');
		await expect(page.getByRole('radio', { name: 'buurten' })).toBeFocused();
		// From the first "Op de kaart" link, Enter selects the result, as a click does.
		const link = page.getByRole('link', { name: 'De Noork op de kaart tonen' }).first();
		await link.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/gebied=BU01640202/);
		await expect(link).toBeFocused();
	});

	test('axe finds no violations with the search suggestions open', async ({ page }) => {
		await page.goto('/');
		await mapIdle(page);
		const box = page.getByRole('combobox', { name: 'Zoek een gebied' });
		await box.focus();
		await page.keyboard.type('noork');
		await expect(page.getByRole('option', { name: /De Noork/ })).toBeVisible();
		await expect(box).toHaveAttribute('aria-expanded', 'true');
		expect(await axeViolations(page), 'axe violations with the suggestions open').toEqual([]);
	});

	test('axe finds no violations: the register of De Noork in K3 2025, an item opened and the timeline as a table', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&gebied=BU01640202&tijd=2025-K3');
		await page.locator('.map-wrap[data-register-ready="true"]').waitFor({ timeout: 60_000 });
		await mapIdle(page);
		const panel = page.getByRole('complementary', { name: 'Gebiedspaneel' });
		await panel.getByRole('button', { name: 'De Noork complex 412 - levensduurverlenging' }).click();
		await expect(panel.getByRole('heading', { level: 2, name: 'De Noork complex 412 - levensduurverlenging' })).toBeVisible();
		await panel.getByText('Tijdlijn als tabel').click();
		await panel.getByText('Niet in K3 2025 (1)').click();
		expect(await axeViolations(page), 'axe violations on the register views').toEqual([]);
	});

	test.describe(() => {
		// The empty form is saved on purpose: the browser logs the API's 400.
		test.use({ expectedConsoleErrors: [/status of 400/] });
		test('axe finds no violations: an editor with the programme form, the buurt list and the drawing toolbar open', async ({ page }) => {
			await signIn(page, USERS.editorHengelo);
			await page.goto('/?gemeente=GM0164&gebied=WK016402');
			await page.locator('.map-wrap[data-register-ready="true"]').waitFor({ timeout: 60_000 });
			await mapIdle(page);
			const panel = page.getByRole('complementary', { name: 'Gebiedspaneel' });
			await panel.getByRole('button', { name: '+ Programma' }).click();
			await panel.getByText('Kies uit de lijst').click();
			await panel.getByRole('button', { name: '+ Begrotingsregel' }).click();
			// With a field error shown, as the API gives it.
			await panel.getByRole('button', { name: 'Opslaan' }).click();
			await expect(panel.getByRole('alert').first()).toBeVisible();
			await panel.getByRole('button', { name: 'Omtrek tekenen op de kaart' }).click();
			await expect(page.getByRole('toolbar', { name: 'Omtrek tekenen' })).toBeVisible();
			expect(await axeViolations(page), 'axe violations with the programme form open').toEqual([]);
		});
	});

	test('axe finds no violations: the Wijzigingen page', async ({ page }) => {
		await signIn(page, USERS.editorHengelo);
		await page.goto('/wijzigingen?gemeente=GM0164');
		await expect(page.getByRole('heading', { level: 1, name: 'Wijzigingen in Hengelo' })).toBeVisible();
		await page.locator('details summary').first().click();
		expect(await axeViolations(page), 'axe violations on /wijzigingen').toEqual([]);
	});

	test('Tab alone reaches every kind of control in reading order, each with a visible focus ring', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt&thema=indicator&indicator=p_laag_inkomen&gebied=BU01640202');
		await mapIdle(page);

		// What the walk must reach, by accessible name, in groups that must come in this order.
		const panel = page.getByRole('complementary', { name: 'Gebiedspaneel' });
		const table = page.getByRole('region', { name: 'Buurten in beeld' });
		const targets: [group: string, name: string, locator: Locator][] = [
			// The map page's header has one row: the main menu folds behind its button (its links: see the next test).
			['navigatie', 'Menu', page.getByRole('button', { name: 'Menu' })],
			['gemeente', 'Enschede', page.getByRole('button', { name: 'Enschede', exact: true })],
			['gemeente', 'Hengelo', page.getByRole('button', { name: 'Hengelo', exact: true })],
			['zoeken', 'Zoek een gebied', page.getByRole('combobox', { name: 'Zoek een gebied' })],
			['export', 'Exporteren', page.getByRole('button', { name: 'Exporteren' })],
			// A radio group is one Tab stop, at its checked radio; arrows move within it.
			['kaartlaag', 'Buurten', page.getByRole('radio', { name: 'Buurten' })],
			['thema', 'radio Indicator', page.getByRole('radio', { name: 'Indicator' })],
			['thema', 'Indicator', page.getByRole('combobox', { name: 'Indicator', exact: true })],
			['thema', 'Jaar', page.getByRole('combobox', { name: 'Jaar', exact: true })],
			['thema', 'Indeling', page.getByRole('combobox', { name: 'Indeling' })],
			['thema', 'Klassen', page.getByRole('combobox', { name: 'Klassen' })],
			['thema', 'Waarde', page.getByRole('radio', { name: 'Waarde' })],
			['register', "Programma's", page.getByRole('checkbox', { name: /^Programma's/ })],
			['register', 'Focusgebieden', page.getByRole('checkbox', { name: /^Focusgebieden/ })],
			['register', 'Investeringen', page.getByRole('checkbox', { name: /^Investeringen/ })],
			['register', 'Grootte Bedrag', page.getByRole('radio', { name: 'Bedrag' })],
			['tijd', 'Alle perioden', page.getByRole('checkbox', { name: 'Alle perioden' })],
			['tijd', 'Vorig kwartaal', page.getByRole('button', { name: 'Vorig kwartaal' })],
			['tijd', 'Kwartaal', page.getByRole('slider', { name: 'Kwartaal' })],
			['tijd', 'Volgend kwartaal', page.getByRole('button', { name: 'Volgend kwartaal' })],
			['tijd', 'Afspelen', page.getByRole('button', { name: /Afspelen/ })],
			['kaart', 'canvas', page.locator('canvas.maplibregl-canvas')],
			['kaart', 'Inzoomen', page.getByRole('button', { name: 'Inzoomen' })],
			['kaart', 'Uitzoomen', page.getByRole('button', { name: 'Uitzoomen' })],
			['kaart', 'Legenda register', page.getByRole('region', { name: 'Legenda register' }).locator('summary')],
			['paneel', 'Kruimelpad Hengelo', panel.getByRole('navigation', { name: 'Kruimelpad' }).getByRole('link', { name: 'Hengelo' })],
			['paneel', 'Omhoog', panel.getByRole('link', { name: /Omhoog naar/ })],
			['register', 'Wijkaanpak Noord', panel.getByRole('button', { name: 'Wijkaanpak Noord' })],
			['register', 'Tijdlijn als tabel', panel.getByText('Tijdlijn als tabel')],
			['tabel', 'sorteer Naam', table.getByRole('button', { name: 'Naam' })],
			['tabel', 'sorteer Waarde', table.getByRole('button', { name: 'Waarde' })],
			['tabel', 'De Noork', table.getByRole('link', { name: 'De Noork' })]
		];
		for (const [group, name, locator] of targets) {
			await locator.evaluate((el, tag) => (el.dataset.walk = tag), `${group}: ${name}`);
		}

		const steps: { walk: string | null; label: string; problem: string | null }[] = [];
		for (let i = 0; i < 200; i++) {
			await page.keyboard.press('Tab');
			const step = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				const label = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
				const style = getComputedStyle(el);
				const width = parseFloat(style.outlineWidth);
				const offset = parseFloat(style.outlineOffset);
				let problem: string | null = null;
				if (!el.matches(':focus-visible')) problem = 'not :focus-visible';
				else if (style.outlineStyle === 'none' || !(width >= 2)) problem = `outline ${style.outlineStyle} ${style.outlineWidth}`;
				else {
					// The ring is the band between the element grown by offset + width and grown by offset; some of it
					// must lie inside every ancestor that clips (a map with overflow: hidden hides a ring drawn outside it).
					const r = el.getBoundingClientRect();
					const grow = (by: number) => ({ l: r.left - by, t: r.top - by, r: r.right + by, b: r.bottom + by });
					const outer = grow(Math.max(0, offset + width));
					const inner = grow(offset);
					let clip = { l: 0, t: 0, r: innerWidth, b: innerHeight };
					for (let a = el.parentElement; a; a = a.parentElement) {
						const s = getComputedStyle(a);
						if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
						const c = a.getBoundingClientRect();
						clip = { l: Math.max(clip.l, c.left), t: Math.max(clip.t, c.top), r: Math.min(clip.r, c.right), b: Math.min(clip.b, c.bottom) };
					}
					const seen = { l: Math.max(outer.l, clip.l), t: Math.max(outer.t, clip.t), r: Math.min(outer.r, clip.r), b: Math.min(outer.b, clip.b) };
					const visible =
						seen.l < seen.r &&
						seen.t < seen.b &&
						(seen.l < inner.l || seen.t < inner.t || seen.r > inner.r || seen.b > inner.b);
					if (!visible) problem = 'focus ring clipped away';
				}
				return { walk: el.dataset.walk ?? null, label, problem };
			});
			if (!step) break; // past the last control
			steps.push(step);
		}

		const reached = steps.map((s) => s.walk).filter((w): w is string => w !== null);
		const walkText = steps.map((s, i) => `${i + 1}. ${s.walk ?? s.label}`).join('\n');
		expect(reached, `the Tab order:\n${walkText}`).toEqual(targets.map(([group, name]) => `${group}: ${name}`));
		const problems = steps.filter((s) => s.problem).map((s) => `${s.label}: ${s.problem}`);
		expect(problems, 'every focused control shows a visible focus ring').toEqual([]);
	});
});
