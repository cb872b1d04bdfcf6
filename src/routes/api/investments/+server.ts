import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as investments from '$lib/server/db/investments';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError, parseQuery } from '$lib/server/http';
import { registerQuery } from '$lib/server/schemas';
import { investmentInputSchema } from '$lib/domain/register';
import { actorOf, labelled, labelledFeatures, locate, parseBody, requireEditing } from '$lib/server/register-api';

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

/**
 * Creates an investment: the gemeente follows from its place (buurtcode, else the buurt its point lies in,
 * else where its outline lies); editors of that gemeente, partners for their own organisation, admins.
 */
export async function POST({ request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const body = await parseBody(request, investmentInputSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const place = await locate(tx, body.data);
		if (!place.ok) return place.response;
		const input = { ...body.data, buurtcode: place.buurtcode };
		const guard = requireWrite(locals.user, 'investment', { gemeentecode: place.gemeentecode, partner: input.partner });
		if (!guard.ok) return guard.response;
		if (await investments.findByKey(tx, place.gemeentecode, input.partner, input.projectName)) {
			return apiError(409, `${input.partner} heeft al een project "${input.projectName}" in deze gemeente`);
		}
		return investments.create(tx, actorOf(guard.user), place.gemeentecode, input);
	});
	if (result instanceof Response) return result;
	return json(labelled(result), { status: 201 });
}
