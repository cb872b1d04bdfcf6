import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { listAudit } from '$lib/server/db/undo';
import { requireUser } from '$lib/server/auth/guard';
import { apiError, parseQuery } from '$lib/server/http';
import { auditQuery } from '$lib/server/schemas';
import { canUndo } from '$lib/domain/roles';

/** The changes in a gemeente, newest first (editors of that gemeente, admins). */
export async function GET({ url, locals }) {
	const signedIn = requireUser(locals.user);
	if (!signedIn.ok) return signedIn.response;
	const query = parseQuery(url, auditQuery);
	if (!query.ok) return query.response;
	const { gemeente, entity, id, limit } = query.data;
	if (!canUndo(signedIn.user, gemeente)) return apiError(403, `Alleen een redacteur van ${gemeente} ziet de wijzigingen`);
	return json(await listAudit(await getDb(), { gemeentecode: gemeente, entity, entityId: id, limit }));
}
