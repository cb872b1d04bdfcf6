import { describe, expect, it } from 'vitest';
import { EFFECT_MAP_COLOURS, effectFill } from './effect-fill';

describe('effectFill', () => {
	it('colours the area, its ring and the comparison buurten, the area winning a code listed twice', () => {
		expect(effectFill({ area: ['BU1'], ring: ['BU2', 'BU1'], comparison: ['BU3'] })).toEqual([
			'match', ['get', 'code'],
			'BU1', EFFECT_MAP_COLOURS.area,
			'BU2', EFFECT_MAP_COLOURS.ring,
			'BU3', EFFECT_MAP_COLOURS.comparison,
			EFFECT_MAP_COLOURS.other
		]);
	});
	it('is one pale colour when there is nothing to show', () => {
		expect(effectFill({ area: [], ring: [], comparison: [] })).toBe(EFFECT_MAP_COLOURS.other);
	});
});
