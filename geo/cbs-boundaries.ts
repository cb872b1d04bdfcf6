// Reads CBS area boundaries (gemeente, wijk, buurt) from GeoJSON with the property names that CBS and PDOK
// use (buurtcode/buurtnaam/wijkcode/gemeentecode/jaar, or statcode/statnaam in the gebiedsindelingen), and
// checks every feature before anything is written. Geometry validity is checked later, in PostGIS.
import { z } from 'zod';
import { BUURT_CODE, GEMEENTE_CODE, WIJK_CODE } from '../src/lib/domain/areas';
import type { ImportProblem } from './problems';

export type AreaLevel = 'gemeente' | 'wijk' | 'buurt';

export interface BoundaryFeature {
	code: string;
	year: number;
	level: AreaLevel;
	name: string;
	gemeentecode: string;
	wijkcode: string | null;
	geometry: PolygonGeometry;
	srid: 4326 | 28992;
	attributes: Record<string, unknown>;
	/** 1-based position in the source, for problem reports. */
	row: number;
}

export interface PolygonGeometry {
	type: 'Polygon' | 'MultiPolygon';
	coordinates: number[][][] | number[][][][];
}

export interface ParsedBoundaries {
	features: BoundaryFeature[];
	problems: ImportProblem[];
	/** Water features (water = "JA") are not areas people live in; they are counted, not imported. */
	skippedWater: number;
}

const codePatterns = {
	gemeente: GEMEENTE_CODE,
	wijk: WIJK_CODE,
	buurt: BUURT_CODE
} as const;

const optionalText = z
	.string()
	.trim()
	.transform((s) => (s === '' ? undefined : s))
	.optional()
	.nullable();

const propertiesSchema = z
	.object({
		buurtcode: optionalText,
		buurtnaam: optionalText,
		wijkcode: optionalText,
		wijknaam: optionalText,
		gemeentecode: optionalText,
		gemeentenaam: optionalText,
		statcode: optionalText,
		statnaam: optionalText,
		jrstatcode: optionalText,
		water: optionalText,
		jaar: z
			.union([z.number().int(), z.string().regex(/^\d{4}$/).transform(Number)], 'jaar is geen jaartal (zoals 2024)')
			.optional()
			.nullable()
	})
	.loose();

const featureSchema = z.object({
	type: z.literal('Feature'),
	properties: propertiesSchema,
	// Loose on purpose: a missing geometry or a GeometryCollection (no `coordinates`) gets a clear
	// message from checkGeometry instead of a schema error.
	geometry: z
		.object({ type: z.string(), coordinates: z.unknown().optional() })
		.nullish()
});

const collectionSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown())
});

/** The SRID a GeoJSON `crs` member names; RFC 7946 GeoJSON without one is WGS84. */
export function sridOf(crs: unknown): number | null {
	if (crs === undefined || crs === null) return 4326;
	const name = (crs as { properties?: { name?: unknown } }).properties?.name;
	if (typeof name !== 'string') return null;
	if (/CRS84$/i.test(name) || /EPSG(::|:|\/0\/)4326$/i.test(name)) return 4326;
	if (/EPSG(::|:|\/0\/)28992$/i.test(name)) return 28992;
	return null;
}

/** Coordinates that a CRS can hold for an area in the Netherlands (generous, with the sea and border). */
const plausibleExtent = {
	4326: { minX: 2.5, maxX: 7.6, minY: 50.5, maxY: 55.9 },
	28992: { minX: -25_000, maxX: 300_000, minY: 280_000, maxY: 870_000 }
} as const;

function checkGeometry(
	geometry: { type: string; coordinates?: unknown } | null,
	srid: 4326 | 28992
): { geometry?: PolygonGeometry; message?: string } {
	if (!geometry) return { message: 'geen geometrie' };
	if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
		return { message: `geometrie is ${geometry.type}, verwacht Polygon of MultiPolygon` };
	}
	const polygons = (
		geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
	) as unknown;
	if (!Array.isArray(polygons) || polygons.length === 0) return { message: 'lege geometrie' };
	const extent = plausibleExtent[srid];
	for (const polygon of polygons) {
		if (!Array.isArray(polygon) || polygon.length === 0) return { message: 'lege polygoon' };
		for (const ring of polygon) {
			if (!Array.isArray(ring) || ring.length < 4) {
				return { message: 'ring met minder dan 4 punten' };
			}
			for (const position of ring) {
				if (
					!Array.isArray(position) ||
					position.length < 2 ||
					!position.every((n) => typeof n === 'number' && Number.isFinite(n))
				) {
					return { message: 'ongeldige coördinaat' };
				}
				const [x, y] = position as number[];
				if (x < extent.minX || x > extent.maxX || y < extent.minY || y > extent.maxY) {
					return {
						message: `coördinaat (${x}, ${y}) ligt buiten Nederland voor EPSG:${srid}; klopt het coördinatenstelsel?`
					};
				}
			}
			const first = ring[0] as number[];
			const last = ring[ring.length - 1] as number[];
			if (first[0] !== last[0] || first[1] !== last[1]) return { message: 'ring is niet gesloten' };
		}
	}
	return { geometry: geometry as PolygonGeometry };
}

function levelOf(code: string): AreaLevel | null {
	if (codePatterns.buurt.test(code)) return 'buurt';
	if (codePatterns.wijk.test(code)) return 'wijk';
	if (codePatterns.gemeente.test(code)) return 'gemeente';
	return null;
}

/** Turns sentinel values (CBS uses e.g. -99999999 for "geheim") into null. */
function cleanAttributes(properties: Record<string, unknown>): Record<string, unknown> {
	const known = new Set(Object.keys(propertiesSchema.shape));
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(properties)) {
		if (known.has(key)) continue;
		out[key] = typeof value === 'number' && value <= -99990 ? null : value;
	}
	return out;
}

export interface ParseOptions {
	/** Name of the file or URL, for problem reports. */
	file: string;
	/** SRID of the coordinates when the document does not say (OGC API pages say it in a header). */
	srid?: number;
	/** Year to use when features carry no `jaar` (e.g. a PDOK collection named after its year). */
	year?: number;
	/** Number of the first feature (for paged sources). */
	firstRow?: number;
}

export function parseBoundaries(document: unknown, options: ParseOptions): ParsedBoundaries {
	const { file } = options;
	const problems: ImportProblem[] = [];
	const features: BoundaryFeature[] = [];
	let skippedWater = 0;

	const collection = collectionSchema.safeParse(document);
	if (!collection.success) {
		return {
			features,
			skippedWater,
			problems: [{ file, message: 'geen GeoJSON FeatureCollection' }]
		};
	}
	const srid = options.srid ?? sridOf((document as { crs?: unknown }).crs);
	if (srid !== 4326 && srid !== 28992) {
		return {
			features,
			skippedWater,
			problems: [
				{
					file,
					field: 'crs',
					message: 'onbekend coördinatenstelsel; verwacht CRS84/EPSG:4326 of EPSG:28992'
				}
			]
		};
	}

	const seen = new Map<string, number>();
	collection.data.features.forEach((raw, index) => {
		const row = (options.firstRow ?? 1) + index;
		const parsed = featureSchema.safeParse(raw);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				problems.push({ file, feature: row, field: issue.path.join('.') || undefined, message: issue.message });
			}
			return;
		}
		const p = parsed.data.properties;
		if (p.water?.toUpperCase() === 'JA') {
			skippedWater++;
			return;
		}
		const code = p.buurtcode ?? p.wijkcode ?? p.statcode ?? p.gemeentecode;
		const report = (field: string, message: string) =>
			problems.push({ file, feature: row, code: code ?? undefined, field, message });
		if (!code) return report('buurtcode', 'geen gebiedscode (buurtcode, wijkcode, gemeentecode of statcode)');
		const level = levelOf(code);
		if (!level) return report('code', `"${code}" is geen CBS-code (BU + 8, WK + 6 of GM + 4 cijfers)`);

		const name =
			level === 'buurt' ? (p.buurtnaam ?? p.statnaam) : level === 'wijk' ? (p.wijknaam ?? p.statnaam) : (p.gemeentenaam ?? p.statnaam);
		if (!name) return report(`${level}naam`, 'naam ontbreekt');

		const year = p.jaar ?? (p.jrstatcode ? Number(p.jrstatcode.slice(0, 4)) : undefined) ?? options.year;
		if (!year || year < 1990 || year > 2100) return report('jaar', 'jaar ontbreekt of is ongeldig');

		// CBS codes nest: BU0164 02 02 lies in WK0164 02, which lies in GM0164.
		const digits = code.replace(/^\D+/, '');
		const gemeentecode = `GM${digits.slice(0, 4)}`;
		const wijkcode = level === 'buurt' ? `WK${digits.slice(0, 6)}` : null;
		if (p.gemeentecode && p.gemeentecode !== gemeentecode) {
			return report('gemeentecode', `${p.gemeentecode} past niet bij ${code}`);
		}
		if (level === 'buurt' && p.wijkcode && p.wijkcode !== wijkcode) {
			return report('wijkcode', `${p.wijkcode} past niet bij ${code}`);
		}

		const checked = checkGeometry(parsed.data.geometry ?? null, srid);
		if (!checked.geometry) return report('geometry', checked.message ?? 'ongeldige geometrie');

		const key = `${code}/${year}`;
		if (seen.has(key)) return report('code', `komt dubbel voor (ook in rij ${seen.get(key)})`);
		seen.set(key, row);

		features.push({
			code,
			year,
			level,
			name,
			gemeentecode,
			wijkcode,
			geometry: checked.geometry,
			srid,
			attributes: cleanAttributes(p as Record<string, unknown>),
			row
		});
	});
	return { features, problems, skippedWater };
}
