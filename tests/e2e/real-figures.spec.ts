// Real figures on the map: an RIVM indicator with its source in the legend and no demodata label, the age
// group chosen beside the topic, a mixed urgency view that says which parts are real, and the area card's waves.
import { expect, mapIdle, test } from './fixtures';

test.describe('echte cijfers (RIVM, CBS)', () => {
	test('an RIVM indicator on the map: source and wave in the legend, no demodata label, age group to choose', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt&thema=indicator&indicator=rivm_eenzaam_18plus');
		await mapIdle(page);
		const legend = page.getByRole('region', { name: /Eenzaam \(18 jaar en ouder\)/ });
		await expect(legend).toBeVisible();
		await expect(legend.getByRole('heading')).toHaveText('Eenzaam (18 jaar en ouder) — RIVM 2020, modelschatting (laatste meting vóór 2024)');
		await expect(legend).toContainText("Bron: RIVM/GGD'en/CBS, Gezondheid per wijk en buurt 2020 (StatLine 50090NED), modelschatting, CC BY 4.0");
		await expect(legend).toContainText('Modelschatting, geen telling');
		await expect(legend.getByText('Demodata — geen echte cijfers')).toHaveCount(0);
		// The map colours the buurten RIVM has estimates for.
		const coloured = await page.evaluate(() => {
			const fill = window.wijkbeeld!.map.getPaintProperty('buurt-fill', 'fill-color');
			return Array.isArray(fill) && fill[0] === 'match' ? (fill.length - 3) / 2 : 0;
		});
		expect(coloured).toBeGreaterThan(40);

		// The topic is one choice in its own group; the age group beside it.
		const picker = page.getByRole('combobox', { name: 'Indicator', exact: true });
		await expect(picker.locator('optgroup[label="Gezondheid — RIVM, modelschatting"] option', { hasText: 'Eenzaam' }).first()).toHaveCount(1);
		await page.getByRole('combobox', { name: 'Leeftijdsgroep' }).selectOption({ label: '65 jaar en ouder' });
		await expect(page).toHaveURL(/indicator=rivm_eenzaam_65plus/);
		await expect(page.getByRole('region', { name: /Eenzaam \(65 jaar en ouder\)/ })).toBeVisible();
	});

	test('the urgency score mixes RIVM health and demodata, and says so', async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt&thema=urgentie');
		await mapIdle(page);
		const legend = page.getByRole('region', { name: 'Urgentiescore' });
		await expect(legend).toContainText('Gemengd — Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata');
		await expect(legend.getByText('Demodata — geen echte cijfers')).toBeVisible();
	});

	test("De Noork's card: the waves against the gemeente and Nederland, drivers with their source", async ({ page }) => {
		await page.goto('/?gemeente=GM0164&laag=buurt&thema=urgentie&gebied=BU01640202');
		const card = page.getByRole('region', { name: /Wijk- en buurtmonitor 2024/ });
		await expect(card).toBeVisible();
		await expect(card).toContainText('RIVM 2020, modelschatting');
		await expect(card.getByRole('combobox', { name: /Gezondheid \(RIVM\) voor/ })).toHaveValue('18plus');
		await expect(card.getByText(/2012, 2016, 2020: gemeente .* → .* → .* · Nederland/).first()).toBeVisible();
	});
});
