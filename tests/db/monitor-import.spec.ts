// The monitor importers against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): all or
// nothing, idempotent re-runs, provenance, and CBS OData paging served by a local stand-in for
// opendata.cbs.nl (node:http on 127.0.0.1, pages from geo/fixtures/in/cbs-odata/). Nothing leaves the machine.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import * as indicators from '../../src/lib/server/db/indicators';
import {
	DEFAULT_FILES,
	importCbsOdata,
	importDefaults,
	importMonitorLong,
	importMonitorLongFiles,
	importMonitorWide
} from '../../src/lib/server/import';
import { ImportError } from '../../geo/problems';
import { fixturesDir } from '../../geo/fixtures/golden';
import { readConfig } from '../../src/lib/server/config';
import { engine, freshDatabase } from './database';
import { loadTestAreas } from './test-areas';

const monitorFixture = (name: string) => join(fixturesDir, 'in', 'monitor', name);

/** The rejection of `promise`, which must be an ImportError. */
async function importError(promise: Promise<unknown>): Promise<ImportError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ImportError);
	return error as ImportError;
}

describe(`monitor importers on ${engine}`, () => {
	let db: Db;

	const counts = async () =>
		(
			await db.query<{ indicators: number; values: number }>(
				`SELECT (SELECT count(*)::int FROM indicators) AS indicators, (SELECT count(*)::int FROM indicator_values) AS values`
			)
		)[0];
	const snapshot = () =>
		db.query(`SELECT area_code, indicator, year, value, source, synthetic, imported_at FROM indicator_values ORDER BY 1, 2, 3`);
	const stored = async (area: string, indicator: string, year: number) =>
		(
			await db.query<{ value: number; source: string; synthetic: boolean }>(
				'SELECT value, source, synthetic FROM indicator_values WHERE area_code = $1 AND indicator = $2 AND year = $3',
				[area, indicator, year]
			)
		)[0] ?? null;

	beforeAll(async () => {
		db = await freshDatabase();
		// Hengelo's wijk 02 Noord and a buurt of wijk 05, and one Enschede buurt with its wijk and stadsdeel.
		await loadTestAreas(db, { code: 'GM0164', name: 'Hengelo' }, [
			{
				code: 'WK016402',
				name: 'Wijk 02 Noord',
				buurten: [
					{ code: 'BU01640200', name: 'Noord' },
					{ code: 'BU01640201', name: 'Elsbeek' },
					{ code: 'BU01640202', name: 'De Noork' },
					{ code: 'BU01640203', name: 'Klein Driene' },
					{ code: 'BU01640204', name: "'t Rot" }
				]
			},
			{ code: 'WK016405', name: 'Wijk 05 Berflo Es', buurten: [{ code: 'BU01640503', name: 'Bedrijventerrein Twentekanaal-Noord II' }] }
		]);
	});
	afterAll(() => db?.close());
	beforeEach(async () => {
		await db.exec('DELETE FROM indicator_values; DELETE FROM indicators;');
	});

	describe('long format', () => {
		const catalogue = () => ({ text: readFileSync(monitorFixture('catalogus-demo.csv'), 'utf8'), file: 'catalogus-demo.csv' });
		const values = () => ({ text: readFileSync(monitorFixture('waarden-demo.csv'), 'utf8'), file: 'waarden-demo.csv' });

		it('imports a catalogue with its values in one go, with their provenance', async () => {
			const result = await importMonitorLong(db, { catalogue: catalogue(), values: values() });
			expect(result).toEqual({
				file: 'waarden-demo.csv',
				indicators: 6,
				indicatorsWritten: 6,
				values: 5,
				empty: 2,
				written: 5,
				removed: 0,
				skipped: 0,
				years: [2023, 2024]
			});
			// The catalogue's bron says DEMODATA: the values are synthetic, and carry the bron as their source.
			expect(await stored('BU01640202', 'p_laag_inkomen', 2023)).toEqual({
				value: 24.4,
				source: 'DEMODATA (synthetisch, geen echte cijfers)',
				synthetic: true
			});
			// An empty cell is not stored.
			expect(await stored('BU01640202', 'tevredenheid', 2023)).toBeNull();
		});

		it('writes nothing the second time, and only what changed after that', async () => {
			await importMonitorLong(db, { catalogue: catalogue(), values: values() });
			const before = await snapshot();
			const again = await importMonitorLong(db, { catalogue: catalogue(), values: values() });
			expect(again).toMatchObject({ indicatorsWritten: 0, written: 0, removed: 0 });
			expect(await snapshot()).toEqual(before);

			const changed = values();
			changed.text = changed.text.replace('BU01640202;p_laag_inkomen;2023;24.4', 'BU01640202;p_laag_inkomen;2023;25,1');
			expect(await importMonitorLong(db, { catalogue: catalogue(), values: changed })).toMatchObject({ written: 1 });
			expect((await stored('BU01640202', 'p_laag_inkomen', 2023))!.value).toBe(25.1);
		});

		it('removes a value its own source now reports as not available, but not another source’s', async () => {
			await importMonitorLong(db, { catalogue: catalogue(), values: values() });
			await importMonitorLong(
				db,
				{ values: { text: 'gebiedscode;indicator;jaar;waarde\nBU01640200;woz;2023;245\n', file: 'export.csv' } },
				{ source: 'Gemeente Hengelo' }
			);
			const emptied = values();
			emptied.text = emptied.text.replace('BU01640202;huishoudens;2023;618', 'BU01640202;huishoudens;2023;');
			const demoEmpty = `${emptied.text}BU01640200;woz;2023;\r\n`;
			const result = await importMonitorLong(db, { catalogue: catalogue(), values: { ...emptied, text: demoEmpty } });
			expect(result).toMatchObject({ removed: 1, written: 0 });
			expect(await stored('BU01640202', 'huishoudens', 2023)).toBeNull();
			expect(await stored('BU01640200', 'woz', 2023)).toEqual({ value: 245, source: 'Gemeente Hengelo', synthetic: false });
		});

		it('writes nothing, the catalogue neither, when one value is bad', async () => {
			const bad = values();
			bad.text += 'BU01640201;woz;2023;veel\r\n';
			const error = await importError(importMonitorLong(db, { catalogue: catalogue(), values: bad }));
			expect(error.problems).toEqual([
				{
					file: 'waarden-demo.csv',
					row: 9,
					code: 'BU01640201',
					field: 'waarde',
					message: 'geen getal: "veel" (laat de cel leeg als de waarde ontbreekt)'
				}
			]);
			expect(await counts()).toEqual({ indicators: 0, values: 0 });
		});

		it('reports an area code that is not loaded, an unknown indicator and a duplicate row, all at once', async () => {
			await importMonitorLong(db, { catalogue: catalogue() });
			const text = [
				'gebiedscode;indicator;jaar;waarde',
				'BU01640202;inwoners;2023;1448',
				'BU01530301;inwoners;2023;5285',
				'BU01640202;p_eenzaam;2023;20',
				'BU01640202;inwoners;2023;1450'
			].join('\n');
			const error = await importError(importMonitorLong(db, { values: { text, file: 'w.csv' } }));
			expect(error.problems).toEqual([
				{ file: 'w.csv', row: 3, code: 'BU01530301', field: 'gebiedscode', message: 'onbekend gebied BU01530301 (niet geladen)' },
				{ file: 'w.csv', row: 4, code: 'BU01640202', field: 'indicator', message: 'onbekende indicator "p_eenzaam" (niet in de catalogus)' },
				{ file: 'w.csv', row: 5, code: 'BU01640202', field: 'gebiedscode', message: 'BU01640202, inwoners, 2023 komt dubbel voor (ook in rij 2)' }
			]);
			expect((await counts()).values).toBe(0);
		});

		it('reports a wrong delimiter and writes nothing', async () => {
			const error = await importError(importMonitorLongFiles(db, monitorFixture('catalogus-demo.csv'), monitorFixture('waarden-tab.csv')));
			expect(error.problems).toHaveLength(1);
			expect(error.problems[0]).toMatchObject({ file: 'waarden-tab.csv', row: 1 });
			expect(error.problems[0].message).toMatch(/is het scheidingsteken goed/);
			expect(await counts()).toEqual({ indicators: 0, values: 0 });
		});

		it('rolls back earlier batches when a later write fails', async () => {
			await importMonitorLong(db, { catalogue: catalogue() });
			// 6 areas × 6 indicators × 34 years = 1,224 values: two batches of the upsert; the second one fails.
			const distinct = ['gebiedscode;indicator;jaar;waarde'];
			const codes = ['BU01640200', 'BU01640201', 'BU01640202', 'BU01640203', 'BU01640204', 'BU01640503'];
			const names = ['inwoners', 'huishoudens', 'p_laag_inkomen', 'misdrijven', 'woz', 'tevredenheid'];
			for (const code of codes) for (const name of names) for (let year = 1991; year <= 2024; year++) distinct.push(`${code};${name};${year};${year % 10}`);
			let writes = 0;
			const failing: Db = {
				...db,
				transaction: (fn) =>
					db.transaction((tx) =>
						fn({
							exec: (t) => tx.exec(t),
							query: async (t, params) => {
								if (t.includes('INSERT INTO indicator_values') && ++writes === 2) throw new Error('verbinding verbroken (gesimuleerd)');
								return tx.query(t, params);
							}
						})
					)
			};
			await expect(importMonitorLong(failing, { values: { text: distinct.join('\n'), file: 'veel.csv' } })).rejects.toThrow(/gesimuleerd/);
			expect(writes).toBe(2);
			expect((await counts()).values).toBe(0);
		});
	});

	describe('wide format', () => {
		beforeEach(async () => {
			await importMonitorLongFiles(db, monitorFixture('catalogus-demo.csv'), undefined);
		});

		it('imports one column per indicator, with the file as source', async () => {
			const text = await readFile(monitorFixture('breed-buurten.csv'), 'utf8');
			const result = await importMonitorWide(db, text, 'breed-buurten.csv');
			expect(result).toMatchObject({ values: 13, empty: 3, written: 13, years: [2023, 2024] });
			expect(await stored('BU01640202', 'p_laag_inkomen', 2023)).toEqual({ value: 24.4, source: 'breed-buurten.csv', synthetic: false });
			expect((await importMonitorWide(db, text, 'breed-buurten.csv')).written).toBe(0);
		});

		it('takes the year from the import when the file has no jaar column', async () => {
			const text = 'gebiedscode;inwoners;woz\nWK016402;9870;214\n';
			await importMonitorWide(db, text, 'wijken.csv', { year: 2022, source: 'Monitor Hengelo 2022' });
			expect(await stored('WK016402', 'woz', 2022)).toEqual({ value: 214, source: 'Monitor Hengelo 2022', synthetic: false });
		});

		it('writes nothing when a row is bad', async () => {
			const text = await readFile(monitorFixture('breed-fouten.csv'), 'utf8');
			const error = await importError(importMonitorWide(db, text, 'breed-fouten.csv'));
			expect(error.problems.map((p) => [p.row, p.field])).toEqual([
				[1, 'p_jeugd'],
				[3, 'gebiedscode'],
				[4, 'gebiedscode'],
				[5, 'jaar'],
				[5, 'p_laag_inkomen'],
				[6, 'p_laag_inkomen']
			]);
			expect((await counts()).values).toBe(0);
		});
	});

	describe('CBS StatLine OData', () => {
		const FEED = 'https://opendata.cbs.nl/ODataFeed/OData/85984NED';
		const PATH = '/ODataFeed/odata/85984NED/TypedDataSet';
		let server: Server;
		let origin: string;
		let requests: URL[];
		let pages: Record<string, unknown>[];
		/** HTTP status per page index, instead of the page. */
		let failures: Map<number, number>;

		const readPages = () =>
			[1, 2, 3].map((n) => JSON.parse(readFileSync(join(fixturesDir, 'in', 'cbs-odata', `page-${n}.json`), 'utf8')));
		const url = () => `${origin}${PATH}`;

		beforeAll(async () => {
			server = createServer((req, res) => {
				const requested = new URL(req.url ?? '/', origin);
				requests.push(requested);
				// CBS pages by $skip; the stand-in serves page N for $skip = 3·(N − 1).
				const index = Number(requested.searchParams.get('$skip') ?? 0) / 3;
				const page = pages[index];
				const status = failures.get(index) ?? (page && requested.pathname.toLowerCase() === PATH.toLowerCase() ? 200 : 404);
				if (status !== 200) {
					res.writeHead(status, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ 'odata.error': { code: '', message: { lang: 'en-US', value: 'An error has occurred.' } } }));
					return;
				}
				res.writeHead(200, { 'content-type': 'application/json;odata=minimalmetadata;streaming=true;charset=utf-8' });
				// The fixtures link to opendata.cbs.nl, as CBS's pages do; here they link to the stand-in.
				res.end(JSON.stringify(page).replaceAll(FEED, `${origin}/ODataFeed/OData/85984NED`));
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		});
		afterAll(async () => {
			server?.closeAllConnections();
			await new Promise((resolve) => server?.close(resolve));
		});
		beforeEach(() => {
			requests = [];
			pages = readPages();
			failures = new Map();
		});

		it('follows odata.nextLink over every page and stores the values of the loaded gemeente', async () => {
			const progress: string[] = [];
			const result = await importCbsOdata(db, { url: url(), year: 2024 }, (m) => progress.push(m));

			expect(requests.map((r) => r.searchParams.get('$skip'))).toEqual([null, '3', '6']);
			expect(requests[0].searchParams.get('$format')).toBe('json');
			expect(progress).toEqual(["pagina 1: 3 regio's", "pagina 2: 6 regio's", "pagina 3: 9 regio's"]);
			// Nederland and the Enschede buurt are skipped; 7 regions × 8 indicators, of which 6 secret for the small buurt.
			expect(result).toMatchObject({ file: url(), skipped: 2, values: 50, empty: 6, written: 50, years: [2024] });

			const source = 'CBS Kerncijfers wijken en buurten 2024 (85984NED)';
			expect(await stored('BU01640202', 'inwoners', 2024)).toEqual({ value: 1880, source, synthetic: false });
			expect(await stored('BU01640202', 'p_65plus', 2024)).toEqual({ value: 20.5, source, synthetic: false });
			expect(await stored('BU01640503', 'woz', 2024)).toBeNull();
			const catalogue = await indicators.listCatalogue(db);
			expect(catalogue.map((i) => i.code).sort()).toEqual(
				['huishoudens', 'inkomen_per_inwoner', 'inwoners', 'p_65plus', 'p_corporatie', 'p_koopwoningen', 'p_laag_inkomen', 'woz'].sort()
			);
			expect(catalogue.every((i) => i.source === source && !i.synthetic)).toBe(true);
		});

		it('uses the figures CBS gives for the wijk and gemeente over the sum of the loaded buurten, and hides the small buurt', async () => {
			await importCbsOdata(db, { url: url(), year: 2024 });
			const wijk = await indicators.values(db, { gemeente: 'GM0164', level: 'wijk', year: 2024, indicator: 'inwoners' });
			expect(wijk).toEqual([
				{ code: 'WK016402', name: 'Wijk 02 Noord', value: 9875, suppressed: false },
				// Wijk 05 has only the small buurt loaded: 5 inhabitants.
				{ code: 'WK016405', name: 'Wijk 05 Berflo Es', value: null, suppressed: true }
			]);
			const buurten = await indicators.values(db, { gemeente: 'GM0164', level: 'buurt', year: 2024, indicator: 'p_corporatie' });
			expect(buurten.find((b) => b.code === 'BU01640503')).toMatchObject({ value: null, suppressed: true });
			// 't Rot is not in the fixture pages: no value, and not suppressed (its inhabitants are unknown).
			expect(buurten.find((b) => b.code === 'BU01640204')).toMatchObject({ value: null, suppressed: false });
		});

		it('leaves the catalogue entry of an indicator it already has as it is', async () => {
			await importMonitorLongFiles(db, monitorFixture('catalogus-demo.csv'), undefined);
			await importCbsOdata(db, { url: url(), year: 2024 });
			const woz = (await indicators.listCatalogue(db)).find((i) => i.code === 'woz')!;
			expect(woz.source).toBe('DEMODATA (synthetisch, geen echte cijfers)');
			expect((await stored('BU01640202', 'woz', 2024))!.synthetic).toBe(false);
		});

		it('writes nothing the second time', async () => {
			await importCbsOdata(db, { url: url(), year: 2024 });
			const before = await snapshot();
			expect(await importCbsOdata(db, { url: url(), year: 2024 })).toMatchObject({ written: 0, indicatorsWritten: 0, removed: 0 });
			expect(await snapshot()).toEqual(before);
		});

		it('writes nothing when a page fails', async () => {
			failures.set(2, 500);
			const error = await importError(importCbsOdata(db, { url: url(), year: 2024 }));
			expect(error.problems).toHaveLength(1);
			expect(error.problems[0].message).toBe('service antwoordt 500 Internal Server Error');
			expect(error.problems[0].file).toMatch(/\$skip=6$/);
			expect(await counts()).toEqual({ indicators: 0, values: 0 });
		});

		it('writes nothing when a region of the gemeente is not loaded', async () => {
			const page = pages[2] as { value: Record<string, unknown>[] };
			page.value[2] = { ...page.value[2], WijkenEnBuurten: 'BU01640999', Codering_3: 'BU01640999' };
			const error = await importError(importCbsOdata(db, { url: url(), year: 2024 }));
			expect(error.problems).toEqual([
				{ file: url(), feature: 9, code: 'BU01640999', field: 'Codering_3', message: 'onbekend gebied BU01640999 (niet geladen)' }
			]);
			expect(await counts()).toEqual({ indicators: 0, values: 0 });
		});

		it('stops when the next links go round in a loop', async () => {
			(pages[2] as Record<string, unknown>)['odata.nextLink'] = (pages[0] as Record<string, string>)['odata.nextLink'];
			const error = await importError(importCbsOdata(db, { url: url(), year: 2024 }));
			expect(error.problems[0].message).toMatch(/^de service verwijst opnieuw naar http:\/\/127\.0\.0\.1:\d+\/.*\$skip=3/);
			expect(requests).toHaveLength(3);
			expect(await counts()).toEqual({ indicators: 0, values: 0 });
		});
	});
});

describe(`importDefaults with the demo monitor on ${engine}`, () => {
	const { dataDir } = readConfig();
	let db: Db;
	let copy: string;

	beforeAll(async () => {
		db = await freshDatabase();
		copy = await mkdtemp(join(tmpdir(), 'wijkbeeld-monitor-'));
		for (const path of [...DEFAULT_FILES.boundaries, ...DEFAULT_FILES.stadsdelen, ...DEFAULT_FILES.monitor]) {
			await mkdir(dirname(join(copy, path)), { recursive: true });
			await copyFile(join(dataDir, path), join(copy, path));
		}
	});
	afterAll(async () => {
		if (copy) await rm(copy, { recursive: true, force: true });
		await db?.close();
	});

	it('writes nothing at all, boundaries neither, when the monitor has a bad value', async () => {
		const path = join(copy, DEFAULT_FILES.monitor[1]);
		const original = await readFile(join(dataDir, DEFAULT_FILES.monitor[1]), 'utf8');
		const lines = original.split('\r\n');
		expect(lines[1]).toBe('BU01530000;inwoners;2020;1901');
		lines[1] = 'BU01530000;inwoners;2020;1.901';
		await writeFile(path, lines.join('\r\n'));

		const error = await importError(importDefaults(db, copy));
		expect(error.problems).toEqual([
			{
				file: 'monitor_waarden.csv',
				row: 2,
				code: 'BU01530000',
				field: 'waarde',
				message: 'dubbelzinnig getal "1.901": schrijf 1901 (zonder punt) of 1,901 (decimale komma)'
			}
		]);
		const [row] = await db.query<{ areas: number; indicators: number; values: number }>(
			`SELECT (SELECT count(*)::int FROM areas) AS areas, (SELECT count(*)::int FROM indicators) AS indicators,
			        (SELECT count(*)::int FROM indicator_values) AS values`
		);
		expect(row).toEqual({ areas: 0, indicators: 0, values: 0 });
	});

	it('reports the monitor step like the others', async () => {
		await copyFile(join(dataDir, DEFAULT_FILES.monitor[1]), join(copy, DEFAULT_FILES.monitor[1]));
		const progress: string[] = [];
		await importDefaults(db, copy, (m) => progress.push(m));
		const step = progress.findIndex((m) => m.includes('monitor uit'));
		expect(progress.slice(step, step + 2)).toEqual([
			'[6/7] monitor uit demo/monitor_indicatoren.csv en demo/monitor_waarden.csv (demodata, synthetisch)',
			'      17 indicatoren, 11220 rijen (8164 waarden, 3056 leeg) over 2020, 2021, 2022, 2023, 2024; 8164 nieuw of gewijzigd'
		]);
	});
});
