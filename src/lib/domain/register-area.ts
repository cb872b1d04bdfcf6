// Which programmes, investments and signals touch an area, and which of them run in the chosen quarter:
// what the area card lists and the legend counts. A buurt is touched when an item lies in it; a wijk,
// stadsdeel or gemeente when an item lies in any of its buurten.
import type { Investment, Programme, Quarter, Signal } from './register';
import { runsIn } from './register-time';

/**
 * The buurtcodes of an area; null for a gemeente, which holds everything of that gemeente (also what is not
 * drawn yet, such as a focus area without outline).
 */
export type AreaBuurten = readonly string[] | null;

export function touchesArea(itemBuurtcodes: readonly string[], area: AreaBuurten): boolean {
	if (area === null) return true;
	return itemBuurtcodes.some((code) => area.includes(code));
}

type ProgrammeLike = Pick<Programme, 'touchedBuurtcodes' | 'startDate' | 'endDate' | 'name'>;
type InvestmentLike = Pick<Investment, 'buurtcodes' | 'startDate' | 'endDate' | 'projectName'>;
type SignalLike = Pick<Signal, 'buurtcodes' | 'observedOn'>;

const byStartThenName = <T>(start: (x: T) => string | null, name: (x: T) => string) => (a: T, b: T) => {
	const sa = start(a) ?? '';
	const sb = start(b) ?? '';
	return sa === sb ? name(a).localeCompare(name(b), 'nl') : sa < sb ? -1 : 1;
};

export function programmesInArea<P extends ProgrammeLike>(items: readonly P[], area: AreaBuurten): P[] {
	return items
		.filter((p) => touchesArea(p.touchedBuurtcodes, area))
		.sort(byStartThenName((p) => p.startDate, (p) => p.name));
}

export function investmentsInArea<I extends InvestmentLike>(items: readonly I[], area: AreaBuurten): I[] {
	return items
		.filter((i) => touchesArea(i.buurtcodes, area))
		.sort(byStartThenName((i) => i.startDate, (i) => i.projectName));
}

export function signalsInArea<S extends SignalLike>(items: readonly S[], area: AreaBuurten): S[] {
	return items.filter((s) => touchesArea(s.buurtcodes, area)).sort((a, b) => (a.observedOn < b.observedOn ? 1 : -1));
}

export const programmeRuns = (p: Pick<Programme, 'startDate' | 'endDate'>, quarter: Quarter | null) =>
	runsIn({ start: p.startDate, end: p.endDate }, quarter);
export const investmentRuns = (i: Pick<Investment, 'startDate' | 'endDate'>, quarter: Quarter | null) =>
	runsIn({ start: i.startDate, end: i.endDate }, quarter);
/** A signal belongs to the quarter it was observed in. */
export const signalRuns = (s: Pick<Signal, 'observedOn'>, quarter: Quarter | null) =>
	runsIn({ start: s.observedOn, end: s.observedOn }, quarter);
