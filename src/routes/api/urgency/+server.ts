import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { latestYear, urgencyRanking } from '$lib/server/monitor';
import { parseQuery } from '$lib/server/http';
import { urgencyQuery } from '$lib/server/schemas';
import { SYNTHETIC_LABEL } from '$lib/domain/monitor';

/** The areas of a level ranked by urgency under the given domain weights, each with its explanation. */
export async function GET({ url }) {
	const query = parseQuery(url, urgencyQuery);
	const db = await getDb();
	const year = query.year ?? (await latestYear(db, query.gemeente));
	if (year === null) error(404, `Geen monitorgegevens voor gemeente ${query.gemeente}`);
	const ranking = await urgencyRanking(db, { ...query, year });
	const label = ranking.synthetic ? { synthetic: true, label: SYNTHETIC_LABEL } : { synthetic: false };
	// Which parts of the score are real (RIVM health) and which demodata, and the wave used for health.
	const provenance = { source: ranking.provenance.source, mixed: ranking.provenance.mixed, wave: ranking.wave, ...(ranking.provenance.note ? { note: ranking.provenance.note } : {}) };
	return json(ranking.areas.map((area) => ({ ...area, year, ...label, provenance })));
}
