import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as programmes from '$lib/server/db/programmes';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { programmeInputSchema } from '$lib/domain/register';
import { actorOf, labelled, parseBody, parseId, requireEditing, validationError } from '$lib/server/register-api';

const notFound = (id: number) => apiError(404, `Programma ${id} bestaat niet`);

export async function GET({ params }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const item = await programmes.get(await getDb(), id.id);
	if (!item) return notFound(id.id);
	return json(labelled(item));
}

/** Replaces a programme (editors of its gemeente, and of the gemeente it moves to; admins). */
export async function PUT({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const body = await parseBody(request, programmeInputSchema);
	if (!body.ok) return body.response;
	const input = body.data;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const current = await programmes.get(tx, id.id);
		if (!current) return notFound(id.id);
		for (const gemeentecode of [current.gemeentecode, input.gemeentecode]) {
			const guard = requireWrite(locals.user, 'programme', { gemeentecode });
			if (!guard.ok) return guard.response;
		}
		const foreign = await programmes.foreignBuurtcodes(tx, input.gemeentecode, input.buurtcodes);
		if (foreign.length) {
			return validationError([{ field: 'buurtcodes', message: `geen buurt van ${input.gemeentecode}: ${foreign.join(', ')}` }]);
		}
		return (await programmes.update(tx, actorOf(editing.user), id.id, input))!;
	});
	if (result instanceof Response) return result;
	return json(labelled(result));
}

export async function DELETE({ params, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const current = await programmes.get(tx, id.id);
		if (!current) return notFound(id.id);
		const guard = requireWrite(locals.user, 'programme', { gemeentecode: current.gemeentecode });
		if (!guard.ok) return guard.response;
		await programmes.remove(tx, actorOf(editing.user), id.id);
		return null;
	});
	if (result instanceof Response) return result;
	return json({ id: id.id, deleted: true });
}
