// Editors' changes to a programme's comparison group: PUT `{ changes: [{ buurtcode, change: 'toevoegen' | 'weglaten',
// reden }], version? }` (editors of the programme's gemeente, admins; audited, undoable with the succesindicatoren).
import { getDb } from '$lib/server/db';
import { actorOf, parseBody, parseId, requireEditing } from '$lib/server/register-api';
import { changeComparison } from '$lib/server/effect';
import { runWrite, writableProgramme } from '$lib/server/effect-api';
import { comparisonChangesSchema } from '$lib/domain/effect';

export async function PUT({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	const target = await writableProgramme(db, locals.user, id.id);
	if (!target.ok) return target.response;
	const body = await parseBody(request, comparisonChangesSchema);
	if (!body.ok) return body.response;
	return runWrite(db, target.programme, (tx, programme) =>
		changeComparison(tx, actorOf(target.user), programme, body.data.changes, body.data.version)
	);
}
