// Undo across gemeenten: a change that moved an item from one gemeente to another is listed in both gemeenten'
// Wijzigingen, and only someone who may undo in both may undo it (undoing writes in the gemeente it came from).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import type { Db } from '../../src/lib/server/db/client';
import * as programmes from '../../src/lib/server/db/programmes';
import { listAudit } from '../../src/lib/server/db/undo';
import { undoChange } from '../../src/lib/server/undo-change';
import type { User } from '../../src/lib/domain/roles';
import { engine, freshDatabase } from './database';
import { GM, OTHER_GM, loadRegisterAreas, programmeInput, testUser } from './register-fixture';

async function status(promise: Promise<unknown>): Promise<number> {
	try {
		await promise;
		return 200;
	} catch (error) {
		if (isHttpError(error)) return error.status;
		throw error;
	}
}

describe(`undo across gemeenten on ${engine}`, () => {
	let db: Db;
	let admin: User;
	let editorOther: User;
	let editorHome: User;
	beforeAll(async () => {
		db = await freshDatabase();
		await loadRegisterAreas(db);
		const user = async (name: string, role: User['role'], gemeentecode: string | null): Promise<User> => {
			const { id } = await testUser(db, name, role);
			await db.query('UPDATE users SET gemeentecode = $2 WHERE id = $1', [id, gemeentecode]);
			return { id, name, email: `${id}@test.local`, role, gemeentecode, organisation: null };
		};
		admin = await user('Bea Beheer', 'admin', null);
		editorOther = await user('Otto Other', 'editor', OTHER_GM);
		editorHome = await user('Hanna Home', 'editor', GM);
	});
	afterAll(() => db?.close());

	it('lists a move in both gemeenten, and lets only who may write in both undo it', async () => {
		const created = await db.transaction((tx) => programmes.create(tx, admin, programmeInput({ name: 'Verhuizer' })));
		await db.transaction((tx) =>
			programmes.update(tx, admin, created.id, programmeInput({ name: 'Verhuizer', gemeentecode: OTHER_GM, buurtcodes: ['BU09980101'] }))
		);
		const [move] = await listAudit(db, { gemeentecode: OTHER_GM, entity: 'programme', entityId: created.id, limit: 5 });
		expect(move).toMatchObject({ action: 'update', before: { gemeentecode: GM }, after: { gemeentecode: OTHER_GM } });
		const home = await listAudit(db, { gemeentecode: GM, entity: 'programme', entityId: created.id, limit: 5 });
		expect(home.map((e) => e.id)).toContain(move.id);

		// The editor of the gemeente it moved to may not write back into the one it came from.
		expect(await status(undoChange(db, editorOther, move.id))).toBe(403);
		expect(await status(undoChange(db, editorHome, move.id))).toBe(403);
		expect((await programmes.get(db, created.id))!.gemeentecode).toBe(OTHER_GM);
		expect(await status(undoChange(db, null, move.id))).toBe(401);
		expect(await status(undoChange(db, admin, 987654))).toBe(404);

		const result = await undoChange(db, admin, move.id);
		expect(result.entry).toMatchObject({ action: 'undo', undoes: move.id });
		expect((await programmes.get(db, created.id))!.gemeentecode).toBe(GM);
		// Replayed: refused, and nothing changes.
		expect(await status(undoChange(db, admin, move.id))).toBe(409);
	});
});

describe(`versions on ${engine}`, () => {
	let db: Db;
	let actor: { id: number; name: string };
	beforeAll(async () => {
		db = await freshDatabase();
		await loadRegisterAreas(db);
		actor = await testUser(db);
	});
	afterAll(() => db?.close());

	it('counts the writes that change an item, not a write that changes nothing', async () => {
		const created = await db.transaction((tx) => programmes.create(tx, actor, programmeInput({ name: 'Geteld' })));
		expect(created.version).toBe(1);
		const same = await db.transaction((tx) => programmes.update(tx, actor, created.id, programmeInput({ name: 'Geteld' })));
		expect(same!.version).toBe(1);
		const changed = await db.transaction((tx) => programmes.update(tx, actor, created.id, programmeInput({ name: 'Anders' })));
		expect(changed!.version).toBe(2);
	});
});
