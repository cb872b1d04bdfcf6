// Shared pieces of the effect monitor's write routes: the programme and its rights checked before the body is read,
// and a write's outcome as a response (200 with the setup, 400 per field, 409 with the current state).
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Db, Queryable } from './db/client';
import type { Actor } from './db/audit';
import { getDb } from './db';
import * as programmes from './db/programmes';
import { requireWrite } from './auth/guard';
import { apiError } from './http';
import { actorOf, parseBody, parseId, requireEditing, validationError } from './register-api';
import { prepare, type WriteOutcome } from './effect';
import type { Programme } from '../domain/register';
import type { User } from '../domain/roles';

/** The programme, or the 404/401/403 that stops the write (editors of its gemeente and admins may write). */
export async function writableProgramme(
	db: Queryable,
	user: User | null,
	id: number
): Promise<{ ok: true; programme: Programme; user: User } | { ok: false; response: Response }> {
	const programme = await programmes.get(db, id);
	if (!programme) return { ok: false, response: apiError(404, `Programma ${id} bestaat niet`) };
	const guard = requireWrite(user, 'programme', { gemeentecode: programme.gemeentecode });
	if (!guard.ok) return guard;
	return { ok: true, programme, user: guard.user };
}

/** Runs a write in one transaction after preparing what cannot be done inside it; the outcome as a response. */
export async function runWrite(db: Db, programme: Programme, write: (tx: Queryable, programme: Programme) => Promise<WriteOutcome | Response>): Promise<Response> {
	await prepare(db, programme);
	const outcome = await db.transaction(async (tx) => {
		// Read again inside the transaction: the programme may have been deleted meanwhile.
		const current = await programmes.get(tx, programme.id);
		if (!current) return apiError(404, `Programma ${programme.id} bestaat niet`);
		return write(tx, current);
	});
	if (outcome instanceof Response) return outcome;
	switch (outcome.status) {
		case 'ok':
			return json(outcome.setup);
		case 'invalid':
			return validationError(outcome.errors);
		case 'conflict':
			return json(
				{
					error: `De succesindicatoren van dit programma zijn intussen gewijzigd (nu versie ${outcome.current.version}); laad ze opnieuw en breng uw wijziging opnieuw aan`,
					current: outcome.current
				},
				{ status: 409 }
			);
	}
}

/**
 * A whole write route of the effect monitor: signed in and allowed to edit (401/403 before the body is read), the id,
 * the programme and the rights on its gemeente (404/403), the body against `schema` (400 per field), then `write` in
 * one transaction.
 */
export async function effectWrite<S extends z.ZodType>(
	event: { params: { id: string }; request: Request; locals: App.Locals },
	schema: S,
	write: (tx: Queryable, actor: Actor, programme: Programme, body: z.infer<S>) => Promise<WriteOutcome>
): Promise<Response> {
	const editing = requireEditing(event.locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(event.params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	const target = await writableProgramme(db, event.locals.user, id.id);
	if (!target.ok) return target.response;
	const body = await parseBody(event.request, schema);
	if (!body.ok) return body.response;
	return runWrite(db, target.programme, (tx, programme) => write(tx, actorOf(target.user), programme, body.data));
}
