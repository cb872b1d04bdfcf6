import { describe, expect, it } from 'vitest';
import { chartGeometry, yearOf } from './effect-chart';

const point = (year: number, area: number | null) => ({ year, area, comparisonMean: 10, comparisonMin: 8, comparisonMax: 12, gemeente: 9, ring: null });
const box = { width: 120, height: 70, left: 10, right: 10, top: 5, bottom: 15 };

describe('chartGeometry', () => {
	it('puts measurements, the start, phases and investments on one time axis, with gaps where a year is missing', () => {
		const g = chartGeometry(
			{
				series: [point(2020, 11), point(2022, null), point(2024, 9)],
				startDate: '2024-02-01',
				baselineYear: 2020,
				investments: [{ startDate: '2025-01-01', endDate: '2030-12-31', label: 'Isolatie' }],
				phases: [{ at: '2025-07-02 10:00:00+00', label: 'Uitvoeren' }]
			},
			box
		);
		// The axis runs from 2020 to at most 4 years past the data (2028), so 100 units for 8 years.
		expect(g.x(2020)).toBe(10);
		expect(g.x(2028)).toBe(110);
		expect(g.start).toBeCloseTo(10 + (yearOf('2024-02-01') - 2020) * 12.5, 10);
		expect(g.lines.area).toHaveLength(2);
		expect(g.lines.ring).toEqual([]);
		expect(g.investments[0]).toMatchObject({ x0: g.x(2025), x1: 110 });
		expect(g.phases[0].x).toBeCloseTo(g.x(yearOf('2025-07-02')), 10);
		expect(g.baseline).toEqual({ x: 10, y: g.y(11) });
		// Values 8–12 round out to whole steps: the lowest tick at the bottom of the plot.
		expect(g.y(g.yTicks[0])).toBe(55);
	});
});
