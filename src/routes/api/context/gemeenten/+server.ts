import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';

/** Outlines of all Dutch gemeenten (the context layer), GeoJSON in WGS84. */
export async function GET() {
	return json(await areas.listContextGemeenten(await getDb()), {
		headers: { 'cache-control': 'public, max-age=3600' }
	});
}
