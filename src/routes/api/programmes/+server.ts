import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as programmes from '$lib/server/db/programmes';
import { requireWrite } from '$lib/server/auth/guard';
import { parseQuery } from '$lib/server/http';
import { registerQuery } from '$lib/server/schemas';
import { programmeInputSchema } from '$lib/domain/register';
import { actorOf, labelled, labelledFeatures, parseBody, requireEditing, validationError } from '$lib/server/register-api';

/** The programmes of a gemeente (optionally those running in [from, to], touching a buurt); JSON or GeoJSON. */
export async function GET({ url }) {
	const { gemeente, from, to, buurt, format } = parseQuery(url, registerQuery);
	const options = { gemeentecode: gemeente, from, to, buurtcode: buurt };
	const db = await getDb();
	if (format === 'geojson') return json(labelledFeatures(await programmes.features(db, options)));
	return json((await programmes.list(db, options)).map(labelled));
}

/** Creates a programme (editors of its gemeente, admins). */
export async function POST({ request, locals }) {
	requireEditing(locals.user);
	const input = await parseBody(request, programmeInputSchema);
	const user = requireWrite(locals.user, 'programme', { gemeentecode: input.gemeentecode });
	const db = await getDb();
	const created = await db.transaction(async (tx) => {
		const foreign = await programmes.foreignBuurtcodes(tx, input.gemeentecode, input.buurtcodes);
		if (foreign.length) validationError([{ field: 'buurtcodes', message: `geen buurt van ${input.gemeentecode}: ${foreign.join(', ')}` }]);
		return programmes.create(tx, actorOf(user), input);
	});
	return json(labelled(created), { status: 201 });
}
