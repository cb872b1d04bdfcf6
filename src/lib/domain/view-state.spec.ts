import { describe, expect, it } from 'vitest';
import { readViewState, shownLevel, viewStateSearch } from './view-state';

const known = ['GM0153', 'GM0164'];
const read = (search: string) => readViewState(new URLSearchParams(search), known);

describe('view state in the URL', () => {
	it('opens on Hengelo without parameters', () => {
		expect(read('')).toEqual({ gemeente: 'GM0164', gebied: null, laag: null, kaart: null });
	});

	it('takes the gemeente from the selected area when the link names no gemeente', () => {
		expect(read('gebied=BU01530301')).toMatchObject({ gemeente: 'GM0153', gebied: 'BU01530301', laag: null });
	});

	it('drops an area that does not belong to the gemeente, and unknown values', () => {
		expect(read('gemeente=GM0999&laag=straat&gebied=x&kaart=99/0/0')).toEqual({ gemeente: 'GM0164', gebied: null, laag: null, kaart: null });
		expect(read('gemeente=GM0153&gebied=SD0153-noord&laag=buurt').gebied).toBe('SD0153-noord');
	});

	it('round-trips through a query string', () => {
		const state = { gemeente: 'GM0153', gebied: 'WK015303', laag: 'buurt' as const, kaart: { zoom: 13.25, lat: 52.22702, lng: 6.88123 } };
		expect(read(viewStateSearch(state).slice(1))).toEqual(state);
		expect(viewStateSearch(state)).toContain('kaart=13.25/52.22702/6.88123');
		expect(viewStateSearch({ gemeente: 'GM0164', gebied: null, laag: null })).toBe('?gemeente=GM0164');
	});

	it('draws one level below the selection unless the URL asks for another', () => {
		const state = { gemeente: 'GM0153', gebied: null, laag: null };
		expect(shownLevel(state, 'gemeente', true)).toBe('stadsdeel');
		expect(shownLevel(state, 'gemeente', false)).toBe('wijk');
		expect(shownLevel(state, 'stadsdeel', true)).toBe('wijk');
		expect(shownLevel(state, 'buurt', true)).toBe('buurt');
		expect(shownLevel({ ...state, laag: 'stadsdeel' }, 'gemeente', false)).toBe('wijk');
		expect(shownLevel({ ...state, laag: 'buurt' }, 'gemeente', true)).toBe('buurt');
	});
});
