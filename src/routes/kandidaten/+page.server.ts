import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as assessments from '$lib/server/db/area-assessments';
import { areaProfile } from '$lib/server/monitor';
import { NoAnalysis, candidateData } from '$lib/server/koppelkansen';
import { readKandidatenState } from '$lib/domain/analysis-state';
import { DEFAULT_WEIGHTS } from '$lib/domain/urgency';
import { canWrite } from '$lib/domain/roles';
import type { AreaAssessment } from '$lib/domain/area-assessment';

/**
 * What the candidate ranking needs of every area (signals only for staff: for anyone else they are not read at
 * all), the stored assessments, and the cards of the areas being compared. The ranking itself is pure and is
 * computed again in the browser as the weights change.
 */
export async function load({ url, locals }) {
	const db = await getDb();
	const gemeenten = await areas.listGemeenten(db);
	const state = readKandidatenState(url.searchParams, gemeenten.map((g) => g.code));
	const gemeente = gemeenten.find((g) => g.code === state.gemeente) ?? null;
	if (state.laag === 'stadsdeel' && !gemeente?.hasStadsdelen) {
		state.notes.push(`${gemeente?.name ?? state.gemeente} heeft (nog) geen stadsdelen; u ziet de buurten.`);
		state.laag = 'buurt';
	}
	let data = null;
	let problem: string | null = null;
	if (gemeente) {
		try {
			data = await candidateData(db, { gemeente: gemeente.code, level: state.laag, from: state.van, to: state.tot, user: locals.user });
		} catch (error) {
			if (!(error instanceof NoAnalysis)) throw error;
			problem = error.message;
		}
	}
	const stored: Record<string, AreaAssessment> = gemeente ? Object.fromEntries(await assessments.listForGemeente(db, gemeente.code)) : {};
	const known = new Set(data?.inputs.map((i) => i.code) ?? []);
	const compared = [];
	for (const code of state.vergelijk.filter((c) => known.has(c))) {
		const profile = await areaProfile(db, code, { weights: DEFAULT_WEIGHTS });
		const facts = data!.facts.get(code)!;
		if (profile) compared.push({ code, profile, programmes: facts.programmes, investments: facts.investments, signals: facts.signals });
	}
	return {
		gemeenten,
		gemeente,
		state,
		problem,
		candidates: data && {
			inputs: data.inputs,
			context: data.context,
			year: data.year,
			synthetic: data.synthetic,
			undrawn: data.undrawn
		},
		assessments: stored,
		compared,
		canEdit: !!gemeente && canWrite(locals.user, 'area_assessment', { gemeentecode: gemeente.code })
	};
}
