import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as investments from '$lib/server/db/investments';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { investmentInputSchema } from '$lib/domain/register';
import { actorOf, labelled, locate, parseBody, parseId, requireEditing } from '$lib/server/register-api';

const notFound = (id: number) => apiError(404, `Investering ${id} bestaat niet`);

export async function GET({ params }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const item = await investments.get(await getDb(), id.id);
	if (!item) return notFound(id.id);
	return json(labelled(item));
}

/**
 * Replaces an investment. The user must be allowed to write it as it is and as it will be: a partner can
 * neither take over another partner's item nor hand its own to another partner.
 */
export async function PUT({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const body = await parseBody(request, investmentInputSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const current = await investments.get(tx, id.id);
		if (!current) return notFound(id.id);
		const before = requireWrite(locals.user, 'investment', { gemeentecode: current.gemeentecode, partner: current.partner });
		if (!before.ok) return before.response;
		const place = await locate(tx, body.data);
		if (!place.ok) return place.response;
		const input = { ...body.data, buurtcode: place.buurtcode };
		const after = requireWrite(locals.user, 'investment', { gemeentecode: place.gemeentecode, partner: input.partner });
		if (!after.ok) return after.response;
		const same = await investments.findByKey(tx, place.gemeentecode, input.partner, input.projectName);
		if (same && same.id !== id.id) {
			return apiError(409, `${input.partner} heeft al een project "${input.projectName}" in deze gemeente`);
		}
		return (await investments.update(tx, actorOf(editing.user), id.id, place.gemeentecode, input))!;
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
		const current = await investments.get(tx, id.id);
		if (!current) return notFound(id.id);
		const guard = requireWrite(locals.user, 'investment', { gemeentecode: current.gemeentecode, partner: current.partner });
		if (!guard.ok) return guard.response;
		await investments.remove(tx, actorOf(editing.user), id.id);
		return null;
	});
	if (result instanceof Response) return result;
	return json({ id: id.id, deleted: true });
}
