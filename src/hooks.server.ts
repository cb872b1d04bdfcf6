import { error, isHttpError, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { closeDb, getDb } from '$lib/server/db';
import { sessionCookieName, userOfSession } from '$lib/server/auth/sessions';
import { isProduction, signInConfigProblem } from '$lib/server/auth/local-users';
import { readConfig } from '$lib/server/config';
import { crossSiteRefusal, trustedOrigins } from '$lib/server/same-origin';
import { EXPENSIVE_ROUTES, RateLimiter } from '$lib/server/rate-limit';
import { queryProblem } from '$lib/server/query-bounds';

// Warm the database before the first request: migrations, and the first-start import when it is empty.
export const init: ServerInit = async () => {
	const problem = signInConfigProblem(process.env, readConfig().oidc?.issuer ?? null);
	if (problem) {
		console.error(`[wijkbeeld] start geweigerd: ${problem}`);
		process.exit(1);
	}
	try {
		await getDb();
	} catch (e) {
		// A read-only or full PGlite directory, a database that refuses us: say what and where, and stop (non-zero)
		// instead of serving pages that all fail.
		const config = readConfig();
		const where = config.databaseUrl ? 'de PostgreSQL-server van DATABASE_URL' : `de PGlite-map ${config.pgliteDir} (WIJKBEELD_DB_DIR)`;
		console.error(`[wijkbeeld] start mislukt: ${where} is niet te gebruiken: ${isHttpError(e) ? e.body.message : ((e as Error).message ?? String(e))}. Controleer of de map schrijfbaar is en er ruimte is.`);
		process.exit(1);
	}
	// adapter-node emits this on SIGTERM/SIGINT once requests have drained; PGlite must be closed
	// or the process does not exit.
	process.once('sveltekit:shutdown', () => {
		void closeDb();
	});
};

const requestId: Handle = async ({ event, resolve }) => {
	// A proxy's id is kept when it looks like one; anything else (8 kB, markup) is not echoed back.
	const given = event.request.headers.get('x-request-id');
	event.locals.requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID().slice(0, 8);
	const response = await resolve(event);
	response.headers.set('x-request-id', event.locals.requestId);
	return response;
};

const DEFAULT_MESSAGES: Record<number, string> = {
	404: 'Niet gevonden',
	413: 'De invoer is te groot',
	415: 'Dit soort invoer wordt hier niet aangenomen',
	503: 'De dienst is tijdelijk niet beschikbaar; probeer het over een minuut opnieuw'
};

/**
 * The API speaks JSON `{ error }` for every failure, also for the ones SvelteKit answers itself. A thrown
 * `error(status, { message, errors, current })` becomes `{ error, errors, current }`.
 */
const apiErrors: Handle = async ({ event, resolve }) => {
	if (!event.url.pathname.startsWith('/api/')) return resolve(event);
	// SvelteKit answers a thrown error as JSON only to a client that accepts JSON; the API always does.
	if (!/json|\*\/\*/.test(event.request.headers.get('accept') ?? '')) {
		try {
			event.request.headers.set('accept', 'application/json');
		} catch {
			// Immutable headers: the HTML error page is then turned into `{ error }` below, without its message.
		}
	}
	const response = await resolve(event);
	if (response.ok) return response;
	let body: Record<string, unknown> = { error: DEFAULT_MESSAGES[response.status] ?? (response.status >= 500 ? 'Er ging iets mis op de server' : 'Ongeldig verzoek') };
	if (response.status === 405) body.error = `Methode ${event.request.method} is hier niet toegestaan (wel: ${response.headers.get('allow') ?? 'GET'})`;
	if (response.headers.get('content-type')?.includes('application/json')) {
		const answered = await response.clone().json().catch(() => null);
		if (answered && typeof answered.error === 'string') return response;
		if (typeof answered?.message === 'string' && response.status !== 405) {
			const { message, errors, current } = answered;
			body = { error: message, errors, current };
		}
	}
	// A failure of the server names the request, so that the log line can be found (the README promises it).
	if (response.status >= 500) body.requestId = event.locals.requestId;
	const headers = new Headers(response.headers);
	// The body is new, so the length and encoding of the old one no longer apply.
	headers.delete('content-length');
	headers.delete('content-encoding');
	headers.set('content-type', 'application/json');
	return new Response(JSON.stringify(body), { status: response.status, headers });
};

/** A state-changing request from another site is refused before any route sees it (see same-origin.ts). */
const sameOrigin: Handle = async ({ event, resolve }) => {
	const refusal = crossSiteRefusal(event.request.method, event.request.headers, event.url.origin, trusted);
	if (refusal) error(403, refusal);
	return resolve(event);
};
const trusted = trustedOrigins();

/**
 * Headers every answer carries. The CSP itself comes from kit.csp (svelte.config.js, scripts by hash); embedding is
 * decided here at run time: frame-ancestors from WIJKBEELD_FRAME_ANCESTORS (default 'self', e.g.
 * "'self' https://intranet.hengelo.nl"). Staff JSON is never stored by a cache; HSTS in production mode.
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const set = (name: string, value: string) => {
		try {
			response.headers.set(name, value);
		} catch {
			// A Response with immutable headers (a fetch passed through): left as it is.
		}
	};
	set('x-content-type-options', 'nosniff');
	set('referrer-policy', 'strict-origin-when-cross-origin');
	const csp = response.headers.get('content-security-policy');
	set('content-security-policy', csp ? `${csp}; frame-ancestors ${frameAncestors}` : `frame-ancestors ${frameAncestors}`);
	if (frameAncestors === "'self'") set('x-frame-options', 'SAMEORIGIN');
	if (production) set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	if (event.locals.user && event.url.pathname.startsWith('/api/')) set('cache-control', 'private, no-store');
	return response;
};
const frameAncestors = (process.env.WIJKBEELD_FRAME_ANCESTORS ?? '').replace(/[;\r\n]/g, '').trim() || "'self'";
const production = isProduction();

/** An absurd query string (too long, too many parameters or list items) is a 400 naming the parameter (query-bounds.ts). */
const queryBounds: Handle = async ({ event, resolve }) => {
	const problem = queryProblem(event.url);
	if (problem) error(400, problem);
	return resolve(event);
};

/** The expensive public routes answer 429 to a client that asks too often (see rate-limit.ts). */
const rateLimit: Handle = async ({ event, resolve }) => {
	const route = EXPENSIVE_ROUTES.find((r) => r.test(event.url.pathname, event.url.searchParams));
	if (route) {
		const wait = limiter.take(`${route.group} ${event.getClientAddress()}`, route.limit);
		if (wait > 0) {
			return new Response(JSON.stringify({ error: `Te veel verzoeken achter elkaar; probeer het over ${wait} s opnieuw` }), {
				status: 429,
				headers: { 'content-type': 'application/json', 'retry-after': String(wait) }
			});
		}
	}
	return resolve(event);
};
const limiter = new RateLimiter();

/** The user of the session cookie, for every route and every server-side check. */
const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName());
	event.locals.user = token ? await userOfSession(await getDb(), token) : null;
	return resolve(event);
};

export const handle = sequence(requestId, securityHeaders, apiErrors, queryBounds, sameOrigin, rateLimit, session);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status !== 404) {
		console.error(`[wijkbeeld] ${event.locals.requestId ?? '-'} ${event.request.method} ${event.url.pathname}`, error);
	}
	return {
		message: status === 404 ? 'Niet gevonden' : `Er ging iets mis (${message}); meld code ${event.locals.requestId ?? '-'}`,
		requestId: event.locals.requestId
	};
};
