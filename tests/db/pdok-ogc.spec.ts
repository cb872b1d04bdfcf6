// The PDOK importer against a local stand-in for api.pdok.nl: a node:http server on 127.0.0.1 that serves
// geo/fixtures/in/pdok-ogc/page-N.json as PDOK's OGC API Features does (cursor paging through `next` links,
// Content-Crs header), with its links pointing at itself. Nothing leaves the machine.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/lib/server/db/client';
import { importOgcCollection } from '../../src/lib/server/import';
import { ImportError } from '../../geo/problems';
import { fixturesDir } from '../../geo/fixtures/golden';
import { engine, freshDatabase } from './database';

const PDOK = 'https://api.pdok.nl';
const COLLECTION = '/cbs/wijken-en-buurten-2024/ogc/v1/collections/buurten/items';
const RD_NEW = 'http://www.opengis.net/def/crs/EPSG/0/28992';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

interface Link {
	rel: string;
	href: string;
}
interface Page {
	links: Link[];
	numberReturned: number;
	features: { id: number; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}
/** How the stand-in answers one cursor: a page, or an HTTP error. */
interface Answer {
	page?: Page;
	status?: number;
	/** Content-Crs header; null leaves it out. */
	contentCrs?: string | null;
}

const pageFiles = ['page-1.json', 'page-2.json', 'page-3.json'];
const readPages = (): Page[] =>
	pageFiles.map((f) => JSON.parse(readFileSync(join(fixturesDir, 'in', 'pdok-ogc', f), 'utf8')));
const cursorOf = (href: string) => new URL(href).searchParams.get('cursor') ?? '';
const link = (page: Page, rel: string) => page.links.find((l) => l.rel === rel)!;

describe(`PDOK OGC API Features import on ${engine}`, () => {
	let db: Db;
	let server: Server;
	let origin: string;
	/** Answers by cursor ('' = the first page), rebuilt from the fixtures before every test. */
	let answers: Map<string, Answer>;
	let pages: Page[];
	let requests: { url: URL; accept: string | undefined }[];

	const itemsUrl = () => `${origin}${COLLECTION}`;
	const counts = async () =>
		(await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas'))[0].n;
	const serve = () => {
		answers = new Map(pages.map((page) => [cursorOf(link(page, 'self').href), { page }]));
	};
	async function importError(promise: Promise<unknown>): Promise<ImportError> {
		const error = await promise.then(
			() => undefined,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ImportError);
		return error as ImportError;
	}

	beforeAll(async () => {
		db = await freshDatabase();
		server = createServer((req, res) => {
			const url = new URL(req.url ?? '/', origin);
			requests.push({ url, accept: req.headers.accept });
			const answer = url.pathname === COLLECTION ? answers.get(url.searchParams.get('cursor') ?? '') : undefined;
			if (!answer || (answer.status ?? 200) !== 200) {
				const status = answer?.status ?? 404;
				res.writeHead(status, { 'content-type': 'application/problem+json' });
				res.end(JSON.stringify({ title: status === 404 ? 'Not Found' : 'Internal Server Error', status }));
				return;
			}
			const headers: Record<string, string> = { 'content-type': 'application/geo+json' };
			const crs = answer.contentCrs === undefined ? RD_NEW : answer.contentCrs;
			if (crs !== null) headers['content-crs'] = `<${crs}>`;
			res.writeHead(200, headers);
			// The fixtures link to api.pdok.nl, as PDOK's pages do; here they link to the stand-in.
			res.end(JSON.stringify(answer.page).replaceAll(PDOK, origin));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		server?.closeAllConnections();
		await new Promise((resolve) => server?.close(resolve));
		await db?.close();
	});
	beforeEach(async () => {
		await db.exec('DELETE FROM indelingen; DELETE FROM areas;');
		requests = [];
		pages = readPages();
		serve();
	});

	it('follows every next link and imports the features of all pages', async () => {
		const progress: string[] = [];
		const result = await importOgcCollection(db, { url: itemsUrl(), limit: 2 }, (m) => progress.push(m));

		expect(requests.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, 'AjQ|q3Ezlg', 'AjY|q3Ezlg']);
		expect(progress).toEqual(['pagina 1: 2 features', 'pagina 2: 4 features', 'pagina 3: 5 features']);
		expect(result).toMatchObject({ file: itemsUrl(), features: 5, written: 5, skippedWater: 0, repaired: [] });

		const rows = await db.query<{ code: string; name: string; wijkcode: string; areaHa: number; source: string; attributes: unknown }>(
			`SELECT code, name, wijkcode, area_ha AS "areaHa", source, attributes FROM areas ORDER BY code`
		);
		expect(rows.map((r) => [r.code, r.name, r.wijkcode])).toEqual([
			['BU01640200', 'Noord', 'WK016402'],
			['BU01640201', 'Elsbeek', 'WK016402'],
			['BU01640202', 'De Noork', 'WK016402'],
			['BU01640203', 'Klein Driene', 'WK016402'],
			['BU01640204', "'t Rot", 'WK016402']
		]);
		// Coordinates arrived in RD New: the buurten have their real size (tens of hectares).
		for (const r of rows) expect(r.areaHa).toBeGreaterThan(15);
		expect(rows[0].source).toBe(`PDOK OGC API ${itemsUrl()}`);
		// CBS sentinels (-99997 = "geheim") become null.
		expect(rows[0].attributes).toEqual({ aantalInwoners: null, indelingswijzigingWijkenEnBuurten: '1' });
	});

	it('asks every page for GeoJSON in RD New with the page size', async () => {
		await importOgcCollection(db, { url: itemsUrl(), limit: 2 });
		expect(requests).toHaveLength(3);
		for (const { url, accept } of requests) {
			expect(url.pathname).toBe(COLLECTION);
			expect(url.searchParams.get('crs')).toBe(RD_NEW);
			expect(url.searchParams.get('f')).toBe('json');
			expect(url.searchParams.get('limit')).toBe('2');
			expect(accept).toMatch(/application\/geo\+json/);
		}
	});

	it('keeps the query of the items URL and asks for 1000 features per page by default', async () => {
		await importOgcCollection(db, { url: `${itemsUrl()}?gemeentecode=GM0164` });
		const first = requests[0].url.searchParams;
		expect(first.get('gemeentecode')).toBe('GM0164');
		expect(first.get('limit')).toBe('1000');
		expect(first.get('crs')).toBe(RD_NEW);
	});

	it('writes nothing the second time', async () => {
		await importOgcCollection(db, { url: itemsUrl(), limit: 2 });
		expect((await importOgcCollection(db, { url: itemsUrl(), limit: 2 })).written).toBe(0);
		expect(await counts()).toBe(5);
	});

	it('writes nothing when a page fails with HTTP 500', async () => {
		answers.set(cursorOf(link(pages[1], 'self').href), { status: 500 });
		const error = await importError(importOgcCollection(db, { url: itemsUrl(), limit: 2 }));
		expect(error.problems).toEqual([
			{
				file: link(pages[0], 'next').href.replace(PDOK, origin),
				message: 'service antwoordt 500 Internal Server Error'
			}
		]);
		expect(requests).toHaveLength(2);
		expect(await counts()).toBe(0);
	});

	it('writes nothing when the next links go round in a loop', async () => {
		// The last page sends the client back to the second one.
		pages[2].links.push({ ...link(pages[0], 'next') });
		serve();
		const error = await importError(importOgcCollection(db, { url: itemsUrl(), limit: 2 }));
		expect(error.problems).toHaveLength(1);
		expect(error.problems[0].message).toMatch(/^de service verwijst opnieuw naar http:\/\/127\.0\.0\.1:\d+\/.*cursor=AjQ%7Cq3Ezlg/);
		expect(requests).toHaveLength(3);
		expect(await counts()).toBe(0);
	});

	it('stops after maxPages pages', async () => {
		const error = await importError(importOgcCollection(db, { url: itemsUrl(), limit: 2, maxPages: 2 }));
		expect(error.problems[0].message).toBe("meer dan 2 pagina's; afgebroken");
		expect(requests).toHaveLength(2);
		expect(await counts()).toBe(0);
	});

	it('writes nothing when a page has a bad feature, and numbers features across pages', async () => {
		pages[1].features[1].geometry = { type: 'Point', coordinates: [252800, 476900] };
		pages[2].features[0].properties.wijkcode = 'WK016403';
		serve();
		const error = await importError(importOgcCollection(db, { url: itemsUrl(), limit: 2 }));
		expect(error.problems).toEqual([
			{
				file: itemsUrl(),
				feature: 4,
				code: 'BU01640203',
				field: 'geometry',
				message: 'geometrie is Point, verwacht Polygon of MultiPolygon'
			},
			{ file: itemsUrl(), feature: 5, code: 'BU01640204', field: 'wijkcode', message: 'WK016403 past niet bij BU01640204' }
		]);
		expect(await counts()).toBe(0);
	});

	it('rejects a code that appears on two pages', async () => {
		pages[2].features[0].properties.buurtcode = 'BU01640200';
		pages[2].features[0].properties.buurtnaam = 'Noord';
		serve();
		const error = await importError(importOgcCollection(db, { url: itemsUrl(), limit: 2 }));
		expect(error.problems).toEqual([
			{ file: itemsUrl(), feature: 5, code: 'BU01640200', field: 'code', message: 'komt dubbel voor (ook feature 1)' }
		]);
		expect(await counts()).toBe(0);
	});

	it('writes nothing when the coordinate system changes between pages', async () => {
		answers.get(cursorOf(link(pages[1], 'self').href))!.contentCrs = CRS84;
		const error = await importError(importOgcCollection(db, { url: itemsUrl(), limit: 2 }));
		expect(error.problems).toMatchObject([{ field: 'Content-Crs', message: `onverwacht coördinatenstelsel <${CRS84}>` }]);
		expect(await counts()).toBe(0);
	});

	it('takes pages without Content-Crs as CRS84, so RD coordinates in them are refused', async () => {
		for (const answer of answers.values()) answer.contentCrs = null;
		const error = await importError(importOgcCollection(db, { url: itemsUrl(), limit: 2 }));
		expect(error.problems).toHaveLength(5);
		expect(error.problems.map((p) => p.feature)).toEqual([1, 2, 3, 4, 5]);
		expect(error.problems[0].message).toMatch(/buiten Nederland voor EPSG:4326/);
		expect(await counts()).toBe(0);
	});
});
