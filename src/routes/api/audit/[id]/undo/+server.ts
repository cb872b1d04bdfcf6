import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getAudit, undo, UndoError } from '$lib/server/db/undo';
import { requireUndo, requireUser } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { actorOf, parseId } from '$lib/server/register-api';

/** Undoes one change (editors of its gemeente, admins): `{ entry, item }`, or 409 when it cannot be undone. */
export async function POST({ params, locals }) {
	const signedIn = requireUser(locals.user);
	if (!signedIn.ok) return signedIn.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	const entry = await getAudit(db, id.id);
	if (!entry) return apiError(404, `Wijziging ${id.id} bestaat niet`);
	const guard = requireUndo(locals.user, entry.gemeentecode);
	if (!guard.ok) return guard.response;
	try {
		return json(await db.transaction((tx) => undo(tx, actorOf(guard.user), id.id)));
	} catch (error) {
		if (error instanceof UndoError) return apiError(error.status, error.message);
		throw error;
	}
}
