import { describe, expect, it } from 'vitest';
import { describeProblems, parseSlideView } from './view';

const GEMEENTEN = ['GM0153', 'GM0164'];

function ok(input: string) {
	const result = parseSlideView(input, { gemeenten: GEMEENTEN });
	if (!result.ok) throw new Error(describeProblems(result.problems));
	return result;
}

function problems(input: string) {
	const result = parseSlideView(input, { gemeenten: GEMEENTEN });
	if (result.ok) throw new Error(`accepted ${input} as ${result.search}`);
	return result.problems;
}

describe('parseSlideView', () => {
	it('reads a full view of the main page and writes it back in a fixed order', () => {
		const result = ok(
			'?tijd=2026-K2&lagen=investeringen,programmas&thema=urgentie&laag=buurt&gebied=BU01640202&gemeente=GM0164&kaart=13.5/52.27/6.81&grootte=woningen'
		);
		expect(result.search).toBe(
			'?gemeente=GM0164&gebied=BU01640202&laag=buurt&kaart=13.50/52.27000/6.81000&thema=urgentie&lagen=programmas,investeringen&tijd=2026-K2&grootte=woningen'
		);
		expect(result.value).toMatchObject({
			view: { gemeente: 'GM0164', gebied: 'BU01640202', laag: 'buurt', kaart: { zoom: 13.5, lat: 52.27, lng: 6.81 } },
			theme: { thema: 'urgentie', indicator: null },
			layers: ['programmas', 'investeringen'],
			quarter: { year: 2026, q: 2 },
			size: 'woningen'
		});
	});

	it('normalises: equal views are equal strings, defaults are left out', () => {
		const a = ok('gemeente=GM0164&thema=indicator&indicator=p_laag_inkomen&methode=quantielen&klassen=5&vergelijk=waarde').search;
		const b = ok('?indicator=p_laag_inkomen&gemeente=GM0164').search;
		expect(a).toBe('?gemeente=GM0164&thema=indicator&indicator=p_laag_inkomen');
		expect(b).toBe(a);
		// The gemeente as "selected area" is the same as no selection.
		expect(ok('?gemeente=GM0164&gebied=GM0164').search).toBe('?gemeente=GM0164');
		// The area's code tells the gemeente.
		expect(ok('?gebied=WK016402').search).toBe('?gemeente=GM0164&gebied=WK016402');
		// The symbol size only matters when investments are drawn.
		expect(ok('?gemeente=GM0164&lagen=programmas&grootte=woningen').search).toBe('?gemeente=GM0164&lagen=programmas');
		expect(ok('?gemeente=GM0164&grootte=woningen').search).toBe('?gemeente=GM0164&grootte=woningen');
	});

	it('accepts a whole URL of the main page, and nothing else', () => {
		expect(ok('http://127.0.0.1:3000/?gemeente=GM0153&gebied=SD0153-noord').search).toBe('?gemeente=GM0153&gebied=SD0153-noord');
		expect(ok('/?gemeente=GM0153').search).toBe('?gemeente=GM0153');
		expect(problems('http://127.0.0.1:3000/invoer?gemeente=GM0153')[0]).toMatchObject({ parameter: 'view' });
	});

	it('refuses unknown parameters by name', () => {
		const found = problems('?gemeente=GM0164&zoom=12&utm_source=mail');
		expect(found.map((p) => p.parameter)).toEqual(['zoom', 'utm_source']);
		expect(found[0].message).toMatch(/onbekende parameter/);
	});

	it('refuses values the page would silently drop', () => {
		const cases: [string, string][] = [
			['?gemeente=Hengelo', 'gemeente'],
			['?gemeente=GM0363', 'gemeente'],
			['?gemeente=GM0164&gebied=BU0164', 'gebied'],
			['?gemeente=GM0164&gebied=BU01530301', 'gebied'],
			['?gemeente=GM0164&laag=straat', 'laag'],
			['?gemeente=GM0164&laag=gemeente', 'laag'],
			['?gemeente=GM0164&kaart=99/52/6', 'kaart'],
			['?gemeente=GM0164&thema=kleur', 'thema'],
			['?gemeente=GM0164&thema=urgentie&indicator=p_laag_inkomen', 'indicator'],
			['?gemeente=GM0164&thema=urgentie&jaar=24', 'jaar'],
			['?gemeente=GM0164&thema=urgentie&klassen=9', 'klassen'],
			['?gemeente=GM0164&thema=urgentie&methode=handmatig&grenzen=3,1', 'grenzen'],
			['?gemeente=GM0164&thema=urgentie&grenzen=1,2', 'grenzen'],
			['?gemeente=GM0164&thema=urgentie&gewichten=sociaal:x', 'gewichten'],
			['?gemeente=GM0164&thema=urgentie&gewichten=geluk:2', 'gewichten'],
			['?gemeente=GM0164&thema=indicator&indicator=x&sinds=2020', 'sinds'],
			['?gemeente=GM0164&jaar=2024', 'jaar'],
			['?gemeente=GM0164&lagen=programmas,wegen', 'lagen'],
			['?gemeente=GM0164&tijd=2019-K4', 'tijd'],
			['?gemeente=GM0164&tijd=2025-Q3', 'tijd'],
			['?gemeente=GM0164&grootte=groot', 'grootte'],
			['?gemeente=GM0164&gemeente=GM0153', 'gemeente'],
			['?laag=buurt', 'gemeente']
		];
		for (const [input, parameter] of cases) {
			expect(problems(input).map((p) => p.parameter), input).toContain(parameter);
		}
	});

	it('reads the overlays as the page does: absent is the default overlays, geen is none', () => {
		expect(ok('?gemeente=GM0164').value.layers).toEqual(['programmas', 'focusgebieden', 'investeringen']);
		expect(ok('?gemeente=GM0164').search).toBe('?gemeente=GM0164');
		expect(ok('?gemeente=GM0164&lagen=programmas,focusgebieden,investeringen').search).toBe('?gemeente=GM0164');
		expect(ok('?gemeente=GM0164&lagen=geen').value.layers).toEqual([]);
		expect(ok('?gemeente=GM0164&lagen=geen').search).toBe('?gemeente=GM0164&lagen=geen');
		expect(ok('?gemeente=GM0164&lagen=').search).toBe('?gemeente=GM0164&lagen=geen');
		expect(ok('?gemeente=GM0164&lagen=signalen').search).toBe('?gemeente=GM0164&lagen=geen');
		expect(problems('?gemeente=GM0164&lagen=geen,programmas').map((p) => p.parameter)).toEqual(['lagen']);
	});

	it('leaves signals out of a story and says so', () => {
		const result = ok('?gemeente=GM0164&lagen=signalen,programmas');
		expect(result.search).toBe('?gemeente=GM0164&lagen=programmas');
		expect(result.notes).toEqual([expect.stringMatching(/Signalen staan niet in verhalen/)]);
	});

	it('keeps manual bounds and a trend with its start year', () => {
		expect(ok('?gemeente=GM0164&indicator=p_laag_inkomen&methode=handmatig&grenzen=10,20.5,30').search).toBe(
			'?gemeente=GM0164&thema=indicator&indicator=p_laag_inkomen&methode=handmatig&grenzen=10,20.5,30'
		);
		expect(ok('?gemeente=GM0164&indicator=p_laag_inkomen&vergelijk=trend&sinds=2020&jaar=2024').search).toBe(
			'?gemeente=GM0164&thema=indicator&indicator=p_laag_inkomen&jaar=2024&vergelijk=trend&sinds=2020'
		);
	});

	it('describes problems in one sentence per parameter', () => {
		expect(describeProblems([{ parameter: 'laag', message: 'x' }, { parameter: 'view', message: 'y' }])).toBe('laag: x; y');
	});
});
