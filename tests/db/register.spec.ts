// The register's data layer against a real PostGIS: programmes, investments and signals, the buurten they
// touch, filtering by period and buurt, the map's GeoJSON, and an audit entry for every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as programmes from '../../src/lib/server/db/programmes';
import * as investments from '../../src/lib/server/db/investments';
import * as signals from '../../src/lib/server/db/signals';
import type { Programme, ProgrammeInput } from '../../src/lib/domain/register';
import { listAudit } from '../../src/lib/server/db/undo';
import { engine, freshDatabase } from './database';
import { GM, OTHER_GM, investmentInput, loadRegisterAreas, programmeInput, rdPoint, rdRectangle, signalInput, testUser } from './register-fixture';

describe(`register on ${engine}`, () => {
	let db: Db;
	let actor: { id: number; name: string };
	beforeAll(async () => {
		db = await freshDatabase();
		await loadRegisterAreas(db);
		actor = await testUser(db);
	});
	afterAll(() => db?.close());

	describe('programmes', () => {
		it('creates a programme with picked buurten and an outline, and derives the buurten it touches', async () => {
			// Covers most of BU09990102 and a 2 m strip of BU09990103: the strip is under 5% and does not count.
			const outline = await rdRectangle(db, 250_110, 475_010, 250_202, 475_090);
			const created = await db.transaction((tx) =>
				programmes.create(tx, actor, programmeInput({ buurtcodes: ['BU09990201', 'BU09990101'], outline }))
			);
			expect(created).toMatchObject({
				gemeentecode: GM,
				name: 'Wijkaanpak Proef',
				buurtcodes: ['BU09990101', 'BU09990201'],
				touchedBuurtcodes: ['BU09990101', 'BU09990102', 'BU09990201'],
				drawn: true,
				synthetic: false,
				themes: ['sociaal', 'veilig'],
				budgetLines: [{ year: 2024, label: 'wijkgericht werken', amount: 271000 }],
				startDate: '2024-02-01',
				endDate: null
			});
			expect(created.outline?.type).toBe('MultiPolygon');
			expect(await programmes.get(db, created.id)).toEqual(created);

			const audit = await listAudit(db, { gemeentecode: GM, entity: 'programme', entityId: created.id, limit: 10 });
			expect(audit).toHaveLength(1);
			expect(audit[0]).toMatchObject({ action: 'create', userName: actor.name, before: null, after: created, undoneBy: null });
		});

		it('keeps a programme without buurten and outline as not drawn, in the list but not on the map', async () => {
			const created = await db.transaction((tx) =>
				programmes.create(tx, actor, programmeInput({ name: 'Focusgebied Zonder Grens', kind: 'focusgebied', buurtcodes: [], startDate: null }))
			);
			expect(created).toMatchObject({ drawn: false, buurtcodes: [], touchedBuurtcodes: [], outline: null });
			const listed = await programmes.list(db, { gemeentecode: GM });
			expect(listed.map((p) => p.name)).toContain('Focusgebied Zonder Grens');
			const map = await programmes.features(db, { gemeentecode: GM });
			expect(map.features.map((f) => f.properties!.name)).not.toContain('Focusgebied Zonder Grens');
			const drawn = map.features.find((f) => f.properties!.name === 'Wijkaanpak Proef')!;
			expect(drawn.geometry.type).toMatch(/Polygon/);
			expect(drawn.properties).toMatchObject({ kind: 'wijkaanpak', phase: 'initieren', status: 'lopend', synthetic: false });
		});

		it('filters by period (open ends run on) and by touched buurt', async () => {
			await db.transaction((tx) =>
				programmes.create(tx, actor, programmeInput({ name: 'Pilot Oud', kind: 'pilot', startDate: '2021-01-01', endDate: '2022-12-31', buurtcodes: ['BU09990202'] }))
			);
			const names = async (o: Partial<programmes.ListOptions>) =>
				(await programmes.list(db, { gemeentecode: GM, ...o })).map((p) => p.name).sort();
			expect(await names({ from: '2022-01-01', to: '2022-03-31' })).toEqual(['Focusgebied Zonder Grens', 'Pilot Oud']);
			expect(await names({ from: '2025-01-01', to: '2025-03-31' })).toEqual(['Focusgebied Zonder Grens', 'Wijkaanpak Proef']);
			expect(await names({ from: '2023-01-01', to: '2024-01-31' })).toEqual(['Focusgebied Zonder Grens']);
			expect(await names({ buurtcode: 'BU09990102' })).toEqual(['Wijkaanpak Proef']);
			expect(await names({ buurtcode: 'BU09990103' })).toEqual([]);
			expect(await programmes.list(db, { gemeentecode: OTHER_GM })).toEqual([]);
		});

		it('updates with before and after in the audit, and leaves no entry when nothing changes', async () => {
			const [p] = await programmes.list(db, { gemeentecode: GM, buurtcode: 'BU09990202' });
			const input = { ...programmeInput(), ...stripProgramme(p) };
			const updated = await db.transaction((tx) => programmes.update(tx, actor, p.id, { ...input, phase: 'evalueren', status: 'geevalueerd' }));
			expect(updated).toMatchObject({ id: p.id, phase: 'evalueren', status: 'geevalueerd', name: 'Pilot Oud' });
			const again = await db.transaction((tx) => programmes.update(tx, actor, p.id, { ...input, phase: 'evalueren', status: 'geevalueerd' }));
			expect(again).toEqual(updated);
			const audit = await listAudit(db, { gemeentecode: GM, entity: 'programme', entityId: p.id, limit: 10 });
			expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
			expect(audit[0].before).toEqual(p);
			expect(audit[0].after).toEqual(updated);
			expect(await db.transaction((tx) => programmes.update(tx, actor, 999_999, input))).toBeNull();
		});

		it('deletes with the old item in the audit', async () => {
			const [p] = await programmes.list(db, { gemeentecode: GM, buurtcode: 'BU09990202' });
			expect(await db.transaction((tx) => programmes.remove(tx, actor, p.id))).toBe(true);
			expect(await programmes.get(db, p.id)).toBeNull();
			expect(await db.transaction((tx) => programmes.remove(tx, actor, p.id))).toBe(false);
			const [entry] = await listAudit(db, { gemeentecode: GM, entity: 'programme', entityId: p.id, limit: 1 });
			expect(entry).toMatchObject({ action: 'delete', before: p, after: null });
		});

		it('names the picked buurten that lie outside the gemeente', async () => {
			expect(await programmes.foreignBuurtcodes(db, GM, ['BU09990101', 'BU09980101', 'BU09990999'])).toEqual(['BU09980101', 'BU09990999']);
			expect(await programmes.foreignBuurtcodes(db, GM, ['BU09990101'])).toEqual([]);
		});

		it('writes nothing when the transaction fails', async () => {
			const before = (await programmes.list(db, { gemeentecode: GM })).length;
			await expect(
				db.transaction(async (tx) => {
					await programmes.create(tx, actor, programmeInput({ name: 'Half' }));
					throw new Error('stop');
				})
			).rejects.toThrow('stop');
			expect((await programmes.list(db, { gemeentecode: GM })).length).toBe(before);
		});
	});

	describe('investments', () => {
		it('creates by buurtcode, point and outline, and places each on the map', async () => {
			const byBuurt = await db.transaction((tx) => investments.create(tx, actor, GM, investmentInput()));
			expect(byBuurt).toMatchObject({ buurtcodes: ['BU09990201'], category: 'isolatie', amountEur: 1250000, dwellings: 48 });

			const point = await rdPoint(db, 250_150, 475_050);
			const located = await investments.buurtAt(db, ...point.coordinates);
			expect(located).toEqual({ buurtcode: 'BU09990102', gemeentecode: GM });
			const byPoint = await db.transaction((tx) =>
				investments.create(tx, actor, GM, investmentInput({ partner: 'Domijn', projectName: 'Sloop blok A', measure: 'sloop/nieuwbouw', buurtcode: located!.buurtcode, point }), { synthetic: true })
			);
			expect(byPoint).toMatchObject({ buurtcodes: ['BU09990102'], category: 'sloop_nieuwbouw', synthetic: true });

			const outline = await rdRectangle(db, 250_210, 475_110, 250_290, 475_190);
			expect(await investments.gemeenteOfOutline(db, outline)).toBe(GM);
			const byOutline = await db.transaction((tx) =>
				investments.create(tx, actor, GM, investmentInput({ partner: 'Gemeente', projectName: 'Plein', measure: 'openbare ruimte', buurtcode: null, outline, startDate: '2027-01-01', endDate: '2027-12-31' }))
			);
			expect(byOutline.buurtcodes).toEqual([]);

			const map = await investments.features(db, { gemeentecode: GM });
			expect(map.features).toHaveLength(3);
			const at = (name: string) => map.features.find((f) => f.properties!.projectName === name)!;
			expect(at('Sloop blok A').geometry.coordinates[0]).toBeCloseTo(point.coordinates[0], 6);
			expect(at('Sloop blok A').properties).toMatchObject({ partner: 'Domijn', category: 'sloop_nieuwbouw', synthetic: true, amountEur: 1250000 });
			// The label point of the buurt, and a point on the outline.
			const buurtLabel = await db.query<{ x: number }>(`SELECT ST_X(label_point) AS x FROM areas WHERE code = 'BU09990201'`);
			expect(at('Isolatie complex 12').geometry.coordinates[0]).toBeCloseTo(buurtLabel[0].x, 5);
			// How each was placed: the map sets symbols of one buurt apart below its label, points stay where they are.
			expect(['Isolatie complex 12', 'Sloop blok A', 'Plein'].map((name) => at(name).properties.located)).toEqual(['buurt', 'point', 'outline']);
			const [inside] = await db.query<{ inside: boolean }>(
				`SELECT ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326), ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)) AS inside`,
				[JSON.stringify(at('Plein').geometry), JSON.stringify(outline)]
			);
			expect(inside.inside).toBe(true);
		});

		it('filters by period and buurt', async () => {
			const names = async (o: Partial<investments.ListOptions>) =>
				(await investments.list(db, { gemeentecode: GM, ...o })).map((i) => i.projectName).sort();
			expect(await names({ from: '2027-03-01', to: '2027-03-31' })).toEqual(['Plein']);
			expect(await names({ from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
			expect(await names({ from: '2026-06-30', to: '2026-06-30' })).toEqual(['Isolatie complex 12', 'Sloop blok A']);
			expect(await names({ buurtcode: 'BU09990102' })).toEqual(['Sloop blok A']);
		});

		it('does not place a point outside every buurt', async () => {
			expect(await investments.buurtAt(db, 4.0, 51.0)).toBeNull();
			expect(await investments.gemeenteOfBuurt(db, 'BU09980101')).toBe(OTHER_GM);
			expect(await investments.gemeenteOfBuurt(db, 'BU00000000')).toBeNull();
		});

		it('audits update and delete with before and after', async () => {
			const [item] = await investments.list(db, { gemeentecode: GM, buurtcode: 'BU09990201' });
			const updated = await db.transaction((tx) =>
				investments.update(tx, actor, item.id, GM, investmentInput({ status: 'in_uitvoering', amountEur: 1300000 }))
			);
			expect(updated).toMatchObject({ status: 'in_uitvoering', amountEur: 1300000 });
			await db.transaction((tx) => investments.remove(tx, actor, item.id));
			const audit = await listAudit(db, { gemeentecode: GM, entity: 'investment', entityId: item.id, limit: 10 });
			expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
			expect(audit[1]).toMatchObject({ before: item, after: updated });
			expect(audit[0]).toMatchObject({ before: updated, after: null });
		});
	});

	describe('signals', () => {
		it('creates, lists by period and buurt, places on the map, updates and deletes with audit', async () => {
			const created = await db.transaction((tx) => signals.create(tx, actor, GM, signalInput()));
			expect(created).toMatchObject({ gemeentecode: GM, buurtcodes: ['BU09990102'], authorName: actor.name, authorId: actor.id, synthetic: false });
			const point = await rdPoint(db, 250_050, 475_150);
			const second = await db.transaction((tx) =>
				signals.create(tx, actor, GM, signalInput({ text: 'Onrust bij de speeltuin', buurtcode: null, point, observedOn: '2024-11-02', domain: 'veiligheid' }), {
					author: { id: null, name: 'Demodata' },
					synthetic: true
				})
			);
			expect(second).toMatchObject({ buurtcodes: ['BU09990201'], authorName: 'Demodata', authorId: null, synthetic: true });

			expect((await signals.list(db, { gemeentecode: GM, from: '2025-01-01', to: '2025-12-31' })).map((s) => s.id)).toEqual([created.id]);
			expect((await signals.list(db, { gemeentecode: GM, buurtcode: 'BU09990201' })).map((s) => s.id)).toEqual([second.id]);
			const map = await signals.features(db, { gemeentecode: GM });
			expect(map.features.map((f) => f.properties!.id).sort()).toEqual([created.id, second.id].sort());
			expect(map.features.find((f) => f.id === created.id)!.properties.located).toBe('buurt');
			expect(map.features.find((f) => f.id === second.id)!.properties.located).toBe('point');

			const updated = await db.transaction((tx) => signals.update(tx, actor, created.id, GM, signalInput({ domain: 'sociaal' })));
			expect(updated).toMatchObject({ domain: 'sociaal', authorName: actor.name });
			expect(await db.transaction((tx) => signals.remove(tx, actor, second.id))).toBe(true);
			const audit = await listAudit(db, { gemeentecode: GM, entity: 'signal', limit: 10 });
			expect(audit.map((a) => [a.entityId, a.action])).toEqual([
				[second.id, 'delete'],
				[created.id, 'update'],
				[second.id, 'create'],
				[created.id, 'create']
			]);
			expect(audit[1]).toMatchObject({ before: created, after: updated });
		});
	});

	it('lists the audit of a gemeente newest first, limited, without other gemeenten', async () => {
		const all = await listAudit(db, { gemeentecode: GM, limit: 500 });
		expect(all.length).toBeGreaterThan(8);
		expect(all.map((a) => a.id)).toEqual([...all.map((a) => a.id)].sort((a, b) => b - a));
		expect(await listAudit(db, { gemeentecode: GM, limit: 3 })).toHaveLength(3);
		expect(await listAudit(db, { gemeentecode: OTHER_GM, limit: 10 })).toEqual([]);
	});
});

/** The input fields of a programme as read back (for writing it again with changes). */
function stripProgramme(p: Programme): ProgrammeInput {
	const input: Record<string, unknown> = { ...p };
	for (const key of ['id', 'touchedBuurtcodes', 'drawn', 'synthetic', 'updatedAt']) delete input[key];
	return input as unknown as ProgrammeInput;
}
