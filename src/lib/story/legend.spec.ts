import { describe, expect, it } from 'vitest';
import { buildChoropleth } from '../map/choropleth';
import { NO_DATA, SUPPRESSED, sequential } from '../domain/palettes';
import { MEASURE_CATEGORY_LABELS } from '../domain/register';
import { SYMBOL_STYLE } from '../map/register-layers';
import { areaValueText, formatBound, investmentRadius, investmentRow, legendModel, overlayEntries, period, programmeRow } from './legend';

const v = (code: string, value: number | null, suppressed = false) => ({ code, value, suppressed });

describe('slide legend', () => {
	const heading = { title: 'Huishoudens met laag inkomen', subtitle: '% · 2024 · buurten · Hengelo', method: 'Kwantielen', unit: '%', signed: false };

	it('has the choropleth classes with Dutch bounds, and only the other entries that occur', () => {
		const choropleth = buildChoropleth([v('A', 1.5), v('B', 2), v('C', 3), v('D', 4.25), v('E', null)], {
			method: 'gelijke-intervallen',
			classes: 3,
			diverging: false,
			palette: 'YlOrRd',
			variant: 'projector'
		});
		const legend = legendModel(choropleth, heading, overlayEntries({ programmes: null, investments: null, size: 'bedrag' }))!;
		expect(legend.classes.map((c) => c.label)).toEqual(['1,5 – 2,4', '2,4 – 3,3', '3,3 – 4,3']);
		expect(legend.classes.map((c) => c.colour)).toEqual(sequential('YlOrRd', 3, 'projector'));
		expect(legend.classes.map((c) => c.count)).toEqual([2, 1, 1]);
		expect(legend.other).toEqual([{ label: NO_DATA.label, shape: 'fill', colour: NO_DATA.colour, count: 1 }]);
		expect(legend.overlays).toEqual([]);

		const withSuppressed = buildChoropleth([v('A', 1), v('B', 2), v('C', 3), v('D', null, true)], { method: 'quantielen', classes: 3, diverging: false, palette: 'YlGnBu' });
		expect(legendModel(withSuppressed, heading, [])!.other).toEqual([{ label: 'Te weinig inwoners (< 50)', shape: 'hatched', colour: SUPPRESSED.background, count: 1 }]);
	});

	it('writes differences with a sign and a real minus', () => {
		expect(formatBound(2.5, true)).toBe('+2,5');
		expect(formatBound(-2.5, true)).toBe('−2,5');
		expect(formatBound(0, true)).toBe('0');
		expect(formatBound(1234, false)).toBe('1.234');
	});

	it('lists the overlays per programme kind with their dash, and the investments with their sizing', () => {
		const entries = overlayEntries({ programmes: { wijkaanpak: 1, pilot: 2 }, investments: 6, investmentCategories: { openbare_ruimte: 2, renovatie: 4 }, size: 'woningen' });
		expect(entries.map((e) => [e.label, e.shape, e.dash, e.count])).toEqual([
			['Wijkaanpak', 'outline', 'solid', 1],
			['Pilot', 'outline', 'dotted', 2],
			['Investering (grootte naar aantal woningen)', 'circle', undefined, 6],
			[MEASURE_CATEGORY_LABELS.renovatie, 'circle', undefined, 4],
			[MEASURE_CATEGORY_LABELS.openbare_ruimte, 'circle', undefined, 2]
		]);
		// Each kind of measure in the colour the live map gives it, so that the room can tell them apart.
		expect(entries.at(-2)!.colour).toBe(SYMBOL_STYLE.renovatie.fill);
		expect(entries.at(-1)!.colour).toBe(SYMBOL_STYLE.openbare_ruimte.fill);
		expect(entries.at(-1)!.colour).not.toBe(entries.at(-2)!.colour);
		expect(overlayEntries({ programmes: {}, investments: null, size: 'bedrag' })[0]).toMatchObject({ count: 0, label: expect.stringMatching(/geen in deze periode/) });
		// Overlays alone still make a legend; nothing at all makes none.
		expect(legendModel(null, null, entries)).toMatchObject({ title: 'Op de kaart', classes: [], overlays: entries });
		expect(legendModel(null, null, [])).toBeNull();
	});

	it('describes areas and items in the words of the text equivalent', () => {
		expect(areaValueText(23.45, false, '%')).toBe('23,5 %');
		expect(areaValueText(-1.234, false, 'standaardscore')).toBe('−1,23');
		expect(areaValueText(null, false, '%')).toBe('geen gegevens');
		expect(areaValueText(null, true, '%')).toBe('te weinig inwoners');
		expect(period('2024-09-01', '2026-12-31')).toBe('sep 2024 – dec 2026');
		expect(period('2024-02-01', null)).toBe('vanaf feb 2024');
		expect(period(null, null)).toBe('periode onbekend');
		expect(
			programmeRow({ name: 'Wijkaanpak Noord', kind: 'wijkaanpak', phase: 'initieren', status: 'lopend', startDate: '2024-02-01', endDate: null, synthetic: false })
		).toEqual({ kind: 'programme', name: 'Wijkaanpak Noord', details: 'Wijkaanpak · fase initiëren · lopend · vanaf feb 2024', synthetic: false });
		const row = investmentRow({
			projectName: 'De Noork complex 412',
			partner: 'Welbions',
			measure: 'isolatie',
			status: 'in_uitvoering',
			startDate: '2024-09-01',
			endDate: '2026-12-31',
			amountEur: 6_200_000,
			dwellings: 148,
			synthetic: true
		});
		expect(row.details).toMatch(/^Welbions · isolatie · 148 woningen · €\s6\.200\.000 · sep 2024 – dec 2026 · in uitvoering$/);
		expect(row.synthetic).toBe(true);
	});

	it('sizes investment circles by area: four times the amount, twice the extra radius', () => {
		expect(investmentRadius(null, 100)).toBe(12);
		expect(investmentRadius(0, 100)).toBe(12);
		expect(investmentRadius(100, 100)).toBe(40);
		expect(investmentRadius(25, 100)).toBe(26);
		expect(investmentRadius(50, 0)).toBe(12);
	});
});
