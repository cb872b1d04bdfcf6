import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { areaProfile } from '$lib/server/monitor';
import { NoAnalysis, koppelkansen } from '$lib/server/koppelkansen';
import { readKoppelkansenState } from '$lib/domain/analysis-state';
import { DEFAULT_WEIGHTS } from '$lib/domain/urgency';

/** The koppelkansen of the gemeente, period, domain and kind in the URL, and the card of the selected area. */
export async function load({ url }) {
	const db = await getDb();
	const gemeenten = await areas.listGemeenten(db);
	const state = readKoppelkansenState(url.searchParams, gemeenten.map((g) => g.code));
	const gemeente = gemeenten.find((g) => g.code === state.gemeente) ?? null;
	// A gemeente without stadsdelen has no stadsdeel level to analyse.
	if (state.laag === 'stadsdeel' && !gemeente?.hasStadsdelen) {
		state.notes.push(`${gemeente?.name ?? state.gemeente} heeft (nog) geen stadsdelen; u ziet de buurten.`);
		state.laag = 'buurt';
	}
	let answer = null;
	let problem: string | null = null;
	if (gemeente) {
		try {
			answer = await koppelkansen(db, {
				gemeente: gemeente.code,
				level: state.laag,
				from: state.van,
				to: state.tot,
				domain: state.domein,
				kind: state.soort
			});
		} catch (error) {
			if (!(error instanceof NoAnalysis)) throw error;
			problem = error.message;
		}
	}
	const selected = state.gebied ? await areas.get(db, state.gebied) : null;
	const profile = selected ? await areaProfile(db, selected.code, { weights: DEFAULT_WEIGHTS }) : null;
	return { gemeenten, gemeente, state, answer, problem, selected, profile };
}
