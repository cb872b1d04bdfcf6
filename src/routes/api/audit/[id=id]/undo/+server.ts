import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/register-api';
import { undoChange } from '$lib/server/undo-change';

/** Undoes one change (editors of its gemeente, admins): `{ entry, item }`, or 409 when it cannot be undone. */
export async function POST({ params, locals }) {
	return json(await undoChange(await getDb(), locals.user, parseId(params.id)));
}
