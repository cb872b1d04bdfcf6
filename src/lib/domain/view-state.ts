// What the URL says about the view: which gemeente, which area is selected and which level the map
// shows. A copied link reopens the same view. Parameter names are Dutch because users see them.
import { type AreaLevel, GEMEENTE_CODE, LEVELS, childLevel, gemeenteOfCode, isAreaCode } from './areas';

export interface ViewState {
	gemeente: string;
	/** The selected area, or null for the whole gemeente. */
	gebied: string | null;
	/** The level drawn on the map; null means "one level below the selection". */
	laag: Exclude<AreaLevel, 'gemeente'> | null;
	/** Where the user moved the map to; null means "fit the selection". */
	kaart?: Camera | null;
}

export interface Camera {
	zoom: number;
	lat: number;
	lng: number;
}

/** `kaart=13.2/52.2671/6.8123`: zoom/lat/lng, as web maps usually write it. */
export function readCamera(value: string | null): Camera | null {
	const match = value?.match(/^(\d{1,2}(?:\.\d+)?)\/(-?\d{1,2}(?:\.\d+)?)\/(-?\d{1,3}(?:\.\d+)?)$/);
	if (!match) return null;
	const [zoom, lat, lng] = match.slice(1).map(Number);
	if (zoom > 22 || Math.abs(lat) > 85 || Math.abs(lng) > 180) return null;
	return { zoom, lat, lng };
}

export function formatCamera(camera: Camera): string {
	return `${camera.zoom.toFixed(2)}/${camera.lat.toFixed(5)}/${camera.lng.toFixed(5)}`;
}

export const DEFAULT_GEMEENTE = 'GM0164';

const MAP_LEVELS = LEVELS.filter((l) => l !== 'gemeente') as Exclude<AreaLevel, 'gemeente'>[];

/** Reads the view from a URL, forgiving what it cannot use (an unusable value is dropped, not an error). */
export function readViewState(params: URLSearchParams, known: string[] = []): ViewState {
	const gebiedParam = params.get('gebied');
	const gebied = gebiedParam && isAreaCode(gebiedParam) ? gebiedParam : null;
	const gemeenteParam = params.get('gemeente');
	const fromGebied = gebied ? gemeenteOfCode(gebied) : null;
	let gemeente = fromGebied ?? (gemeenteParam && GEMEENTE_CODE.test(gemeenteParam) ? gemeenteParam : null);
	if (!gemeente || (known.length && !known.includes(gemeente))) {
		gemeente = known.includes(DEFAULT_GEMEENTE) || known.length === 0 ? DEFAULT_GEMEENTE : known[0];
	}
	const laagParam = params.get('laag');
	const laag = MAP_LEVELS.find((l) => l === laagParam) ?? null;
	return {
		gemeente,
		gebied: gebied && gemeenteOfCode(gebied) === gemeente ? gebied : null,
		laag,
		kaart: readCamera(params.get('kaart'))
	};
}

/** The query string for a view; the default level is left out so links stay short. */
export function viewStateSearch(state: ViewState): string {
	const params = new URLSearchParams({ gemeente: state.gemeente });
	if (state.gebied && state.gebied !== state.gemeente) params.set('gebied', state.gebied);
	if (state.laag) params.set('laag', state.laag);
	if (state.kaart) params.set('kaart', formatCamera(state.kaart));
	// A slash is fine in a query string and keeps the camera readable.
	return `?${params.toString().replaceAll('%2F', '/')}`;
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
