import { error, json } from '@sveltejs/kit';
import { lockForWrite } from '$lib/server/db/audit';
import { parseQuery } from '$lib/server/http';
import { getDb } from '$lib/server/db';
import * as signals from '$lib/server/db/signals';
import { requireSignals, requireWrite } from '$lib/server/auth/guard';
import { signalInputSchema, withVersion } from '$lib/domain/register';
import { actorOf, deleteQuery, labelled, locate, parseBody, parseId, requireVersion } from '$lib/server/register-api';

const notFound = (id: number): never => error(404, `Signaal ${id} bestaat niet`);

export async function GET({ params, locals }) {
	requireSignals(locals.user);
	const id = parseId(params.id);
	const item = (await signals.get(await getDb(), id)) ?? notFound(id);
	requireSignals(locals.user, item.gemeentecode);
	return json(labelled(item));
}

/** Replaces a signal's text, place, date and domain (editors of its gemeente, admins); the author stays. */
export async function PUT({ params, request, locals }) {
	const user = requireSignals(locals.user);
	const id = parseId(params.id);
	const body = await parseBody(request, withVersion(signalInputSchema));
	const db = await getDb();
	const updated = await db.transaction(async (tx) => {
		await lockForWrite(tx, 'signals', id);
		const current = (await signals.get(tx, id)) ?? notFound(id);
		requireVersion(labelled(current), body.version, 'Het signaal');
		const place = await locate(tx, body);
		for (const gemeentecode of [current.gemeentecode, place.gemeentecode]) requireWrite(user, 'signal', { gemeentecode });
		return (await signals.update(tx, actorOf(user), id, place.gemeentecode, { ...body, buurtcode: place.buurtcode }))!;
	});
	return json(labelled(updated));
}

export async function DELETE({ params, url, locals }) {
	const user = requireSignals(locals.user);
	const id = parseId(params.id);
	const { version } = parseQuery(url, deleteQuery);
	const db = await getDb();
	await db.transaction(async (tx) => {
		await lockForWrite(tx, 'signals', id);
		const current = (await signals.get(tx, id)) ?? notFound(id);
		requireVersion(labelled(current), version, 'Het signaal');
		requireWrite(user, 'signal', { gemeentecode: current.gemeentecode });
		await signals.remove(tx, actorOf(user), id);
	});
	return json({ id, deleted: true });
}
