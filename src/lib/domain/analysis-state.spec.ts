import { describe, expect, it } from 'vitest';
import { analysisSearch, readKandidatenState, readKoppelkansenState } from './analysis-state';

const today = new Date('2026-12-01T12:00:00Z');
const known = ['GM0153', 'GM0164'];
const read = (search: string) => readKoppelkansenState(new URLSearchParams(search), known, today);
const readCandidates = (search: string) => readKandidatenState(new URLSearchParams(search), known, today);

describe('koppelkansen URL state', () => {
	it('opens on Hengelo, buurten, this year and the next three, everything shown', () => {
		expect(read('')).toEqual({
			gemeente: 'GM0164',
			laag: 'buurt',
			van: '2026-01-01',
			tot: '2029-12-31',
			domein: null,
			soort: null,
			gebied: null,
			notes: []
		});
		// The period is always written: a copied link keeps its years when the calendar moves on.
		expect(analysisSearch(read(''))).toBe('?gemeente=GM0164&van=2026-01-01&tot=2029-12-31');
	});

	it('reads and writes a whole view, so a copied link reopens it', () => {
		const search = '?gemeente=GM0153&laag=wijk&van=2025-01-01&tot=2027-12-31&domein=sociaal&soort=koppelkans&gebied=WK015303';
		const state = read(search);
		expect(state).toMatchObject({ gemeente: 'GM0153', laag: 'wijk', van: '2025-01-01', tot: '2027-12-31', domein: 'sociaal', soort: 'koppelkans', gebied: 'WK015303' });
		expect(analysisSearch(state)).toBe(search);
	});

	it('drops what it cannot use, and says so where it matters', () => {
		const state = read('gemeente=GM9999&van=2026-02-30&domein=cultuur&soort=kans&gebied=BU01530301&laag=land');
		expect(state).toMatchObject({ gemeente: 'GM0164', van: '2026-01-01', domein: null, soort: null, gebied: null, laag: 'buurt' });
		expect(state.notes).toEqual(['Gemeente GM9999 is niet bekend.', 'Een datum van de periode bestaat niet; de standaardperiode wordt gebruikt.']);
		expect(read('van=2029-01-01&tot=2027-01-01')).toMatchObject({ van: '2026-01-01', tot: '2029-12-31', notes: [expect.stringMatching(/na het einde/)] });
	});
});

describe('kandidaten URL state', () => {
	it('keeps weights, the treatment of existing wijkaanpakken, the top group and the comparison', () => {
		const state = readCandidates('gemeente=GM0164&gewichten=urgentie:3,signalen:0&bestaand=uitsluiten&top=5&vergelijk=BU01640202,BU01640203,BU01640202');
		expect(state).toMatchObject({
			gewichten: { urgentie: 3, signalen: 0, investeringen: 1, prioriteit: 1, actief: 1 },
			bestaand: 'uitsluiten',
			top: 5,
			vergelijk: ['BU01640202', 'BU01640203']
		});
		expect(analysisSearch(state)).toBe(
			'?gemeente=GM0164&van=2026-01-01&tot=2029-12-31&gewichten=urgentie:3,signalen:0&bestaand=uitsluiten&top=5&vergelijk=BU01640202,BU01640203'
		);
	});

	it('compares at most four areas, all of the gemeente, and resets unusable weights with a note', () => {
		const state = readCandidates('vergelijk=BU01640202,BU01530301,BU01640203,BU01640100,BU01640200,BU01640201&gewichten=wonen:2&top=99');
		expect(state.vergelijk).toEqual(['BU01640202', 'BU01640203', 'BU01640100', 'BU01640200']);
		expect(state.gewichten).toEqual({ urgentie: 1, signalen: 1, investeringen: 1, prioriteit: 1, actief: 1 });
		expect(state.top).toBe(3);
		expect(state.notes[0]).toMatch(/Onbekend criterium "wonen".*De gewichten zijn gelijk gezet/);
	});
});
