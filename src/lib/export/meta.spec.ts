import { describe, expect, it } from 'vitest';
import { attributionText, formatExportDate, peildatumText, placeName, sourceText, viewMeta, type ViewForExport } from './meta';

const view: ViewForExport = {
	gemeente: { code: 'GM0164', name: 'Hengelo' },
	area: { code: 'BU01640202', name: 'De Noork', level: 'buurt', year: 2024 },
	level: 'buurt',
	monitor: { kind: 'urgentie', title: 'Urgentiescore', unit: 'standaardscore', comparison: null, year: 2024, synthetic: true, source: 'DEMODATA', diverging: false },
	method: 'quantielen',
	choropleth: {
		classes: [{ from: -1, to: 2, colour: '#ffffb2', count: 50 }],
		noData: { colour: '#a6a6a6', count: 0 },
		suppressed: { colour: '#ffffff', count: 12 }
	},
	boundaryYear: 2024
};
const LINK = 'http://127.0.0.1:3000/?gemeente=GM0164';

describe('the meta of an export of the current view', () => {
	it('names the theme and the place, and carries legend, source, peildatum, demodata and link', () => {
		const meta = viewMeta(view, LINK, '2025-03-14T12:00:00Z');
		expect(meta).toMatchObject({
			title: 'Urgentiescore — De Noork, Hengelo',
			subtitle: 'Buurten · 2024',
			source: 'DEMODATA',
			peiljaar: 2024,
			generatedAt: '2025-03-14T12:00:00Z',
			synthetic: true,
			link: LINK
		});
		expect(meta.legend).toMatchObject({ title: 'Urgentiescore', subtitle: 'standaardscore · 2024 · buurten', method: 'Kwantielen (even veel gebieden per klasse)' });
	});

	it('says how a difference is compared and classified', () => {
		const meta = viewMeta(
			{ ...view, area: null, monitor: { ...view.monitor!, kind: 'indicator', title: 'Laag inkomen', unit: '%', comparison: 'verschil met gemeente (13,8 %)', diverging: true } },
			LINK,
			'2025-03-14T12:00:00Z'
		);
		expect(meta.title).toBe('Laag inkomen — Hengelo');
		expect(meta.subtitle).toBe('Buurten · 2024 · verschil met gemeente (13,8 %)');
		expect(meta.legend?.method).toBe('gelijke stappen rond 0');
		expect(meta.legend?.subtitle).toBe('verschil met gemeente (13,8 %) · 2024 · buurten');
	});

	it('without a theme: the areas, the boundaries year, no demodata', () => {
		const meta = viewMeta({ ...view, monitor: null, choropleth: null, level: 'wijk', area: { code: 'WK016402', name: 'Noord', level: 'wijk' } }, LINK, '2025-03-14T12:00:00Z');
		expect(meta).toMatchObject({ title: 'Noord, Hengelo', subtitle: 'Wijken · gebiedsindeling 2024', synthetic: false, peiljaar: 2024 });
		expect(meta.legend?.method).toBe('geen thema gekozen');
	});

	it('writes dates and the small print in Dutch', () => {
		// The reader's calendar day of the moment (the tests run in the zone the machine has; noon is the same day everywhere in Europe).
		expect(formatExportDate('2025-03-04T12:00:00Z')).toBe('4 maart 2025');
		expect(() => formatExportDate('4-3-2025')).toThrow(RangeError);
		expect(peildatumText({ peiljaar: null, generatedAt: '2025-12-31T12:00:00Z' })).toBe('Peildatum: gegevens zonder jaartal · geëxporteerd op 31 december 2025');
		expect(attributionText({})).toBe('Kaart: CBS / Kadaster, Wijk- en Buurtkaart (via PDOK), CC BY 4.0. Gemaakt met Wijkbeeld.');
		expect(attributionText({ attribution: 'Bron: BRT Achtergrondkaart, Kadaster.' })).toBe('Kaart: BRT Achtergrondkaart, Kadaster. Gemaakt met Wijkbeeld.');
		expect(sourceText('Bron: CBS Kerncijfers')).toBe('Bron gegevens: CBS Kerncijfers');
		expect(sourceText(' ')).toBe('');
		expect(placeName({ gemeente: view.gemeente, area: { code: 'GM0164', name: 'Hengelo', level: 'gemeente' } })).toBe('Hengelo');
	});
});
