// The server-side check in front of every write: 401 without a session, 403 when the role does not allow
// it. Routes call these before they touch the database; the UI hiding a button is never the only check.
import { apiError } from '../http';
import { canReadSignals, canUndo, canWrite, canManageUsers, type Entity, type ItemScope, type User } from '../../domain/roles';

export type Guard = { ok: true; user: User } | { ok: false; response: Response };

export function requireUser(user: User | null): Guard {
	if (!user) return { ok: false, response: apiError(401, 'Meld u aan om dit te doen') };
	return { ok: true, user };
}

export function requireWrite(user: User | null, entity: Entity, item: ItemScope): Guard {
	const signedIn = requireUser(user);
	if (!signedIn.ok) return signedIn;
	if (!canWrite(signedIn.user, entity, item)) {
		return { ok: false, response: apiError(403, forbiddenMessage(signedIn.user, entity, item)) };
	}
	return signedIn;
}

export function requireSignals(user: User | null): Guard {
	const signedIn = requireUser(user);
	if (!signedIn.ok) return signedIn;
	if (!canReadSignals(signedIn.user)) return { ok: false, response: apiError(403, 'Signalen zijn alleen zichtbaar voor medewerkers van de gemeente') };
	return signedIn;
}

export function requireUndo(user: User | null, gemeentecode: string | null): Guard {
	const signedIn = requireUser(user);
	if (!signedIn.ok) return signedIn;
	if (!canUndo(signedIn.user, gemeentecode)) return { ok: false, response: apiError(403, 'Alleen een redacteur van deze gemeente kan wijzigingen ongedaan maken') };
	return signedIn;
}

export function requireAdmin(user: User | null): Guard {
	const signedIn = requireUser(user);
	if (!signedIn.ok) return signedIn;
	if (!canManageUsers(signedIn.user)) return { ok: false, response: apiError(403, 'Alleen een beheerder beheert gebruikers en rollen') };
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
