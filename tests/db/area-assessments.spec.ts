// Per-area assessments (priority, active residents and partners) on both engines: written with an audit entry,
// unchanged writes leave none, and undo puts back exactly what was there — or removes a first assessment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as assessments from '../../src/lib/server/db/area-assessments';
import { getAudit, listAudit, undo, UndoError } from '../../src/lib/server/db/undo';
import { DEFAULT_ASSESSMENT, type AssessmentInput } from '../../src/lib/domain/area-assessment';
import { engine, freshDatabase } from './database';
import { testUser } from './register-fixture';
import { AKKER, BEEK, CIRKEL, KS, NOORDWIJK, loadKoppelstad } from './koppelkansen-fixture';

const input = (overrides: Partial<AssessmentInput> = {}): AssessmentInput => ({ ...DEFAULT_ASSESSMENT, ...overrides });

describe(`area assessments on ${engine}`, () => {
	let db: Db;
	let actor: { id: number; name: string };
	let undoer: { id: number; name: string };
	const save = (code: string, value: AssessmentInput) => db.transaction((tx) => assessments.save(tx, actor, { code, gemeentecode: KS }, value));

	beforeAll(async () => {
		db = await freshDatabase();
		await loadKoppelstad(db);
		actor = await testUser(db, 'Erik Editor');
		undoer = await testUser(db, 'Ursula Undo');
	});
	afterAll(() => db?.close());

	it('reads an area nobody assessed as the defaults', async () => {
		expect(await assessments.read(db, AKKER, KS)).toEqual({
			id: null,
			areaCode: AKKER,
			gemeentecode: KS,
			updatedBy: null,
			updatedAt: null,
			priority: false,
			priorityNote: '',
			residents: 'onbekend',
			residentsNote: '',
			partners: null,
			partnersNote: ''
		});
	});

	it('creates an assessment on the first write, audited, and leaves no entry for an unchanged write', async () => {
		const first = await save(AKKER, input({ priority: true, priorityNote: '  Collegeprogramma  ', residents: 'enkele' }));
		expect(first.assessment).toMatchObject({ areaCode: AKKER, gemeentecode: KS, priority: true, priorityNote: 'Collegeprogramma', residents: 'enkele', updatedBy: 'Erik Editor' });
		const entry = await getAudit(db, first.auditId!);
		expect(entry).toMatchObject({ entity: 'area_assessment', entityId: first.assessment.id, action: 'create', gemeentecode: KS, before: null, after: first.assessment, userName: 'Erik Editor' });
		const again = await save(AKKER, input({ priority: true, priorityNote: 'Collegeprogramma', residents: 'enkele' }));
		expect(again.auditId).toBeNull();
		expect(again.assessment).toEqual(first.assessment);
		expect(await listAudit(db, { gemeentecode: KS, entity: 'area_assessment', entityId: first.assessment.id!, limit: 10 })).toHaveLength(1);
		expect((await assessments.listForGemeente(db, KS)).get(AKKER)).toEqual(first.assessment);
	});

	it('audits an update with before and after, and undoes it exactly', async () => {
		const created = (await save(BEEK, input({ residents: 'veel', partners: 'enkele', partnersNote: 'Wijkracht actief' }))).assessment;
		const updated = await save(BEEK, input({ priority: true, residents: 'geen', partners: null }));
		const entry = (await getAudit(db, updated.auditId!))!;
		expect(entry).toMatchObject({ action: 'update', before: created, after: updated.assessment });
		const undone = await db.transaction((tx) => undo(tx, undoer, entry.id));
		expect(undone.item).toEqual(created);
		expect(await assessments.getByArea(db, BEEK)).toEqual(created);
		expect(undone.entry).toMatchObject({ action: 'undo', undoes: entry.id, entity: 'area_assessment', gemeentecode: KS, userName: 'Ursula Undo' });
	});

	it('undoes a first assessment by removing it: the area reads as not assessed again', async () => {
		const { assessment, auditId } = await save(CIRKEL, input({ priority: true }));
		await db.transaction((tx) => undo(tx, undoer, auditId!));
		expect(await assessments.getByArea(db, CIRKEL)).toBeNull();
		expect((await assessments.read(db, CIRKEL, KS)).priority).toBe(false);
		expect(await assessments.get(db, assessment.id!)).toBeNull();
		// Written again afterwards, it is a new assessment.
		const again = await save(CIRKEL, input({ priority: true }));
		expect(again.assessment.id).not.toBe(assessment.id);
	});

	it('refuses to undo a change that a later one built on, and a second undo', async () => {
		const first = await save(NOORDWIJK, input({ residents: 'enkele' }));
		const second = await save(NOORDWIJK, input({ residents: 'veel' }));
		const refused = await db.transaction((tx) => undo(tx, undoer, first.auditId!)).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(UndoError);
		expect((refused as UndoError).status).toBe(409);
		await db.transaction((tx) => undo(tx, undoer, second.auditId!));
		const twice = await db.transaction((tx) => undo(tx, undoer, second.auditId!)).catch((e: unknown) => e);
		expect((twice as UndoError).status).toBe(409);
		// With the later change undone, the first can be undone too.
		await db.transaction((tx) => undo(tx, undoer, first.auditId!));
		expect(await assessments.getByArea(db, NOORDWIJK)).toBeNull();
	});

	it('keeps one assessment per area', async () => {
		await expect(
			db.query(`INSERT INTO area_assessments (area_code, gemeentecode, updated_by) VALUES ($1, $2, 'x')`, [AKKER, KS])
		).rejects.toThrow();
		await expect(
			db.query(`INSERT INTO area_assessments (area_code, gemeentecode, updated_by, residents) VALUES ('BU09970104', $1, 'x', 'misschien')`, [KS])
		).rejects.toThrow();
	});
});
