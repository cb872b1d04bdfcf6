// Sign-in on both engines: sessions in the database, user administration with its audit trail, and the
// OpenID Connect relying party against a real oidc-provider on 127.0.0.1 (logged in through its login form
// with fetch and a cookie jar, as a browser would).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import type { Db } from '../../src/lib/server/db/client';
import { SESSION_COOKIE, createSession, endSession, pruneSessions, userOfSession } from '../../src/lib/server/auth/sessions';
import * as users from '../../src/lib/server/db/users';
import { PENDING_COOKIE, finishSignIn, insecureAllowed, redirectUri, startSignIn } from '../../src/lib/server/auth/oidc';
import type { OidcConfig } from '../../src/lib/server/config';
import { startTestProvider, type TestProvider } from '../oidc/provider';
import { engine, freshDatabase } from './database';

/** The cookies of one request/response as SvelteKit hands them to a route: what was set is readable after. */
class CookieJar implements Cookies {
	values = new Map<string, string>();
	get = (name: string) => this.values.get(name);
	getAll = () => [...this.values].map(([name, value]) => ({ name, value }));
	set = (name: string, value: string) => void this.values.set(name, value);
	delete = (name: string) => void this.values.delete(name);
	serialize = (name: string, value: string) => `${name}=${value}`;
}

async function insertUser(db: Db, email: string, fields: Partial<{ role: string; gemeentecode: string; organisation: string; active: boolean }> = {}) {
	const [row] = await db.query<{ id: number }>(
		`INSERT INTO users (email, name, role, gemeentecode, organisation, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		[email, email.split('@')[0], fields.role ?? 'viewer', fields.gemeentecode ?? null, fields.organisation ?? null, fields.active ?? true]
	);
	return Number(row.id);
}

describe(`sessions on ${engine}`, () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDatabase();
	});
	afterAll(() => db?.close());

	it('finds the user of a new session and nobody for an unknown token', async () => {
		const id = await insertUser(db, 'sessie@wijkbeeld.test', { role: 'editor', gemeentecode: 'GM0164' });
		const jar = new CookieJar();
		await createSession(db, jar, id, 'lokaal', false);
		const token = jar.get(SESSION_COOKIE);
		expect(token).toMatch(/^[\w-]{40,}$/);
		expect(await userOfSession(db, token, true)).toMatchObject({ id, role: 'editor', gemeentecode: 'GM0164' });
		expect(await userOfSession(db, 'onbekend')).toBeNull();
		expect(await userOfSession(db, undefined)).toBeNull();
		// Only the hash is stored: the token itself does not find a row.
		expect(await db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [token])).toEqual([]);
		const [seen] = await db.query<{ seen: boolean }>('SELECT last_seen_at IS NOT NULL AS seen FROM users WHERE id = $1', [id]);
		expect(seen.seen).toBe(true);
	});

	it('does not accept an expired session, and prunes it', async () => {
		const id = await insertUser(db, 'verlopen@wijkbeeld.test');
		const jar = new CookieJar();
		await createSession(db, jar, id, 'lokaal', false);
		await db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [id]);
		expect(await userOfSession(db, jar.get(SESSION_COOKIE))).toBeNull();
		await pruneSessions(db);
		expect(await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [id])).toEqual([]);
	});

	it('does not accept the session of an inactive user', async () => {
		const id = await insertUser(db, 'uit@wijkbeeld.test');
		const jar = new CookieJar();
		await createSession(db, jar, id, 'lokaal', false);
		expect(await userOfSession(db, jar.get(SESSION_COOKIE), true)).not.toBeNull();
		await db.query('UPDATE users SET active = false WHERE id = $1', [id]);
		expect(await userOfSession(db, jar.get(SESSION_COOKIE))).toBeNull();
	});

	it('a session of the local sign-in no longer counts once the local sign-in is off; one through OpenID Connect does', async () => {
		const id = await insertUser(db, 'lokaal-uit@wijkbeeld.test', { role: 'admin' });
		const local = new CookieJar();
		await createSession(db, local, id, 'lokaal', false);
		const oidc = new CookieJar();
		await createSession(db, oidc, id, 'oidc', false);
		expect(await userOfSession(db, local.get(SESSION_COOKIE), true)).toMatchObject({ id, role: 'admin' });
		expect(await userOfSession(db, local.get(SESSION_COOKIE), false)).toBeNull();
		expect(await userOfSession(db, oidc.get(SESSION_COOKIE), false)).toMatchObject({ id, role: 'admin' });
	});

	it('ends a session: the token no longer works and the cookie is gone', async () => {
		const id = await insertUser(db, 'afmelden@wijkbeeld.test');
		const jar = new CookieJar();
		await createSession(db, jar, id, 'oidc', false);
		const token = jar.get(SESSION_COOKIE);
		await endSession(db, jar);
		expect(jar.get(SESSION_COOKIE)).toBeUndefined();
		expect(await userOfSession(db, token)).toBeNull();
	});
});

describe(`user administration on ${engine}`, () => {
	let db: Db;
	let admin: number;
	beforeAll(async () => {
		db = await freshDatabase();
		admin = await insertUser(db, 'admin@wijkbeeld.test', { role: 'admin' });
	});
	afterAll(() => db?.close());

	it('changes a role, records before and after, and lists the result', async () => {
		const id = await insertUser(db, 'kijker@wijkbeeld.test');
		const actor = { id: admin, name: 'admin' };
		const updated = await db.transaction((tx) =>
			users.update(tx, actor, id, { role: 'editor', gemeentecode: 'GM0164', organisation: null, active: true })
		);
		expect(updated).toMatchObject({ id, role: 'editor', gemeentecode: 'GM0164', active: true, oidc: false });
		const [entry] = await db.query<{ user_id: number; entity: string; action: string; before: { role: string }; after: { role: string; gemeentecode: string } }>(
			`SELECT user_id, entity, action, before, after FROM audit_log WHERE entity = 'user' AND entity_id = $1`,
			[id]
		);
		expect(entry).toMatchObject({ entity: 'user', action: 'update', before: { role: 'viewer' }, after: { role: 'editor', gemeentecode: 'GM0164' } });
		expect(Number(entry.user_id)).toBe(admin);
		expect((await users.list(db)).map((u) => u.email)).toEqual(expect.arrayContaining(['admin@wijkbeeld.test', 'kijker@wijkbeeld.test']));
		expect(await users.get(db, 999_999)).toBeNull();
	});

	it('refuses to leave no active admin, and writes nothing then', async () => {
		const actor = { id: admin, name: 'admin' };
		for (const change of [
			{ role: 'viewer' as const, gemeentecode: null, organisation: null, active: true },
			{ role: 'admin' as const, gemeentecode: null, organisation: null, active: false }
		]) {
			await expect(db.transaction((tx) => users.update(tx, actor, admin, change))).rejects.toBeInstanceOf(users.LastAdminError);
		}
		expect(await users.get(db, admin)).toMatchObject({ role: 'admin', active: true });
		expect(await db.query(`SELECT 1 FROM audit_log WHERE entity = 'user' AND entity_id = $1`, [admin])).toEqual([]);
		// With a second admin, the first may step down.
		const second = await insertUser(db, 'admin2@wijkbeeld.test', { role: 'admin' });
		await db.transaction((tx) => users.update(tx, actor, admin, { role: 'viewer', gemeentecode: null, organisation: null, active: true }));
		expect((await users.get(db, admin))!.role).toBe('viewer');
		expect((await users.get(db, second))!.role).toBe('admin');
	});

	it('ends the sessions of a user who is switched off', async () => {
		const id = await insertUser(db, 'partner@wijkbeeld.test', { role: 'partner', organisation: 'Welbions' });
		const jar = new CookieJar();
		await createSession(db, jar, id, 'lokaal', false);
		await db.transaction((tx) =>
			users.update(tx, { id: admin, name: 'admin' }, id, { role: 'partner', gemeentecode: null, organisation: 'Welbions', active: false })
		);
		expect(await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [id])).toEqual([]);
	});
});

describe(`OpenID Connect sign-in on ${engine}`, () => {
	const APP = 'http://127.0.0.1:4999';
	let db: Db;
	let provider: TestProvider;
	let oidc: OidcConfig;

	beforeAll(async () => {
		db = await freshDatabase();
		provider = await startTestProvider({
			port: 0,
			clientId: 'wijkbeeld-test',
			clientSecret: 'geheim-voor-de-test',
			redirectUris: [redirectUri(APP)],
			accounts: {
				foo: { password: 'bar', email: 'foo@gemeente.test', name: 'Fenna Foo' },
				bea: { password: 'bea', email: 'Bea@Gemeente.test', name: 'Bea Baas' },
				hanna: { password: 'hanna', email: 'hanna@gemeente.test', name: 'Hanna (IdP)' },
				uit: { password: 'uit', email: 'uit@gemeente.test', name: 'Uit Gezet' },
				onbevestigd: { password: 'x', email: 'hanna2@gemeente.test', name: 'Niet bevestigd', emailVerified: false }
			}
		});
		oidc = { issuer: provider.issuer, clientId: 'wijkbeeld-test', clientSecret: 'geheim-voor-de-test', name: 'Testprovider', admins: ['bea@gemeente.test'] };
	});
	afterAll(async () => {
		await provider?.close();
		await db?.close();
	});

	/** A browser at the provider: follows its redirects with a cookie jar until it sends us back to the app. */
	async function atProvider(start: URL, login: string | null, password = login ?? '') {
		const jar = new Map<string, string>();
		const go = async (url: string, init: RequestInit = {}) => {
			const response = await fetch(url, {
				...init,
				redirect: 'manual',
				headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
			});
			for (const cookie of response.headers.getSetCookie()) {
				const [pair] = cookie.split(';');
				const at = pair.indexOf('=');
				jar.set(pair.slice(0, at), pair.slice(at + 1));
			}
			return response;
		};
		let response = await go(start.href);
		for (let hop = 0; hop < 10; hop++) {
			if (response.status === 200) {
				// The login page: post its form (or press Annuleren).
				const html = await response.text();
				const uid = /\/interaction\/([\w-]+)\/login/.exec(html)?.[1];
				expect(uid, html).toBeTruthy();
				response = login
					? await go(`${provider.issuer}/interaction/${uid}/login`, {
							method: 'POST',
							headers: { 'content-type': 'application/x-www-form-urlencoded' },
							body: new URLSearchParams({ login, password }).toString()
						})
					: await go(`${provider.issuer}/interaction/${uid}/abort`, { method: 'POST' });
				continue;
			}
			expect([302, 303], await response.clone().text()).toContain(response.status);
			const location = new URL(response.headers.get('location')!, provider.issuer);
			if (location.href.startsWith(redirectUri(APP))) return location;
			response = await go(location.href);
		}
		throw new Error('the provider never sent the browser back');
	}

	async function signIn(login: string | null, password?: string, terug = '/beheer/gebruikers') {
		const cookies = new CookieJar();
		const authorize = await startSignIn(oidc, cookies, APP, terug);
		expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
		expect(authorize.searchParams.get('redirect_uri')).toBe(`${APP}/aanmelden/oidc/terug`);
		expect(cookies.get(PENDING_COOKIE)).toBeTruthy();
		const callback = await atProvider(authorize, login, password);
		const result = await finishSignIn(db, oidc, cookies, callback);
		return { result, cookies, callback };
	}

	it('allows plain http only to a provider on this machine, outside production', () => {
		expect(insecureAllowed('http://127.0.0.1:4511')).toBe(true);
		expect(insecureAllowed('http://localhost:4511/realm')).toBe(true);
		expect(insecureAllowed('http://idp.example.nl')).toBe(false);
		expect(insecureAllowed('http://127.0.0.1:4511', { NODE_ENV: 'production' })).toBe(false);
		expect(insecureAllowed('http://127.0.0.1:4511', { WIJKBEELD_MODE: 'productie' })).toBe(false);
	});

	it('creates a viewer on the first sign-in, with a session, and finds the same user the second time', async () => {
		const first = await signIn('foo', 'bar');
		expect(first.result).toMatchObject({ ok: true, terug: '/beheer/gebruikers', user: { email: 'foo@gemeente.test', name: 'Fenna Foo', role: 'viewer', oidc: true } });
		if (!first.result.ok) return;
		const token = first.cookies.get(SESSION_COOKIE);
		expect(await userOfSession(db, token)).toMatchObject({ id: first.result.user.id, role: 'viewer' });
		expect(first.cookies.get(PENDING_COOKIE)).toBeUndefined();
		const [{ method }] = await db.query<{ method: string }>('SELECT method FROM sessions WHERE user_id = $1', [first.result.user.id]);
		expect(method).toBe('oidc');
		const [linked] = await db.query<{ oidc_issuer: string; oidc_subject: string }>('SELECT oidc_issuer, oidc_subject FROM users WHERE id = $1', [first.result.user.id]);
		expect(linked).toEqual({ oidc_issuer: provider.issuer, oidc_subject: 'foo' });
		expect(await db.query(`SELECT 1 FROM audit_log WHERE entity = 'user' AND action = 'create' AND entity_id = $1`, [first.result.user.id])).toHaveLength(1);

		const second = await signIn('foo', 'bar', '/');
		expect(second.result).toMatchObject({ ok: true, terug: '/', user: { id: first.result.user.id } });
		expect(await db.query(`SELECT 1 FROM users WHERE lower(email) = 'foo@gemeente.test'`)).toHaveLength(1);
	});

	it('makes an address on the admins list an admin on its first sign-in', async () => {
		const { result } = await signIn('bea', 'bea');
		expect(result).toMatchObject({ ok: true, user: { email: 'bea@gemeente.test', role: 'admin' } });
	});

	it('links an existing user with the same (verified) e-mail address, keeping their role', async () => {
		const id = await insertUser(db, 'hanna@gemeente.test', { role: 'editor', gemeentecode: 'GM0164' });
		const { result } = await signIn('hanna', 'hanna');
		expect(result).toMatchObject({ ok: true, user: { id, role: 'editor', gemeentecode: 'GM0164', oidc: true, name: 'Hanna (IdP)' } });
	});

	it('does not link an existing user on an unverified address', async () => {
		await insertUser(db, 'hanna2@gemeente.test', { role: 'editor', gemeentecode: 'GM0164' });
		const { result, cookies } = await signIn('onbevestigd', 'x');
		expect(result).toMatchObject({ ok: false, reason: 'email_in_gebruik' });
		expect(cookies.get(SESSION_COOKIE)).toBeUndefined();
	});

	it('refuses an inactive user: no session', async () => {
		await insertUser(db, 'uit@gemeente.test', { active: false });
		const { result, cookies } = await signIn('uit', 'uit');
		expect(result).toMatchObject({ ok: false, reason: 'inactief', terug: '/beheer/gebruikers' });
		expect(cookies.get(SESSION_COOKIE)).toBeUndefined();
	});

	it("passes on the provider's access_denied when the user cancels", async () => {
		const { result, callback } = await signIn(null);
		expect(callback.searchParams.get('error')).toBe('access_denied');
		expect(result).toMatchObject({ ok: false, reason: 'access_denied' });
	});

	it('refuses a callback without the pending cookie, or with a forged one', async () => {
		const cookies = new CookieJar();
		const authorize = await startSignIn(oidc, cookies, APP, '/');
		const callback = await atProvider(authorize, 'foo', 'bar');
		const none = await finishSignIn(db, oidc, new CookieJar(), callback);
		expect(none).toMatchObject({ ok: false, reason: 'verlopen' });
		const forged = new CookieJar();
		const [payload, mac] = cookies.get(PENDING_COOKIE)!.split('.');
		const changed = JSON.parse(Buffer.from(payload, 'base64url').toString());
		changed.terug = '/elders';
		forged.set(PENDING_COOKIE, `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${mac}`);
		expect(await finishSignIn(db, oidc, forged, callback)).toMatchObject({ ok: false, reason: 'verlopen' });
		expect(forged.get(SESSION_COOKIE)).toBeUndefined();
		// The genuine cookie still works (the code was not used up by the refused attempts).
		expect(await finishSignIn(db, oidc, cookies, callback)).toMatchObject({ ok: true });
	});

	it('refuses a callback whose state does not match the pending sign-in', async () => {
		const mine = new CookieJar();
		await startSignIn(oidc, mine, APP, '/');
		const other = new CookieJar();
		const callback = await atProvider(await startSignIn(oidc, other, APP, '/'), 'foo', 'bar');
		const result = await finishSignIn(db, oidc, mine, callback);
		expect(result).toMatchObject({ ok: false, reason: 'mislukt' });
		expect(mine.get(SESSION_COOKIE)).toBeUndefined();
	});
});

describe(`OpenID Connect identities on ${engine}`, () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDatabase();
	});
	afterAll(() => db?.close());

	const identity = (subject: string, email: string, emailVerified: boolean) => ({ issuer: 'https://login.example', subject, email, emailVerified, name: subject });

	it('grants admin by address only when the provider verified it, and by subject always', async () => {
		const admins = ['baas@gemeente.test', 'sub:Abc-123_XyZ'];
		const unverified = await db.transaction((tx) => users.findOrCreateForOidc(tx, identity('s1', 'baas@gemeente.test', false), admins));
		expect(unverified).toMatchObject({ ok: true, user: { role: 'viewer' } });
		const bySubject = await db.transaction((tx) => users.findOrCreateForOidc(tx, identity('Abc-123_XyZ', 'iemand@gemeente.test', false), admins));
		expect(bySubject).toMatchObject({ ok: true, user: { role: 'admin' } });
		// The subject is compared as the provider sends it: another case is another subject.
		const otherCase = await db.transaction((tx) => users.findOrCreateForOidc(tx, identity('abc-123_xyz', 'ander@gemeente.test', false), admins));
		expect(otherCase).toMatchObject({ ok: true, user: { role: 'viewer' } });
	});

	it('does not link an existing user on an address the provider did not verify', async () => {
		await insertUser(db, 'voorbereid@gemeente.test', { role: 'editor', gemeentecode: 'GM0164' });
		const refused = await db.transaction((tx) => users.findOrCreateForOidc(tx, identity('s9', 'voorbereid@gemeente.test', false), []));
		expect(refused).toEqual({ ok: false, reason: 'email_in_gebruik' });
		const linked = await db.transaction((tx) => users.findOrCreateForOidc(tx, identity('s9', 'voorbereid@gemeente.test', true), []));
		expect(linked).toMatchObject({ ok: true, user: { role: 'editor', gemeentecode: 'GM0164' } });
	});
});
