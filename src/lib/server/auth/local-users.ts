// The local sign-in of the embedded default: a fixed set of example users, one per role, so that the app
// can be tried and tested without an identity provider. It is off unless switched on explicitly with
// WIJKBEELD_LOKALE_AANMELDING=aan (`npm start`, `npm run dev` and the tests do that); see localSignInAllowed.
import type { Role } from '../../domain/roles';

export interface LocalUser {
	email: string;
	name: string;
	role: Role;
	gemeentecode: string | null;
	organisation: string | null;
}

export const LOCAL_USERS: LocalUser[] = [
	{ email: 'kijker@wijkbeeld.local', name: 'Kees Kijker', role: 'viewer', gemeentecode: null, organisation: null },
	{ email: 'redacteur.hengelo@wijkbeeld.local', name: 'Hanna Hengelo (redacteur)', role: 'editor', gemeentecode: 'GM0164', organisation: 'Gemeente Hengelo' },
	{ email: 'redacteur.enschede@wijkbeeld.local', name: 'Erik Enschede (redacteur)', role: 'editor', gemeentecode: 'GM0153', organisation: 'Gemeente Enschede' },
	{ email: 'partner.welbions@wijkbeeld.local', name: 'Wendy Welbions (partner)', role: 'partner', gemeentecode: null, organisation: 'Welbions' },
	{ email: 'partner.domijn@wijkbeeld.local', name: 'Daan Domijn (partner)', role: 'partner', gemeentecode: null, organisation: 'Domijn' },
	{ email: 'beheerder@wijkbeeld.local', name: 'Bea Beheerder', role: 'admin', gemeentecode: null, organisation: null }
];

/**
 * Production mode: NODE_ENV=production or WIJKBEELD_MODE=productie, in any spelling of case and also in English
 * (`production`). It decides only whether plain http to a loopback identity provider is allowed; the local sign-in
 * has its own switch.
 */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
	const mode = (env.WIJKBEELD_MODE ?? '').trim().toLowerCase();
	return (env.NODE_ENV ?? '').trim().toLowerCase() === 'production' || mode === 'productie' || mode === 'production';
}

/** The local sign-in is on only with WIJKBEELD_LOKALE_AANMELDING=aan: a forgotten or misspelt setting leaves it off. */
export function localSignInAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.WIJKBEELD_LOKALE_AANMELDING === 'aan';
}

/** An identity provider on this machine: the test provider of the e2e tests, never a municipality's. */
export function isLoopbackIssuer(issuer: string): boolean {
	try {
		return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(issuer).hostname);
	} catch {
		return false;
	}
}

/**
 * Why the app must not start with this configuration, or null. The local sign-in next to a real identity provider
 * would give anyone who reaches the sign-in page an admin session; only the loopback test provider may sit beside it.
 */
export function signInConfigProblem(env: NodeJS.ProcessEnv, oidcIssuer: string | null): string | null {
	if (!localSignInAllowed(env) || oidcIssuer === null || isLoopbackIssuer(oidcIssuer)) return null;
	return `WIJKBEELD_LOKALE_AANMELDING=aan terwijl OpenID Connect is ingesteld (${oidcIssuer}): de lokale aanmelding zou iedereen beheerder laten worden. Zet WIJKBEELD_LOKALE_AANMELDING uit.`;
}
