import { getDb } from '$lib/server/db';
import * as indelingen from '$lib/server/db/indelingen';
import * as service from '$lib/server/indelingen';
import { answer } from '$lib/server/indeling-api';
import { parseBody, parseId, requireEditing } from '$lib/server/register-api';
import { indelingUpdateSchema } from '$lib/domain/indelingen';
import { IndelingError } from '$lib/server/indelingen';

/** One indeling with its stadsdelen and their buurten. */
export async function GET({ params }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	return answer(async () => {
		const indeling = await indelingen.get(db, id.id);
		if (!indeling) throw new IndelingError(404, `Indeling ${id.id} bestaat niet`);
		return indeling;
	});
}

/** Changes a concept's name and stadsdelen (a geldend or historisch indeling is a 409: copy it instead). */
export async function PUT({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const body = await parseBody(request, indelingUpdateSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	return answer(async () => {
		const { indeling, warnings } = await service.update(db, locals.user, id.id, body.data);
		return { ...indeling, warnings };
	});
}

/** Deletes a concept (audited; undoable from the list of changes). */
export async function DELETE({ params, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	return answer(() => service.remove(db, locals.user, id.id));
}
