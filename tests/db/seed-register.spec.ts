// The register's first-start seed on the real area data: the programmes of the municipal documents, example
// signals labelled as demo data, audited as the app's own change, and only once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as programmes from '../../src/lib/server/db/programmes';
import * as signals from '../../src/lib/server/db/signals';
import { listAudit } from '../../src/lib/server/db/undo';
import { SEED_ACTOR, seedRegister } from '../../src/lib/server/seed-register';
import { importDefaults } from '../../src/lib/server/import';
import { readConfig } from '../../src/lib/server/config';
import { engine, freshDatabase } from './database';

describe(`register seed on ${engine}`, () => {
	let db: Db;
	const messages: string[] = [];
	beforeAll(async () => {
		db = await freshDatabase();
		await importDefaults(db, readConfig().dataDir);
	});
	afterAll(() => db?.close());

	it('creates the programmes of the documents and the example signals', async () => {
		const result = await seedRegister(db, (m) => messages.push(m));
		expect(result).toEqual({ programmes: 6, signals: 4, skipped: [] });
		expect(messages[0]).toMatch(/6 programma's/);

		const hengelo = await programmes.list(db, { gemeentecode: 'GM0164' });
		expect(hengelo.map((p) => p.name).sort()).toEqual([
			'Gebiedsgerichte aanpak Beckum',
			'Pilot wijkveiligheid Klein Driene en Groot Driene',
			'Wijkaanpak Noord'
		]);
		const noord = hengelo.find((p) => p.name === 'Wijkaanpak Noord')!;
		expect(noord).toMatchObject({
			kind: 'wijkaanpak',
			phase: 'initieren',
			status: 'lopend',
			startDate: '2024-02-01',
			endDate: null,
			themes: ['sociaal', 'veilig', 'toekomstbestendig'],
			bestuurlijkOpdrachtgever: 'Hanneke Steen',
			ambtelijkOpdrachtgever: 'Jan Logtenberg',
			programmeManager: 'Fleur Mensink',
			buurtcodes: ['BU01640202'],
			touchedBuurtcodes: ['BU01640202'],
			drawn: true,
			synthetic: false
		});
		expect(noord.budgetLines.reduce((sum, line) => sum + line.amount, 0)).toBe(271000);
		expect(noord.budgetLines.every((line) => line.year === 2024)).toBe(true);
		expect(noord.budgetLines.find((line) => /experimenten/.test(line.label))!.amount).toBe(100000);

		const beckum = hengelo.find((p) => p.name.includes('Beckum'))!;
		expect(beckum).toMatchObject({ kind: 'gebiedsgerichte_aanpak', status: 'in_evaluatie', buurtcodes: ['BU01640900'] });
		const pilot = hengelo.find((p) => p.kind === 'pilot')!;
		expect(pilot).toMatchObject({ status: 'geevalueerd', budgetLines: [{ year: 2024, label: 'Pilot wijkveiligheid', amount: 20000 }] });
		expect(pilot.buurtcodes).toContain('BU01640203');
		expect(pilot.buurtcodes).toContain('BU01640402');

		const enschede = await programmes.list(db, { gemeentecode: 'GM0153' });
		expect(enschede.map((p) => [p.name, p.kind, p.phase, p.drawn])).toEqual(
			expect.arrayContaining([
				['Focusgebied Twekkelerveld', 'focusgebied', 'gebiedsanalyse', true],
				['Focusgebied Hanenberglanden', 'focusgebied', 'gebiedsanalyse', false],
				['Focusgebied Het Lang', 'focusgebied', 'gebiedsanalyse', false]
			])
		);
		expect(enschede.find((p) => p.name === 'Focusgebied Het Lang')!.notes).toMatch(/Nog niet ingetekend/);
		expect(enschede.find((p) => p.name === 'Focusgebied Twekkelerveld')!.touchedBuurtcodes).toEqual(['BU01530301']);
		// Not drawn: in the list, not on the map.
		const map = await programmes.features(db, { gemeentecode: 'GM0153' });
		expect(map.features.map((f) => f.properties.name)).toEqual(['Focusgebied Twekkelerveld']);

		const examples = [...(await signals.list(db, { gemeentecode: 'GM0164' })), ...(await signals.list(db, { gemeentecode: 'GM0153' }))];
		expect(examples).toHaveLength(4);
		for (const s of examples) expect(s).toMatchObject({ synthetic: true, authorName: 'Demodata', authorId: null });
		expect(examples.map((s) => s.buurtcode).sort()).toEqual(['BU01530301', 'BU01530301', 'BU01640202', 'BU01640202']);
	});

	it('audits the seed as the app itself, with the document as source', async () => {
		const audit = await listAudit(db, { gemeentecode: 'GM0164', limit: 50 });
		expect(audit).toHaveLength(5);
		for (const entry of audit) expect(entry).toMatchObject({ action: 'create', userName: SEED_ACTOR.name, before: null });
		expect(audit.find((a) => a.entity === 'programme')!.source).toMatch(/Hengelo/);
	});

	it('runs only once, also when every programme was deleted since', async () => {
		expect(await seedRegister(db)).toBeNull();
		for (const g of ['GM0164', 'GM0153']) {
			for (const p of await programmes.list(db, { gemeentecode: g })) {
				await db.transaction((tx) => programmes.remove(tx, { id: null, name: 'Test' }, p.id));
			}
		}
		expect(await programmes.isEmpty(db)).toBe(true);
		expect(await seedRegister(db)).toBeNull();
		expect(await programmes.isEmpty(db)).toBe(true);
	});
});

describe(`register seed without areas on ${engine}`, () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDatabase();
	});
	afterAll(() => db?.close());

	it('leaves out gemeenten whose buurten are not loaded', async () => {
		const messages: string[] = [];
		expect(await seedRegister(db, (m) => messages.push(m))).toEqual({ programmes: 0, signals: 0, skipped: ['GM0153', 'GM0164'] });
		expect(messages.join('\n')).toMatch(/geen buurten geladen voor GM0153, GM0164/);
	});
});
