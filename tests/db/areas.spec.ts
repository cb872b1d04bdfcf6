import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import * as areas from '../../src/lib/server/db/areas';
import { importDefaults } from '../../src/lib/server/import';
import { readConfig } from '../../src/lib/server/config';
import { engine, freshDatabase } from './database';

describe(`areas on ${engine}`, () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDatabase();
		await importDefaults(db, readConfig().dataDir);
	});
	afterAll(() => db?.close());

	it('lists the gemeenten that have buurten, with their stadsdeel status', async () => {
		const gemeenten = await areas.listGemeenten(db);
		expect(gemeenten.map((g) => [g.code, g.name, g.year, g.hasStadsdelen])).toEqual([
			['GM0153', 'Enschede', 2024, true],
			['GM0164', 'Hengelo', 2024, false]
		]);
	});

	it('counts buurten, wijken and stadsdelen per gemeente', async () => {
		const count = async (g: string, level: 'buurt' | 'wijk' | 'stadsdeel') =>
			(await areas.listFeatures(db, g, level))?.features.length;
		expect(await count('GM0164', 'buurt')).toBe(62);
		expect(await count('GM0164', 'wijk')).toBe(10);
		expect(await count('GM0164', 'stadsdeel')).toBe(0);
		expect(await count('GM0153', 'buurt')).toBe(70);
		expect(await count('GM0153', 'wijk')).toBe(10);
		expect(await count('GM0153', 'stadsdeel')).toBe(5);
	});

	it('gives a buurt its parents top down and its area in hectares', async () => {
		const noork = await areas.get(db, 'BU01640202');
		expect(noork).toMatchObject({ name: 'De Noork', level: 'buurt', gemeentecode: 'GM0164' });
		expect(noork!.parents.map((p) => p.level)).toEqual(['gemeente', 'wijk']);
		expect(noork!.parents[1].code).toBe('WK016402');
		expect(noork!.stadsdeelStatus).toBe('nog niet ingedeeld');
		expect(noork!.areaHa).toBeGreaterThan(10);
		const [w, s, e, n] = noork!.bbox;
		expect(w).toBeLessThan(e);
		expect(s).toBeLessThan(n);
		expect(w).toBeGreaterThan(6.7);
		expect(n).toBeLessThan(52.4);
	});

	it('puts an Enschede buurt under its stadsdeel', async () => {
		const twekkelerveld = await areas.get(db, 'BU01530301');
		expect(twekkelerveld!.parents.map((p) => p.code)).toEqual(['GM0153', 'SD0153-noord', 'WK015303']);
		const noord = await areas.get(db, 'SD0153-noord');
		expect(noord!.children.map((c) => c.code)).toContain('WK015303');
		expect(noord!.parents.map((p) => p.code)).toEqual(['GM0153']);
	});

	it('names the buurten an area is made of (the register lists what touches any of them)', async () => {
		const of = async (code: string) => areas.buurtcodesIn(db, (await areas.get(db, code))!);
		expect(await of('BU01640202')).toEqual(['BU01640202']);
		const noord = await of('WK016402');
		expect(noord).toContain('BU01640202');
		expect(noord).toContain('BU01640203');
		expect(noord!.every((c) => c.startsWith('BU016402'))).toBe(true);
		// Stadsdeel Noord of Enschede: Twekkelerveld, and 11 buurten in all (see the data README).
		const sdNoord = await of('SD0153-noord');
		expect(sdNoord).toHaveLength(11);
		expect(sdNoord).toContain('BU01530301');
		expect(await of('GM0164')).toBeNull();
	});

	it('derives stadsdeel geometry from its buurten: areas add up to the gemeente', async () => {
		const rows = await db.query<{ sd: number; gm: number }>(
			`SELECT (SELECT sum(area_ha) FROM areas WHERE level = 'stadsdeel' AND gemeentecode = 'GM0153') AS sd,
			        (SELECT sum(area_ha) FROM areas WHERE level = 'buurt' AND gemeentecode = 'GM0153') AS gm`
		);
		expect(rows[0].sd).toBeCloseTo(rows[0].gm, 0);
	});

	it('shows a wijk that the stadsdelen split with all its stadsdelen', async () => {
		const landelijk = await areas.get(db, 'WK015309');
		expect(landelijk!.stadsdelen!.length).toBeGreaterThan(1);
		expect(landelijk!.parents.map((p) => p.level)).toEqual(['gemeente']);
	});

	it('finds areas by part of a name or code, ignoring case', async () => {
		expect((await areas.search(db, 'noork'))[0]).toMatchObject({ code: 'BU01640202', name: 'De Noork' });
		expect((await areas.search(db, 'bu01640202'))[0].code).toBe('BU01640202');
		expect(await areas.search(db, 'zzzz')).toEqual([]);
		expect(await areas.search(db, '%')).toEqual([]);
	});

	it('returns null for a gemeente without buurten and for an unknown code', async () => {
		expect(await areas.listFeatures(db, 'GM0363', 'buurt')).toBeNull();
		expect(await areas.get(db, 'BU99999999')).toBeNull();
	});

	it('keeps the NL gemeenten of 2023 as context', async () => {
		const context = await areas.listContextGemeenten(db);
		expect(context.features.length).toBe(343);
	});

	it('loads the data directory again without changing anything', async () => {
		const before = await db.query(`SELECT code, year, imported_at FROM areas ORDER BY code, year`);
		await importDefaults(db, join(readConfig().dataDir));
		const after = await db.query(`SELECT code, year, imported_at FROM areas WHERE level <> 'stadsdeel' ORDER BY code, year`);
		expect(after).toEqual(before.filter((r) => !(r as { code: string }).code.startsWith('SD')));
	});
});
