import { describe, expect, it } from 'vitest';
import { assignmentOf, caughtByLasso, copyName, pointInRing, stadsdelenOf, withoutStadsdeel } from './indeling-edit';

describe('drawing an indeling', () => {
	it('turns stadsdelen into an assignment and back', () => {
		const assignment = assignmentOf([{ buurtcodes: ['B2', 'B1'] }, { buurtcodes: ['B3'] }]);
		expect(assignment).toEqual({ B1: 0, B2: 0, B3: 1 });
		expect(stadsdelenOf([' Noord ', 'Zuid', 'Leeg'], assignment)).toEqual([
			{ name: 'Noord', buurtcodes: ['B1', 'B2'] },
			{ name: 'Zuid', buurtcodes: ['B3'] },
			{ name: 'Leeg', buurtcodes: [] }
		]);
	});

	it('removing a stadsdeel leaves its buurten unassigned and moves the later ones up', () => {
		expect(withoutStadsdeel({ B1: 0, B2: 1, B3: 2 }, 1)).toEqual({ B1: 0, B3: 1 });
	});

	it('catches the buurten whose label point lies inside the lasso', () => {
		const square: [number, number][] = [[0, 0], [2, 0], [2, 2], [0, 2]];
		expect(pointInRing([1, 1], square)).toBe(true);
		expect(pointInRing([3, 1], square)).toBe(false);
		expect(caughtByLasso([{ code: 'in', label: [1, 1] }, { code: 'out', label: [5, 5] }], square)).toEqual(['in']);
		expect(caughtByLasso([{ code: 'in', label: [1, 1] }], square.slice(0, 2))).toEqual([]);
	});

	it('names a copy so that it does not clash', () => {
		expect(copyName('Vier stadsdelen', [])).toBe('Kopie van Vier stadsdelen');
		expect(copyName('Kopie van Vier stadsdelen', ['Kopie van Vier stadsdelen'])).toBe('Kopie 2 van Vier stadsdelen');
	});
});
