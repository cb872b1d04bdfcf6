// Municipal stadsdelen: a named grouping of buurten per gemeente. Their geometry is derived (the union
// of their buurten) and kept in `areas` so that every level is read the same way.
import type { Queryable } from './client';
import { stadsdeelCode } from '../../domain/areas';

export interface StadsdeelInput {
	buurtcode: string;
	stadsdeel: string;
	zekerheid: string | null;
	onderbouwing: string | null;
}

/**
 * Buurten of each gemeente's current year (its newest year with buurten), for checking an indeling
 * against what is loaded. A buurt that CBS dropped in a later year is not current, even though an
 * older year of it is still stored.
 */
export async function currentBuurten(
	db: Queryable
): Promise<{ code: string; gemeentecode: string; year: number }[]> {
	return db.query(
		`WITH current AS (
			SELECT gemeentecode, max(year) AS year FROM areas WHERE level = 'buurt' GROUP BY gemeentecode
		)
		SELECT a.code, a.gemeentecode, a.year
		FROM areas a JOIN current c ON c.gemeentecode = a.gemeentecode AND c.year = a.year
		WHERE a.level = 'buurt'
		ORDER BY a.code`
	);
}

/**
 * Replaces the stadsdeel indeling of one gemeente and year with the given one and derives the
 * stadsdeel geometry. Returns the number of stadsdelen.
 */
export async function replaceIndeling(
	db: Queryable,
	gemeentecode: string,
	year: number,
	rows: StadsdeelInput[],
	source: string
): Promise<number> {
	await db.query(`DELETE FROM areas WHERE level = 'stadsdeel' AND gemeentecode = $1 AND year = $2`, [gemeentecode, year]);
	await db.query(`DELETE FROM stadsdelen WHERE gemeentecode = $1 AND year = $2`, [gemeentecode, year]);
	const names = [...new Set(rows.map((r) => r.stadsdeel))];
	const stadsdelen = names.map((name) => ({ code: stadsdeelCode(gemeentecode, name), name }));
	await db.query(
		`INSERT INTO stadsdelen (code, gemeentecode, name, year, source)
		SELECT s->>'code', $2, s->>'name', $3, $4 FROM jsonb_array_elements($1::text::jsonb) AS s`,
		[JSON.stringify(stadsdelen), gemeentecode, year, source]
	);
	await db.query(
		`INSERT INTO stadsdeel_buurten (buurtcode, year, stadsdeelcode, zekerheid, onderbouwing)
		SELECT r->>'buurtcode', $2, r->>'stadsdeelcode', r->>'zekerheid', r->>'onderbouwing'
		FROM jsonb_array_elements($1::text::jsonb) AS r`,
		[
			JSON.stringify(rows.map((r) => ({ ...r, stadsdeelcode: stadsdeelCode(gemeentecode, r.stadsdeel) }))),
			year
		]
	);
	await db.query(
		`WITH unioned AS (
			SELECT s.code, s.name, s.gemeentecode, s.year,
			       ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(b.geom_rd)), 3)) AS g_rd
			FROM stadsdelen s
			JOIN stadsdeel_buurten sb ON sb.stadsdeelcode = s.code AND sb.year = s.year
			JOIN areas b ON b.code = sb.buurtcode AND b.year = sb.year
			WHERE s.gemeentecode = $1 AND s.year = $2
			GROUP BY s.code, s.name, s.gemeentecode, s.year
		)
		INSERT INTO areas (code, year, level, name, gemeentecode, wijkcode, geom_rd, geom, label_point, area_ha, source)
		SELECT code, year, 'stadsdeel', name, gemeentecode, NULL, g_rd, ST_Transform(g_rd, 4326),
		       ST_Transform(ST_PointOnSurface(g_rd), 4326), ST_Area(g_rd) / 10000.0, $3
		FROM unioned`,
		[gemeentecode, year, source]
	);
	return stadsdelen.length;
}
