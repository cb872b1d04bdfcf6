// Golden files for the boundary reader: every geo/fixtures/in/*.geojson is parsed and compared with
// geo/fixtures/out/<name>.json. After an intended change, `REGEN=1 npx vitest run --project unit` rewrites
// the out files; review their diff like code (Turf's test/in → test/out).
import { describe, expect, it } from 'vitest';
import { parseBoundaries, sridOf, type ParsedBoundaries } from './cbs-boundaries';
import { fixtureNames, fixturesOut, matchGolden, readFixture } from './fixtures/golden';

/** What the importer decided, without coordinates: those are checked in PostGIS, not here. */
function normalise(parsed: ParsedBoundaries) {
	return {
		features: parsed.features.map((f) => {
			const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
			return {
				feature: f.row,
				code: f.code,
				level: f.level,
				name: f.name,
				year: f.year,
				gemeentecode: f.gemeentecode,
				wijkcode: f.wijkcode,
				srid: f.srid,
				geometry: {
					type: f.geometry.type,
					rings: polygons.map((rings) => rings.map((ring) => ring.length))
				},
				attributes: f.attributes
			};
		}),
		problems: parsed.problems.map(({ feature, code, field, message }) => ({ feature, code, field, message })),
		skippedWater: parsed.skippedWater
	};
}

const names = fixtureNames('.geojson');

describe('parseBoundaries golden files', () => {
	it('has fixtures for the awkward inputs', () => {
		expect(names.length).toBeGreaterThanOrEqual(20);
	});

	it.each(names)('%s', (name) => {
		const document = JSON.parse(readFixture(`${name}.geojson`));
		const actual = normalise(parseBoundaries(document, { file: `${name}.geojson` }));
		matchGolden(name, actual);
	});

	it('has no out file without an in file', () => {
		const inputs = new Set([
			...names,
			...fixtureNames('.csv'),
			...fixtureNames('.csv', 'monitor').map((n) => `monitor-${n}`),
			...['.csv', '.pdf'].flatMap((ext) => fixtureNames(ext, 'investments')).map((n) => `investments-${n}`),
			'cbs-odata-paged',
			...fixtureNames('.json', 'cbs-odata').filter((n) => !n.startsWith('page-')).map((n) => `cbs-odata-${n}`)
		]);
		expect(fixturesOut().filter((name) => !inputs.has(name))).toEqual([]);
	});
});

describe('parseBoundaries options', () => {
	it('numbers features from firstRow and takes the SRID and year of a paged source', () => {
		const document = JSON.parse(readFixture('jrstatcode-without-jaar.geojson'));
		const parsed = parseBoundaries(document, { file: 'page-2', srid: 4326, year: 2022, firstRow: 11 });
		expect(parsed.features.map((f) => [f.row, f.code, f.year])).toEqual([
			[11, 'BU01640202', 2024],
			[12, 'BU01640203', 2023],
			[14, 'BU01640201', 2022]
		]);
		expect(parsed.problems.map((p) => [p.feature, p.field])).toEqual([[13, 'jaar']]);
	});

	it('lets the SRID of the source override the crs member', () => {
		const document = JSON.parse(readFixture('buurten-rd.geojson'));
		expect(parseBoundaries(document, { file: 'x', srid: 4326 }).problems[0].message).toMatch(/buiten Nederland voor EPSG:4326/);
	});
});

describe('sridOf', () => {
	it.each([
		[undefined, 4326],
		[null, 4326],
		[{ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, 4326],
		[{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4326' } }, 4326],
		[{ type: 'name', properties: { name: 'EPSG:4326' } }, 4326],
		[{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } }, 28992],
		[{ type: 'name', properties: { name: 'http://www.opengis.net/def/crs/EPSG/0/28992' } }, 28992],
		[{ type: 'name', properties: { name: 'EPSG:28992' } }, 28992],
		[{ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } }, null],
		[{ type: 'link', properties: { href: 'x' } }, null]
	])('%j → %s', (crs, srid) => {
		expect(sridOf(crs)).toBe(srid);
	});
});
