// Areas of the hierarchy gemeente → stadsdeel → wijk → buurt: plain verbs over SQL.
// "The current year" of a gemeente is the newest CBS year for which its buurten are loaded.
import type { Queryable } from './client';
import type { BoundaryFeature } from '../../../../geo/cbs-boundaries';
import type { AreaLevel, AreaRef, AreaDetail, GemeenteSummary } from '../../domain/areas';

export type { BoundaryFeature };

export interface GeometryCheck {
	row: number;
	code: string;
	valid: boolean;
	reason: string | null;
	/** Still polygonal and non-empty after ST_MakeValid. */
	repairable: boolean;
}

/**
 * The features as one JSON parameter with each geometry as a GeoJSON string, which ST_GeomFromGeoJSON
 * reads as it is, instead of as nested JSON that PostgreSQL first turns into jsonb numbers and back.
 */
function featureJson<T extends { geometry: unknown }>(features: T[]): string {
	return JSON.stringify(features.map((f) => ({ ...f, geometry: JSON.stringify(f.geometry) })));
}

// The CTEs below are MATERIALIZED on purpose: inlined, PostgreSQL would copy the geometry expression into
// every place that uses it and parse, repair and transform each geometry four or five times over.

/** Asks PostGIS whether each geometry is valid, and whether ST_MakeValid can repair it. */
export async function checkGeometries(
	db: Queryable,
	features: Pick<BoundaryFeature, 'row' | 'code' | 'geometry' | 'srid'>[]
): Promise<GeometryCheck[]> {
	if (features.length === 0) return [];
	const input = featureJson(
		features.map((f) => ({ row: f.row, code: f.code, srid: f.srid, geometry: f.geometry }))
	);
	return db.query<GeometryCheck>(
		`WITH input AS MATERIALIZED (
			SELECT r."row", r.code, ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), r.srid) AS g
			FROM json_to_recordset($1::text::json) AS r("row" int, code text, srid int, geometry text)
		), checked AS MATERIALIZED (
			SELECT "row", code, g, ST_IsValid(g) AS valid FROM input
		), repaired AS MATERIALIZED (
			-- A valid geometry is its own repair: ST_MakeValid would return it unchanged.
			SELECT "row", code, g, valid,
			       ST_CollectionExtract(CASE WHEN valid THEN g ELSE ST_MakeValid(g) END, 3) AS fixed
			FROM checked
		)
		SELECT "row", code, valid,
		       CASE WHEN valid THEN NULL ELSE ST_IsValidReason(g) END AS reason,
		       (NOT ST_IsEmpty(fixed) AND ST_Area(fixed) > 0) AS repairable
		FROM repaired ORDER BY "row"`,
		[input]
	);
}

/**
 * Inserts or updates boundaries by code + year (so a re-run changes nothing). Invalid geometry is
 * repaired with ST_MakeValid; callers reject what checkGeometries says cannot be repaired.
 */
export async function upsertBoundaries(
	db: Queryable,
	features: BoundaryFeature[],
	source: string
): Promise<number> {
	const batchSize = 200;
	let written = 0;
	for (let i = 0; i < features.length; i += batchSize) {
		const batch = features.slice(i, i + batchSize).map((f) => ({
			code: f.code,
			year: f.year,
			level: f.level,
			name: f.name,
			gemeentecode: f.gemeentecode,
			wijkcode: f.wijkcode,
			srid: f.srid,
			geometry: f.geometry,
			attributes: f.attributes
		}));
		const rows = await db.query<{ code: string }>(
			`WITH input AS MATERIALIZED (
				SELECT r.code, r.year, r.level, r.name, r.gemeentecode, r.wijkcode,
				       COALESCE(r.attributes, '{}'::jsonb) AS attributes,
				       -- GeoJSON positions may carry an elevation; the columns are 2D.
				       ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), r.srid)) AS g
				FROM jsonb_to_recordset($1::text::jsonb) AS r(code text, year int, level text, name text,
				     gemeentecode text, wijkcode text, srid int, geometry text, attributes jsonb)
			), repaired AS MATERIALIZED (
				-- ST_MakeValid only where there is something to repair (it returns a valid geometry unchanged).
				SELECT code, year, level, name, gemeentecode, wijkcode, attributes,
				       ST_Multi(ST_CollectionExtract(CASE WHEN ST_IsValid(g) THEN g ELSE ST_MakeValid(g) END, 3)) AS g
				FROM input
			), projected AS MATERIALIZED (
				SELECT code, year, level, name, gemeentecode, wijkcode, attributes,
				       ST_Transform(g, 28992) AS g_rd, ST_Transform(g, 4326) AS g_wgs
				FROM repaired
			)
			INSERT INTO areas (code, year, level, name, gemeentecode, wijkcode, geom_rd, geom, label_point,
			                   area_ha, attributes, source, imported_at)
			SELECT code, year, level, name, gemeentecode, wijkcode, g_rd, g_wgs,
			       ST_Transform(ST_PointOnSurface(g_rd), 4326), ST_Area(g_rd) / 10000.0, attributes, $2, now()
			FROM projected
			ON CONFLICT (code, year) DO UPDATE SET
				level = EXCLUDED.level, name = EXCLUDED.name, gemeentecode = EXCLUDED.gemeentecode,
				wijkcode = EXCLUDED.wijkcode, geom_rd = EXCLUDED.geom_rd, geom = EXCLUDED.geom,
				label_point = EXCLUDED.label_point, area_ha = EXCLUDED.area_ha,
				attributes = EXCLUDED.attributes, source = EXCLUDED.source, imported_at = now()
			WHERE (areas.name, areas.level, areas.wijkcode, areas.attributes, areas.source)
			      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.wijkcode, EXCLUDED.attributes, EXCLUDED.source)
			   OR NOT ST_Equals(areas.geom_rd, EXCLUDED.geom_rd)
			RETURNING code`,
			[featureJson(batch), source]
		);
		written += rows.length;
	}
	return written;
}

export async function count(db: Queryable): Promise<number> {
	const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
	return row.n;
}

/** Gemeenten that have buurten loaded, with their current year and whether stadsdelen are defined. */
export async function listGemeenten(db: Queryable): Promise<GemeenteSummary[]> {
	return db.query<GemeenteSummary>(
		`WITH current AS (
			SELECT gemeentecode, max(year) AS year FROM areas WHERE level = 'buurt' GROUP BY gemeentecode
		)
		SELECT g.code, g.name, c.year,
		       EXISTS (SELECT 1 FROM stadsdelen s WHERE s.gemeentecode = c.gemeentecode AND s.year = c.year)
		         AS "hasStadsdelen",
		       ARRAY[ST_XMin(g.geom), ST_YMin(g.geom), ST_XMax(g.geom), ST_YMax(g.geom)]::float8[] AS bbox
		FROM current c
		JOIN areas g ON g.code = c.gemeentecode AND g.level = 'gemeente'
		 AND g.year = (SELECT max(year) FROM areas a WHERE a.code = c.gemeentecode AND a.level = 'gemeente')
		ORDER BY g.name`
	);
}

async function currentYear(db: Queryable, gemeentecode: string): Promise<number | null> {
	const [row] = await db.query<{ year: number | null }>(
		`SELECT max(year) AS year FROM areas WHERE level = 'buurt' AND gemeentecode = $1`,
		[gemeentecode]
	);
	return row?.year ?? null;
}

export interface AreaFeatureCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		id: string;
		properties: {
			code: string;
			name: string;
			level: AreaLevel;
			gemeentecode: string;
			wijkcode?: string;
			stadsdeelcode?: string;
			areaHa: number;
			label: [number, number];
		};
		geometry: unknown;
	}[];
}

/**
 * The areas of one level of a gemeente (current year) as GeoJSON in WGS84, or null when the gemeente
 * has no buurten loaded. Coordinates are rounded to 6 decimals (≈ 0.1 m), which the map cannot show.
 */
export async function listFeatures(
	db: Queryable,
	gemeentecode: string,
	level: AreaLevel
): Promise<AreaFeatureCollection | null> {
	const year = await currentYear(db, gemeentecode);
	if (year === null) return null;
	const rows = await db.query<{ feature: AreaFeatureCollection['features'][number] }>(
		`SELECT json_build_object(
			'type', 'Feature',
			'id', a.code,
			'properties', json_strip_nulls(json_build_object(
				'code', a.code, 'name', a.name, 'level', a.level, 'gemeentecode', a.gemeentecode,
				'wijkcode', a.wijkcode,
				'stadsdeelcode', CASE WHEN a.level = 'stadsdeel' THEN a.code ELSE sb.stadsdeelcode END,
				'areaHa', round(a.area_ha::numeric, 1)::float8,
				'label', json_build_array(round(ST_X(a.label_point)::numeric, 6)::float8,
				                          round(ST_Y(a.label_point)::numeric, 6)::float8)
			)),
			'geometry', ST_AsGeoJSON(a.geom, 6)::json
		) AS feature
		FROM areas a
		LEFT JOIN stadsdeel_buurten sb ON a.level = 'buurt' AND sb.buurtcode = a.code AND sb.year = a.year
		WHERE a.gemeentecode = $1 AND a.level = $2 AND a.year = $3
		ORDER BY a.code`,
		[gemeentecode, level, year]
	);
	return { type: 'FeatureCollection', features: rows.map((r) => r.feature) };
}

/** Outlines of every gemeente of the newest year of the context layer (the NL overview). */
export async function listContextGemeenten(db: Queryable): Promise<AreaFeatureCollection> {
	const rows = await db.query<{ feature: AreaFeatureCollection['features'][number] }>(
		`WITH latest AS (SELECT code, max(year) AS year FROM areas WHERE level = 'gemeente' GROUP BY code)
		SELECT json_build_object(
			'type', 'Feature', 'id', a.code,
			'properties', json_build_object('code', a.code, 'name', a.name, 'level', a.level,
			                                'gemeentecode', a.gemeentecode, 'year', a.year),
			'geometry', ST_AsGeoJSON(a.geom, 5)::json
		) AS feature
		FROM areas a JOIN latest l ON l.code = a.code AND l.year = a.year
		WHERE a.level = 'gemeente'
		ORDER BY a.code`
	);
	return { type: 'FeatureCollection', features: rows.map((r) => r.feature) };
}

interface AreaRow extends AreaRef {
	year: number;
	gemeentecode: string;
	wijkcode: string | null;
	areaHa: number;
	bbox: [number, number, number, number];
}

async function getRow(db: Queryable, code: string): Promise<AreaRow | null> {
	const [row] = await db.query<AreaRow>(
		`SELECT code, name, level, year, gemeentecode, wijkcode, area_ha AS "areaHa",
		        ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)]::float8[] AS bbox
		FROM areas WHERE code = $1 ORDER BY year DESC LIMIT 1`,
		[code]
	);
	return row ?? null;
}

async function refs(db: Queryable, sql: string, params: unknown[]): Promise<AreaRef[]> {
	return db.query<AreaRef>(sql, params);
}

/** One area with its parents (top down) and its children (the next level down), or null. */
export async function get(db: Queryable, code: string): Promise<AreaDetail | null> {
	const area = await getRow(db, code);
	if (!area) return null;
	const { year, gemeentecode } = area;
	const gemeente = await refs(
		db,
		`SELECT code, name, level FROM areas WHERE code = $1 AND level = 'gemeente' ORDER BY year DESC LIMIT 1`,
		[gemeentecode]
	);
	const stadsdelenDefined =
		(
			await db.query<{ n: number }>(
				'SELECT count(*)::int AS n FROM stadsdelen WHERE gemeentecode = $1 AND year = $2',
				[gemeentecode, year]
			)
		)[0].n > 0;

	let parents: AreaRef[] = [];
	let children: AreaRef[] = [];
	/** Stadsdelen a wijk lies in (one, or several when the municipality splits the wijk). */
	let stadsdelen: AreaRef[] | undefined;

	const stadsdeelOfBuurten = `SELECT DISTINCT s.code, s.name, 'stadsdeel' AS level
		FROM stadsdeel_buurten sb JOIN stadsdelen s ON s.code = sb.stadsdeelcode AND s.year = sb.year
		WHERE sb.year = $2 AND sb.buurtcode IN (SELECT code FROM areas WHERE level = 'buurt' AND year = $2 AND `;

	switch (area.level) {
		case 'gemeente':
			children = await refs(
				db,
				stadsdelenDefined
					? `SELECT code, name, level FROM areas WHERE gemeentecode = $1 AND level = 'stadsdeel' AND year = $2 ORDER BY name`
					: `SELECT code, name, level FROM areas WHERE gemeentecode = $1 AND level = 'wijk' AND year = $2 ORDER BY code`,
				[gemeentecode, year]
			);
			break;
		case 'stadsdeel':
			parents = gemeente;
			// Wijken with at least one buurt in this stadsdeel; a split wijk appears under each of its stadsdelen.
			children = await refs(
				db,
				`SELECT DISTINCT w.code, w.name, w.level
				FROM stadsdeel_buurten sb
				JOIN areas b ON b.code = sb.buurtcode AND b.year = sb.year
				JOIN areas w ON w.code = b.wijkcode AND w.year = b.year AND w.level = 'wijk'
				WHERE sb.stadsdeelcode = $1 AND sb.year = $2 ORDER BY w.code`,
				[code, year]
			);
			break;
		case 'wijk':
			stadsdelen = await refs(db, `${stadsdeelOfBuurten} wijkcode = $1) ORDER BY s.name`, [code, year]);
			parents = [...gemeente, ...(stadsdelen.length === 1 ? stadsdelen : [])];
			children = await refs(
				db,
				`SELECT code, name, level FROM areas WHERE wijkcode = $1 AND level = 'buurt' AND year = $2 ORDER BY code`,
				[code, year]
			);
			break;
		case 'buurt': {
			const stadsdeel = await refs(db, `${stadsdeelOfBuurten} code = $1)`, [code, year]);
			const wijk = await refs(
				db,
				`SELECT code, name, level FROM areas WHERE code = $1 AND level = 'wijk' AND year = $2`,
				[area.wijkcode, year]
			);
			parents = [...gemeente, ...stadsdeel, ...wijk];
			break;
		}
	}

	return {
		code: area.code,
		name: area.name,
		level: area.level,
		year,
		gemeentecode,
		parents,
		children,
		...(stadsdelen && stadsdelen.length > 1 ? { stadsdelen } : {}),
		stadsdeelStatus: stadsdelenDefined ? 'ingedeeld' : 'nog niet ingedeeld',
		areaHa: Math.round(area.areaHa * 10) / 10,
		bbox: area.bbox
	};
}

const ACCENTED = 'áàâäãéèêëíìîïóòôöõúùûüçñ';
const PLAIN = 'aaaaaeeeeiiiiooooouuuucn';
const FOLDED_NAME = `translate(lower(a.name), '${ACCENTED}', '${PLAIN}')`;

function foldAccents(text: string): string {
	return [...text].map((c) => PLAIN[ACCENTED.indexOf(c)] ?? c).join('');
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Areas whose name or code matches what the user typed, best first: exact code, then names that start
 * with the text, then names that contain it. Case and common accents are ignored ("noork" finds "De Noork").
 */
export async function search(
	db: Queryable,
	text: string,
	options: { gemeentecode?: string; limit?: number } = {}
): Promise<(AreaRef & { gemeentecode: string; parentName: string | null })[]> {
	const needle = foldAccents(text.trim().toLowerCase());
	if (needle === '') return [];
	const like = `%${escapeLike(needle)}%`;
	return db.query(
		`WITH current AS (
			SELECT gemeentecode, max(year) AS year FROM areas WHERE level = 'buurt' GROUP BY gemeentecode
		)
		SELECT a.code, a.name, a.level, a.gemeentecode,
		       COALESCE(w.name, g.name) AS "parentName"
		FROM areas a
		JOIN current c ON c.gemeentecode = a.gemeentecode AND c.year = a.year
		LEFT JOIN areas w ON a.level = 'buurt' AND w.code = a.wijkcode AND w.year = a.year
		LEFT JOIN areas g ON a.level <> 'buurt' AND a.level <> 'gemeente' AND g.code = a.gemeentecode
		     AND g.level = 'gemeente' AND g.year = a.year
		WHERE ($2::text IS NULL OR a.gemeentecode = $2)
		  AND (lower(a.code) = $1 OR ${FOLDED_NAME} LIKE $3 OR lower(a.code) LIKE $3)
		ORDER BY (lower(a.code) = $1) DESC, (${FOLDED_NAME} LIKE $5) DESC,
		         (a.gemeentecode = $2) DESC,
		         array_position(ARRAY['gemeente','stadsdeel','wijk','buurt'], a.level), a.name
		LIMIT $4`,
		[needle, options.gemeentecode ?? null, like, options.limit ?? 10, `${escapeLike(needle)}%`]
	);
}

/** Code and name of every area of one level of a gemeente (current year), for lists. */
export async function listRefs(
	db: Queryable,
	gemeentecode: string,
	level: AreaLevel
): Promise<(AreaRef & { areaHa: number; parentCode: string | null })[]> {
	return db.query(
		`WITH current AS (SELECT max(year) AS year FROM areas WHERE level = 'buurt' AND gemeentecode = $1)
		SELECT a.code, a.name, a.level, round(a.area_ha::numeric, 1)::float8 AS "areaHa",
		       COALESCE(a.wijkcode, CASE WHEN a.level = 'gemeente' THEN NULL ELSE a.gemeentecode END) AS "parentCode"
		FROM areas a, current c
		WHERE a.gemeentecode = $1 AND a.level = $2 AND a.year = c.year
		ORDER BY a.name`,
		[gemeentecode, level]
	);
}

/**
 * The buurten an area is made of (its own year): a buurt itself, the buurten of a wijk or stadsdeel, and null
 * for a gemeente (all of them — the register then lists everything of the gemeente, also what has no buurt).
 */
export async function buurtcodesIn(db: Queryable, area: Pick<AreaDetail, 'code' | 'level' | 'year'>): Promise<string[] | null> {
	switch (area.level) {
		case 'gemeente':
			return null;
		case 'buurt':
			return [area.code];
		case 'wijk': {
			const rows = await db.query<{ code: string }>(
				`SELECT code FROM areas WHERE level = 'buurt' AND wijkcode = $1 AND year = $2 ORDER BY code`,
				[area.code, area.year]
			);
			return rows.map((r) => r.code);
		}
		case 'stadsdeel': {
			const rows = await db.query<{ code: string }>(
				`SELECT buurtcode AS code FROM stadsdeel_buurten WHERE stadsdeelcode = $1 AND year = $2 ORDER BY buurtcode`,
				[area.code, area.year]
			);
			return rows.map((r) => r.code);
		}
	}
}
