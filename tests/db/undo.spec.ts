// Undo against a real PostGIS: a create is removed, an update written back, a delete put back with the same
// id; an undo is an audit entry itself; undoing twice, undoing an undo, or undoing under a later change is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as programmes from '../../src/lib/server/db/programmes';
import * as investments from '../../src/lib/server/db/investments';
import * as signals from '../../src/lib/server/db/signals';
import { getAudit, listAudit, undo, UndoError } from '../../src/lib/server/db/undo';
import { engine, freshDatabase } from './database';
import { GM, investmentInput, loadRegisterAreas, programmeInput, rdPoint, rdRectangle, signalInput, testUser } from './register-fixture';

/** An item without the timestamp and version of its last write (an undo is a write of its own). */
function content<T extends object>(item: T | null): Omit<T, 'updatedAt' | 'version'> | null {
	if (!item) return null;
	const { updatedAt: _updatedAt, version: _version, ...rest } = item as T & { updatedAt?: string; version?: number };
	void _updatedAt;
	void _version;
	return rest;
}

async function refusal(promise: Promise<unknown>): Promise<UndoError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(UndoError);
	return error as UndoError;
}

describe(`undo on ${engine}`, () => {
	let db: Db;
	let actor: { id: number; name: string };
	let undoer: { id: number; name: string };
	const latestEntry = async (entity: 'programme' | 'investment' | 'signal', entityId: number) =>
		(await listAudit(db, { gemeentecode: GM, entity, entityId, limit: 1 }))[0];

	// The entry is read before the transaction: PGlite has one session, so a read outside the open
	// transaction would wait for it forever.
	const undoLatest = async (entity: 'programme' | 'investment' | 'signal', entityId: number) => {
		const entry = await latestEntry(entity, entityId);
		return db.transaction((tx) => undo(tx, undoer, entry.id));
	};

	beforeAll(async () => {
		db = await freshDatabase();
		await loadRegisterAreas(db);
		actor = await testUser(db);
		undoer = await testUser(db, 'Ursula Undo');
	});
	afterAll(() => db?.close());

	it('undoes a create by removing the item, and records the undo', async () => {
		const created = await db.transaction((tx) => programmes.create(tx, actor, programmeInput({ name: 'Per ongeluk' })));
		const entry = await latestEntry('programme', created.id);
		const result = await db.transaction((tx) => undo(tx, undoer, entry.id));
		expect(await programmes.get(db, created.id)).toBeNull();
		expect(result.item).toBeNull();
		expect(result.entry).toMatchObject({ action: 'undo', undoes: entry.id, userName: undoer.name, entityId: created.id, before: created, after: null });
		expect((await getAudit(db, entry.id))!.undoneBy).toBe(result.entry.id);
	});

	it('undoes an update of a programme exactly, outline and budget included', async () => {
		const outline = await rdRectangle(db, 250_110, 475_010, 250_190, 475_090);
		const created = await db.transaction((tx) => programmes.create(tx, actor, programmeInput({ outline, buurtcodes: ['BU09990201'] })));
		const input = programmeInput({
			name: 'Andere naam',
			phase: 'uitvoeren',
			buurtcodes: ['BU09990103'],
			outline: null,
			budgetLines: [],
			themes: ['wonen'],
			endDate: '2027-12-31'
		});
		await db.transaction((tx) => programmes.update(tx, actor, created.id, input));
		const entry = await latestEntry('programme', created.id);
		expect(entry.action).toBe('update');
		const result = await db.transaction((tx) => undo(tx, undoer, entry.id));
		const back = await programmes.get(db, created.id);
		expect(content(back)).toEqual(content(created));
		expect(content(result.item as typeof back)).toEqual(content(created));
		expect(result.entry).toMatchObject({ action: 'undo', undoes: entry.id });
	});

	it('undoes a delete by putting the item back with the same id; later ids do not clash', async () => {
		const created = await db.transaction((tx) => programmes.create(tx, actor, programmeInput({ name: 'Terug' })));
		await db.transaction((tx) => programmes.remove(tx, actor, created.id));
		const entry = await latestEntry('programme', created.id);
		await db.transaction((tx) => undo(tx, undoer, entry.id));
		// Back as it was, one version on: an edit based on the deleted item's version is stale.
		expect(await programmes.get(db, created.id)).toEqual({ ...created, version: created.version + 1 });
		const next = await db.transaction((tx) => programmes.create(tx, actor, programmeInput({ name: 'Daarna' })));
		expect(next.id).toBeGreaterThan(created.id);
		// A programme taken from a document keeps that document as its source through delete and undo.
		const documented = await db.transaction((tx) =>
			programmes.create(tx, actor, programmeInput({ name: 'Uit een raadsbrief' }), { source: 'Raadsbrief 3710091' })
		);
		expect(documented.source).toBe('Raadsbrief 3710091');
		await db.transaction((tx) => programmes.remove(tx, actor, documented.id));
		await undoLatest('programme', documented.id);
		expect(await programmes.get(db, documented.id)).toEqual({ ...documented, version: 2 });
	});

	it('undoes update and delete of an investment and a signal exactly', async () => {
		const point = await rdPoint(db, 250_150, 475_050);
		const inv = await db.transaction((tx) =>
			investments.create(tx, actor, GM, investmentInput({ buurtcode: 'BU09990102', point }), { source: 'levering.csv', synthetic: true })
		);
		await db.transaction((tx) => investments.update(tx, actor, inv.id, GM, investmentInput({ amountEur: 1, status: 'vervallen' })));
		await undoLatest('investment', inv.id);
		expect(content(await investments.get(db, inv.id))).toEqual(content(inv));
		await db.transaction((tx) => investments.remove(tx, actor, inv.id));
		await undoLatest('investment', inv.id);
		expect(content(await investments.get(db, inv.id))).toEqual(content(inv));

		const sig = await db.transaction((tx) => signals.create(tx, actor, GM, signalInput()));
		await db.transaction((tx) => signals.update(tx, actor, sig.id, GM, signalInput({ text: 'Anders', domain: 'overig' })));
		await undoLatest('signal', sig.id);
		// Changed and changed back: two writes.
		expect(await signals.get(db, sig.id)).toEqual({ ...sig, version: 3 });
		await db.transaction((tx) => signals.remove(tx, actor, sig.id));
		await undoLatest('signal', sig.id);
		expect(await signals.get(db, sig.id)).toEqual({ ...sig, version: 4 });
	});

	it('refuses a second undo of the same change, and the undo of an undo', async () => {
		const created = await db.transaction((tx) => programmes.create(tx, actor, programmeInput({ name: 'Twee keer' })));
		await db.transaction((tx) => programmes.remove(tx, actor, created.id));
		const entry = await latestEntry('programme', created.id);
		const first = await db.transaction((tx) => undo(tx, undoer, entry.id));
		const again = await refusal(db.transaction((tx) => undo(tx, undoer, entry.id)));
		expect(again.status).toBe(409);
		expect(again.message).toMatch(/al ongedaan/);
		const ofUndo = await refusal(db.transaction((tx) => undo(tx, undoer, first.entry.id)));
		expect(ofUndo.status).toBe(409);
		expect(await programmes.get(db, created.id)).toEqual({ ...created, version: 2 });
	});

	it('refuses an undo when the item changed afterwards, and allows it once the later change is undone', async () => {
		const created = await db.transaction((tx) => programmes.create(tx, actor, programmeInput({ name: 'Versie 1' })));
		await db.transaction((tx) => programmes.update(tx, actor, created.id, programmeInput({ name: 'Versie 2' })));
		const second = await latestEntry('programme', created.id);
		await db.transaction((tx) => programmes.update(tx, actor, created.id, programmeInput({ name: 'Versie 3' })));
		const third = await latestEntry('programme', created.id);
		const refused = await refusal(db.transaction((tx) => undo(tx, undoer, second.id)));
		expect(refused.status).toBe(409);
		expect(refused.message).toMatch(/daarna nog gewijzigd/);
		// Nothing was written by the refused undo.
		expect((await programmes.get(db, created.id))!.name).toBe('Versie 3');
		expect((await getAudit(db, second.id))!.undoneBy).toBeNull();

		await db.transaction((tx) => undo(tx, undoer, third.id));
		expect((await programmes.get(db, created.id))!.name).toBe('Versie 2');
		await db.transaction((tx) => undo(tx, undoer, second.id));
		expect((await programmes.get(db, created.id))!.name).toBe('Versie 1');
		const actions = (await listAudit(db, { gemeentecode: GM, entity: 'programme', entityId: created.id, limit: 10 })).map((a) => a.action);
		expect(actions).toEqual(['undo', 'undo', 'update', 'update', 'create']);
	});

	it('says 404 for an unknown entry', async () => {
		expect((await refusal(db.transaction((tx) => undo(tx, undoer, 987_654)))).status).toBe(404);
	});
});
