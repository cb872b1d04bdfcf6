import { getDb } from '$lib/server/db';
import * as service from '$lib/server/indelingen';
import { answer } from '$lib/server/indeling-api';
import { parseId, requireEditing } from '$lib/server/register-api';

/** Puts a concept in force (audited, undoable); the geldend indeling becomes historisch. */
export async function POST({ params, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	return answer(async () => {
		const { indeling, warnings } = await service.vaststellen(db, locals.user, id.id);
		return { ...indeling, warnings };
	});
}
