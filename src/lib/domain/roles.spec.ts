// The whole permission matrix: every role against every kind of item, in its own and another gemeente or
// organisation; who sees signals and may undo; and which return paths after signing in are safe.
import { describe, expect, it } from 'vitest';
import { canEditAnything, canManageUsers, canReadSignals, canReadSignalsOf, canUndo, canWrite, safeReturnPath, type Entity, type User } from './roles';

const user = (role: User['role'], gemeentecode: string | null = null, organisation: string | null = null): User => ({
	id: 1,
	email: `${role}@wijkbeeld.test`,
	name: role,
	role,
	gemeentecode,
	organisation
});

const viewer = user('viewer', 'GM0164');
const editor = user('editor', 'GM0164', 'Gemeente Hengelo');
const partner = user('partner', null, 'Welbions');
const admin = user('admin');

const OWN_GEMEENTE = { gemeentecode: 'GM0164' };
const OTHER_GEMEENTE = { gemeentecode: 'GM0153' };
const OWN_PARTNER = { gemeentecode: 'GM0164', partner: 'Welbions' };
const OTHER_PARTNER = { gemeentecode: 'GM0164', partner: 'Domijn' };

describe('canWrite', () => {
	// [user, entity, item, expected]
	const matrix: [string, User | null, Entity, { gemeentecode: string; partner?: string }, boolean][] = [];
	const entities: Entity[] = ['programme', 'investment', 'signal', 'area_assessment'];
	for (const entity of entities) {
		matrix.push(
			['anonymous', null, entity, OWN_GEMEENTE, false],
			['viewer own gemeente', viewer, entity, OWN_GEMEENTE, false],
			['viewer other gemeente', viewer, entity, OTHER_GEMEENTE, false],
			['editor own gemeente', editor, entity, OWN_GEMEENTE, true],
			['editor other gemeente', editor, entity, OTHER_GEMEENTE, false],
			['editor own gemeente, any partner', editor, entity, OTHER_PARTNER, true],
			['admin own gemeente', admin, entity, OWN_GEMEENTE, true],
			['admin other gemeente', admin, entity, OTHER_GEMEENTE, true],
			// A partner writes only investments, and only its own organisation's.
			['partner own organisation', partner, entity, OWN_PARTNER, entity === 'investment'],
			['partner other organisation', partner, entity, OTHER_PARTNER, false],
			['partner, item without partner', partner, entity, OWN_GEMEENTE, false],
			['partner own organisation in another gemeente', partner, entity, { gemeentecode: 'GM0153', partner: 'Welbions' }, entity === 'investment']
		);
	}
	it.each(matrix)('%s may write a %s: %s', (_name, who, entity, item, expected) => {
		expect(canWrite(who, entity, item)).toBe(expected);
	});

	it('matches a partner organisation regardless of case and spaces', () => {
		expect(canWrite(partner, 'investment', { gemeentecode: 'GM0164', partner: '  welbions ' })).toBe(true);
	});

	it('never lets a partner without an organisation write', () => {
		expect(canWrite(user('partner'), 'investment', { gemeentecode: 'GM0164', partner: '' })).toBe(false);
	});

	it('gives an editor without a gemeente nothing', () => {
		expect(canWrite(user('editor'), 'programme', OWN_GEMEENTE)).toBe(false);
	});
});

describe('signals, undo, users, edit controls', () => {
	it('shows signals to editors and admins only', () => {
		expect([null, viewer, editor, partner, admin].map(canReadSignals)).toEqual([false, false, true, false, true]);
		// Of a gemeente: only its own editors, and admins.
		expect([null, viewer, editor, partner, admin].map((u) => canReadSignalsOf(u, editor.gemeentecode!))).toEqual([false, false, true, false, true]);
		expect([null, viewer, editor, partner, admin].map((u) => canReadSignalsOf(u, 'GM9999'))).toEqual([false, false, false, false, true]);
	});

	it('lets an editor undo in their own gemeente, an admin everywhere', () => {
		expect(canUndo(null, 'GM0164')).toBe(false);
		expect(canUndo(viewer, 'GM0164')).toBe(false);
		expect(canUndo(partner, 'GM0164')).toBe(false);
		expect(canUndo(editor, 'GM0164')).toBe(true);
		expect(canUndo(editor, 'GM0153')).toBe(false);
		expect(canUndo(editor, null)).toBe(false);
		expect(canUndo(admin, 'GM0153')).toBe(true);
		expect(canUndo(admin, null)).toBe(true);
	});

	it('lets only an admin manage users', () => {
		expect([null, viewer, editor, partner, admin].map(canManageUsers)).toEqual([false, false, false, false, true]);
	});

	it('offers edit controls to everyone but viewers', () => {
		expect([null, viewer, editor, partner, admin].map(canEditAnything)).toEqual([false, false, true, true, true]);
	});
});

describe('safeReturnPath', () => {
	it.each([
		['/', '/'],
		['/beheer/gebruikers', '/beheer/gebruikers'],
		['/?gemeente=GM0153&gebied=WK015303', '/?gemeente=GM0153&gebied=WK015303'],
		[null, '/'],
		[undefined, '/'],
		['', '/'],
		['//evil.com', '/'],
		['//evil.com/pad', '/'],
		['/\\evil.com', '/'],
		['\\\\evil.com', '/'],
		['https://x', '/'],
		['http://127.0.0.1:3000/', '/'],
		['javascript:alert(1)', '/'],
		['beheer', '/'],
		['/\t/evil.com', '/'],
		['/\n/evil.com', '/'],
		['/kaart\r\nSet-Cookie: x=1', '/']
	])('%s → %s', (input, expected) => {
		expect(safeReturnPath(input)).toBe(expected);
	});
});
