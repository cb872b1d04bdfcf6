import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as indicators from '$lib/server/db/indicators';
import { areaProfile, themeData } from '$lib/server/monitor';
import { wijkbudgetIndicator } from '$lib/server/wijkbudgetten';
import { registerForMap } from '$lib/server/register-map';
import { readViewState, shownLevel } from '$lib/domain/view-state';
import { readThemeState } from '$lib/domain/theme-state';
import { DEFAULT_WEIGHTS, WeightsError, parseWeights } from '$lib/domain/urgency';

export async function load({ url, locals }) {
	const db = await getDb();
	const gemeenten = await areas.listGemeenten(db);
	const state = readViewState(url.searchParams, gemeenten.map((g) => g.code));
	const theme = readThemeState(url.searchParams);
	const gemeente = gemeenten.find((g) => g.code === state.gemeente) ?? null;

	const gemeenteDetail = gemeente ? await areas.get(db, gemeente.code) : null;
	const selected = state.gebied ? await areas.get(db, state.gebied) : gemeenteDetail;
	const notFound = state.gebied && !selected ? state.gebied : null;
	const current = selected ?? gemeenteDetail;
	const level = shownLevel(state, current?.level ?? 'gemeente', gemeente?.hasStadsdelen ?? false);
	const shown = gemeente ? await areas.listRefs(db, gemeente.code, level) : [];

	let weights = DEFAULT_WEIGHTS;
	let weightsError: string | null = null;
	try {
		weights = parseWeights(theme.gewichten);
	} catch (error) {
		if (!(error instanceof WeightsError)) throw error;
		weightsError = error.message;
	}
	const catalogue = await indicators.listCatalogue(db);
	// The wijkbudget per inhabitant is offered as one more (context) theme next to the monitor's indicators.
	const budgetTheme = gemeente && catalogue.length ? await wijkbudgetIndicator(db, gemeente.code) : null;
	if (budgetTheme) catalogue.push(budgetTheme);
	const years = gemeente ? await indicators.years(db, gemeente.code) : [];
	const monitor =
		gemeente && theme.thema && catalogue.length
			? await themeData(db, { gemeente: gemeente.code, level, ...theme, thema: theme.thema, year: theme.jaar, weights })
			: null;
	const profile =
		current && catalogue.length ? await areaProfile(db, current.code, { year: monitor?.year ?? theme.jaar ?? undefined, weights }) : null;
	// The register of the gemeente (signals only for staff), and the buurten of the selected area it is listed for.
	// Which overlays and quarter are shown (lagen, tijd, grootte) is read in the page, not here: SvelteKit reruns a
	// load only for the search parameters it read, so moving the time control needs no round trip.
	const registerData = gemeente ? await registerForMap(db, gemeente.code, current, locals.user) : null;

	return {
		gemeenten,
		gemeente,
		state,
		theme,
		selected: current,
		level,
		shown,
		notFound,
		catalogue,
		years,
		weights,
		weightsError,
		monitor,
		profile,
		registerData
	};
}
