import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as wijkbudgetten from '$lib/server/db/wijkbudgetten';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError, parseQuery } from '$lib/server/http';
import { gemeenteCode } from '$lib/server/schemas';
import { actorOf, labelled, parseBody, requireEditing, validationError } from '$lib/server/register-api';
import { wijkbudgetInputSchema } from '$lib/domain/wijkbudgetten';

const query = z.object({
	gemeente: gemeenteCode,
	jaar: z.coerce.number().int('verwacht een jaartal').min(2000, 'verwacht een jaartal').max(2100, 'verwacht een jaartal').optional()
});

/** The wijkbudgetten of a gemeente, of one year or (without `jaar`) all years; demo rows carry their label. */
export async function GET({ url }) {
	const parsed = parseQuery(url, query);
	if (!parsed.ok) return parsed.response;
	const rows = await wijkbudgetten.list(await getDb(), parsed.data.gemeente, parsed.data.jaar);
	return json(rows.map(({ id, source: _source, ...row }) => labelled({ id, ...row })));
}

/** Records one budget (editors of its gemeente, admins). */
export async function POST({ request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const body = await parseBody(request, wijkbudgetInputSchema);
	if (!body.ok) return body.response;
	const guard = requireWrite(locals.user, 'wijkbudget', { gemeentecode: body.data.gemeentecode });
	if (!guard.ok) return guard.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const area = (await wijkbudgetten.knownAreas(tx)).get(body.data.gebiedscode);
		if (!area || area.gemeentecode !== body.data.gemeentecode) {
			return validationError([{ field: 'gebiedscode', message: `${body.data.gebiedscode} is geen wijk of buurt van ${body.data.gemeentecode}` }]);
		}
		if (await wijkbudgetten.findByKey(tx, body.data)) return apiError(409, 'Dit budget (jaar, gebied, soort en regeling) bestaat al');
		return wijkbudgetten.create(tx, actorOf(guard.user), body.data);
	});
	if (result instanceof Response) return result;
	return json(labelled(result), { status: 201 });
}
