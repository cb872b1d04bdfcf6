// The audit trail: every change to the register is written here in the same transaction as the change.
// before/after go in as JSON text cast to jsonb: postgres.js would otherwise store the text as one JSON string.
import type { Queryable } from './client';
import type { AuditEntry } from '../../domain/register';
import type { User } from '../../domain/roles';

export interface Change {
	entity: AuditEntry['entity'];
	entityId: number;
	action: AuditEntry['action'];
	gemeentecode: string | null;
	/** The item as the API shows it; null for a create (before) or a delete (after). */
	before: unknown;
	after: unknown;
	/** For an import: the file's name. */
	source?: string | null;
	/** For an undo: the entry it undoes. */
	undoes?: number | null;
}

/** Who made a change: a user, or the app itself (first-start seeding) with a name and no id. */
export type Actor = Pick<User, 'id' | 'name'> | { id: null; name: string };

/** Records one change by the actor; returns the new entry's id. Call it inside the change's transaction. */
export async function recordChange(tx: Queryable, user: Actor, change: Change): Promise<number> {
	// ::text::jsonb: postgres.js would encode a string sent as jsonb once more, storing a JSON string, not the object.
	const [row] = await tx.query<{ id: number }>(
		`INSERT INTO audit_log (user_id, user_name, gemeentecode, entity, entity_id, action, before, after, source, undoes)
		 VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8::text::jsonb, $9, $10)
		 RETURNING id`,
		[
			user.id,
			user.name,
			change.gemeentecode,
			change.entity,
			change.entityId,
			change.action,
			change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
			change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
			change.source ?? null,
			change.undoes ?? null
		]
	);
	if (change.undoes) await tx.query('UPDATE audit_log SET undone_by = $1 WHERE id = $2', [row.id, change.undoes]);
	return Number(row.id);
}

/**
 * Locks an item's row until the transaction ends, before it is read for a write: a second write of the same item
 * waits, then reads the first one's result (and its version), so the audit's "before" is never stale.
 */
export async function lockForWrite(tx: Queryable, table: 'programmes' | 'investments' | 'signals', id: number): Promise<void> {
	await tx.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
}
