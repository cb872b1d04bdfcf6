// The effect monitor's write routes in one piece: signed in and allowed to edit (401/403 before the body is read), the
// programme (404) and the rights on its gemeente (403), the body (400 per field), then the write in one transaction;
// its outcome as the answer (200 with the setup) or a thrown error (400 per field, 409 with the current state), which
// rolls the transaction back.
import { error, json } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Queryable } from './db/client';
import type { Actor } from './db/audit';
import { getDb } from './db';
import * as programmes from './db/programmes';
import { requireWrite } from './auth/guard';
import { actorOf, parseBody, parseId, requireEditing, validationError } from './register-api';
import { prepare, type WriteOutcome } from './effect';
import type { Programme } from '../domain/register';

const notFound = (id: number): never => error(404, `Programma ${id} bestaat niet`);

export async function effectWrite<S extends z.ZodType>(
	event: { params: { id: string }; request: Request; locals: App.Locals },
	schema: S,
	write: (tx: Queryable, actor: Actor, programme: Programme, body: z.infer<S>) => Promise<WriteOutcome>
): Promise<Response> {
	const user = requireEditing(event.locals.user);
	const id = parseId(event.params.id);
	const db = await getDb();
	const programme = (await programmes.get(db, id)) ?? notFound(id);
	requireWrite(user, 'programme', { gemeentecode: programme.gemeentecode });
	const body = await parseBody(event.request, schema);
	// What cannot be done inside the transaction (see prepareNeighbours).
	await prepare(db, programme);
	const setup = await db.transaction(async (tx) => {
		// Read again inside the transaction: the programme may have been deleted or moved meanwhile.
		const current = (await programmes.get(tx, id)) ?? notFound(id);
		requireWrite(user, 'programme', { gemeentecode: current.gemeentecode });
		const outcome = await write(tx, actorOf(user), current, body);
		if (outcome.status === 'invalid') validationError(outcome.errors);
		if (outcome.status === 'conflict') {
			error(409, {
				message: `De succesindicatoren van dit programma zijn intussen gewijzigd (nu versie ${outcome.current.version}); laad ze opnieuw en breng uw wijziging opnieuw aan`,
				current: outcome.current
			});
		}
		return outcome.setup;
	});
	return json(setup);
}
