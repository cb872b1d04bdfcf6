// Users and their roles: listed and changed by an admin (every change audited, entity 'user'), and found or
// created when someone signs in through OpenID Connect.
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import type { Role } from '../../domain/roles';
import type { UserRecord, UserUpdate } from '../../domain/users';

interface UserRow {
	id: number;
	email: string;
	name: string;
	role: Role;
	gemeentecode: string | null;
	organisation: string | null;
	active: boolean;
	oidc_subject: string | null;
	created_at: string;
	last_seen_at: string | null;
}

// Times as ISO text in UTC: the engines would otherwise give Dates in the server's zone (or strings).
const SELECT = `
	SELECT id, email, name, role, gemeentecode, organisation, active, oidc_subject,
	       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
	       to_char(last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_seen_at
	FROM users`;

function toRecord(row: UserRow): UserRecord {
	return {
		id: Number(row.id),
		email: row.email,
		name: row.name,
		role: row.role,
		gemeentecode: row.gemeentecode,
		organisation: row.organisation,
		active: row.active,
		oidc: row.oidc_subject !== null,
		createdAt: row.created_at,
		lastSeenAt: row.last_seen_at
	};
}

/** What the audit trail keeps of a user: the record without the moments of use. */
function audited(user: UserRecord): Omit<UserRecord, 'lastSeenAt'> {
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		gemeentecode: user.gemeentecode,
		organisation: user.organisation,
		active: user.active,
		oidc: user.oidc,
		createdAt: user.createdAt
	};
}

export async function list(db: Queryable): Promise<UserRecord[]> {
	const rows = await db.query<UserRow>(`${SELECT} ORDER BY lower(name), id`);
	return rows.map(toRecord);
}

export async function get(db: Queryable, id: number): Promise<UserRecord | null> {
	const rows = await db.query<UserRow>(`${SELECT} WHERE id = $1`, [id]);
	return rows[0] ? toRecord(rows[0]) : null;
}

/** The change would leave no active admin: nobody could manage users any more. */
export class LastAdminError extends Error {
	constructor() {
		super('Er moet minstens één actieve beheerder overblijven');
	}
}

/**
 * Changes a user's role, scope and whether they may sign in; null when there is no such user. Call inside a
 * transaction: on a LastAdminError the caller's transaction must roll back.
 */
export async function update(tx: Queryable, actor: Actor, id: number, change: UserUpdate): Promise<UserRecord | null> {
	// Lock the active admins first, so that two admins demoting each other at once cannot both succeed.
	await tx.query(`SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE`);
	const before = await get(tx, id);
	if (!before) return null;
	await tx.query(
		`UPDATE users SET role = $2, gemeentecode = $3, organisation = $4, active = $5 WHERE id = $1`,
		[id, change.role, change.gemeentecode, change.organisation, change.active]
	);
	const [{ admins }] = await tx.query<{ admins: number }>(`SELECT count(*)::int AS admins FROM users WHERE role = 'admin' AND active`);
	if (Number(admins) === 0) throw new LastAdminError();
	// A user who may no longer sign in loses their sessions at once (the session check also looks at active).
	if (!change.active) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
	const after = (await get(tx, id))!;
	await recordChange(tx, actor, {
		entity: 'user',
		entityId: id,
		action: 'update',
		gemeentecode: after.gemeentecode,
		before: audited(before),
		after: audited(after)
	});
	return after;
}

/** Who the identity provider says signed in. */
export interface OidcIdentity {
	issuer: string;
	subject: string;
	email: string | null;
	/** False when the provider says the address is not verified; such an address never links an existing user. */
	emailVerified: boolean;
	name: string;
}

export type OidcSignIn =
	| { ok: true; user: UserRecord; created: boolean }
	| { ok: false; reason: 'inactief' | 'geen_email' | 'email_in_gebruik' };

/**
 * The user of an OpenID Connect identity: the one linked to (issuer, subject); else an existing user with the
 * same e-mail address that is not linked yet (an admin prepared it, or a local user), which is linked now; else
 * a new viewer — or admin, when its verified address or `sub:<subject>` is in `admins`. Linking by address needs
 * `email_verified === true`. Call inside a transaction.
 */
export async function findOrCreateForOidc(tx: Queryable, identity: OidcIdentity, admins: string[]): Promise<OidcSignIn> {
	const email = identity.email?.trim().toLowerCase() || null;
	let [row] = await tx.query<UserRow>(`${SELECT} WHERE oidc_issuer = $1 AND oidc_subject = $2`, [identity.issuer, identity.subject]);
	let created = false;
	if (!row) {
		if (!email) return { ok: false, reason: 'geen_email' };
		const [existing] = await tx.query<UserRow>(`${SELECT} WHERE lower(email) = $1`, [email]);
		if (existing && (existing.oidc_subject !== null || !identity.emailVerified)) return { ok: false, reason: 'email_in_gebruik' };
		if (existing) {
			const before = toRecord(existing);
			// From now on the provider's account is this user, under the name the provider knows.
			await tx.query('UPDATE users SET oidc_issuer = $2, oidc_subject = $3, name = $4 WHERE id = $1', [
				existing.id,
				identity.issuer,
				identity.subject,
				identity.name || existing.name
			]);
			const after = (await get(tx, before.id))!;
			await recordChange(tx, { id: after.id, name: after.name }, {
				entity: 'user',
				entityId: after.id,
				action: 'update',
				gemeentecode: after.gemeentecode,
				before: audited(before),
				after: audited(after)
			});
		} else {
			// Admin by a verified address, or by the provider's stable subject (`sub:…`, for providers such as Entra ID
			// that never say the address is verified): an unverified address could be anyone's.
			const admin = (identity.emailVerified && admins.includes(email)) || admins.includes(`sub:${identity.subject}`);
			const role: Role = admin ? 'admin' : 'viewer';
			const [{ id }] = await tx.query<{ id: number }>(
				`INSERT INTO users (oidc_issuer, oidc_subject, email, name, role) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
				[identity.issuer, identity.subject, email, identity.name || email, role]
			);
			created = true;
			const user = (await get(tx, Number(id)))!;
			await recordChange(tx, { id: user.id, name: user.name }, {
				entity: 'user',
				entityId: user.id,
				action: 'create',
				gemeentecode: null,
				before: null,
				after: audited(user)
			});
		}
		[row] = await tx.query<UserRow>(`${SELECT} WHERE oidc_issuer = $1 AND oidc_subject = $2`, [identity.issuer, identity.subject]);
	} else if (identity.name && identity.name !== row.name) {
		// The provider keeps the name up to date (a marriage, a typo corrected).
		await tx.query('UPDATE users SET name = $2 WHERE id = $1', [row.id, identity.name]);
		row = { ...row, name: identity.name };
	}
	if (!row.active) return { ok: false, reason: 'inactief' };
	return { ok: true, user: toRecord(row), created };
}
