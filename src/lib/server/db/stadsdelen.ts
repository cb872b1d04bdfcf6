// Municipal stadsdelen as an import brings them: a buurt → stadsdeel file becomes the gemeente's geldend indeling
// (indelingen.ts). Their geometry is derived (the union of their buurten) and kept in `areas`.
import type { Queryable } from './client';
import { stadsdeelCode } from '../../domain/areas';
import { rebuildStadsdeelAreas } from './indelingen';

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
 * Puts an imported indeling of one gemeente and year in force, as its geldend indeling (see indelingen.ts): the
 * geldend one from the same file is replaced, one from elsewhere (drawn in the app, another file) becomes
 * historisch. Derives the stadsdeel geometry. Returns the number of stadsdelen.
 */
export async function replaceIndeling(
	db: Queryable,
	gemeentecode: string,
	year: number,
	rows: StadsdeelInput[],
	source: string
): Promise<number> {
	await db.query(`DELETE FROM indelingen WHERE gemeentecode = $1 AND year = $2 AND status = 'geldend' AND source = $3`, [gemeentecode, year, source]);
	await db.query(
		`UPDATE indelingen SET status = 'historisch', geldend_tot = now(), updated_at = now()
		 WHERE gemeentecode = $1 AND year = $2 AND status = 'geldend'`,
		[gemeentecode, year]
	);
	const names = [...new Set(rows.map((r) => r.stadsdeel))];
	const [{ id }] = await db.query<{ id: number }>(
		`INSERT INTO indelingen (gemeentecode, year, name, status, geldend_vanaf, source, created_by)
		 VALUES ($1, $2, $3, 'geldend', now(), $4, 'Wijkbeeld (import)') RETURNING id::int AS id`,
		[gemeentecode, year, `Stadsdelen uit ${source}`.slice(0, 120), source]
	);
	await db.query(
		`INSERT INTO indeling_stadsdelen (indeling_id, code, name)
		SELECT $2, s->>'code', s->>'name' FROM jsonb_array_elements($1::text::jsonb) AS s`,
		[JSON.stringify(names.map((name) => ({ code: stadsdeelCode(gemeentecode, name), name }))), id]
	);
	await db.query(
		`INSERT INTO indeling_buurten (indeling_id, buurtcode, year, stadsdeelcode, zekerheid, onderbouwing)
		SELECT $3, r->>'buurtcode', $2, r->>'stadsdeelcode', r->>'zekerheid', r->>'onderbouwing'
		FROM jsonb_array_elements($1::text::jsonb) AS r`,
		[
			JSON.stringify(rows.map((r) => ({ ...r, stadsdeelcode: stadsdeelCode(gemeentecode, r.stadsdeel) }))),
			year,
			id
		]
	);
	await rebuildStadsdeelAreas(db, gemeentecode, year);
	return names.length;
}
