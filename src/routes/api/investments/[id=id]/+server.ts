import { error, json } from '@sveltejs/kit';
import { lockForWrite } from '$lib/server/db/audit';
import { parseQuery } from '$lib/server/http';
import { getDb } from '$lib/server/db';
import * as investments from '$lib/server/db/investments';
import { requireWrite } from '$lib/server/auth/guard';
import { investmentInputSchema, withVersion } from '$lib/domain/register';
import { actorOf, deleteQuery, labelled, locate, parseBody, parseId, requireEditing, requireVersion } from '$lib/server/register-api';

const notFound = (id: number): never => error(404, `Investering ${id} bestaat niet`);

export async function GET({ params }) {
	const id = parseId(params.id);
	return json(labelled((await investments.get(await getDb(), id)) ?? notFound(id)));
}

/**
 * Replaces an investment. The user must be allowed to write it as it is and as it will be: a partner can
 * neither take over another partner's item nor hand its own to another partner.
 */
export async function PUT({ params, request, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const body = await parseBody(request, withVersion(investmentInputSchema));
	const db = await getDb();
	const updated = await db.transaction(async (tx) => {
		await lockForWrite(tx, 'investments', id);
		const current = (await investments.get(tx, id)) ?? notFound(id);
		requireVersion(labelled(current), body.version, 'De investering');
		requireWrite(user, 'investment', { gemeentecode: current.gemeentecode, partner: current.partner });
		const place = await locate(tx, body);
		const input = { ...body, buurtcode: place.buurtcode };
		requireWrite(user, 'investment', { gemeentecode: place.gemeentecode, partner: input.partner });
		const same = await investments.findByKey(tx, place.gemeentecode, input.partner, input.projectName);
		if (same && same.id !== id) error(409, `${input.partner} heeft al een project "${input.projectName}" in deze gemeente`);
		return (await investments.update(tx, actorOf(user), id, place.gemeentecode, input))!;
	});
	return json(labelled(updated));
}

export async function DELETE({ params, url, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const { version } = parseQuery(url, deleteQuery);
	const db = await getDb();
	await db.transaction(async (tx) => {
		await lockForWrite(tx, 'investments', id);
		const current = (await investments.get(tx, id)) ?? notFound(id);
		requireVersion(labelled(current), version, 'De investering');
		requireWrite(user, 'investment', { gemeentecode: current.gemeentecode, partner: current.partner });
		await investments.remove(tx, actorOf(user), id);
	});
	return json({ id, deleted: true });
}
