import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as signals from '$lib/server/db/signals';
import { requireSignals } from '$lib/server/auth/guard';
import { parseQuery } from '$lib/server/http';
import { registerQuery } from '$lib/server/schemas';
import { labelled, labelledFeatures } from '$lib/server/register-api';

/** The signals of a gemeente, for signed-in staff only; JSON or GeoJSON. */
export async function GET({ url, locals }) {
	const guard = requireSignals(locals.user);
	if (!guard.ok) return guard.response;
	const query = parseQuery(url, registerQuery);
	if (!query.ok) return query.response;
	const { gemeente, from, to, buurt, format } = query.data;
	const options = { gemeentecode: gemeente, from, to, buurtcode: buurt };
	const db = await getDb();
	if (format === 'geojson') return json(labelledFeatures(await signals.features(db, options)));
	return json((await signals.list(db, options)).map(labelled));
}
