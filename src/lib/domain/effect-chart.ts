// The geometry of the effect's trend chart, shared by the page (EffectChart.svelte, SVG) and the voortgangsrapportage
// (PDF display list): one time axis for the measurements, the programme's start and phases and the investments in the
// area (the dose), and one value axis for the area, the comparison group (mean and spread), the gemeente and the ring.
import type { TrendPoint } from './effect';

export interface ChartBox {
	width: number;
	height: number;
	/** Room for the axis labels. */
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export interface ChartInput {
	series: TrendPoint[];
	startDate: string | null;
	baselineYear: number | null;
	investments: { startDate: string; endDate: string; label: string }[];
	/** When the programme got each phase (ISO date or timestamp), as recorded. */
	phases?: { at: string; label: string }[];
}

export interface ChartGeometry {
	x: (year: number) => number;
	y: (value: number) => number;
	xTicks: number[];
	yTicks: number[];
	/** Polylines per series, gaps (missing years) splitting them. */
	lines: Record<'area' | 'comparisonMean' | 'gemeente' | 'ring', [number, number][][]>;
	/** The comparison group's spread (min–max) as a polygon. */
	band: [number, number][];
	start: number | null;
	baseline: { x: number; y: number } | null;
	investments: { x0: number; x1: number; label: string }[];
	/** Phase changes within the axis. */
	phases: { x: number; label: string }[];
}

/** A date as a fractional year: 2024-02-01 → 2024.085. */
export function yearOf(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	const start = Date.UTC(y, 0, 1);
	return y + (Date.UTC(y, m - 1, d) - start) / (Date.UTC(y + 1, 0, 1) - start);
}

function niceStep(span: number, count: number): number {
	const raw = span / Math.max(1, count);
	const power = 10 ** Math.floor(Math.log10(raw));
	return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

export function chartGeometry(input: ChartInput, box: ChartBox): ChartGeometry {
	const years = input.series.map((p) => p.year);
	const startYear = input.startDate ? yearOf(input.startDate) : null;
	const lastData = years.at(-1) ?? new Date().getUTCFullYear();
	const firstData = years[0] ?? lastData - 1;
	const x0 = Math.min(firstData, startYear !== null ? Math.floor(startYear) : firstData);
	// Investments far in the future would squeeze the measurements: the axis runs at most 4 years past the data.
	const investmentEnd = Math.max(...input.investments.map((i) => yearOf(i.endDate)), -Infinity);
	const phaseEnd = Math.max(...(input.phases ?? []).map((p) => yearOf(p.at.slice(0, 10))), -Infinity);
	const x1 = Math.max(lastData, startYear ?? lastData, Math.min(Math.max(investmentEnd, phaseEnd), lastData + 4), x0 + 1);
	const values = input.series.flatMap((p) => [p.area, p.comparisonMin, p.comparisonMax, p.comparisonMean, p.gemeente, p.ring]).filter((v): v is number => v !== null);
	let v0 = values.length ? Math.min(...values) : 0;
	let v1 = values.length ? Math.max(...values) : 1;
	if (v1 === v0) [v0, v1] = [v0 - 1, v1 + 1];
	const step = niceStep(v1 - v0, 4);
	v0 = Math.floor(v0 / step) * step;
	v1 = Math.ceil(v1 / step) * step;
	const plotW = box.width - box.left - box.right;
	const plotH = box.height - box.top - box.bottom;
	const x = (year: number) => box.left + ((year - x0) / (x1 - x0)) * plotW;
	const y = (value: number) => box.top + (1 - (value - v0) / (v1 - v0)) * plotH;
	const line = (key: keyof ChartGeometry['lines']) => {
		const parts: [number, number][][] = [];
		let current: [number, number][] = [];
		for (const p of input.series) {
			const value = p[key];
			if (value === null) {
				if (current.length) parts.push(current);
				current = [];
			} else current.push([x(p.year), y(value)]);
		}
		if (current.length) parts.push(current);
		return parts;
	};
	const spread = input.series.filter((p) => p.comparisonMin !== null && p.comparisonMax !== null);
	const band: [number, number][] = spread.length > 1
		? [...spread.map((p): [number, number] => [x(p.year), y(p.comparisonMax!)]), ...[...spread].reverse().map((p): [number, number] => [x(p.year), y(p.comparisonMin!)])]
		: [];
	const xTicks: number[] = [];
	const yearStep = Math.max(1, Math.ceil((x1 - x0) / 8));
	for (let t = Math.ceil(x0); t <= x1; t += yearStep) xTicks.push(t);
	const yTicks: number[] = [];
	for (let t = v0; t <= v1 + step / 2; t += step) yTicks.push(Number(t.toFixed(6)));
	const baselinePoint = input.baselineYear !== null ? input.series.find((p) => p.year === input.baselineYear) : undefined;
	return {
		x,
		y,
		xTicks,
		yTicks,
		lines: { area: line('area'), comparisonMean: line('comparisonMean'), gemeente: line('gemeente'), ring: line('ring') },
		band,
		start: startYear !== null && startYear <= x1 ? x(startYear) : null,
		baseline: baselinePoint && baselinePoint.area !== null ? { x: x(baselinePoint.year), y: y(baselinePoint.area) } : null,
		investments: input.investments
			.map((i) => ({ x0: x(Math.max(x0, yearOf(i.startDate))), x1: x(Math.min(x1, yearOf(i.endDate))), label: i.label }))
			.filter((i) => i.x1 > i.x0),
		phases: (input.phases ?? [])
			.map((p) => ({ year: yearOf(p.at.slice(0, 10)), label: p.label }))
			.filter((p) => p.year >= x0 && p.year <= x1)
			.map((p) => ({ x: x(p.year), label: p.label }))
	};
}

export const CHART_COLOURS = {
	area: '#1d4f91',
	comparisonMean: '#b35806',
	band: '#fdb863',
	gemeente: '#4a525c',
	ring: '#7b3294',
	investment: '#1b7837',
	start: '#a4262c',
	phase: '#4a525c'
} as const;
