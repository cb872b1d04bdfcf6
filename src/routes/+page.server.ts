import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as indicators from '$lib/server/db/indicators';
import { areaProfile, themeData } from '$lib/server/monitor';
import { wijkbudgetIndicator } from '$lib/server/wijkbudgetten';
import { registerForMap } from '$lib/server/register-map';
import { cachedByVersion } from '$lib/server/view-cache';
import { clientOf, mapPageWork } from '$lib/server/work-limit';
import { readViewState, shownLevel } from '$lib/domain/view-state';
import { readThemeState } from '$lib/domain/theme-state';
import { DEFAULT_WEIGHTS, WeightsError, parseWeights } from '$lib/domain/urgency';

export async function load({ url, locals, request, platform }) {
	// Bounded (work-limit.ts): a few at a time, and a load whose reader has gone away leaves the queue unrun.
	return mapPageWork.run(clientOf(request, platform), () => mapPage(url, locals.user));
}

async function mapPage(url: URL, user: App.Locals['user']) {
	const db = await getDb();
	// The theme and the area card depend on the figures and the areas only (not on the user or the register):
	// computed once per view and data version, shared by every reader (view-cache.ts).
	const cachedView = <Q, T>(kind: string, query: Q, compute: (query: Q) => Promise<T>) =>
		cachedByVersion(db, `${kind}:${JSON.stringify(query)}`, () => compute(query));
	const gemeenten = await areas.listGemeenten(db);
	const state = readViewState(url.searchParams, gemeenten.map((g) => g.code));
	const theme = readThemeState(url.searchParams);
	const gemeente = gemeenten.find((g) => g.code === state.gemeente) ?? null;

	// Independent reads run side by side; what needs the level or the theme's year waits for just that.
	const [gemeenteDetail, selectedArea, catalogue, years] = await Promise.all([
		gemeente ? areas.get(db, gemeente.code) : null,
		state.gebied ? areas.get(db, state.gebied) : null,
		indicators.listCatalogue(db),
		gemeente ? indicators.years(db, gemeente.code) : Promise.resolve([] as number[])
	]);
	const selected = state.gebied ? selectedArea : gemeenteDetail;
	const notFound = state.gebied && !selected ? state.gebied : null;
	const current = selected ?? gemeenteDetail;
	const level = shownLevel(state, current?.level ?? 'gemeente', gemeente?.hasStadsdelen ?? false);

	let weights = DEFAULT_WEIGHTS;
	let weightsError: string | null = null;
	try {
		weights = parseWeights(theme.gewichten);
	} catch (error) {
		if (!(error instanceof WeightsError)) throw error;
		weightsError = error.message;
	}
	// The wijkbudget per inhabitant is offered as one more (context) theme next to the monitor's indicators.
	const budgetTheme = gemeente && catalogue.length ? await wijkbudgetIndicator(db, gemeente.code) : null;
	if (budgetTheme) catalogue.push(budgetTheme);
	const monitorPromise =
		gemeente && theme.thema && catalogue.length
			? cachedView('theme', { gemeente: gemeente.code, level, ...theme, thema: theme.thema, year: theme.jaar, weights }, (q) => themeData(db, q))
			: Promise.resolve(null);
	// The area card shows the year the map shows: it waits for the theme only when the URL names no year.
	const profilePromise =
		current && catalogue.length
			? (theme.jaar || !theme.thema ? Promise.resolve(theme.jaar) : monitorPromise.then((m) => m?.year ?? null)).then((year) =>
					cachedView('profile', { code: current.code, year: year ?? undefined, weights }, (q) => areaProfile(db, q.code, q))
				)
			: Promise.resolve(null);
	// The register of the gemeente (signals only for staff), and the buurten of the selected area it is listed for.
	// Which overlays and quarter are shown (lagen, tijd, grootte) is read in the page, not here: SvelteKit reruns a
	// load only for the search parameters it read, so moving the time control needs no round trip.
	const [shown, monitor, profile, registerData] = await Promise.all([
		gemeente ? areas.listRefs(db, gemeente.code, level) : Promise.resolve([]),
		monitorPromise,
		profilePromise,
		gemeente ? registerForMap(db, gemeente.code, current, user) : Promise.resolve(null)
	]);

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
