// The investment importer against a real PostGIS with the real Hengelo and Enschede buurten: rows located by
// buurtcode or coordinate, rights per row, all or nothing, dry runs, idempotent re-imports and the audit trail.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import { readConfig } from '../../src/lib/server/config';
import { DEFAULT_FILES, importBoundaryFile } from '../../src/lib/server/import';
import { DEMO_INVESTMENTS_FILE, importInvestments, seedDemoInvestments } from '../../src/lib/server/import/investments';
import { SheetError } from '../../geo/investments-sheet';
import { ImportError } from '../../geo/problems';
import { fixturesDir } from '../../geo/fixtures/golden';
import type { User } from '../../src/lib/domain/roles';
import { engine, freshDatabase } from './database';

const { dataDir } = readConfig();
const demoPath = join(dataDir, DEMO_INVESTMENTS_FILE);
const DEMO = 'partner_investeringen_demo.csv';

describe(`investment import on ${engine}`, () => {
	let db: Db;
	let demo: Buffer;
	const users: Record<'admin' | 'editorHengelo' | 'welbions' | 'viewer', User> = {} as never;

	async function counts() {
		const [row] = await db.query<{ investments: number; audit: number }>(
			`SELECT (SELECT count(*)::int FROM investments) AS investments, (SELECT count(*)::int FROM audit_log) AS audit`
		);
		return row;
	}

	/** The buurt PostGIS puts a WGS84 coordinate in, asked in RD New (not the importer's own query). */
	async function buurtContaining(lon: number, lat: number): Promise<string[]> {
		const rows = await db.query<{ code: string }>(
			`SELECT code FROM areas WHERE level = 'buurt'
			   AND ST_Contains(geom_rd, ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), 28992))`,
			[lon, lat]
		);
		return rows.map((r) => r.code);
	}

	const run = (user: User, bytes: Uint8Array, dryRun: boolean, name = DEMO) =>
		importInvestments(db, user, user, { name, bytes }, { dryRun });

	beforeAll(async () => {
		db = await freshDatabase();
		// The 2024 gemeenten, wijken and buurten of Hengelo and Enschede (the 2023 NL context layer is not needed).
		for (const path of DEFAULT_FILES.boundaries.slice(1)) await importBoundaryFile(db, join(dataDir, path));
		demo = await readFile(demoPath);
		const insert = async (email: string, name: string, role: string, gemeentecode: string | null, organisation: string | null) => {
			const [row] = await db.query<{ id: number }>(
				`INSERT INTO users (email, name, role, gemeentecode, organisation) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
				[email, name, role, gemeentecode, organisation]
			);
			return { id: Number(row.id), email, name, role, gemeentecode, organisation } as User;
		};
		users.admin = await insert('beheerder@test', 'Bea Beheerder', 'admin', null, null);
		users.editorHengelo = await insert('hengelo@test', 'Hanna Hengelo', 'editor', 'GM0164', 'Gemeente Hengelo');
		users.welbions = await insert('welbions@test', 'Wendy Welbions', 'partner', null, 'Welbions');
		users.viewer = await insert('kijker@test', 'Kees Kijker', 'viewer', null, null);
	});
	afterAll(() => db?.close());
	beforeEach(async () => {
		await db.exec('DELETE FROM audit_log; DELETE FROM investments;');
	});

	it('reports every bad row with its row and field, and writes nothing', async () => {
		const bytes = await readFile(join(fixturesDir, 'in', 'investments', 'fouten.csv'));
		const result = await run(users.admin, bytes, false, 'fouten.csv');
		expect(result.errors).toEqual([
			{ row: 3, field: 'buurtcode', message: 'onbekende buurtcode BU01649999: geen buurt van de gemeenten in Wijkbeeld' },
			{ row: 4, field: 'lat', message: 'coördinaat 52,0907, 5,1214 ligt buiten de gemeenten in Wijkbeeld' },
			{ row: 5, field: 'start', message: '31-02-2025 bestaat niet in de kalender' },
			{ row: 6, field: 'investering_eur', message: 'bedrag mag niet negatief zijn (-250.000)' },
			{ row: 7, field: 'eind', message: 'het einde (31-12-2024) ligt voor het begin (01-06-2025)' },
			{ row: 8, field: 'partner', message: 'partner ontbreekt' }
		]);
		// The good row would have been created, but a file goes in whole or not at all.
		expect(result.rows.map((r) => [r.row, r.action])).toEqual([
			[2, 'create'],
			[3, 'error'],
			[4, 'error'],
			[5, 'error'],
			[6, 'error'],
			[7, 'error'],
			[8, 'error']
		]);
		expect(result).toMatchObject({ written: false, dryRun: false, created: 1 });
		expect(await counts()).toEqual({ investments: 0, audit: 0 });
	});

	it('imports the demo delivery: 13 rows, each in its buurt, audited with the file name', async () => {
		const started = performance.now();
		const dry = await run(users.admin, demo, true);
		const dryMs = performance.now() - started;
		expect(dry).toMatchObject({ dryRun: true, written: false, created: 13, updated: 0, unchanged: 0, errors: [], synthetic: true });
		expect(await counts()).toEqual({ investments: 0, audit: 0 });

		const result = await run(users.admin, demo, false);
		console.log(`[meting] demo dry run ${dryMs.toFixed(0)} ms, import ${(performance.now() - started - dryMs).toFixed(0)} ms (${engine})`);
		expect(result).toMatchObject({ written: true, created: 13, updated: 0, unchanged: 0, errors: [] });
		expect(await counts()).toEqual({ investments: 13, audit: 13 });

		const stored = await db.query<{ project_name: string; gemeentecode: string; buurtcode: string; lon: number | null; lat: number | null; synthetic: boolean; source: string }>(
			`SELECT project_name, gemeentecode, buurtcode, ST_X(point) AS lon, ST_Y(point) AS lat, synthetic, source FROM investments ORDER BY project_name`
		);
		expect(stored.every((s) => s.synthetic && s.source === DEMO)).toBe(true);
		expect(stored.filter((s) => s.gemeentecode === 'GM0164')).toHaveLength(9);
		expect(stored.filter((s) => s.gemeentecode === 'GM0153')).toHaveLength(4);
		const byName = new Map(stored.map((s) => [s.project_name, s]));
		// Rows with a buurtcode keep it, also when they have a coordinate too.
		expect(byName.get('De Noork complex 415 - levensduurverlenging')).toMatchObject({ buurtcode: 'BU01640202', lon: 6.8131, lat: 52.2701 });
		expect(byName.get('Twekkelerveld - renovatie portiekwoningen')).toMatchObject({ buurtcode: 'BU01530301', gemeentecode: 'GM0153', lon: null });
		// Rows with only a coordinate are in the buurt PostGIS says they lie in.
		for (const [name, lon, lat] of [
			['Groot Driene-Zuid - sloop/nieuwbouw portiekflats', 6.8211, 52.2589],
			['Velve-Lindenhof - isolatie grondgebonden woningen', 6.9175, 52.221]
		] as const) {
			const containing = await buurtContaining(lon, lat);
			expect(containing).toHaveLength(1);
			expect(byName.get(name)).toMatchObject({ buurtcode: containing[0], lon, lat });
			const [buurt] = await db.query<{ name: string }>(`SELECT name FROM areas WHERE level = 'buurt' AND code = $1`, [containing[0]]);
			expect(result.rows.find((r) => r.projectName === name)).toMatchObject({ buurtcode: containing[0], buurtName: buurt.name });
		}
		expect(byName.get('Velve-Lindenhof - isolatie grondgebonden woningen')!.gemeentecode).toBe('GM0153');

		const audit = await db.query<{ user_name: string; action: string; source: string; gemeentecode: string }>(
			`SELECT user_name, action, source, gemeentecode FROM audit_log`
		);
		expect(audit.every((a) => a.user_name === 'Bea Beheerder' && a.action === 'create' && a.source === DEMO)).toBe(true);
	});

	it('changes nothing when the same file comes again, and updates only what changed', async () => {
		await run(users.admin, demo, false);
		const again = await run(users.admin, demo, false);
		expect(again).toMatchObject({ written: false, created: 0, updated: 0, unchanged: 13, errors: [] });
		expect(await counts()).toEqual({ investments: 13, audit: 13 });

		const changed = new TextEncoder().encode(demo.toString('utf8').replace('"4.050.000"', '"4.100.000"'));
		const dry = await run(users.admin, changed, true, 'levering-2.csv');
		expect(dry).toMatchObject({ created: 0, updated: 1, unchanged: 12 });
		const row = dry.rows.find((r) => r.action === 'update')!;
		expect(row).toMatchObject({ row: 3, projectName: 'De Noork complex 415 - levensduurverlenging', changes: ['investering_eur: 4.050.000 → 4.100.000'] });
		expect(await counts()).toEqual({ investments: 13, audit: 13 });

		const result = await run(users.admin, changed, false, 'levering-2.csv');
		expect(result).toMatchObject({ written: true, updated: 1, unchanged: 12 });
		expect(await counts()).toEqual({ investments: 13, audit: 14 });
		const [entry] = await db.query<{ action: string; source: string; before: { amountEur: number }; after: { amountEur: number; source: string } }>(
			`SELECT action, source, before, after FROM audit_log ORDER BY id DESC LIMIT 1`
		);
		expect(entry).toMatchObject({ action: 'update', source: 'levering-2.csv', before: { amountEur: 4050000 }, after: { amountEur: 4100000, source: 'levering-2.csv' } });
	});

	it('reports a project that comes twice in one file at its second row', async () => {
		const text = demo.toString('utf8');
		const lines = text.trimEnd().split('\n');
		const bytes = new TextEncoder().encode([...lines, lines[1]].join('\n'));
		const result = await run(users.admin, bytes, true);
		expect(result.errors).toEqual([
			{ row: 15, field: 'projectnaam', message: 'project komt dubbel voor in het bestand (ook in rij 2, zelfde partner en gemeente)' }
		]);
	});

	it('lets an editor of Hengelo import only Hengelo rows: errors for Enschede, nothing written', async () => {
		const result = await run(users.editorHengelo, demo, false);
		const failed = result.errors.map((e) => [e.row, e.field]);
		expect(failed).toEqual([
			[11, 'buurtcode'],
			[12, 'lat'],
			[13, 'buurtcode'],
			[14, 'buurtcode']
		]);
		expect(result.errors[0].message).toBe('u bent redacteur voor Hengelo (GM0164); deze rij ligt in Enschede (GM0153)');
		expect(result.written).toBe(false);
		expect(await counts()).toEqual({ investments: 0, audit: 0 });
	});

	it("lets a partner import only its own organisation's rows", async () => {
		const result = await run(users.welbions, demo, false);
		expect(result.errors.map((e) => e.row)).toEqual([8, 9, 10, 11, 12, 13, 14]);
		expect(result.errors.every((e) => e.field === 'partner')).toBe(true);
		expect(result.errors[0].message).toBe('u kunt alleen investeringen van Welbions invoeren; deze rij is van Gemeente Hengelo');
		expect(await counts()).toEqual({ investments: 0, audit: 0 });

		// Its own rows alone go in.
		const own = demo.toString('utf8').split('\n').filter((line, i) => i === 0 || line.startsWith('Welbions;')).join('\n');
		const ownResult = await run(users.welbions, new TextEncoder().encode(own), false, 'welbions.csv');
		expect(ownResult).toMatchObject({ written: true, created: 6, errors: [] });
	});

	it('gives a viewer an error on every row', async () => {
		const result = await run(users.viewer, demo, false);
		expect(result.errors).toHaveLength(13);
		expect(result.errors[0]).toMatchObject({ field: 'partner', message: 'u heeft alleen leesrechten' });
		expect(await counts()).toEqual({ investments: 0, audit: 0 });
	});

	it('refuses a file that is not a spreadsheet before it touches the database', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		await expect(run(users.admin, png, false, 'kaart.png')).rejects.toBeInstanceOf(SheetError);
	});

	describe('seedDemoInvestments', () => {
		it('loads the demo investments as the app into an empty table, once', async () => {
			const result = await seedDemoInvestments(db, dataDir);
			expect(result).toMatchObject({ created: 13, errors: [] });
			const audit = await db.query<{ user_id: number | null; user_name: string }>(`SELECT DISTINCT user_id, user_name FROM audit_log`);
			expect(audit).toEqual([{ user_id: null, user_name: 'Wijkbeeld (demodata bij eerste start)' }]);
			expect(await seedDemoInvestments(db, dataDir)).toBeNull();
			expect(await counts()).toEqual({ investments: 13, audit: 13 });
		});

		it('fails loudly when the demo file has a bad row', async () => {
			const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
			const { tmpdir } = await import('node:os');
			const copy = await mkdtemp(join(tmpdir(), 'wijkbeeld-invest-'));
			try {
				await mkdir(join(copy, 'demo'));
				await writeFile(join(copy, DEMO_INVESTMENTS_FILE), demo.toString('utf8').replace('BU01530301', 'BU01539999'));
				const error = await seedDemoInvestments(db, copy).catch((e: unknown) => e);
				expect(error).toBeInstanceOf(ImportError);
				expect((error as ImportError).problems).toEqual([
					{ file: DEMO, row: 11, field: 'buurtcode', message: 'onbekende buurtcode BU01539999: geen buurt van de gemeenten in Wijkbeeld' }
				]);
				expect(await counts()).toEqual({ investments: 0, audit: 0 });
			} finally {
				await rm(copy, { recursive: true, force: true });
			}
		});
	});
});
