import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import { latestYear } from '$lib/server/monitor';
import { apiError, parseQuery } from '$lib/server/http';
import { indicatorCode, indicatorValuesQuery } from '$lib/server/schemas';

/** One indicator for every area of a level of a gemeente in a year (default: the latest). */
export async function GET({ params, url }) {
	const code = indicatorCode.safeParse(params.code);
	if (!code.success) return apiError(400, `Ongeldige indicator "${params.code}": ${code.error.issues[0].message}`);
	const query = parseQuery(url, indicatorValuesQuery);
	if (!query.ok) return query.response;
	const db = await getDb();
	const year = query.data.year ?? (await latestYear(db, query.data.gemeente));
	if (year === null) return apiError(404, `Geen monitorgegevens voor gemeente ${query.data.gemeente}`);
	const result = await indicators.indicatorValues(db, { ...query.data, year, indicator: code.data });
	if (!result) return apiError(404, `Indicator ${code.data} bestaat niet`);
	return json(result);
}
