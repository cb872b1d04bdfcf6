import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as signals from '$lib/server/db/signals';
import { requireSignals, requireWrite } from '$lib/server/auth/guard';
import { parseQuery } from '$lib/server/http';
import { registerQuery } from '$lib/server/schemas';
import { signalInputSchema } from '$lib/domain/register';
import { actorOf, labelled, labelledFeatures, locate, parseBody } from '$lib/server/register-api';

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

/** Records a signal (editors of its gemeente, admins); the author is the signed-in user. */
export async function POST({ request, locals }) {
	const staff = requireSignals(locals.user);
	if (!staff.ok) return staff.response;
	const body = await parseBody(request, signalInputSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const place = await locate(tx, body.data);
		if (!place.ok) return place.response;
		const guard = requireWrite(locals.user, 'signal', { gemeentecode: place.gemeentecode });
		if (!guard.ok) return guard.response;
		return signals.create(tx, actorOf(guard.user), place.gemeentecode, { ...body.data, buurtcode: place.buurtcode });
	});
	if (result instanceof Response) return result;
	return json(labelled(result), { status: 201 });
}
