import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseQuery } from '$lib/server/http';
import { kandidatenQuery } from '$lib/server/schemas';
import { NoAnalysis, candidateData } from '$lib/server/koppelkansen';
import { CriterionWeightsError, rankCandidates } from '$lib/domain/kandidaten';
import { SYNTHETIC_LABEL } from '$lib/domain/monitor';

/**
 * Candidate areas for the next wijkaanpak, ranked under the given criterion weights, each with what every criterion
 * contributed and its robustness. Signals count only for signed-in staff; for anyone else they are not read.
 */
export async function GET({ url, locals }) {
	const q = parseQuery(url, kandidatenQuery);
	let data;
	try {
		data = await candidateData(await getDb(), { gemeente: q.gemeente, level: q.level, from: q.from, to: q.to, user: locals.user });
	} catch (e) {
		if (e instanceof NoAnalysis) error(404, e.message);
		throw e;
	}
	let ranked;
	try {
		ranked = rankCandidates(data.inputs, data.context, { weights: q.weights, existing: q.existing, topN: q.topN, draws: q.draws });
	} catch (e) {
		if (e instanceof CriterionWeightsError) error(400, `Ongeldige parameter weights: ${e.message}`);
		throw e;
	}
	const label = data.synthetic ? { synthetic: true, label: SYNTHETIC_LABEL } : { synthetic: false };
	return json(
		ranked.map((c) => ({
			...c,
			topN: q.topN,
			signalsIncluded: data.context.signalsVisible,
			period: data.period,
			year: data.year,
			...label
		}))
	);
}
