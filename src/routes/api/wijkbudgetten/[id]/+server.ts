import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as wijkbudgetten from '$lib/server/db/wijkbudgetten';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { actorOf, labelled, parseBody, parseId, requireEditing, validationError } from '$lib/server/register-api';
import { wijkbudgetInputSchema } from '$lib/domain/wijkbudgetten';

/** Changes the amounts, count and organisation of a budget (its key — gemeente, jaar, gebied, soort, regeling — stays). */
export async function PUT({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const body = await parseBody(request, wijkbudgetInputSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const current = await wijkbudgetten.get(tx, id.id);
		if (!current) return apiError(404, `Wijkbudget ${id.id} bestaat niet`);
		const guard = requireWrite(locals.user, 'wijkbudget', { gemeentecode: current.gemeentecode });
		if (!guard.ok) return guard.response;
		for (const key of ['gemeentecode', 'jaar', 'gebiedscode', 'soort', 'regeling'] as const) {
			if (current[key] !== body.data[key]) return validationError([{ field: key, message: 'kan niet worden gewijzigd; verwijder het budget en maak een nieuw' }]);
		}
		return wijkbudgetten.update(tx, actorOf(guard.user), current, body.data);
	});
	if (result instanceof Response) return result;
	return json(labelled(result));
}

export async function DELETE({ params, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const current = await wijkbudgetten.get(tx, id.id);
		if (!current) return apiError(404, `Wijkbudget ${id.id} bestaat niet`);
		const guard = requireWrite(locals.user, 'wijkbudget', { gemeentecode: current.gemeentecode });
		if (!guard.ok) return guard.response;
		await wijkbudgetten.remove(tx, actorOf(guard.user), current);
		return null;
	});
	return result instanceof Response ? result : new Response(null, { status: 204 });
}
