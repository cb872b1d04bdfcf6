// One undo, as both POST /api/audit/{id}/undo and the Wijzigingen page's action run it: who may, in which
// gemeenten, and the undo itself in one transaction (a refusal thrown inside it rolls everything back).
import { error } from '@sveltejs/kit';
import type { Db } from './db/client';
import { getAudit, undo, UndoError, type UndoResult } from './db/undo';
import { requireUndo, requireUser } from './auth/guard';
import { actorOf } from './register-api';
import type { User } from '../domain/roles';

function gemeenteOf(state: unknown): string | null {
	const code = (state as { gemeentecode?: unknown } | null)?.gemeentecode;
	return typeof code === 'string' ? code : null;
}

/**
 * Undoes audit entry `auditId` for `user`. The user must be allowed to undo in the entry's gemeente and in every
 * gemeente the item was in before and after the change: undoing a move from Enschede to Hengelo writes in Enschede.
 */
export async function undoChange(db: Db, user: User | null, auditId: number): Promise<UndoResult> {
	const signedIn = requireUser(user);
	return db.transaction(async (tx) => {
		const entry = await getAudit(tx, auditId);
		if (!entry) error(404, `Wijziging ${auditId} bestaat niet`);
		requireUndo(signedIn, entry.gemeentecode);
		for (const gemeentecode of [gemeenteOf(entry.before), gemeenteOf(entry.after)]) {
			if (gemeentecode !== null && gemeentecode !== entry.gemeentecode) requireUndo(signedIn, gemeentecode);
		}
		try {
			return await undo(tx, actorOf(signedIn), auditId);
		} catch (e) {
			if (e instanceof UndoError) error(e.status, e.message);
			throw e;
		}
	});
}
