// Who may do what. The server checks every write with these rules (src/lib/server/auth/guard.ts); the UI
// uses the same ones only to decide which buttons to show.

export const ROLES = ['viewer', 'editor', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
	viewer: 'Kijker',
	editor: 'Redacteur (gemeente)',
	partner: 'Partner',
	admin: 'Beheerder'
};

/** The signed-in user as the app sees them. */
export interface User {
	id: number;
	email: string;
	name: string;
	role: Role;
	/** An editor's gemeente; null for an admin (every gemeente). */
	gemeentecode: string | null;
	/** A partner's organisation, as written in investments.partner. */
	organisation: string | null;
}

/** What can be written; an area assessment (priority, active residents and partners) is an editor's judgement. */
export type Entity = 'programme' | 'investment' | 'signal' | 'story' | 'area_assessment' | 'indeling' | 'wijkbudget';

/** What is known of an item to decide on it: its gemeente, and for an investment its partner. */
export interface ItemScope {
	gemeentecode: string;
	partner?: string;
}

function sameOrganisation(a: string | null | undefined, b: string | null | undefined): boolean {
	return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether the user may see signals at all (signed-in staff only). */
export function canReadSignals(user: User | null): boolean {
	return !!user && (user.role === 'editor' || user.role === 'admin');
}

/**
 * Whether the user may see the signals of this gemeente: its own editors and the admins. Signals are notes from
 * the field about people and places; they stay in their gemeente.
 */
export function canReadSignalsOf(user: User | null, gemeentecode: string): boolean {
	return canReadSignals(user) && (user!.role === 'admin' || user!.gemeentecode === gemeentecode);
}

/** Whether the user may create, change or delete this item. */
export function canWrite(user: User | null, entity: Entity, item: ItemScope): boolean {
	if (!user) return false;
	switch (user.role) {
		case 'admin':
			return true;
		case 'editor':
			return user.gemeentecode === item.gemeentecode;
		case 'partner':
			return entity === 'investment' && sameOrganisation(user.organisation, item.partner);
		default:
			return false;
	}
}

/** Whether the user may undo changes in a gemeente (editors of that gemeente, admins). */
export function canUndo(user: User | null, gemeentecode: string | null): boolean {
	if (!user) return false;
	if (user.role === 'admin') return true;
	return user.role === 'editor' && gemeentecode !== null && user.gemeentecode === gemeentecode;
}

/** Whether the user may manage users and roles. */
export function canManageUsers(user: User | null): boolean {
	return user?.role === 'admin';
}

/** Whether the user may write anything at all (decides whether edit controls are shown). */
export function canEditAnything(user: User | null): boolean {
	return !!user && user.role !== 'viewer';
}

/** A return path after signing in: only a path on this site ("/invoer?x=1"), never another host. */
export function safeReturnPath(value: string | null | undefined): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
	// Browsers drop tabs and newlines from a URL, so "/\t/evil.com" would become "//evil.com".
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(value)) return '/';
	return value;
}
