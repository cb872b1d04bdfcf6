import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as investments from '$lib/server/db/investments';
import { parseQuery } from '$lib/server/http';
import { registerQuery } from '$lib/server/schemas';
import { labelled, labelledFeatures } from '$lib/server/register-api';

/** The investments of a gemeente (optionally those running in [from, to], touching a buurt); JSON or GeoJSON. */
export async function GET({ url }) {
	const query = parseQuery(url, registerQuery);
	if (!query.ok) return query.response;
	const { gemeente, from, to, buurt, format } = query.data;
	const options = { gemeentecode: gemeente, from, to, buurtcode: buurt };
	const db = await getDb();
	if (format === 'geojson') return json(labelledFeatures(await investments.features(db, options)));
	return json((await investments.list(db, options)).map(labelled));
}
