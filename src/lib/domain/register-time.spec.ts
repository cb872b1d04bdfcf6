import { describe, expect, it } from 'vitest';
import {
	QUARTER_COUNT,
	axisPosition,
	quarterAt,
	quarterIndex,
	quarterOf,
	quarterSpan,
	runsIn,
	stepQuarter,
	timelineBar,
	yearTicks
} from './register-time';

describe('quarters of the time control', () => {
	it('has 52 quarters from K1 2020 to K4 2032, indexed in order', () => {
		expect(QUARTER_COUNT).toBe(52);
		expect(quarterIndex({ year: 2020, q: 1 })).toBe(0);
		expect(quarterIndex({ year: 2025, q: 3 })).toBe(22);
		expect(quarterIndex({ year: 2032, q: 4 })).toBe(51);
		expect(quarterAt(22)).toEqual({ year: 2025, q: 3 });
		expect(quarterAt(-4)).toEqual({ year: 2020, q: 1 });
		expect(quarterAt(99)).toEqual({ year: 2032, q: 4 });
	});

	it('steps across years and stops at either end', () => {
		expect(stepQuarter({ year: 2025, q: 4 }, 1)).toEqual({ year: 2026, q: 1 });
		expect(stepQuarter({ year: 2026, q: 1 }, -1)).toEqual({ year: 2025, q: 4 });
		expect(stepQuarter({ year: 2032, q: 4 }, 1)).toBeNull();
		expect(stepQuarter({ year: 2020, q: 1 }, -1)).toBeNull();
	});

	it('finds the quarter of a date, within 2020–2032', () => {
		expect(quarterOf(new Date(2025, 7, 15))).toEqual({ year: 2025, q: 3 });
		expect(quarterOf(new Date(2025, 2, 31))).toEqual({ year: 2025, q: 1 });
		expect(quarterOf(new Date(2019, 5, 1))).toEqual({ year: 2020, q: 1 });
		expect(quarterOf(new Date(2040, 0, 1))).toEqual({ year: 2032, q: 4 });
	});
});

describe('what runs in a quarter', () => {
	const k3 = { year: 2025, q: 3 } as const;

	it('counts an item that overlaps the quarter by one day at either side', () => {
		expect(runsIn({ start: '2025-09-30', end: '2026-12-31' }, k3)).toBe(true);
		expect(runsIn({ start: '2024-01-01', end: '2025-07-01' }, k3)).toBe(true);
		expect(runsIn({ start: '2025-10-01', end: '2026-12-31' }, k3)).toBe(false);
		expect(runsIn({ start: '2024-01-01', end: '2025-06-30' }, k3)).toBe(false);
	});

	it('runs on at an open side: no end runs ever after, no start ran ever before', () => {
		expect(runsIn({ start: '2024-02-01', end: null }, { year: 2032, q: 4 })).toBe(true);
		expect(runsIn({ start: '2024-02-01', end: null }, { year: 2023, q: 4 })).toBe(false);
		expect(runsIn({ start: null, end: '2024-12-31' }, { year: 2020, q: 1 })).toBe(true);
		expect(runsIn({ start: null, end: '2024-12-31' }, { year: 2025, q: 1 })).toBe(false);
		expect(runsIn({ start: null, end: null }, k3)).toBe(true);
	});

	it('lets everything run in "alle perioden"', () => {
		expect(runsIn({ start: '2010-01-01', end: '2011-01-01' }, null)).toBe(true);
	});
});

describe('the timeline axis 2020–2032', () => {
	it('puts 2020 at the left edge, the end of 2032 at the right and a year in between by its days', () => {
		expect(axisPosition('2020-01-01')).toBe(0);
		expect(axisPosition('2032-12-31', true)).toBe(1);
		// 2026 starts after six years of 13 (two of them leap years: 2020, 2024).
		expect(axisPosition('2026-01-01')).toBeCloseTo((366 * 2 + 365 * 4) / (366 * 4 + 365 * 9), 10);
		expect(axisPosition('2010-05-01')).toBe(0);
		expect(axisPosition('2040-05-01')).toBe(1);
	});

	it('draws a bar from the start to the end of its last day', () => {
		const bar = timelineBar({ start: '2024-09-01', end: '2026-12-31' });
		expect(bar.from).toBeCloseTo(axisPosition('2024-09-01'), 10);
		expect(bar.to).toBeCloseTo(axisPosition('2027-01-01'), 10);
		expect(bar).toMatchObject({ openStart: false, openEnd: false, cutStart: false, cutEnd: false, outside: false });
	});

	it('runs an open end to the edge and says so; cuts what lies beyond the axis', () => {
		expect(timelineBar({ start: '2024-02-01', end: null })).toMatchObject({ to: 1, openEnd: true, openStart: false });
		expect(timelineBar({ start: null, end: null })).toMatchObject({ from: 0, to: 1, openStart: true, openEnd: true });
		expect(timelineBar({ start: '2018-01-01', end: '2035-01-01' })).toMatchObject({ from: 0, to: 1, cutStart: true, cutEnd: true, outside: false });
		expect(timelineBar({ start: '2015-01-01', end: '2019-12-31' }).outside).toBe(true);
		expect(timelineBar({ start: '2033-01-01', end: '2034-12-31' }).outside).toBe(true);
	});

	it('marks a quarter as a band and ticks every year', () => {
		const span = quarterSpan({ year: 2025, q: 3 });
		expect(span.from).toBeCloseTo(axisPosition('2025-07-01'), 10);
		expect(span.to).toBeCloseTo(axisPosition('2025-10-01'), 10);
		const ticks = yearTicks();
		expect(ticks).toHaveLength(13);
		expect(ticks[0]).toEqual({ year: 2020, at: 0 });
		expect(ticks.at(-1)!.year).toBe(2032);
	});
});
