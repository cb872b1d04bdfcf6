// The StatLine importer against a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL), on small
// files in StatLine's exact layouts (xlsx, csv, OData pages served by a local stand-in for opendata.cbs.nl):
// what is written and with which provenance, all or nothing on every bad input, idempotent re-runs, and the
// urgency score on real RIVM figures next to demodata.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import { importStatLine } from '../../src/lib/server/import/statline';
import { importMonitorLong } from '../../src/lib/server/import';
import { ImportError } from '../../geo/problems';
import { fixturesDir } from '../../geo/fixtures/golden';
import { areaProfile, themeData, urgencyRanking } from '../../src/lib/server/monitor';
import { DEFAULT_WEIGHTS } from '../../src/lib/domain/urgency';
import { engine, freshDatabase } from './database';
import { loadTestAreas } from './test-areas';

const fixture = (name: string) => join(fixturesDir, 'in', 'statline', name);

async function importError(promise: Promise<unknown>): Promise<ImportError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ImportError);
	return error as ImportError;
}

describe(`StatLine importer on ${engine}`, () => {
	let db: Db;
	const snapshot = () => db.query(`SELECT area_code, indicator, year, value, lower, upper, source, synthetic, imported_at FROM indicator_values ORDER BY 1, 2, 3`);
	const stored = async (area: string, indicator: string, year = 2020) =>
		(
			await db.query<{ value: number; source: string; synthetic: boolean; lower: number | null; upper: number | null }>(
				'SELECT value, source, synthetic, lower, upper FROM indicator_values WHERE area_code = $1 AND indicator = $2 AND year = $3',
				[area, indicator, year]
			)
		)[0] ?? null;

	beforeAll(async () => {
		db = await freshDatabase();
		await loadTestAreas(db, { code: 'GM0164', name: 'Hengelo' }, [
			{ code: 'WK016402', name: 'Wijk 02 Noord', buurten: [{ code: 'BU01640202', name: 'De Noork' }, { code: 'BU01640203', name: 'Klein Driene' }] }
		]);
	});
	afterAll(() => db?.close());
	beforeEach(async () => {
		await db.exec('DELETE FROM indicator_values; DELETE FROM indicators;');
	});

	it('imports an xlsx export for the loaded gemeente: buurten, wijk, gemeente and Nederland as published, with provenance', async () => {
		const [result] = await importStatLine(db, [fixture('rivm-2020-18plus.xlsx')]);
		expect(result).toMatchObject({ file: 'rivm-2020-18plus.xlsx', table: '50090NED', rows: 7, skipped: 2, years: [2020], indicators: 35 });
		expect(await stored('GM0164', 'rivm_eenzaam_18plus')).toEqual({
			value: 49.3,
			source: "RIVM/GGD'en/CBS, Gezondheid per wijk en buurt 2020 (StatLine 50090NED), modelschatting",
			synthetic: false,
			lower: null,
			upper: null
		});
		expect((await stored('NL01', 'rivm_eenzaam_18plus'))?.value).toBe(47);
		expect(await stored('WK016402', 'rivm_eenzaam_18plus')).not.toBeNull();
		expect(await stored('BU01530301', 'rivm_eenzaam_18plus')).toBeNull(); // Enschede is not loaded
		const [entry] = await db.query<Record<string, unknown>>(
			`SELECT name, unit, domain, direction, synthetic, topic, age_group, urgency, waves, source_meta FROM indicators WHERE code = 'rivm_eenzaam_18plus'`
		);
		expect(entry).toMatchObject({
			name: 'Eenzaam (18 jaar en ouder)',
			unit: '%',
			domain: 'gezondheid',
			direction: 'hoger_is_urgenter',
			synthetic: false,
			topic: 'rivm_eenzaam',
			age_group: '18plus',
			urgency: false,
			waves: true,
			source_meta: { table: '50090NED', estimate: 'modelschatting', licence: 'CC BY 4.0' }
		});
	});

	it('writes nothing the second time (idempotent), and reads csv the same as xlsx', async () => {
		await importStatLine(db, [fixture('rivm-2020-18plus.xlsx')]);
		const before = await snapshot();
		const [again] = await importStatLine(db, [fixture('rivm-2020-18plus.csv')]);
		expect(again.written).toBe(0);
		expect(await snapshot()).toEqual(before);
	});

	it('stores the bounds of the margins where the file has them', async () => {
		await importStatLine(db, [fixture('marges.csv')]);
		const noork = await stored('BU01640202', 'rivm_eenzaam_18plus');
		expect(noork!.lower).toBeCloseTo(noork!.value - 2.5, 5);
		expect(noork!.upper).toBeCloseTo(noork!.value + 2.5, 5);
		expect((await stored('GM0164', 'rivm_eenzaam_18plus'))!.lower).toBeNull();
	});

	it('loads every area with --alle, loaded or not', async () => {
		await importStatLine(db, [fixture('rivm-2020-18plus.csv')], { gemeenten: 'alle' });
		expect(await stored('BU01530301', 'rivm_eenzaam_18plus')).not.toBeNull();
	});

	it.each([
		['fout-onderwerp-ontbreekt.csv', { row: 1, field: 'Eenzaam', message: 'onderwerp Eenzaam (Eenzaam) ontbreekt in de kopregel van tabel 50090NED' }],
		['fout-abc.csv', { row: 7, code: 'BU01640202', field: 'Eenzaam_28', message: 'geen getal: "abc"' }],
		['fout-140-procent.xlsx', { row: 7, code: 'BU01640202', field: 'Roker_11', message: '140 ligt buiten 0–100 (eenheid %)' }],
		['fout-dubbele-rij.csv', { row: 9, code: 'BU01640202', field: 'WijkenEnBuurten', message: 'BU01640202 (18 jaar en ouder) 2020 komt dubbel voor (ook rij 7)' }],
		['fout-onbekend-gebied.csv', { row: 9, code: 'BU01649999', field: 'WijkenEnBuurten', message: 'onbekend gebied BU01649999 (niet geladen; laad eerst de gebiedsindeling of gebruik --alle)' }]
	])('%s: a clear error by file, row and column, and nothing written (also not the good file before it)', async (name, problem) => {
		const error = await importError(importStatLine(db, [fixture('rivm-2020-18plus.xlsx'), fixture(name)]));
		expect(error.problems).toEqual([{ file: name, ...problem }]);
		expect(await snapshot()).toEqual([]);
		expect(await db.query('SELECT code FROM indicators')).toEqual([]);
	});

	describe('OData feed', () => {
		let server: Server;
		let origin: string;
		let failPage2 = false;
		const pages = [JSON.parse(readFileSync(fixture('odata-page-1.json'), 'utf8')), JSON.parse(readFileSync(fixture('odata-page-2.json'), 'utf8'))];
		const PATH = '/ODataApi/odata/50090NED/UntypedDataSet';
		beforeAll(async () => {
			server = createServer((req, res) => {
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const index = Number(url.searchParams.get('$skip') ?? 0) / 4;
				if (url.pathname !== PATH || !pages[index] || (failPage2 && index === 1)) {
					res.writeHead(failPage2 ? 500 : 404, { 'content-type': 'application/json' });
					res.end('{"odata.error":{"message":{"value":"An error has occurred."}}}');
					return;
				}
				const page = { ...pages[index] };
				if (page['odata.nextLink']) page['odata.nextLink'] = `${origin}${PATH}?$format=json&$skip=4`;
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify(page));
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		});
		afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
		afterEach(() => {
			failPage2 = false;
		});

		it('follows odata.nextLink and writes what the files write', async () => {
			await importStatLine(db, [fixture('rivm-2020-18plus.csv')]);
			const fromFile = (await snapshot()).map(({ imported_at: _t, ...rest }) => rest);
			await db.exec('DELETE FROM indicator_values; DELETE FROM indicators;');
			const [result] = await importStatLine(db, [`${origin}${PATH}`]);
			expect(result).toMatchObject({ table: '50090NED', rows: 7, skipped: 2 });
			expect((await snapshot()).map(({ imported_at: _t, ...rest }) => rest)).toEqual(fromFile);
		});

		it('a page that fails halfway: a clear error and nothing written', async () => {
			failPage2 = true;
			const error = await importError(importStatLine(db, [`${origin}${PATH}`]));
			expect(error.problems[0].message).toBe('service antwoordt 500 Internal Server Error');
			expect(error.problems[0].file).toContain('$skip=4');
			expect(await snapshot()).toEqual([]);
		});
	});

	describe('urgency on real figures', () => {
		beforeEach(async () => {
			// Demodata for 2024 in sociaal and gezondheid, RIVM 2020 for gezondheid.
			await importMonitorLong(db, {
				catalogue: {
					file: 'catalogus.csv',
					text:
						'indicator;naam;eenheid;domein;richting;bron\n' +
						'inwoners;Inwoners;aantal;context;context;DEMODATA\n' +
						'p_laag_inkomen;Huishoudens met laag inkomen;%;sociaal;hoger_is_urgenter;DEMODATA\n' +
						'p_gezond;Ervaren gezondheid goed;%;gezondheid;lager_is_urgenter;DEMODATA\n'
				},
				values: {
					file: 'waarden.csv',
					text:
						'gebiedscode;indicator;jaar;waarde\n' +
						'BU01640202;inwoners;2024;1400\nBU01640203;inwoners;2024;1900\n' +
						'BU01640202;p_laag_inkomen;2024;24\nBU01640203;p_laag_inkomen;2024;12\n' +
						'BU01640202;p_gezond;2024;60\nBU01640203;p_gezond;2024;80\n'
				}
			});
			await importStatLine(db, [fixture('rivm-2020-18plus.xlsx')]);
		});

		it('scores gezondheid on RIVM 2020 in 2024, says so, and lists each driver with its source and year', async () => {
			const ranking = await urgencyRanking(db, { gemeente: 'GM0164', level: 'buurt', year: 2024, weights: DEFAULT_WEIGHTS, draws: 0 });
			expect(ranking.wave).toBe(2020);
			expect(ranking.provenance).toMatchObject({
				source: 'Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata',
				mixed: true,
				synthetic: true,
				note: 'Gemengd — Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata'
			});
			const noork = ranking.areas.find((a) => a.code === 'BU01640202')!;
			const health = noork.drivers.filter((d) => d.domain === 'gezondheid');
			// The six RIVM 18+ indicators that count, and not the demo p_gezond.
			expect(health.map((d) => d.indicator).sort()).toEqual(
				['rivm_beperkt_gezondheid_18plus', 'rivm_ernstig_eenzaam_18plus', 'rivm_ervaren_gezondheid_goed_18plus', 'rivm_hoog_risico_angst_depressie_18plus', 'rivm_overgewicht_18plus', 'rivm_regie_eigen_leven_18plus']
			);
			expect(health.every((d) => d.source === 'RIVM 2020, modelschatting' && d.year === 2020 && !d.synthetic)).toBe(true);
			expect(noork.drivers.find((d) => d.indicator === 'p_laag_inkomen')).toMatchObject({ source: 'demodata 2024', year: 2024, synthetic: true });
			// The contributions still add up to the score: De Noork is explained by its drivers.
			expect(noork.drivers.reduce((s, d) => s + d.contribution, 0)).toBeCloseTo(noork.score!, 10);
		});

		it('shows a real indicator in a year without a wave from the wave before it, without the demodata label', async () => {
			const theme = await themeData(db, { gemeente: 'GM0164', level: 'buurt', thema: 'indicator', indicator: 'rivm_eenzaam_18plus', year: 2024, vergelijk: 'waarde', sinds: null, weights: DEFAULT_WEIGHTS });
			expect(theme).toMatchObject({
				year: 2024,
				wave: 2020,
				synthetic: false,
				title: 'Eenzaam (18 jaar en ouder) — RIVM 2020, modelschatting (laatste meting vóór 2024)',
				source: "RIVM/GGD'en/CBS, Gezondheid per wijk en buurt 2020 (StatLine 50090NED), modelschatting, CC BY 4.0",
				provenance: { synthetic: false, mixed: false, estimate: 'modelschatting' }
			});
			expect(theme!.provenance.label).toBeUndefined();
			expect(theme!.values.find((v) => v.code === 'BU01640202')?.value).not.toBeNull();
		});

		it('gives the area card the waves with the gemeente and Nederland', async () => {
			const profile = await areaProfile(db, 'BU01640202', { weights: DEFAULT_WEIGHTS });
			const eenzaam = profile!.indicators.find((i) => i.code === 'rivm_eenzaam_18plus')!;
			expect(eenzaam).toMatchObject({ source: 'RIVM 2020, modelschatting', valueYear: 2020, synthetic: false, estimate: 'modelschatting', topicName: 'Eenzaam', ageGroupName: '18 jaar en ouder' });
			expect(eenzaam.trend).toEqual([{ year: 2020, area: expect.any(Number), gemeente: 49.3, nederland: 47 }]);
			// The card also shows RIVM's moeite met rondkomen (sociaal, not scored): both domains name RIVM.
			expect(profile!.provenance.note).toBe('Gemengd — Sociaal: RIVM 2020, modelschatting · Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata');
		});
	});
});
