import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listAudit } from '$lib/server/db/undo';
import { requireUser } from '$lib/server/auth/guard';
import { parseQuery } from '$lib/server/http';
import { auditQuery } from '$lib/server/schemas';
import { canUndo } from '$lib/domain/roles';

/** The changes in a gemeente, newest first (editors of that gemeente, admins). */
export async function GET({ url, locals }) {
	const user = requireUser(locals.user);
	const { gemeente, entity, id, limit } = parseQuery(url, auditQuery);
	if (!canUndo(user, gemeente)) error(403, `Alleen een redacteur van ${gemeente} ziet de wijzigingen`);
	return json(await listAudit(await getDb(), { gemeentecode: gemeente, entity, entityId: id, limit }));
}
