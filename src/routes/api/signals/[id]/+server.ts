import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as signals from '$lib/server/db/signals';
import { requireSignals, requireWrite } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { signalInputSchema } from '$lib/domain/register';
import { actorOf, labelled, locate, parseBody, parseId } from '$lib/server/register-api';

const notFound = (id: number) => apiError(404, `Signaal ${id} bestaat niet`);

export async function GET({ params, locals }) {
	const guard = requireSignals(locals.user);
	if (!guard.ok) return guard.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const item = await signals.get(await getDb(), id.id);
	if (!item) return notFound(id.id);
	return json(labelled(item));
}

/** Replaces a signal's text, place, date and domain (editors of its gemeente, admins); the author stays. */
export async function PUT({ params, request, locals }) {
	const staff = requireSignals(locals.user);
	if (!staff.ok) return staff.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const body = await parseBody(request, signalInputSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const current = await signals.get(tx, id.id);
		if (!current) return notFound(id.id);
		const place = await locate(tx, body.data);
		if (!place.ok) return place.response;
		for (const gemeentecode of [current.gemeentecode, place.gemeentecode]) {
			const guard = requireWrite(locals.user, 'signal', { gemeentecode });
			if (!guard.ok) return guard.response;
		}
		return (await signals.update(tx, actorOf(staff.user), id.id, place.gemeentecode, { ...body.data, buurtcode: place.buurtcode }))!;
	});
	if (result instanceof Response) return result;
	return json(labelled(result));
}

export async function DELETE({ params, locals }) {
	const staff = requireSignals(locals.user);
	if (!staff.ok) return staff.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const current = await signals.get(tx, id.id);
		if (!current) return notFound(id.id);
		const guard = requireWrite(locals.user, 'signal', { gemeentecode: current.gemeentecode });
		if (!guard.ok) return guard.response;
		await signals.remove(tx, actorOf(staff.user), id.id);
		return null;
	});
	if (result instanceof Response) return result;
	return json({ id: id.id, deleted: true });
}
