import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as wijkbudgetten from '$lib/server/db/wijkbudgetten';
import { requireWrite } from '$lib/server/auth/guard';
import { actorOf, labelled, parseBody, parseId, requireEditing, validationError } from '$lib/server/register-api';
import { wijkbudgetInputSchema } from '$lib/domain/wijkbudgetten';

const notFound = (id: number): never => error(404, `Wijkbudget ${id} bestaat niet`);

/** Changes the amounts, count and organisation of a budget (its key — gemeente, jaar, gebied, soort, regeling — stays). */
export async function PUT({ params, request, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const body = await parseBody(request, wijkbudgetInputSchema);
	const db = await getDb();
	const updated = await db.transaction(async (tx) => {
		const current = (await wijkbudgetten.get(tx, id)) ?? notFound(id);
		requireWrite(user, 'wijkbudget', { gemeentecode: current.gemeentecode });
		for (const key of ['gemeentecode', 'jaar', 'gebiedscode', 'soort', 'regeling'] as const) {
			if (current[key] !== body[key]) validationError([{ field: key, message: 'kan niet worden gewijzigd; verwijder het budget en maak een nieuw' }]);
		}
		return wijkbudgetten.update(tx, actorOf(user), current, body);
	});
	return json(labelled(updated));
}

export async function DELETE({ params, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const db = await getDb();
	await db.transaction(async (tx) => {
		const current = (await wijkbudgetten.get(tx, id)) ?? notFound(id);
		requireWrite(user, 'wijkbudget', { gemeentecode: current.gemeentecode });
		await wijkbudgetten.remove(tx, actorOf(user), current);
	});
	return json({ id, deleted: true });
}
