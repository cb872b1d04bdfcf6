// A small made-up gemeente for database tests: buurten as 100 m squares in RD New, side by side per wijk,
// wijken and the gemeente as rectangles around them. Only codes, names and the hierarchy matter to the tests.
import type { Db } from '../../src/lib/server/db/client';
import { importBoundaries } from '../../src/lib/server/import';

export interface TestWijk {
	code: string;
	name: string;
	buurten: { code: string; name: string }[];
}

const rectangle = (x: number, y: number, width: number, height: number) => ({
	type: 'Polygon',
	coordinates: [[[x, y], [x + width, y], [x + width, y + height], [x, y + height], [x, y]]]
});

/** Loads a gemeente with its wijken and buurten (CBS year `year`) through the boundary importer. */
export async function loadTestAreas(
	db: Db,
	gemeente: { code: string; name: string },
	wijken: TestWijk[],
	year = 2024,
	/** Where the first buurt starts, in RD New metres: give a second gemeente its own place. */
	origin: { x: number; y: number } = { x: 250_000, y: 475_000 }
): Promise<void> {
	const x0 = origin.x;
	const y0 = origin.y;
	const features: unknown[] = [];
	const widest = Math.max(...wijken.map((w) => w.buurten.length), 1);
	features.push({
		type: 'Feature',
		properties: { gemeentecode: gemeente.code, gemeentenaam: gemeente.name, jaar: year },
		geometry: rectangle(x0 - 10, y0 - 10, widest * 100 + 20, wijken.length * 100 + 20)
	});
	wijken.forEach((wijk, row) => {
		features.push({
			type: 'Feature',
			properties: { wijkcode: wijk.code, wijknaam: wijk.name, gemeentecode: gemeente.code, jaar: year },
			geometry: rectangle(x0, y0 + row * 100, Math.max(wijk.buurten.length, 1) * 100, 100)
		});
		wijk.buurten.forEach((buurt, column) => {
			features.push({
				type: 'Feature',
				properties: {
					buurtcode: buurt.code,
					buurtnaam: buurt.name,
					wijkcode: wijk.code,
					gemeentecode: gemeente.code,
					jaar: year
				},
				geometry: rectangle(x0 + column * 100, y0 + row * 100, 100, 100)
			});
		});
	});
	await importBoundaries(
		db,
		{ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } }, features },
		{ file: `${gemeente.code}.geojson` }
	);
}
