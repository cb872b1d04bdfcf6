// The local sign-in: one of the LOCAL_USERS becomes a user row (created on first use) with a session.
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../db/client';
import { LOCAL_USERS } from './local-users';
import { createSession, toUser } from './sessions';
import type { Role, User } from '../../domain/roles';

/** Signs in as the local user with this e-mail address; null when there is no such local user. */
export async function signInLocally(db: Db, cookies: Cookies, email: string, secure: boolean): Promise<User | null> {
	const local = LOCAL_USERS.find((u) => u.email === email.trim().toLowerCase());
	if (!local) return null;
	return db.transaction(async (tx) => {
		// A local user keeps the role an admin gave it; only a new one gets the role of the list.
		await tx.query(
			`INSERT INTO users (email, name, role, gemeentecode, organisation)
			 SELECT $1, $2, $3, $4, $5
			 WHERE NOT EXISTS (SELECT 1 FROM users WHERE lower(email) = $1 AND oidc_subject IS NULL)`,
			[local.email, local.name, local.role, local.gemeentecode, local.organisation]
		);
		const [row] = await tx.query<{ id: number; email: string; name: string; role: Role; gemeentecode: string | null; organisation: string | null; active: boolean }>(
			`SELECT id, email, name, role, gemeentecode, organisation, active FROM users
			 WHERE lower(email) = $1 AND oidc_subject IS NULL`,
			[local.email]
		);
		if (!row.active) return null;
		await createSession(tx, cookies, Number(row.id), 'lokaal', secure);
		return toUser(row);
	});
}
