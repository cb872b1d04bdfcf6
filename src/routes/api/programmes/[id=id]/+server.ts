import { error, json } from '@sveltejs/kit';
import { lockForWrite } from '$lib/server/db/audit';
import { parseQuery } from '$lib/server/http';
import { getDb } from '$lib/server/db';
import * as programmes from '$lib/server/db/programmes';
import { requireWrite } from '$lib/server/auth/guard';
import { programmeInputSchema, withVersion } from '$lib/domain/register';
import { actorOf, deleteQuery, labelled, parseBody, parseId, requireEditing, validationError, requireVersion } from '$lib/server/register-api';

const notFound = (id: number): never => error(404, `Programma ${id} bestaat niet`);

export async function GET({ params }) {
	const id = parseId(params.id);
	return json(labelled((await programmes.get(await getDb(), id)) ?? notFound(id)));
}

/** Replaces a programme (editors of its gemeente, and of the gemeente it moves to; admins). */
export async function PUT({ params, request, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const input = await parseBody(request, withVersion(programmeInputSchema));
	const db = await getDb();
	const updated = await db.transaction(async (tx) => {
		await lockForWrite(tx, 'programmes', id);
		const current = (await programmes.get(tx, id)) ?? notFound(id);
		requireVersion(labelled(current), input.version, 'Het programma');
		for (const gemeentecode of [current.gemeentecode, input.gemeentecode]) requireWrite(user, 'programme', { gemeentecode });
		const foreign = await programmes.foreignBuurtcodes(tx, input.gemeentecode, input.buurtcodes);
		if (foreign.length) validationError([{ field: 'buurtcodes', message: `geen buurt van ${input.gemeentecode}: ${foreign.join(', ')}` }]);
		return (await programmes.update(tx, actorOf(user), id, input))!;
	});
	return json(labelled(updated));
}

export async function DELETE({ params, url, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const { version } = parseQuery(url, deleteQuery);
	const db = await getDb();
	await db.transaction(async (tx) => {
		await lockForWrite(tx, 'programmes', id);
		const current = (await programmes.get(tx, id)) ?? notFound(id);
		requireVersion(labelled(current), version, 'Het programma');
		requireWrite(user, 'programme', { gemeentecode: current.gemeentecode });
		await programmes.remove(tx, actorOf(user), id);
	});
	return json({ id, deleted: true });
}
