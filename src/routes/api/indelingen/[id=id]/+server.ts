import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as indelingen from '$lib/server/db/indelingen';
import * as service from '$lib/server/indelingen';
import { orFail } from '$lib/server/indeling-api';
import { parseBody, parseId, requireEditing } from '$lib/server/register-api';
import { indelingUpdateSchema } from '$lib/domain/indelingen';

/** One indeling with its stadsdelen and their buurten. */
export async function GET({ params }) {
	const id = parseId(params.id);
	return json((await indelingen.get(await getDb(), id)) ?? error(404, `Indeling ${id} bestaat niet`));
}

/** Changes a concept's name and stadsdelen (a geldend or historisch indeling is a 409: copy it instead). */
export async function PUT({ params, request, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const body = await parseBody(request, indelingUpdateSchema);
	const { indeling, warnings } = await orFail(async () => service.update(await getDb(), user, id, body));
	return json({ ...indeling, warnings });
}

/** Deletes a concept (audited; undoable from the list of changes). */
export async function DELETE({ params, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	await orFail(async () => service.remove(await getDb(), user, id));
	return json({ id, deleted: true });
}
