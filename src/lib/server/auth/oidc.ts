// The OpenID Connect relying party (openid-client): the authorization code flow with PKCE, state and nonce
// against the municipality's identity provider. The pending sign-in (state, nonce, code verifier, return path)
// waits in a short-lived http-only cookie signed with a key derived from the client secret, so that any
// instance of the app can finish a sign-in another one started, and nobody can forge it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import * as client from 'openid-client';
import type { Db } from '../db/client';
import * as users from '../db/users';
import type { OidcConfig } from '../config';
import { createSession, pruneSessions, secureCookies } from './sessions';
import { isLoopbackIssuer, isProduction } from './local-users';
import { safeReturnPath } from '../../domain/roles';
import type { UserRecord } from '../../domain/users';

export const PENDING_COOKIE = 'wijkbeeld_oidc';
export const CALLBACK_PATH = '/aanmelden/oidc/terug';
/** Long enough to type a password and answer a second factor; short enough that a stolen cookie is stale. */
const PENDING_MINUTES = 10;
const SCOPE = 'openid email profile';

/** Plain http to the provider only on this machine (the test provider) and never in production. */
export function insecureAllowed(issuer: string, env: NodeJS.ProcessEnv = process.env): boolean {
	return isLoopbackIssuer(issuer) && !isProduction(env);
}

// client_secret_basic is the default of the spec; a provider that lists only client_secret_post gets that.
function clientSecretAuth(secret: string): client.ClientAuth {
	const basic = client.ClientSecretBasic(secret);
	const post = client.ClientSecretPost(secret);
	return (as, metadata, body, headers) => {
		const methods = as.token_endpoint_auth_methods_supported;
		return (!methods || methods.includes('client_secret_basic') ? basic : post)(as, metadata, body, headers);
	};
}

// Discovery once per provider and client; a failure is not cached, so the next sign-in tries again.
const discovered = new Map<string, Promise<client.Configuration>>();

export function configuration(oidc: OidcConfig): Promise<client.Configuration> {
	const key = `${oidc.issuer}\n${oidc.clientId}`;
	let found = discovered.get(key);
	if (!found) {
		const options = insecureAllowed(oidc.issuer) ? { execute: [client.allowInsecureRequests] } : undefined;
		found = client.discovery(new URL(oidc.issuer), oidc.clientId, undefined, clientSecretAuth(oidc.clientSecret), options);
		found.catch(() => discovered.delete(key));
		discovered.set(key, found);
	}
	return found;
}

interface Pending {
	state: string;
	nonce: string;
	verifier: string;
	terug: string;
	/** When the sign-in started (ms since the epoch). */
	at: number;
}

function signature(oidc: OidcConfig, payload: string): Buffer {
	const key = createHmac('sha256', oidc.clientSecret).update('wijkbeeld oidc pending sign-in').digest();
	return createHmac('sha256', key).update(payload).digest();
}

function seal(oidc: OidcConfig, pending: Pending): string {
	const payload = Buffer.from(JSON.stringify(pending)).toString('base64url');
	return `${payload}.${signature(oidc, payload).toString('base64url')}`;
}

function unseal(oidc: OidcConfig, value: string | undefined): Pending | null {
	const [payload, mac] = (value ?? '').split('.');
	if (!payload || !mac) return null;
	const expected = signature(oidc, payload);
	const given = Buffer.from(mac, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	try {
		const pending = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Pending;
		if (typeof pending.at !== 'number' || Date.now() - pending.at > PENDING_MINUTES * 60_000) return null;
		return pending;
	} catch {
		return null;
	}
}

/** Where the provider sends the browser back to. */
export function redirectUri(origin: string): string {
	return `${origin}${CALLBACK_PATH}`;
}

/** Starts a sign-in: remembers its secrets in the cookie and returns the provider's authorization URL. */
export async function startSignIn(oidc: OidcConfig, cookies: Cookies, origin: string, terug: string | null): Promise<URL> {
	const config = await configuration(oidc);
	const pending: Pending = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier(),
		terug: safeReturnPath(terug),
		at: Date.now()
	};
	cookies.set(PENDING_COOKIE, seal(oidc, pending), {
		path: '/aanmelden/oidc',
		httpOnly: true,
		// Lax: the cookie comes along on the provider's top-level redirect back to us.
		sameSite: 'lax',
		secure: origin.startsWith('https:'),
		maxAge: PENDING_MINUTES * 60
	});
	return client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri(origin),
		scope: SCOPE,
		state: pending.state,
		nonce: pending.nonce,
		code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256'
	});
}

export type SignInResult =
	| { ok: true; user: UserRecord; terug: string }
	/** `reason`: the provider's error code (access_denied, ...) or one of ours (verlopen, inactief, ...). */
	| { ok: false; reason: string; terug: string };

/**
 * Finishes a sign-in on the callback URL: checks state, nonce and PKCE, exchanges the code, finds or creates
 * the user and starts their session. Never throws for what a provider or a user can cause.
 */
export async function finishSignIn(db: Db, oidc: OidcConfig, cookies: Cookies, callbackUrl: URL): Promise<SignInResult> {
	const pending = unseal(oidc, cookies.get(PENDING_COOKIE));
	cookies.delete(PENDING_COOKIE, { path: '/aanmelden/oidc' });
	const terug = pending?.terug ?? '/';
	const providerError = callbackUrl.searchParams.get('error');
	if (!pending) return { ok: false, reason: providerError ?? 'verlopen', terug };

	let identity: users.OidcIdentity;
	try {
		const config = await configuration(oidc);
		// The redirect_uri sent with the code is this URL without its query: the one startSignIn gave.
		const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
			pkceCodeVerifier: pending.verifier,
			expectedState: pending.state,
			expectedNonce: pending.nonce,
			idTokenExpected: true
		});
		const claims = tokens.claims()!;
		let email = typeof claims.email === 'string' ? claims.email : null;
		let verified = claims.email_verified;
		let name = typeof claims.name === 'string' ? claims.name : null;
		// Many providers put e-mail and name only in the userinfo response, not in the ID token.
		if (!email || !name) {
			const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
			email ??= info.email ?? null;
			verified ??= info.email_verified;
			name ??= info.name ?? ([info.given_name, info.family_name].filter(Boolean).join(' ') || info.preferred_username || null);
		}
		identity = {
			issuer: config.serverMetadata().issuer,
			subject: claims.sub,
			email,
			// Only an explicit true: a provider that does not say (Entra ID omits the claim) has not verified it.
			emailVerified: verified === true,
			name: name ?? email ?? claims.sub
		};
	} catch (error) {
		if (error instanceof client.AuthorizationResponseError) return { ok: false, reason: error.error, terug };
		// Anything else (a wrong state, a refused code, the provider down) is logged for the operator; the user
		// gets a general message.
		console.error('[wijkbeeld] OpenID Connect: aanmelding mislukt', error);
		return { ok: false, reason: 'mislukt', terug };
	}

	await pruneSessions(db);
	const secure = secureCookies();
	return db.transaction(async (tx) => {
		const found = await users.findOrCreateForOidc(tx, identity, oidc.admins);
		if (!found.ok) return { ok: false, reason: found.reason, terug };
		await createSession(tx, cookies, found.user.id, 'oidc', secure);
		return { ok: true, user: found.user, terug };
	});
}
