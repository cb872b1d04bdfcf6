import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import { latestYear } from '$lib/server/monitor';
import { parseQuery } from '$lib/server/http';
import { indicatorValuesQuery } from '$lib/server/schemas';

/** One indicator for every area of a level of a gemeente in a year (default: the latest). */
export async function GET({ params, url }) {
	const query = parseQuery(url, indicatorValuesQuery);
	const db = await getDb();
	const year = query.year ?? (await latestYear(db, query.gemeente));
	if (year === null) error(404, `Geen monitorgegevens voor gemeente ${query.gemeente}`);
	const result = await indicators.indicatorValues(db, { ...query, year, indicator: params.code });
	return json(result ?? error(404, `Indicator ${params.code} bestaat niet`));
}
