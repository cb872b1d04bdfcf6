import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { parseQuery } from '$lib/server/http';
import { areasQuery } from '$lib/server/schemas';

/** The areas of one level of a gemeente as a GeoJSON FeatureCollection in WGS84. */
export async function GET({ url }) {
	const { gemeente, level } = parseQuery(url, areasQuery);
	const collection = await areas.listFeatures(await getDb(), gemeente, level);
	if (!collection) error(404, `Geen buurten geladen voor gemeente ${gemeente}`);
	return json(collection, { headers: { 'cache-control': 'no-cache' } });
}
