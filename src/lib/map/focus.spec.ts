import { describe, expect, it } from 'vitest';
import type { AreaDetail } from '../domain/areas';
import { focusCodes, mapLabel, type AreaCollection } from './focus';

const feature = (code: string, wijkcode?: string, stadsdeelcode?: string) => ({
	type: 'Feature' as const,
	properties: { code, name: code, level: 'buurt', gemeentecode: 'GM0153', wijkcode, stadsdeelcode, label: [0, 0] as [number, number] },
	geometry: { type: 'Polygon', coordinates: [] }
});

const buurten: AreaCollection = {
	type: 'FeatureCollection',
	features: [
		feature('BU01530301', 'WK015303', 'SD0153-noord'),
		feature('BU01530302', 'WK015303', 'SD0153-noord'),
		feature('BU01530100', 'WK015301', 'SD0153-oost')
	]
};

const area = (code: string, level: AreaDetail['level'], children: string[] = []): AreaDetail => ({
	code,
	name: code,
	level,
	year: 2024,
	gemeentecode: 'GM0153',
	parents: [],
	children: children.map((c) => ({ code: c, name: c, level: 'wijk' })),
	stadsdeelStatus: 'ingedeeld',
	areaHa: 1,
	bbox: [0, 0, 1, 1]
});

describe('focusCodes', () => {
	it('sets nothing apart when the whole gemeente is selected', () => {
		expect(focusCodes(buurten, 'buurt', null)).toBeNull();
		expect(focusCodes(buurten, 'buurt', area('GM0153', 'gemeente'))).toBeNull();
	});

	it('finds the buurten of a selected wijk or stadsdeel', () => {
		expect(focusCodes(buurten, 'buurt', area('WK015303', 'wijk'))).toEqual(['BU01530301', 'BU01530302']);
		expect(focusCodes(buurten, 'buurt', area('SD0153-oost', 'stadsdeel'))).toEqual(['BU01530100']);
	});

	it('finds the wijken of a selected stadsdeel from its children', () => {
		const wijken: AreaCollection = { type: 'FeatureCollection', features: [feature('WK015303'), feature('WK015301')] };
		expect(focusCodes(wijken, 'wijk', area('SD0153-noord', 'stadsdeel', ['WK015303']))).toEqual(['WK015303']);
	});
});

describe('mapLabel', () => {
	it('drops the CBS wijk number', () => {
		expect(mapLabel('Wijk 02 Noord')).toBe('Noord');
		expect(mapLabel('De Noork')).toBe('De Noork');
	});
});
