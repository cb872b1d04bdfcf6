// The importers against a real PostGIS (PGlite, or PostgreSQL with TEST_DATABASE_URL): all or nothing,
// geometry repair, idempotent re-runs, areas in hectares, and the stadsdelen indeling.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Db, Queryable } from '../../src/lib/server/db/client';
import { readConfig } from '../../src/lib/server/config';
import {
	DEFAULT_FILES,
	importBoundaries,
	importBoundaryFile,
	importBoundaryFiles,
	importDefaults,
	importStadsdelen
} from '../../src/lib/server/import';
import { ImportError } from '../../geo/problems';
import { fixturesDir } from '../../geo/fixtures/golden';
import { engine, freshDatabase } from './database';

const fixturePath = (name: string) => join(fixturesDir, 'in', name);
const fixture = async (name: string) => JSON.parse(await readFile(fixturePath(name), 'utf8'));

/** The rejection of `promise`, which must be an ImportError. */
async function importError(promise: Promise<unknown>): Promise<ImportError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ImportError);
	return error as ImportError;
}

/** Area of a ring (shoelace), in the units of its coordinates squared. */
function ringArea(ring: number[][]): number {
	let sum = 0;
	for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	return Math.abs(sum) / 2;
}

describe(`importers on ${engine}`, () => {
	let db: Db;

	async function counts() {
		const [row] = await db.query<{ areas: number; buurten: number; stadsdelen: number; assigned: number; stadsdeelAreas: number }>(
			`SELECT (SELECT count(*)::int FROM areas) AS areas,
			        (SELECT count(*)::int FROM areas WHERE level = 'buurt') AS buurten,
			        (SELECT count(*)::int FROM stadsdelen) AS stadsdelen,
			        (SELECT count(*)::int FROM stadsdeel_buurten) AS assigned,
			        (SELECT count(*)::int FROM areas WHERE level = 'stadsdeel') AS "stadsdeelAreas"`
		);
		return row;
	}

	const snapshot = () =>
		db.query(`SELECT code, year, name, area_ha, imported_at, ST_AsText(geom_rd) AS wkt FROM areas ORDER BY code, year`);

	beforeAll(async () => {
		db = await freshDatabase();
	});
	afterAll(() => db?.close());
	beforeEach(async () => {
		await db.exec('DELETE FROM indelingen; DELETE FROM areas;');
	});

	describe('boundaries', () => {
		it('writes nothing when one feature among good ones is bad', async () => {
			await importBoundaryFile(db, fixturePath('enschede-binnensingel-rd.geojson'));
			const before = await snapshot();
			const document = await fixture('buurten-crs84.geojson');
			const [point] = (await fixture('point-geometry.geojson')).features;
			document.features.push(point);

			const error = await importError(importBoundaries(db, document, { file: 'buurten.geojson' }));

			expect(error.problems).toEqual([
				{
					file: 'buurten.geojson',
					feature: 4,
					code: 'BU01640202',
					field: 'geometry',
					message: 'geometrie is Point, verwacht Polygon of MultiPolygon'
				}
			]);
			expect(await snapshot()).toEqual(before);
		});

		it('writes none of several files when one of them fails', async () => {
			const before = await snapshot();
			const error = await importError(importBoundaryFiles(db, [fixturePath('buurten-crs84.geojson'), fixturePath('collapsed-ring.geojson')]));
			expect(error.problems[0].file).toBe('collapsed-ring.geojson');
			expect(await snapshot()).toEqual(before);
		});

		it('writes nothing when PostGIS cannot repair a geometry', async () => {
			const error = await importError(importBoundaryFile(db, fixturePath('collapsed-ring.geojson')));
			expect(error.problems).toHaveLength(1);
			expect(error.problems[0]).toMatchObject({
				file: 'collapsed-ring.geojson',
				feature: 2,
				code: 'BU01640203',
				field: 'geometry'
			});
			expect(error.problems[0].message).toMatch(/niet te repareren/);
			expect((await counts()).areas).toBe(0);
		});

		it('rolls back earlier batches when a later one fails', async () => {
			// 250 squares of 50 m (synthetic, well-formed codes) make two batches of the upsert.
			const features = Array.from({ length: 250 }, (_, i) => {
				const x = 250_000 + (i % 25) * 50;
				const y = 475_000 + Math.floor(i / 25) * 50;
				return {
					type: 'Feature',
					properties: { buurtcode: `BU0164${String(i).padStart(4, '0')}`, buurtnaam: `Vak ${i}`, jaar: 2024 },
					geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 50, y], [x + 50, y + 50], [x, y + 50], [x, y]]] }
				};
			});
			const document = {
				type: 'FeatureCollection',
				crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
				features
			};
			let writes = 0;
			const failing: Db = {
				...db,
				transaction: (fn) =>
					db.transaction((tx) => {
						const wrapped: Queryable = {
							exec: (text) => tx.exec(text),
							query: async (text, params) => {
								if (text.includes('INSERT INTO areas') && ++writes === 2) throw new Error('verbinding verbroken (gesimuleerd)');
								return tx.query(text, params);
							}
						};
						return fn(wrapped);
					})
			};

			await expect(importBoundaries(failing, document, { file: 'vakken.geojson' })).rejects.toThrow(/gesimuleerd/);
			expect(writes).toBe(2);
			expect((await counts()).areas).toBe(0);
			// The same document without the failure goes in whole.
			expect((await importBoundaries(db, document, { file: 'vakken.geojson' })).written).toBe(250);
		});

		it('repairs a self-intersecting polygon with ST_MakeValid and reports it', async () => {
			const result = await importBoundaryFile(db, fixturePath('self-intersecting.geojson'));

			expect(result).toMatchObject({ file: 'self-intersecting.geojson', features: 2, written: 2, skippedWater: 0 });
			expect(result.repaired).toHaveLength(1);
			expect(result.repaired[0]).toMatchObject({
				file: 'self-intersecting.geojson',
				feature: 1,
				code: 'BU01640203',
				field: 'geometry'
			});
			expect(result.repaired[0].message).toMatch(/Self-intersection.*gerepareerd met ST_MakeValid/);

			const [bowTie] = await db.query<{ valid: boolean; parts: number; areaHa: number }>(
				`SELECT ST_IsValid(geom_rd) AS valid, ST_NumGeometries(geom_rd) AS parts, area_ha AS "areaHa"
				FROM areas WHERE code = 'BU01640203'`
			);
			// The bow-tie becomes its two triangles of 75 000 m² each.
			expect(bowTie).toEqual({ valid: true, parts: 2, areaHa: expect.closeTo(15, 6) });
			expect((await importBoundaryFile(db, fixturePath('self-intersecting.geojson'))).written).toBe(0);
		});

		it('writes nothing when the same file is imported again, and only what changed after that', async () => {
			const first = await importBoundaryFile(db, fixturePath('buurten-crs84.geojson'));
			expect(first).toMatchObject({ features: 3, written: 3, repaired: [] });
			const before = await snapshot();

			const again = await importBoundaryFile(db, fixturePath('buurten-crs84.geojson'));
			expect(again).toMatchObject({ features: 3, written: 0 });
			expect(await snapshot()).toEqual(before);

			const document = await fixture('buurten-crs84.geojson');
			document.features[1].properties.buurtnaam = 'Elsbeek (nieuwe naam)';
			const changed = await importBoundaries(db, document, { file: 'buurten-crs84.geojson' });
			expect(changed.written).toBe(1);
			const names = await db.query<{ code: string; name: string }>(`SELECT code, name FROM areas ORDER BY code`);
			expect(names.map((r) => r.name)).toEqual(['Noord', 'Elsbeek (nieuwe naam)', 'De Noork']);
		});

		it('computes area_ha from RD New and places the areas in Hengelo', async () => {
			const document = await fixture('buurten-rd.geojson');
			await importBoundaryFile(db, fixturePath('buurten-rd.geojson'));
			const rows = await db.query<{ code: string; areaHa: number; lon: number; lat: number; inside: boolean }>(
				`SELECT code, area_ha AS "areaHa", ST_X(label_point) AS lon, ST_Y(label_point) AS lat,
				        ST_Contains(geom, label_point) AS inside
				FROM areas ORDER BY code`
			);
			const expected = new Map<string, number>(
				document.features.map((f: { properties: { buurtcode: string }; geometry: { type: string; coordinates: unknown } }) => {
					const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
					// Outer ring minus holes (Binnenstad-Centrum has one of 50 × 50 m), in m² → ha.
					const m2 = polygons.reduce((sum, [outer, ...holes]) => sum + ringArea(outer) - holes.reduce((s, h) => s + ringArea(h), 0), 0);
					return [f.properties.buurtcode, m2 / 10_000];
				})
			);
			expect(rows.map((r) => r.code)).toEqual(['BU01640000', 'BU01640203', 'BU01640204']);
			for (const row of rows) {
				expect(row.areaHa).toBeCloseTo(expected.get(row.code)!, 6);
				// A buurt of a town: more than a hectare, less than a village's outskirts.
				expect(row.areaHa).toBeGreaterThan(1);
				expect(row.areaHa).toBeLessThan(500);
				expect(row.lon).toBeGreaterThan(6.75);
				expect(row.lon).toBeLessThan(6.86);
				expect(row.lat).toBeGreaterThan(52.25);
				expect(row.lat).toBeLessThan(52.29);
				expect(row.inside).toBe(true);
			}
		});

		it('computes area_ha of WGS84 input in RD New too', async () => {
			await importBoundaryFile(db, fixturePath('buurten-crs84.geojson'));
			const [noord] = await db.query<{ areaHa: number; areaRd: number }>(
				`SELECT area_ha AS "areaHa", ST_Area(geom_rd) / 10000 AS "areaRd" FROM areas WHERE code = 'BU01640200'`
			);
			// 0.015° × 0.01° at 52° N is roughly a square kilometre; the polygon fills about 3/4 of it.
			expect(noord.areaHa).toBeGreaterThan(70);
			expect(noord.areaHa).toBeLessThan(80);
			expect(noord.areaHa).toBeCloseTo(noord.areaRd, 9);
		});

		it('drops the elevation of 3D coordinates', async () => {
			const result = await importBoundaryFile(db, fixturePath('elevation-3d.geojson'));
			expect(result.written).toBe(1);
			const [row] = await db.query<{ dims: number; dimsWgs: number }>(
				`SELECT ST_NDims(geom_rd) AS dims, ST_NDims(geom) AS "dimsWgs" FROM areas`
			);
			expect(row).toEqual({ dims: 2, dimsWgs: 2 });
		});

		it('counts skipped water features and imports the land', async () => {
			const result = await importBoundaryFile(db, fixturePath('water.geojson'));
			expect(result).toMatchObject({ features: 1, written: 1, skippedWater: 2 });
			expect(await db.query(`SELECT code FROM areas`)).toEqual([{ code: 'BU01640601' }]);
		});
	});

	describe('stadsdelen', () => {
		const header = 'buurtcode,stadsdeel,zekerheid\n';
		const indelingA = `${header}BU01530000,Centrum,hoog\nBU01530001,Centrum,middel\nBU01530002,Oost,laag\n`;
		const indelingB = `${header}BU01530000,Noord,\nBU01530001,Zuid,\nBU01530002,Zuid,\n`;

		const indeling = () =>
			db.query<{ buurtcode: string; stadsdeelcode: string; zekerheid: string | null; year: number }>(
				`SELECT buurtcode, stadsdeelcode, zekerheid, year FROM stadsdeel_buurten ORDER BY buurtcode`
			);

		beforeEach(async () => {
			await importBoundaryFile(db, fixturePath('enschede-binnensingel-rd.geojson'));
			await importBoundaryFile(db, fixturePath('buurten-rd.geojson'));
		});

		it('rejects an unknown buurtcode and writes nothing', async () => {
			const before = await counts();
			const error = await importError(importStadsdelen(db, `${indelingA}BU01539999,Oost,laag\n`, 'indeling.csv'));
			expect(error.problems).toEqual([
				{ file: 'indeling.csv', row: 5, code: 'BU01539999', field: 'buurtcode', message: 'onbekende buurt (niet geladen)' }
			]);
			expect(await counts()).toEqual(before);
			expect(before).toMatchObject({ stadsdelen: 0, assigned: 0, stadsdeelAreas: 0 });
		});

		it('rejects an indeling that misses a buurt of its gemeente and keeps the previous one', async () => {
			await importStadsdelen(db, indelingA, 'a.csv');
			const before = await indeling();
			const error = await importError(
				importStadsdelen(db, `${header}BU01530000,Noord,\nBU01530001,Zuid,\n`, 'onvolledig.csv')
			);
			expect(error.problems).toEqual([
				{
					file: 'onvolledig.csv',
					code: 'BU01530002',
					field: 'buurtcode',
					message: 'buurt van GM0153 ontbreekt in de indeling'
				}
			]);
			expect(await indeling()).toEqual(before);
			expect((await counts()).stadsdelen).toBe(2);
		});

		it('replaces the previous indeling of the gemeente', async () => {
			const a = await importStadsdelen(db, indelingA, 'a.csv');
			expect(a.gemeenten).toEqual([{ gemeentecode: 'GM0153', year: 2024, stadsdelen: 2, buurten: 3 }]);
			expect(await indeling()).toEqual([
				{ buurtcode: 'BU01530000', stadsdeelcode: 'SD0153-centrum', zekerheid: 'hoog', year: 2024 },
				{ buurtcode: 'BU01530001', stadsdeelcode: 'SD0153-centrum', zekerheid: 'middel', year: 2024 },
				{ buurtcode: 'BU01530002', stadsdeelcode: 'SD0153-oost', zekerheid: 'laag', year: 2024 }
			]);

			const b = await importStadsdelen(db, indelingB, 'b.csv');
			expect(b.gemeenten).toEqual([{ gemeentecode: 'GM0153', year: 2024, stadsdelen: 2, buurten: 3 }]);
			expect(await indeling()).toEqual([
				{ buurtcode: 'BU01530000', stadsdeelcode: 'SD0153-noord', zekerheid: null, year: 2024 },
				{ buurtcode: 'BU01530001', stadsdeelcode: 'SD0153-zuid', zekerheid: null, year: 2024 },
				{ buurtcode: 'BU01530002', stadsdeelcode: 'SD0153-zuid', zekerheid: null, year: 2024 }
			]);
			expect(await db.query(`SELECT code, name, source FROM stadsdelen ORDER BY code`)).toEqual([
				{ code: 'SD0153-noord', name: 'Noord', source: 'b.csv' },
				{ code: 'SD0153-zuid', name: 'Zuid', source: 'b.csv' }
			]);
			// The derived stadsdeel areas follow: only the new ones, together as large as their buurten.
			const [areas] = await db.query<{ codes: string[]; stadsdelen: number; buurten: number }>(
				`SELECT array_agg(code ORDER BY code) FILTER (WHERE level = 'stadsdeel') AS codes,
				        sum(area_ha) FILTER (WHERE level = 'stadsdeel') AS stadsdelen,
				        sum(area_ha) FILTER (WHERE level = 'buurt' AND gemeentecode = 'GM0153') AS buurten
				FROM areas`
			);
			expect(areas.codes).toEqual(['SD0153-noord', 'SD0153-zuid']);
			expect(areas.stadsdelen).toBeCloseTo(areas.buurten, 3);
		});

		it('checks an indeling against the current year of the buurten only', async () => {
			// The 2023 map had a buurt that CBS dropped in 2024; it must neither be demanded nor accepted.
			const older = await fixture('enschede-binnensingel-rd.geojson');
			for (const f of older.features) f.properties.jaar = 2023;
			older.features[2].properties.buurtcode = 'BU01530099';
			await importBoundaries(db, older, { file: 'buurten-2023.geojson' });

			const result = await importStadsdelen(db, indelingA, 'a.csv');
			expect(result.gemeenten).toEqual([{ gemeentecode: 'GM0153', year: 2024, stadsdelen: 2, buurten: 3 }]);

			const error = await importError(importStadsdelen(db, `${indelingB}BU01530099,Zuid,\n`, 'oud.csv'));
			expect(error.problems).toMatchObject([{ row: 5, code: 'BU01530099', message: 'onbekende buurt (niet geladen)' }]);
		});
	});

	describe('importDefaults', () => {
		const { dataDir } = readConfig();
		let copy: string;

		beforeAll(async () => {
			copy = await mkdtemp(join(tmpdir(), 'wijkbeeld-data-'));
			for (const path of [...DEFAULT_FILES.boundaries, ...DEFAULT_FILES.stadsdelen, ...DEFAULT_FILES.monitor]) {
				await mkdir(dirname(join(copy, path)), { recursive: true });
				await copyFile(join(dataDir, path), join(copy, path));
			}
		});
		afterAll(async () => {
			if (copy) await rm(copy, { recursive: true, force: true });
		});

		it.each([
			['a row the reader rejects', ',Oost,', { row: 12, field: 'stadsdeel', message: 'stadsdeel is leeg' }],
			['a buurt that is not loaded', 'BU01539999,', { row: 12, code: 'BU01539999', message: 'onbekende buurt (niet geladen)' }]
		])('writes nothing when the stadsdelen file has %s', async (_, replacement, problem) => {
			const path = join(copy, DEFAULT_FILES.stadsdelen[0]);
			const original = await readFile(join(dataDir, DEFAULT_FILES.stadsdelen[0]), 'utf8');
			const lines = original.split('\n');
			// Line 12 is BU01530101 Wooldrik (Oost).
			expect(lines[11]).toMatch(/^BU01530101,Wooldrik,.*,Oost,/);
			lines[11] = replacement === ',Oost,' ? lines[11].replace(',Oost,', ',,') : lines[11].replace('BU01530101,', replacement);
			await writeFile(path, lines.join('\n'));

			const error = await importError(importDefaults(db, copy));
			expect(error.problems).toEqual(expect.arrayContaining([expect.objectContaining(problem)]));
			expect(await counts()).toEqual({ areas: 0, buurten: 0, stadsdelen: 0, assigned: 0, stadsdeelAreas: 0 });
		});

		it('loads everything from a good copy', async () => {
			await copyFile(join(dataDir, DEFAULT_FILES.stadsdelen[0]), join(copy, DEFAULT_FILES.stadsdelen[0]));
			await importDefaults(db, copy);
			expect(await counts()).toMatchObject({ buurten: 132, stadsdelen: 5, assigned: 70, stadsdeelAreas: 5 });
		});
	});
});
