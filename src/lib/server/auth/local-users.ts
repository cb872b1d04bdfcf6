// The local sign-in of the embedded default: a fixed set of example users, one per role, so that the app
// can be tried and tested without an identity provider. It works only outside production mode
// (see localSignInAllowed) and the sign-in page says so.
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

/** Production mode: NODE_ENV=production or WIJKBEELD_MODE=productie. The local sign-in is then off. */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
	return env.NODE_ENV === 'production' || env.WIJKBEELD_MODE === 'productie';
}

export function localSignInAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
	return !isProduction(env);
}
