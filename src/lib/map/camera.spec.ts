import { describe, expect, it } from 'vitest';
import { cameraPadding } from './camera';

describe('cameraPadding', () => {
	it('keeps room beside a tall legend', () => {
		const p = cameraPadding({ width: 1000, height: 700 }, { width: 200, height: 400 });
		expect(p.left).toBe(212);
		expect(p.bottom).toBe(34);
	});

	it('keeps room above a wide, low legend', () => {
		const p = cameraPadding({ width: 1000, height: 700 }, { width: 300, height: 60 });
		expect(p.bottom).toBe(72);
		expect(p.left).toBe(20);
	});

	it('never gives the legend more than a third of the map', () => {
		const p = cameraPadding({ width: 390, height: 600 }, { width: 280, height: 500 });
		expect(p.left).toBeLessThanOrEqual(130);
		expect(p.bottom).toBeLessThanOrEqual(200);
	});

	it('leaves only the edges when there is no legend or no map yet', () => {
		expect(cameraPadding({ width: 1000, height: 700 }, { width: 0, height: 0 })).toEqual({ top: 52, right: 56, bottom: 34, left: 20 });
		expect(cameraPadding({ width: 0, height: 0 }, { width: 200, height: 200 })).toEqual({ top: 52, right: 56, bottom: 34, left: 20 });
	});
});
