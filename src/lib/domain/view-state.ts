// What the URL says about the view: which gemeente, which area is selected and which level the map
// shows. A copied link reopens the same view. Parameter names are Dutch because users see them.
import { LEVELS, childLevel, gemeenteOfCode, isAreaCode, type AreaLevel } from './areas';

export interface ViewState {
	gemeente: string;
	/** The selected area, or null for the whole gemeente. */
	gebied: string | null;
	/** The level drawn on the map; null means "one level below the selection". */
	laag: Exclude<AreaLevel, 'gemeente'> | null;
}

export const DEFAULT_GEMEENTE = 'GM0164';

const MAP_LEVELS = LEVELS.filter((l) => l !== 'gemeente') as Exclude<AreaLevel, 'gemeente'>[];

/** Reads the view from a URL, forgiving what it cannot use (an unusable value is dropped, not an error). */
export function readViewState(params: URLSearchParams, known: string[] = []): ViewState {
	const gebiedParam = params.get('gebied');
	const gebied = gebiedParam && isAreaCode(gebiedParam) ? gebiedParam : null;
	const gemeenteParam = params.get('gemeente');
	const fromGebied = gebied ? gemeenteOfCode(gebied) : null;
	let gemeente = fromGebied ?? (gemeenteParam && /^GM\d{4}$/.test(gemeenteParam) ? gemeenteParam : null);
	if (!gemeente || (known.length && !known.includes(gemeente))) {
		gemeente = known.includes(DEFAULT_GEMEENTE) || known.length === 0 ? DEFAULT_GEMEENTE : known[0];
	}
	const laagParam = params.get('laag');
	const laag = MAP_LEVELS.find((l) => l === laagParam) ?? null;
	return { gemeente, gebied: gebied && gemeenteOfCode(gebied) === gemeente ? gebied : null, laag };
}

/** The query string for a view; the default level is left out so links stay short. */
export function viewStateSearch(state: ViewState): string {
	const params = new URLSearchParams({ gemeente: state.gemeente });
	if (state.gebied && state.gebied !== state.gemeente) params.set('gebied', state.gebied);
	if (state.laag) params.set('laag', state.laag);
	return `?${params}`;
}

/**
 * The level the map draws: the one the URL asks for, else the level below the selection. A gemeente
 * without stadsdelen cannot show them.
 */
export function shownLevel(
	state: ViewState,
	selectedLevel: AreaLevel,
	hasStadsdelen: boolean
): Exclude<AreaLevel, 'gemeente'> {
	if (state.laag && (state.laag !== 'stadsdeel' || hasStadsdelen)) return state.laag;
	return childLevel(selectedLevel, hasStadsdelen) as Exclude<AreaLevel, 'gemeente'>;
}
