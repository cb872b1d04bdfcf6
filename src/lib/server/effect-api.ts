// Shared pieces of the effect monitor's write routes: the programme and its rights checked before the body is read,
// and a write's outcome as a response (200 with the setup, 400 per field, 409 with the current state).
import { json } from '@sveltejs/kit';
import type { Db, Queryable } from './db/client';
import * as programmes from './db/programmes';
import { requireWrite } from './auth/guard';
import { apiError } from './http';
import { validationError } from './register-api';
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
