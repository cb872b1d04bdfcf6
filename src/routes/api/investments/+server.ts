import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as investments from '$lib/server/db/investments';
import { requireWrite } from '$lib/server/auth/guard';
import { parseQuery } from '$lib/server/http';
import { registerQuery } from '$lib/server/schemas';
import { investmentInputSchema } from '$lib/domain/register';
import { actorOf, labelled, labelledFeatures, locate, parseBody, requireEditing } from '$lib/server/register-api';

/** The investments of a gemeente (optionally those running in [from, to], touching a buurt); JSON or GeoJSON. */
export async function GET({ url }) {
	const { gemeente, from, to, buurt, format } = parseQuery(url, registerQuery);
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
	requireEditing(locals.user);
	const body = await parseBody(request, investmentInputSchema);
	const db = await getDb();
	const created = await db.transaction(async (tx) => {
		const place = await locate(tx, body);
		const input = { ...body, buurtcode: place.buurtcode };
		const user = requireWrite(locals.user, 'investment', { gemeentecode: place.gemeentecode, partner: input.partner });
		if (await investments.findByKey(tx, place.gemeentecode, input.partner, input.projectName)) {
			error(409, `${input.partner} heeft al een project "${input.projectName}" in deze gemeente`);
		}
		return investments.create(tx, actorOf(user), place.gemeentecode, input);
	});
	return json(labelled(created), { status: 201 });
}
