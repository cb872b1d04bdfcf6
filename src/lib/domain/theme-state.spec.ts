import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME, readThemeState, writeThemeState, type ThemeState } from './theme-state';

const read = (search: string) => readThemeState(new URLSearchParams(search));
const write = (theme: ThemeState) => writeThemeState(theme, new URLSearchParams()).toString();

describe('theme state in the URL', () => {
	it('has no theme by default', () => {
		expect(read('')).toEqual(DEFAULT_THEME);
		expect(write(DEFAULT_THEME)).toBe('');
	});

	it('round-trips an indicator choropleth with its classification and trend', () => {
		const theme: ThemeState = {
			...DEFAULT_THEME,
			thema: 'indicator',
			indicator: 'p_laag_inkomen',
			jaar: 2024,
			methode: 'handmatig',
			klassen: 4,
			grenzen: [10, 15.5, 20],
			vergelijk: 'trend',
			sinds: 2020
		};
		expect(read(write(theme))).toEqual(theme);
	});

	it('round-trips urgency weights', () => {
		const theme: ThemeState = { ...DEFAULT_THEME, thema: 'urgentie', jaar: 2024, gewichten: 'sociaal:2,veiligheid:0.5' };
		expect(read(write(theme))).toEqual(theme);
	});

	it('drops values it cannot use', () => {
		const theme = read('thema=kaart&indicator=DROP%20TABLE&jaar=12&klassen=9&methode=x&vergelijk=y&gewichten=a:b');
		expect(theme).toEqual(DEFAULT_THEME);
	});
});
