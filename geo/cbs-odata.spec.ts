// Golden files for the CBS StatLine OData reader: the three pages in geo/fixtures/in/cbs-odata/page-N.json
// together, and every other file there on its own, read as KWB 2024 for the loaded gemeente Hengelo.
import { describe, expect, it } from 'vitest';
import { KWB_INDICATORS, fetchCbsOdata, parseCbsOdata, tableOf } from './cbs-odata';
import { ImportError } from './problems';
import { fixtureNames, matchGolden, readFixture } from './fixtures/golden';
import { KNOWN_AREAS } from './fixtures/monitor-context';

const page = (name: string) => JSON.parse(readFixture(`cbs-odata/${name}.json`));
const options = { file: 'kwb.json', year: 2024, gemeenten: new Set(['GM0164']), areas: new Set(KNOWN_AREAS) };
const golden = (name: string, pages: unknown[]) => {
	const { problems, ...result } = parseCbsOdata(pages, options);
	matchGolden(`cbs-odata-${name}`, { ...result, problems: problems.map(({ file: _file, ...rest }) => rest) });
};

describe('parseCbsOdata golden files', () => {
	it('paged: three pages of 85984NED, padded strings, secret values null', () => {
		golden('paged', [page('page-1'), page('page-2'), page('page-3')]);
	});

	const singles = fixtureNames('.json', 'cbs-odata').filter((n) => !n.startsWith('page-'));
	it.each(singles)('%s', (name) => golden(name, [page(name)]));
});

describe('parseCbsOdata', () => {
	const pages = () => [page('page-1'), page('page-2'), page('page-3')];

	it('derives the share of 65-plussers from two counts, rounded as CBS rounds', () => {
		const { values } = parseCbsOdata(pages(), options);
		const noork = values.filter((v) => v.areaCode === 'BU01640202');
		expect(noork.find((v) => v.indicator === 'p_65plus')?.value).toBe(20.5); // 385 / 1880
		expect(noork.find((v) => v.indicator === 'inwoners')?.value).toBe(1880);
	});

	it('skips Nederland and gemeenten that are not loaded, and imports them when they are', () => {
		expect(parseCbsOdata(pages(), options).skipped).toBe(2);
		const both = parseCbsOdata(pages(), { ...options, gemeenten: new Set(['GM0164', 'GM0153']) });
		expect(both.skipped).toBe(1);
		expect(both.values.some((v) => v.areaCode === 'BU01530301')).toBe(true);
	});

	it('reports a region of a loaded gemeente that is not loaded', () => {
		const { problems } = parseCbsOdata(pages(), { ...options, areas: new Set(KNOWN_AREAS.filter((c) => c !== 'BU01640503')) });
		expect(problems).toEqual([
			{ file: 'kwb.json', feature: 9, code: 'BU01640503', field: 'Codering_3', message: 'onbekend gebied BU01640503 (niet geladen)' }
		]);
	});

	it('needs a year', () => {
		expect(parseCbsOdata(pages(), { ...options, year: 24 }).problems[0]).toMatchObject({ field: 'jaar', message: 'geen jaartal: "24"' });
	});

	it('maps every KWB indicator to a complete catalogue entry', () => {
		for (const m of KWB_INDICATORS) {
			expect(m.indicator.code).toMatch(/^[a-z][a-z0-9_]*$/);
			expect(m.indicator.name).not.toBe('');
		}
		expect(new Set(KWB_INDICATORS.map((m) => m.indicator.code)).size).toBe(KWB_INDICATORS.length);
	});
});

describe('tableOf', () => {
	it('reads the table from odata.metadata or a URL', () => {
		expect(tableOf(page('page-1')['odata.metadata'])).toBe('85984NED');
		expect(tableOf('https://opendata.cbs.nl/ODataApi/odata/85618ned/TypedDataSet')).toBe('85618NED');
		expect(tableOf(undefined)).toBeNull();
	});
});

describe('fetchCbsOdata', () => {
	it('asks for JSON and follows odata.nextLink until there is none', async () => {
		const served = [page('page-1'), page('page-2'), page('page-3')];
		const asked: string[] = [];
		const fakeFetch = (async (url: string) => {
			asked.push(url);
			return new Response(JSON.stringify(served[asked.length - 1]), { headers: { 'content-type': 'application/json' } });
		}) as typeof fetch;
		const pages = await fetchCbsOdata({ url: 'https://opendata.cbs.nl/ODataFeed/odata/85984NED/TypedDataSet', fetch: fakeFetch });
		expect(pages).toHaveLength(3);
		expect(new URL(asked[0]).searchParams.get('$format')).toBe('json');
		expect(asked.slice(1)).toEqual([served[0]['odata.nextLink'], served[1]['odata.nextLink']]);
	});

	it('refuses an answer that is not an OData page', async () => {
		const fakeFetch = (async () => new Response('<feed xmlns="http://www.w3.org/2005/Atom"/>')) as unknown as typeof fetch;
		const error = await fetchCbsOdata({ url: 'https://example.test/TypedDataSet', fetch: fakeFetch }).catch((e) => e);
		expect(error).toBeInstanceOf(ImportError);
		expect((error as ImportError).problems[0].message).toBe('antwoord is geen JSON');
	});
});
