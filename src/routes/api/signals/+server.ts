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
	requireSignals(locals.user);
	const { gemeente, from, to, buurt, format } = parseQuery(url, registerQuery);
	requireSignals(locals.user, gemeente);
	const options = { gemeentecode: gemeente, from, to, buurtcode: buurt };
	const db = await getDb();
	if (format === 'geojson') return json(labelledFeatures(await signals.features(db, options)));
	return json((await signals.list(db, options)).map(labelled));
}

/** Records a signal (editors of its gemeente, admins); the author is the signed-in user. */
export async function POST({ request, locals }) {
	requireSignals(locals.user);
	const body = await parseBody(request, signalInputSchema);
	const db = await getDb();
	const created = await db.transaction(async (tx) => {
		const place = await locate(tx, body);
		const user = requireWrite(locals.user, 'signal', { gemeentecode: place.gemeentecode });
		return signals.create(tx, actorOf(user), place.gemeentecode, { ...body, buurtcode: place.buurtcode });
	});
	return json(labelled(created), { status: 201 });
}
