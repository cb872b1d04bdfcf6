import { describe, expect, it } from 'vitest';
import { deriveWeighting } from './weighting';

describe('deriveWeighting', () => {
	// The demo catalogue (shared/data/demo/monitor_indicatoren.csv), which has no `weging` column.
	it.each([
		['inwoners', 'Inwoners', 'aantal', 'som'],
		['huishoudens', 'Huishoudens', 'aantal', 'som'],
		['p_65plus', 'Inwoners 65 jaar en ouder', '%', 'inwoners'],
		['p_laag_inkomen', 'Huishoudens met laag inkomen', '%', 'huishoudens'],
		['p_bijstand', 'Personen met bijstandsuitkering (per 100 inw 18+)', '%', 'inwoners'],
		['p_eenzaam', 'Volwassenen ernstig eenzaam', '%', 'inwoners'],
		['cohesie', 'Sociale cohesie (schaalscore)', 'score 0-10', 'inwoners'],
		['p_overgewicht', 'Volwassenen met overgewicht', '%', 'inwoners'],
		['p_gezond', 'Ervaren gezondheid goed of zeer goed', '%', 'inwoners'],
		['p_overlast', 'Ervaart veel overlast in de buurt', '%', 'inwoners'],
		['p_onveilig', 'Voelt zich weleens onveilig in de buurt', '%', 'inwoners'],
		['misdrijven', 'Geregistreerde misdrijven per 1.000 inwoners', 'per 1.000', 'inwoners'],
		['p_corporatie', 'Woningen in bezit van woningcorporatie', '%', 'huishoudens'],
		['woz', 'Gemiddelde WOZ-waarde woningen', 'x 1.000 euro', 'huishoudens'],
		['tevredenheid', 'Tevredenheid woonomgeving (rapportcijfer)', 'cijfer 1-10', 'inwoners'],
		['p_label_efg', 'Woningen met energielabel E, F of G', '%', 'huishoudens'],
		['p_energiearmoede', 'Huishoudens in energiearmoede', '%', 'huishoudens']
	])('%s (%s, %s) → %s', (code, name, unit, expected) => {
		expect(deriveWeighting({ code, name, unit })).toBe(expected);
	});

	it('sums counts of dwellings and households too', () => {
		expect(deriveWeighting({ code: 'woningvoorraad', name: 'Woningvoorraad', unit: 'aantal' })).toBe('som');
		expect(deriveWeighting({ code: 'a_bijstand', name: 'Personen met bijstand', unit: 'Aantal ' })).toBe('som');
	});

	it('never sums an average, even when its unit is a number', () => {
		expect(deriveWeighting({ code: 'hh_grootte', name: 'Gemiddelde huishoudensgrootte', unit: 'aantal' })).toBe('huishoudens');
		expect(deriveWeighting({ code: 'autos', name: 'Auto’s per inwoner', unit: 'aantal' })).toBe('inwoners');
	});

	it('takes an explicit weging from the catalogue, whatever the name says', () => {
		expect(deriveWeighting({ code: 'woz', name: 'WOZ-waarde', unit: 'euro', weging: 'inwoners' })).toBe('inwoners');
		expect(deriveWeighting({ code: 'x', name: 'X', unit: '%', weging: ' Som ' })).toBe('som');
	});

	it('derives when the weging is empty or unknown (the reader reports an unknown one)', () => {
		expect(deriveWeighting({ code: 'woz', name: 'WOZ-waarde', unit: 'euro', weging: '' })).toBe('huishoudens');
		expect(deriveWeighting({ code: 'woz', name: 'WOZ-waarde', unit: 'euro', weging: 'oppervlakte' })).toBe('huishoudens');
	});
});
