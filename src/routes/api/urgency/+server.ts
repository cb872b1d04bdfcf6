import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { latestYear, urgencyRanking } from '$lib/server/monitor';
import { apiError, parseQuery } from '$lib/server/http';
import { urgencyQuery } from '$lib/server/schemas';
import { SYNTHETIC_LABEL } from '$lib/domain/monitor';

/** The areas of a level ranked by urgency under the given domain weights, each with its explanation. */
export async function GET({ url }) {
	const query = parseQuery(url, urgencyQuery);
	if (!query.ok) return query.response;
	const db = await getDb();
	const year = query.data.year ?? (await latestYear(db, query.data.gemeente));
	if (year === null) return apiError(404, `Geen monitorgegevens voor gemeente ${query.data.gemeente}`);
	const ranking = await urgencyRanking(db, { ...query.data, year });
	const label = ranking.synthetic ? { synthetic: true, label: SYNTHETIC_LABEL } : { synthetic: false };
	// Which parts of the score are real (RIVM health) and which demodata, and the wave used for health.
	const provenance = { source: ranking.provenance.source, mixed: ranking.provenance.mixed, wave: ranking.wave, ...(ranking.provenance.note ? { note: ranking.provenance.note } : {}) };
	return json(ranking.areas.map((area) => ({ ...area, year, ...label, provenance })));
}
