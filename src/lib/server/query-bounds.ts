// Bounds on the query string of every request, checked in the hook before any route reads it: the length of the
// whole, the number of parameters, the length of each value, and the number of items of the list-valued ones
// (`lagen=programmas,signalen`, `grenzen=10,20,30`, `gewichten=sociaal:2,…`, `vergelijk=BU…,BU…`). The readers of
// the map's URL state are lenient (an unknown value falls back to the default); these bounds make an absurd URL a
// 400 that names the parameter instead of work, on every route alike.

/** The whole query string, in characters (a return path `terug=` holds a full map URL, so not too tight). */
export const MAX_QUERY_LENGTH = 4000;
/** Parameters in one query string. */
export const MAX_PARAMETERS = 40;
/** One value, unless listed below. */
export const MAX_VALUE_LENGTH = 1000;

/** Dates, years and quarters of a period: `2026-01-01`, `2026`, `2026-K1`. */
const PERIOD_PARAMETERS = ['van', 'tot', 'from', 'to', 'tijd', 'jaar', 'sinds', 'year'];
const MAX_PERIOD_LENGTH = 16;

/** Comma-separated lists and the most items each may have (far above what the app itself ever writes). */
export const LIST_LIMITS: Record<string, number> = {
	lagen: 10,
	grenzen: 20,
	gewichten: 20,
	weights: 20,
	vergelijk: 10
};

/** What is wrong with the query string, in Dutch, naming the parameter; null when it is within bounds. */
export function queryProblem(url: URL): string | null {
	const raw = url.search.replace(/^\?/, '');
	if (raw.length > MAX_QUERY_LENGTH) return `De zoekparameters zijn te lang (${raw.length} tekens; hoogstens ${MAX_QUERY_LENGTH})`;
	let count = 0;
	for (const [name, value] of url.searchParams) {
		if (++count > MAX_PARAMETERS) return `Te veel zoekparameters (hoogstens ${MAX_PARAMETERS})`;
		const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
		if (name.length > 64) return `Parameter ${shown} heeft een te lange naam`;
		const maxLength = PERIOD_PARAMETERS.includes(name) ? MAX_PERIOD_LENGTH : MAX_VALUE_LENGTH;
		if (value.length > maxLength) return `Parameter ${shown} is te lang (${value.length} tekens; hoogstens ${maxLength})`;
		const maxItems = Object.hasOwn(LIST_LIMITS, name) ? LIST_LIMITS[name] : undefined;
		if (maxItems !== undefined) {
			const items = value.split(',').length;
			if (items > maxItems) return `Parameter ${shown} heeft te veel onderdelen (${items}; hoogstens ${maxItems})`;
		}
	}
	return null;
}
