// The server-side check in front of every write: 401 without a session, 403 when the role does not allow
// it. Routes call these before they touch the database; the UI hiding a button is never the only check.
// Each returns the user it let through and throws a SvelteKit `error()` otherwise, so inside a transaction
// a refusal rolls back whatever was done before it.
import { error } from '@sveltejs/kit';
import { canReadSignals, canReadSignalsOf, canUndo, canWrite, canManageUsers, type Entity, type ItemScope, type User } from '../../domain/roles';

export function requireUser(user: User | null): User {
	if (!user) error(401, 'Meld u aan om dit te doen');
	return user;
}

export function requireWrite(user: User | null, entity: Entity, item: ItemScope): User {
	const signedIn = requireUser(user);
	if (!canWrite(signedIn, entity, item)) error(403, forbiddenMessage(signedIn, entity, item));
	return signedIn;
}

/** Staff who may see signals; with a gemeente, only that gemeente's editors (and admins). */
export function requireSignals(user: User | null, gemeentecode?: string): User {
	const signedIn = requireUser(user);
	if (!canReadSignals(signedIn)) error(403, 'Signalen zijn alleen zichtbaar voor medewerkers van de gemeente');
	if (gemeentecode !== undefined && !canReadSignalsOf(signedIn, gemeentecode)) error(403, `Signalen in ${gemeentecode} zijn alleen zichtbaar voor medewerkers van die gemeente`);
	return signedIn;
}

export function requireUndo(user: User | null, gemeentecode: string | null): User {
	const signedIn = requireUser(user);
	if (!canUndo(signedIn, gemeentecode)) error(403, 'Alleen een redacteur van deze gemeente kan wijzigingen ongedaan maken');
	return signedIn;
}

export function requireAdmin(user: User | null): User {
	const signedIn = requireUser(user);
	if (!canManageUsers(signedIn)) error(403, 'Alleen een beheerder beheert gebruikers en rollen');
	return signedIn;
}

function forbiddenMessage(user: User, entity: Entity, item: ItemScope): string {
	if (user.role === 'viewer') return 'U heeft alleen leesrechten';
	if (user.role === 'partner') {
		return entity === 'investment'
			? `U kunt alleen investeringen van ${user.organisation} wijzigen`
			: 'Een partner kan alleen de eigen investeringen wijzigen';
	}
	return `U bent redacteur voor een andere gemeente dan ${item.gemeentecode}`;
}
