// Sessions: a random token in an http-only cookie, its sha256 in the database. Signing in (OpenID Connect
// or, outside production, the local sign-in) ends in createSession; every request reads the cookie once
// in hooks.server.ts and finds the user in event.locals.user.
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Queryable } from '../db/client';
import type { Role, User } from '../../domain/roles';
import { localSignInAllowed } from './local-users';

export const SESSION_COOKIE = 'wijkbeeld_sessie';
/** A working day and a half: a session started in the morning lasts through an evening council meeting. */
export const SESSION_HOURS = 36;
/** A session unused this long ends (WIJKBEELD_SESSIE_IDLE_MINUTEN): a laptop left open in the council room. */
export const SESSION_IDLE_MINUTES = 240;

function idleMinutes(env: NodeJS.ProcessEnv = process.env): number {
	const n = Number(env.WIJKBEELD_SESSIE_IDLE_MINUTEN);
	return Number.isInteger(n) && n > 0 ? n : SESSION_IDLE_MINUTES;
}

/**
 * Secure cookies by configuration, not by the URL of the request (a proxy may speak http to the app):
 * WIJKBEELD_COOKIE_SECURE=aan or uit, else on when ORIGIN is an https address.
 */
export function secureCookies(env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.WIJKBEELD_COOKIE_SECURE === 'aan') return true;
	if (env.WIJKBEELD_COOKIE_SECURE === 'uit') return false;
	return (env.ORIGIN ?? '').startsWith('https://');
}

/** The session cookie's name: with Secure it carries the __Host- prefix, so no subdomain can set or widen it. */
export function sessionCookieName(secure: boolean = secureCookies()): string {
	return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

function hash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

interface UserRow {
	id: number;
	email: string;
	name: string;
	role: Role;
	gemeentecode: string | null;
	organisation: string | null;
}

export function toUser(row: UserRow): User {
	return {
		id: Number(row.id),
		email: row.email,
		name: row.name,
		role: row.role,
		gemeentecode: row.gemeentecode,
		organisation: row.organisation
	};
}

/** Starts a session for the user and sets its cookie. */
export async function createSession(
	db: Queryable,
	cookies: Cookies,
	userId: number,
	method: 'oidc' | 'lokaal',
	secure: boolean
): Promise<void> {
	const token = randomBytes(32).toString('base64url');
	await db.query(
		`INSERT INTO sessions (token_hash, user_id, method, expires_at)
		 VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
		[hash(token), userId, method, SESSION_HOURS]
	);
	await db.query('UPDATE users SET last_seen_at = now() WHERE id = $1', [userId]);
	cookies.set(sessionCookieName(secure), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: SESSION_HOURS * 3600
	});
}

/**
 * The active user of a session token, or null when the token is unknown, expired, unused for longer than the idle
 * timeout, or the user inactive. A session of the local sign-in counts only while the local sign-in is on:
 * switching it off ends them all.
 */
export async function userOfSession(
	db: Queryable,
	token: string | undefined,
	localAllowed = localSignInAllowed(),
	idle = idleMinutes()
): Promise<User | null> {
	if (!token || token.length > 200) return null;
	const rows = await db.query<UserRow>(
		`SELECT u.id, u.email, u.name, u.role, u.gemeentecode, u.organisation
		 FROM sessions s JOIN users u ON u.id = s.user_id
		 WHERE s.token_hash = $1 AND s.expires_at > now() AND s.last_used_at > now() - make_interval(mins => $3)
		   AND u.active AND (s.method <> 'lokaal' OR $2::boolean)`,
		[hash(token), localAllowed, idle]
	);
	if (!rows[0]) return null;
	// At most one write a minute per session keeps it alive while it is used.
	await db.query(`UPDATE sessions SET last_used_at = now() WHERE token_hash = $1 AND last_used_at < now() - interval '1 minute'`, [hash(token)]);
	return toUser(rows[0]);
}

/** Ends the session of the cookie (if any) and removes the cookie. */
export async function endSession(db: Queryable, cookies: Cookies): Promise<void> {
	for (const secure of [false, true]) {
		const token = cookies.get(sessionCookieName(secure));
		if (token) await db.query('DELETE FROM sessions WHERE token_hash = $1', [hash(token)]);
		if (token || secure === secureCookies()) cookies.delete(sessionCookieName(secure), { path: '/', secure });
	}
}

/** Removes expired sessions (called at start). */
export async function pruneSessions(db: Queryable): Promise<void> {
	await db.query('DELETE FROM sessions WHERE expires_at <= now()');
}
