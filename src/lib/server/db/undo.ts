// Reading the audit trail and undoing one change. An undo writes the item back as the entry says it was,
// and is itself an audit entry (action 'undo', pointing at the one it undid), so it can be seen and followed.
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import * as programmes from './programmes';
import * as investments from './investments';
import * as signals from './signals';
import * as assessments from './area-assessments';
import * as programmeMonitor from './programme-monitor';
import * as indelingen from './indelingen';
import * as wijkbudgetten from './wijkbudgetten';
import type { AuditEntry, Investment, Programme } from '../../domain/register';
import type { AreaAssessment } from '../../domain/area-assessment';
import type { MonitorSetup } from '../../domain/effect';
import type { Indeling } from '../../domain/indelingen';
import type { Wijkbudget } from '../../domain/wijkbudgetten';

export interface AuditListEntry extends AuditEntry {
	gemeentecode: string | null;
}

interface AuditRow {
	id: number;
	at: string;
	user_name: string;
	gemeentecode: string | null;
	entity: AuditEntry['entity'];
	entity_id: number;
	action: AuditEntry['action'];
	before: string | null;
	after: string | null;
	source: string | null;
	undoes: number | null;
	undone_by: number | null;
}

// jsonb as text: both engines then give the same objects.
const SELECT = `
	SELECT id, at::text AS at, user_name, gemeentecode, entity, entity_id, action, before::text AS before,
	       after::text AS after, source, undoes, undone_by
	FROM audit_log`;

function toEntry(row: AuditRow): AuditListEntry {
	return {
		id: Number(row.id),
		at: String(row.at),
		userName: row.user_name,
		gemeentecode: row.gemeentecode,
		entity: row.entity,
		entityId: Number(row.entity_id),
		action: row.action,
		before: row.before === null ? null : JSON.parse(row.before),
		after: row.after === null ? null : JSON.parse(row.after),
		source: row.source,
		undoes: row.undoes === null ? null : Number(row.undoes),
		undoneBy: row.undone_by === null ? null : Number(row.undone_by)
	};
}

export interface AuditListOptions {
	gemeentecode: string;
	entity?: AuditEntry['entity'];
	entityId?: number;
	limit: number;
}

/**
 * The changes in a gemeente, newest first; optionally of one kind of item or one item. A change that moved an item
 * from one gemeente to another is listed in both.
 */
export async function listAudit(db: Queryable, options: AuditListOptions): Promise<AuditListEntry[]> {
	const rows = await db.query<AuditRow>(
		`${SELECT}
		 WHERE (gemeentecode = $1 OR before ->> 'gemeentecode' = $1 OR after ->> 'gemeentecode' = $1) AND ($2::text IS NULL OR entity = $2::text) AND ($3::bigint IS NULL OR entity_id = $3::bigint)
		 ORDER BY id DESC
		 LIMIT $4`,
		[options.gemeentecode, options.entity ?? null, options.entityId ?? null, options.limit]
	);
	return rows.map(toEntry);
}

export async function getAudit(db: Queryable, id: number): Promise<AuditListEntry | null> {
	const rows = await db.query<AuditRow>(`${SELECT} WHERE id = $1`, [id]);
	return rows[0] ? toEntry(rows[0]) : null;
}

/** Why an undo cannot be done: the HTTP status it maps to, and a Dutch message for the user. */
export class UndoError extends Error {
	constructor(
		readonly status: 404 | 409,
		message: string
	) {
		super(message);
	}
}

type Entity = 'programme' | 'investment' | 'signal' | 'area_assessment' | 'programme_monitor' | 'indeling' | 'wijkbudget';

// Per kind of item: how to read it, delete it without a separate audit entry, write a state back, put it back.
const STORES = {
	programme: {
		get: programmes.get,
		drop: (tx: Queryable, id: number) => tx.query('DELETE FROM programmes WHERE id = $1', [id]),
		overwrite: (tx: Queryable, item: unknown) => programmes.overwrite(tx, item as Programme),
		restore: (tx: Queryable, item: unknown) => programmes.restore(tx, item as Programme)
	},
	investment: {
		get: investments.get,
		drop: (tx: Queryable, id: number) => tx.query('DELETE FROM investments WHERE id = $1', [id]),
		overwrite: (tx: Queryable, item: unknown) => investments.overwrite(tx, item as Investment),
		restore: (tx: Queryable, item: unknown) => investments.restore(tx, item as Investment)
	},
	signal: {
		get: signals.get,
		drop: (tx: Queryable, id: number) => tx.query('DELETE FROM signals WHERE id = $1', [id]),
		overwrite: (tx: Queryable, item: unknown) => signals.overwrite(tx, item as signals.SignalWithAuthor),
		restore: (tx: Queryable, item: unknown) => signals.restore(tx, item as signals.SignalWithAuthor)
	},
	// Undoing the first assessment of an area removes it: the area reads as not assessed again.
	area_assessment: {
		get: assessments.get,
		drop: (tx: Queryable, id: number) => assessments.drop(tx, id),
		overwrite: (tx: Queryable, item: unknown) => assessments.overwrite(tx, item as AreaAssessment),
		restore: (tx: Queryable, item: unknown) => assessments.restore(tx, item as AreaAssessment)
	},
	// A programme's succesindicatoren and comparison changes, as one item: undoing the first choice removes it.
	programme_monitor: {
		get: programmeMonitor.get,
		drop: (tx: Queryable, id: number) => programmeMonitor.drop(tx, id),
		overwrite: (tx: Queryable, item: unknown) => programmeMonitor.overwrite(tx, item as MonitorSetup),
		restore: (tx: Queryable, item: unknown) => programmeMonitor.overwrite(tx, item as MonitorSetup)
	},
	// Undoing a vaststelling puts the indeling it replaced back in force (indelingen.overwrite).
	indeling: {
		get: indelingen.get,
		drop: indelingen.drop,
		overwrite: (tx: Queryable, item: unknown) => indelingen.overwrite(tx, item as Indeling),
		restore: (tx: Queryable, item: unknown) => indelingen.restore(tx, item as Indeling)
	},
	wijkbudget: {
		get: wijkbudgetten.get,
		drop: (tx: Queryable, id: number) => tx.query('DELETE FROM wijkbudgetten WHERE id = $1', [id]),
		overwrite: (tx: Queryable, item: unknown) => wijkbudgetten.overwrite(tx, item as Wijkbudget),
		restore: (tx: Queryable, item: unknown) => wijkbudgetten.restore(tx, item as Wijkbudget)
	}
} satisfies Record<Entity, unknown>;

const VERSIONED_TABLES: Partial<Record<Entity, string>> = { programme: 'programmes', investment: 'investments', signal: 'signals' };

/** An item put back gets a version above the one it was deleted at, so a write based on that one is still stale. */
async function aboveOldVersion(tx: Queryable, entity: Entity, id: number, old: unknown): Promise<void> {
	const table = VERSIONED_TABLES[entity];
	if (table && typeof old === 'number') await tx.query(`UPDATE ${table} SET version = $2 WHERE id = $1`, [id, old + 1]);
}

function isUndoable(entity: AuditEntry['entity']): entity is Entity {
	return Object.hasOwn(STORES, entity);
}

export interface UndoResult {
	/** The new audit entry of the undo. */
	entry: AuditListEntry;
	/** The item as it is now (null when the undo removed it). */
	item: unknown;
}

/**
 * Undoes audit entry `auditId` inside the caller's transaction: a create is removed, an update written back
 * to its `before`, a delete put back with the same id. Refused (UndoError 409) when the entry was undone
 * already, is an undo itself, or the item changed after it; 404 when there is no such entry.
 */
export async function undo(tx: Queryable, actor: Actor, auditId: number): Promise<UndoResult> {
	// Lock the entry: two undos of the same change at once must not both pass the checks.
	const locked = await tx.query<{ id: number }>('SELECT id FROM audit_log WHERE id = $1 FOR UPDATE', [auditId]);
	if (locked.length === 0) throw new UndoError(404, `Wijziging ${auditId} bestaat niet`);
	const entry = (await getAudit(tx, auditId))!;
	if (entry.action === 'undo') throw new UndoError(409, 'Dit is zelf een ongedaan gemaakte wijziging; maak de oorspronkelijke wijziging opnieuw');
	if (entry.undoneBy !== null) throw new UndoError(409, 'Deze wijziging is al ongedaan gemaakt');
	if (entry.entity === 'user') throw new UndoError(409, 'Wijzigingen van gebruikers maakt u ongedaan in het gebruikersbeheer');
	if (!isUndoable(entry.entity)) throw new UndoError(409, 'Dit soort wijziging kan hier niet ongedaan worden gemaakt');
	const later = await tx.query<{ id: number }>(
		`SELECT id FROM audit_log
		 WHERE entity = $1 AND entity_id = $2 AND id > $3 AND action <> 'undo' AND undone_by IS NULL
		 LIMIT 1`,
		[entry.entity, entry.entityId, entry.id]
	);
	if (later.length > 0) {
		throw new UndoError(409, 'Dit item is daarna nog gewijzigd; maak eerst de latere wijzigingen ongedaan');
	}

	const store = STORES[entry.entity];
	const current = await store.get(tx, entry.entityId);
	const versionOf = (item: unknown) => (item as { version?: unknown } | null)?.version;
	let after: unknown = null;
	switch (entry.action) {
		case 'create':
			if (!current) throw new UndoError(409, 'Dit item bestaat niet meer');
			await store.drop(tx, entry.entityId);
			break;
		case 'update':
			if (!current) throw new UndoError(409, 'Dit item bestaat niet meer');
			await store.overwrite(tx, entry.before);
			after = await store.get(tx, entry.entityId);
			break;
		case 'delete':
			if (current) throw new UndoError(409, 'Dit item bestaat al weer');
			await store.restore(tx, entry.before);
			await aboveOldVersion(tx, entry.entity, entry.entityId, versionOf(entry.before));
			after = await store.get(tx, entry.entityId);
			break;
	}
	const id = await recordChange(tx, actor, {
		entity: entry.entity,
		entityId: entry.entityId,
		action: 'undo',
		gemeentecode: (after as { gemeentecode?: string } | null)?.gemeentecode ?? entry.gemeentecode,
		before: current,
		after,
		undoes: entry.id
	});
	return { entry: (await getAudit(tx, id))!, item: after };
}
