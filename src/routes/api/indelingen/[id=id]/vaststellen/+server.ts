import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as service from '$lib/server/indelingen';
import { orFail } from '$lib/server/indeling-api';
import { parseId, requireEditing } from '$lib/server/register-api';

/** Puts a concept in force (audited, undoable); the geldend indeling becomes historisch. */
export async function POST({ params, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const { indeling, warnings } = await orFail(async () => service.vaststellen(await getDb(), user, id));
	return json({ ...indeling, warnings });
}
