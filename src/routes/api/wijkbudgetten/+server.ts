import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as wijkbudgetten from '$lib/server/db/wijkbudgetten';
import { requireWrite } from '$lib/server/auth/guard';
import { parseQuery } from '$lib/server/http';
import { gemeenteCode } from '$lib/server/schemas';
import { actorOf, labelled, parseBody, requireEditing, validationError } from '$lib/server/register-api';
import { wijkbudgetInputSchema } from '$lib/domain/wijkbudgetten';

const query = z.object({
	gemeente: gemeenteCode,
	jaar: z.coerce.number().int('verwacht een jaartal').min(2000, 'verwacht een jaartal').max(2100, 'verwacht een jaartal').optional()
});

/** The wijkbudgetten of a gemeente, of one year or (without `jaar`) all years; demo rows carry their label. */
export async function GET({ url }) {
	const { gemeente, jaar } = parseQuery(url, query);
	const rows = await wijkbudgetten.list(await getDb(), gemeente, jaar);
	return json(rows.map(({ source: _source, ...row }) => labelled(row)));
}

/** Records one budget (editors of its gemeente, admins). */
export async function POST({ request, locals }) {
	requireEditing(locals.user);
	const body = await parseBody(request, wijkbudgetInputSchema);
	const user = requireWrite(locals.user, 'wijkbudget', { gemeentecode: body.gemeentecode });
	const db = await getDb();
	const created = await db.transaction(async (tx) => {
		const area = (await wijkbudgetten.knownAreas(tx)).get(body.gebiedscode);
		if (!area || area.gemeentecode !== body.gemeentecode) {
			validationError([{ field: 'gebiedscode', message: `${body.gebiedscode} is geen wijk of buurt van ${body.gemeentecode}` }]);
		}
		if (await wijkbudgetten.findByKey(tx, body)) error(409, 'Dit budget (jaar, gebied, soort en regeling) bestaat al');
		return wijkbudgetten.create(tx, actorOf(user), body);
	});
	return json(labelled(created), { status: 201 });
}
