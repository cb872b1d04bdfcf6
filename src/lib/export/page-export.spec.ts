import { describe, expect, it } from 'vitest';
import { PAGE_FORMATS } from './layout';
import { buurtenOf, cardFileName, imageFileName, onCard, viewForExport } from './page-export';

const gemeente = { code: 'GM0164', name: 'Hengelo', year: 2024, hasStadsdelen: false, bbox: [6.7, 52.2, 6.9, 52.3] as [number, number, number, number] };
const noork = { code: 'BU01640202', name: 'De Noork', level: 'buurt' as const, year: 2024, gemeentecode: 'GM0164', parents: [], children: [], stadsdeelStatus: 'nog niet ingedeeld' as const, areaHa: 40, bbox: [6.79, 52.27, 6.8, 52.28] as [number, number, number, number] };
const monitor = { kind: 'urgentie' as const, year: 2024, title: 'Urgentiescore', unit: 'standaardscore', comparison: null, source: 'DEMODATA', synthetic: true, provenance: { source: 'DEMODATA', synthetic: true, mixed: false, label: 'Demodata — geen echte cijfers' }, wave: null, values: [], ranking: null, diverging: false };
const choropleth = { colours: new Map(), classes: [], noData: { colour: '#a6a6a6', count: 0 }, suppressed: { colour: '#fff', count: 0, codes: [] }, note: null };

describe('exports from the main page', () => {
	it('name the files after place, theme, year and size', () => {
		const view = viewForExport({ gemeente, selected: noork, level: 'buurt', monitor, theme: { methode: 'quantielen' } }, choropleth);
		expect(imageFileName(view, PAGE_FORMATS.hd)).toBe('wijkbeeld-hengelo-de-noork-urgentie-2024.png');
		expect(imageFileName(view, PAGE_FORMATS['a4-staand'])).toBe('wijkbeeld-hengelo-de-noork-urgentie-2024-a4.png');
		expect(imageFileName(view, PAGE_FORMATS['a4-liggend'])).toBe('wijkbeeld-hengelo-de-noork-urgentie-2024-a4-liggend.png');
		expect(cardFileName(view, 2024)).toBe('wijkbeeld-hengelo-de-noork-gebiedskaart-2024.pdf');
		const indicator = viewForExport({ gemeente, selected: null, level: 'wijk', monitor: { ...monitor, kind: 'indicator', title: 'Huishoudens met laag inkomen' }, theme: { methode: 'quantielen' } }, choropleth);
		expect(imageFileName(indicator, PAGE_FORMATS.hd)).toBe('wijkbeeld-hengelo-huishoudens-met-laag-inkomen-2024.png');
		const plain = viewForExport({ gemeente, selected: null, level: 'wijk', monitor: null, theme: { methode: 'quantielen' } }, null);
		expect(imageFileName(plain, PAGE_FORMATS.hd)).toBe('wijkbeeld-hengelo.png');
		expect(plain.boundaryYear).toBe(2024);
	});

	it('put the register items of the area itself, its wijk or its gemeente on the card', () => {
		const buurten = [
			{ properties: { code: 'BU01640202', wijkcode: 'WK016402', gemeentecode: 'GM0164' } },
			{ properties: { code: 'BU01640203', wijkcode: 'WK016402', gemeentecode: 'GM0164' } },
			{ properties: { code: 'BU01640900', wijkcode: 'WK016409', gemeentecode: 'GM0164' } }
		];
		expect([...buurtenOf('BU01640202', buurten)]).toEqual(['BU01640202']);
		expect([...buurtenOf('WK016402', buurten)]).toEqual(['BU01640202', 'BU01640203']);
		expect(buurtenOf('GM0164', buurten).size).toBe(3);
		const items = [{ id: 1, codes: ['BU01640203'] }, { id: 2, codes: ['BU01640900'] }, { id: 3, codes: [] }];
		expect(onCard(items, { code: 'WK016402', level: 'wijk' }, buurtenOf('WK016402', buurten), (i) => i.codes).map((i) => i.id)).toEqual([1]);
		// The gemeente's card lists everything of the gemeente, also an item without a drawn area yet.
		expect(onCard(items, { code: 'GM0164', level: 'gemeente' }, buurtenOf('GM0164', buurten), (i) => i.codes).map((i) => i.id)).toEqual([1, 2, 3]);
	});
});
