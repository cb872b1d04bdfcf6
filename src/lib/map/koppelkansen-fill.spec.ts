import { describe, expect, it } from 'vitest';
import { koppelkansenFill } from './koppelkansen-fill';
import { KIND_COLOURS } from '../domain/koppelkansen';

describe('koppelkansenFill', () => {
	it('colours each area by its kind and leaves the rest pale', () => {
		expect(koppelkansenFill(new Map([['BU01640202', 'koppelkans'], ['BU01640203', 'gemiste_koppeling']]))).toEqual([
			'match',
			['get', 'code'],
			'BU01640202',
			KIND_COLOURS.koppelkans.fill,
			'BU01640203',
			KIND_COLOURS.gemiste_koppeling.fill,
			KIND_COLOURS.geen.fill
		]);
	});

	it('is a plain colour without results (a match expression needs a label)', () => {
		expect(koppelkansenFill(new Map())).toBe(KIND_COLOURS.geen.fill);
	});
});
