// Time in the register: the quarters the time control steps through (2020–2032), whether an item runs in
// a quarter, and where its bar lies on the 2020–2032 axis of a timeline. Pure, for the map, the legend
// counts, the lists and the timeline alike, so that they always agree.
import { FIRST_YEAR, LAST_YEAR, allQuarters, overlaps, quarterRange, type Quarter } from './register';

export const QUARTERS: readonly Quarter[] = allQuarters();
export const QUARTER_COUNT = QUARTERS.length;

/** 0 for K1 2020 … 51 for K4 2032. */
export function quarterIndex(quarter: Quarter): number {
	return (quarter.year - FIRST_YEAR) * 4 + (quarter.q - 1);
}

/** The quarter at an index, kept within 2020–2032. */
export function quarterAt(index: number): Quarter {
	return QUARTERS[Math.min(QUARTER_COUNT - 1, Math.max(0, Math.round(index)))];
}

/** The quarter `delta` steps away, or null past either end of the time control. */
export function stepQuarter(quarter: Quarter, delta: number): Quarter | null {
	const index = quarterIndex(quarter) + delta;
	return index < 0 || index >= QUARTER_COUNT ? null : QUARTERS[index];
}

/** The quarter a date falls in, kept within 2020–2032 (the time control starts "today" where it can). */
export function quarterOf(date: Date): Quarter {
	const year = date.getFullYear();
	if (year < FIRST_YEAR) return QUARTERS[0];
	if (year > LAST_YEAR) return QUARTERS[QUARTER_COUNT - 1];
	return { year, q: (Math.floor(date.getMonth() / 3) + 1) as Quarter['q'] };
}

export interface Period {
	/** ISO dates; null is open: it ran before anyone recorded (start) or runs on (end). */
	start: string | null;
	end: string | null;
}

/** Whether something runs (partly) in the quarter; every item runs in "alle perioden" (null). */
export function runsIn(period: Period, quarter: Quarter | null): boolean {
	if (!quarter) return true;
	const { from, to } = quarterRange(quarter);
	return overlaps(period.start, period.end, from, to);
}

// ---------------------------------------------------------------------------------------------------------
// The timeline's axis: 1 January 2020 to 31 December 2032, positions as fractions 0..1.

export const AXIS_FROM = `${FIRST_YEAR}-01-01`;
export const AXIS_TO = `${LAST_YEAR}-12-31`;

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const AXIS_START_DAY = day(AXIS_FROM);
// The end of the axis is the end of its last day.
const AXIS_DAYS = day(AXIS_TO) + 1 - AXIS_START_DAY;

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** Where the start of a day lies on the axis (0 = 1 January 2020, 1 = the end of 31 December 2032). */
export function axisPosition(iso: string, endOfDay = false): number {
	return clamp((day(iso) + (endOfDay ? 1 : 0) - AXIS_START_DAY) / AXIS_DAYS);
}

export interface TimelineBar {
	/** Fractions of the axis. */
	from: number;
	to: number;
	/** No start or end recorded: the bar runs to the edge of the axis. */
	openStart: boolean;
	openEnd: boolean;
	/** It starts before 2020 or ends after 2032: the bar is cut at the edge. */
	cutStart: boolean;
	cutEnd: boolean;
	/** Wholly before 2020 or after 2032: nothing to draw. */
	outside: boolean;
}

export function timelineBar(period: Period): TimelineBar {
	const openStart = period.start === null;
	const openEnd = period.end === null;
	const outside = (!!period.end && period.end < AXIS_FROM) || (!!period.start && period.start > AXIS_TO);
	return {
		from: openStart ? 0 : axisPosition(period.start!),
		to: openEnd ? 1 : axisPosition(period.end!, true),
		openStart,
		openEnd,
		cutStart: !openStart && period.start! < AXIS_FROM,
		cutEnd: !openEnd && period.end! > AXIS_TO,
		outside
	};
}

/** The band of a quarter on the axis. */
export function quarterSpan(quarter: Quarter): { from: number; to: number } {
	const { from, to } = quarterRange(quarter);
	return { from: axisPosition(from), to: axisPosition(to, true) };
}

/** The start of every year on the axis, for its ticks. */
export function yearTicks(): { year: number; at: number }[] {
	const ticks = [];
	for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) ticks.push({ year, at: axisPosition(`${year}-01-01`) });
	return ticks;
}
