// The wijkbudget import against a real PostGIS: checked per row (its wijk or buurt exists in its gemeente, no key twice,
// the user may write there), all or nothing, a dry run writes nothing, "only my rows" skips the others with the reason,
// the same file again changes nothing, and every write is audited and undoable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as wijkbudgetten from '../../src/lib/server/db/wijkbudgetten';
import { importWijkbudgetten } from '../../src/lib/server/import/wijkbudgetten';
import { listAudit, undo } from '../../src/lib/server/db/undo';
import type { User } from '../../src/lib/domain/roles';
import { GM, OTHER_GM, loadRegisterAreas, testUser } from './register-fixture';
import { engine, freshDatabase } from './database';

const HEADER = 'gemeentecode;jaar;gebiedscode;soort;regeling;toegekend_eur;besteed_eur;aantal_initiatieven;organisatie;toelichting';
const file = (...lines: string[]) => ({ name: 'export.csv', bytes: new TextEncoder().encode([HEADER, ...lines].join('\r\n')) });
const GOOD = [
	`${GM};2024;WK099901;buurtbon;Buurtbudget;12.000,00;9.500,25;14;Wijkraad Een;`,
	`${GM};2024;BU09990201;activiteitenbudget;Activiteiten;3.000;;;;DEMODATA`
];

describe(`wijkbudgetten on ${engine}`, () => {
	let db: Db;
	let editor: User;
	let admin: User;
	const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM wijkbudgetten'))[0].n;

	beforeAll(async () => {
		db = await freshDatabase();
		await loadRegisterAreas(db);
		const e = await testUser(db, 'Eva Editor');
		editor = { ...e, email: 'eva@test.local', role: 'editor', gemeentecode: GM, organisation: null };
		const a = await testUser(db, 'Ad Admin', 'admin');
		admin = { ...a, email: 'ad@test.local', role: 'admin', gemeentecode: null, organisation: null };
	});
	afterAll(() => db?.close());

	it('refuses the whole file for bad rows, naming row and column, and writes nothing', async () => {
		const result = await importWijkbudgetten(
			db,
			admin,
			admin,
			file(
				...GOOD,
				`${GM};2024;WK099909;buurtbon;Buurtbudget;1.000;;;;`,
				`${GM};2024;WK099801;buurtbon;Buurtbudget;1.000;;;;`,
				`${OTHER_GM};2024;WK099901;buurtbon;Buurtbudget;1.000;;;;`,
				`${GM};2024;WK099901;buurtbon;Buurtbudget;500;;;;`,
				`${GM};2024;WK099902;buurtbon;Buurtbudget;1.000,5,0;;;;`
			),
			{ dryRun: false }
		);
		expect(result.written).toBe(false);
		expect(result.errors.map((e) => `${e.row} ${e.field}: ${e.message}`)).toEqual([
			'4 gebiedscode: onbekende wijk of buurt WK099909: niet geladen in Wijkbeeld',
			'5 gebiedscode: gebiedscode hoort niet bij de gemeente',
			'6 gebiedscode: gebiedscode hoort niet bij de gemeente',
			'7 regeling: komt dubbel voor in het bestand (ook in rij 2: zelfde jaar, gebied, soort en regeling)',
			'8 toegekend_eur: geen getal: "1.000,5,0" (schrijf bijvoorbeeld 1.234.500 of 52,2701)'
		]);
		expect(await count()).toBe(0);
	});

	it('a dry run writes nothing; then the file goes in, labelled where it says DEMODATA, and audited', async () => {
		const dry = await importWijkbudgetten(db, editor, editor, file(...GOOD), { dryRun: true });
		expect(dry).toMatchObject({ dryRun: true, written: false, created: 2, errors: [] });
		expect(await count()).toBe(0);
		const done = await importWijkbudgetten(db, editor, editor, file(...GOOD), { dryRun: false });
		expect(done).toMatchObject({ written: true, created: 2, updated: 0, errors: [] });
		const rows = await wijkbudgetten.list(db, GM, 2024);
		expect(rows.map((r) => [r.gebiedscode, r.toegekendEur, r.besteedEur, r.aantalInitiatieven, r.organisatie, r.synthetic, r.source])).toEqual([
			['BU09990201', 3000, null, null, null, true, 'export.csv'],
			['WK099901', 12000, 9500.25, 14, 'Wijkraad Een', false, 'export.csv']
		]);
		const audit = await listAudit(db, { gemeentecode: GM, entity: 'wijkbudget', limit: 10 });
		expect(audit.map((a) => [a.action, a.source, a.userName])).toEqual([
			['create', 'export.csv', 'Eva Editor'],
			['create', 'export.csv', 'Eva Editor']
		]);
		const again = await importWijkbudgetten(db, editor, editor, file(...GOOD), { dryRun: false });
		expect(again).toMatchObject({ written: false, created: 0, updated: 0, unchanged: 2 });
	});

	it("refuses another gemeente's rows for an editor, or skips them with the reason when asked", async () => {
		const lines = [`${GM};2024;WK099901;buurtbon;Buurtbudget;13.000,00;9.500,25;14;Wijkraad Een;`, `${OTHER_GM};2024;WK099801;buurtbon;Buurtbudget;1.000;;;;`];
		const refused = await importWijkbudgetten(db, editor, editor, file(...lines), { dryRun: false });
		expect(refused.errors).toEqual([{ row: 3, field: 'gemeentecode', message: `u bent redacteur voor ${GM}; deze rij is van ${OTHER_GM}` }]);
		expect((await wijkbudgetten.list(db, GM, 2024)).find((r) => r.gebiedscode === 'WK099901')?.toegekendEur).toBe(12000);

		const skipping = await importWijkbudgetten(db, editor, editor, file(...lines), { dryRun: false, skipForbidden: true });
		expect(skipping).toMatchObject({ written: true, updated: 1, skipped: 1, errors: [] });
		expect(skipping.rows[0].changes).toEqual(['toegekend_eur: 12.000,00 → 13.000,00']);
		expect(skipping.rows[1]).toMatchObject({ action: 'skipped', reason: `u bent redacteur voor ${GM}; deze rij is van ${OTHER_GM}` });
		expect(await wijkbudgetten.list(db, OTHER_GM)).toEqual([]);
	});

	it('undoes an imported change and an imported creation', async () => {
		const current = (await wijkbudgetten.list(db, GM, 2024)).find((r) => r.gebiedscode === 'WK099901')!;
		const [update] = await listAudit(db, { gemeentecode: GM, entity: 'wijkbudget', entityId: current.id, limit: 1 });
		expect(update.action).toBe('update');
		await db.transaction((tx) => undo(tx, editor, update.id));
		expect((await wijkbudgetten.get(db, current.id))?.toegekendEur).toBe(12000);
		const [created] = await listAudit(db, { gemeentecode: GM, entity: 'wijkbudget', entityId: current.id, limit: 3 }).then((e) => e.filter((x) => x.action === 'create'));
		await db.transaction((tx) => undo(tx, editor, created.id));
		expect(await wijkbudgetten.get(db, current.id)).toBeNull();
	});

	it('refuses an amount the column cannot hold and a negative one at the database too', async () => {
		await expect(db.query(`INSERT INTO wijkbudgetten (gemeentecode, jaar, gebiedscode, soort, regeling, toegekend_eur) VALUES ($1, 2024, 'WK099801', 'buurtbon', 'x', 1)`, [GM])).rejects.toThrow();
		await expect(db.query(`INSERT INTO wijkbudgetten (gemeentecode, jaar, gebiedscode, soort, regeling, toegekend_eur) VALUES ($1, 2024, 'WK099901', 'buurtbon', 'x', -1)`, [GM])).rejects.toThrow();
	});
});
