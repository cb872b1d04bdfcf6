import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { apiError, parseQuery } from '$lib/server/http';
import { areasQuery } from '$lib/server/schemas';

/** The areas of one level of a gemeente as a GeoJSON FeatureCollection in WGS84. */
export async function GET({ url }) {
	const query = parseQuery(url, areasQuery);
	if (!query.ok) return query.response;
	const { gemeente, level } = query.data;
	const collection = await areas.listFeatures(await getDb(), gemeente, level);
	if (!collection) return apiError(404, `Geen buurten geladen voor gemeente ${gemeente}`);
	return json(collection, { headers: { 'cache-control': 'no-cache' } });
}
