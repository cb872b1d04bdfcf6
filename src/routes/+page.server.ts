import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { readViewState, shownLevel } from '$lib/domain/view-state';

export async function load({ url }) {
	const db = await getDb();
	const gemeenten = await areas.listGemeenten(db);
	const state = readViewState(url.searchParams, gemeenten.map((g) => g.code));
	const gemeente = gemeenten.find((g) => g.code === state.gemeente) ?? null;

	const gemeenteDetail = gemeente ? await areas.get(db, gemeente.code) : null;
	const selected = state.gebied ? await areas.get(db, state.gebied) : gemeenteDetail;
	const notFound = state.gebied && !selected ? state.gebied : null;
	const current = selected ?? gemeenteDetail;
	const level = shownLevel(state, current?.level ?? 'gemeente', gemeente?.hasStadsdelen ?? false);
	const shown = gemeente ? await areas.listRefs(db, gemeente.code, level) : [];

	return { gemeenten, gemeente, state, selected: current, level, shown, notFound };
}
