// Indelingen of a gemeente's buurten into stadsdelen (migration 011): plain verbs over SQL. The geldend indeling is
// what `stadsdelen` and `stadsdeel_buurten` show; its stadsdeel geometry is kept in `areas`, rebuilt here whenever
// another indeling comes into force. Every change is audited in the caller's transaction.
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import { stadsdeelCode } from '../../domain/areas';
import type { Indeling, IndelingStatus, IndelingSummary, KnownBuurt } from '../../domain/indelingen';

export interface StadsdeelRow {
	name: string;
	buurtcodes: string[];
	/** Per buurt, as an imported indeling gives them. */
	zekerheid?: Record<string, string | null>;
	onderbouwing?: Record<string, string | null>;
}

const SELECT = `
	SELECT i.id::int AS id, i.gemeentecode, i.year, i.name, i.status,
	       to_char(i.geldend_vanaf AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "geldendVanaf",
	       to_char(i.geldend_tot AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "geldendTot",
	       i.source, i.created_by AS "createdBy"
	FROM indelingen i`;

type Row = Omit<Indeling, 'stadsdelen'>;

/** The current buurten of every gemeente (its newest CBS year), with names: what an indeling is checked against. */
export async function knownBuurten(db: Queryable): Promise<(KnownBuurt & { year: number; wijkcode: string })[]> {
	return db.query(
		`WITH current AS (
			SELECT gemeentecode, max(year) AS year FROM areas WHERE level = 'buurt' GROUP BY gemeentecode
		)
		SELECT a.code, a.name, a.gemeentecode, a.year, a.wijkcode
		FROM areas a JOIN current c ON c.gemeentecode = a.gemeentecode AND c.year = a.year
		WHERE a.level = 'buurt'
		ORDER BY a.code`
	);
}

/** The indelingen of a gemeente: geldend first, then concepts (newest first), then historisch. */
export async function list(db: Queryable, gemeentecode: string): Promise<IndelingSummary[]> {
	return db.query<IndelingSummary>(
		`${SELECT.replace('FROM indelingen i', `,
		       (SELECT count(*)::int FROM indeling_stadsdelen s WHERE s.indeling_id = i.id) AS "stadsdeelCount",
		       (SELECT count(*)::int FROM indeling_buurten b WHERE b.indeling_id = i.id) AS "buurtCount"
		FROM indelingen i`)}
		WHERE i.gemeentecode = $1
		ORDER BY array_position(ARRAY['geldend','concept','historisch'], i.status), i.geldend_vanaf DESC NULLS LAST, i.id DESC`,
		[gemeentecode]
	);
}

export async function get(db: Queryable, id: number): Promise<Indeling | null> {
	const [row] = await db.query<Row>(`${SELECT} WHERE i.id = $1`, [id]);
	if (!row) return null;
	const stadsdelen = await db.query<{ code: string; name: string; buurtcodes: string[] | null }>(
		`SELECT s.code, s.name,
		        (SELECT array_agg(b.buurtcode ORDER BY b.buurtcode) FROM indeling_buurten b
		         WHERE b.indeling_id = s.indeling_id AND b.stadsdeelcode = s.code) AS buurtcodes
		 FROM indeling_stadsdelen s WHERE s.indeling_id = $1 ORDER BY s.name`,
		[id]
	);
	return { ...row, stadsdelen: stadsdelen.map((s) => ({ ...s, buurtcodes: s.buurtcodes ?? [] })) };
}

/** The geldend indeling of a gemeente's current year, if any. */
export async function geldend(db: Queryable, gemeentecode: string): Promise<Indeling | null> {
	const [row] = await db.query<{ id: number }>(
		`SELECT id::int AS id FROM indelingen WHERE gemeentecode = $1 AND status = 'geldend' ORDER BY year DESC LIMIT 1`,
		[gemeentecode]
	);
	return row ? get(db, row.id) : null;
}

async function writeStadsdelen(tx: Queryable, id: number, gemeentecode: string, year: number, stadsdelen: StadsdeelRow[]): Promise<void> {
	await tx.query('DELETE FROM indeling_stadsdelen WHERE indeling_id = $1', [id]);
	const rows = stadsdelen.map((s) => ({ code: stadsdeelCode(gemeentecode, s.name), name: s.name.trim() }));
	await tx.query(
		`INSERT INTO indeling_stadsdelen (indeling_id, code, name)
		 SELECT $2, s->>'code', s->>'name' FROM jsonb_array_elements($1::text::jsonb) AS s`,
		[JSON.stringify(rows), id]
	);
	const buurten = stadsdelen.flatMap((s) =>
		s.buurtcodes.map((buurtcode) => ({
			buurtcode,
			stadsdeelcode: stadsdeelCode(gemeentecode, s.name),
			zekerheid: s.zekerheid?.[buurtcode] ?? null,
			onderbouwing: s.onderbouwing?.[buurtcode] ?? null
		}))
	);
	await tx.query(
		`INSERT INTO indeling_buurten (indeling_id, buurtcode, year, stadsdeelcode, zekerheid, onderbouwing)
		 SELECT $2, r->>'buurtcode', $3, r->>'stadsdeelcode', r->>'zekerheid', r->>'onderbouwing'
		 FROM jsonb_array_elements($1::text::jsonb) AS r`,
		[JSON.stringify(buurten), id, year]
	);
}

/**
 * Rebuilds the stadsdeel rows of `areas` for a gemeente and year from its geldend indeling (none when there is
 * none): the map's stadsdeel level, the area cards and everything that reads areas by level follow.
 */
export async function rebuildStadsdeelAreas(tx: Queryable, gemeentecode: string, year: number): Promise<void> {
	await tx.query(`DELETE FROM areas WHERE level = 'stadsdeel' AND gemeentecode = $1 AND year = $2`, [gemeentecode, year]);
	await tx.query(
		`WITH unioned AS (
			SELECT s.code, s.name, s.gemeentecode, s.year, s.source,
			       ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(b.geom_rd)), 3)) AS g_rd
			FROM stadsdelen s
			JOIN stadsdeel_buurten sb ON sb.stadsdeelcode = s.code AND sb.year = s.year
			JOIN areas b ON b.code = sb.buurtcode AND b.year = sb.year
			WHERE s.gemeentecode = $1 AND s.year = $2
			GROUP BY s.code, s.name, s.gemeentecode, s.year, s.source
		)
		INSERT INTO areas (code, year, level, name, gemeentecode, wijkcode, geom_rd, geom, label_point, area_ha, source)
		SELECT code, year, 'stadsdeel', name, gemeentecode, NULL, g_rd, ST_Transform(g_rd, 4326),
		       ST_Transform(ST_PointOnSurface(g_rd), 4326), ST_Area(g_rd) / 10000.0, source
		FROM unioned`,
		[gemeentecode, year]
	);
}

/**
 * The number of separate pieces of each stadsdeel of an indeling (buurten that share only a corner count as
 * connected: a 1 m buffer closes the slivers of schematic boundaries).
 */
export async function pieces(db: Queryable, year: number, stadsdelen: { code: string; buurtcodes: string[] }[]): Promise<Map<string, number>> {
	const rows = await db.query<{ code: string; pieces: number }>(
		`WITH assigned AS (
			SELECT s->>'code' AS code, jsonb_array_elements_text(s->'buurtcodes') AS buurtcode
			FROM jsonb_array_elements($1::text::jsonb) AS s
		)
		SELECT a.code, ST_NumGeometries(ST_UnaryUnion(ST_Collect(ST_Buffer(b.geom_rd, 1, 2))))::int AS pieces
		FROM assigned a JOIN areas b ON b.code = a.buurtcode AND b.year = $2 AND b.level = 'buurt'
		GROUP BY a.code`,
		[JSON.stringify(stadsdelen), year]
	);
	return new Map(rows.map((r) => [r.code, Number(r.pieces)]));
}

async function insertIndeling(
	tx: Queryable,
	item: { id?: number; gemeentecode: string; year: number; name: string; status: IndelingStatus; geldendVanaf: string | null; geldendTot: string | null; source: string; createdBy: string }
): Promise<number> {
	const [row] = await tx.query<{ id: number }>(
		`INSERT INTO indelingen (id, gemeentecode, year, name, status, geldend_vanaf, geldend_tot, source, created_by)
		 VALUES (COALESCE($1::bigint, nextval(pg_get_serial_sequence('indelingen', 'id'))), $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8, $9)
		 RETURNING id::int AS id`,
		[item.id ?? null, item.gemeentecode, item.year, item.name.trim(), item.status, item.geldendVanaf, item.geldendTot, item.source, item.createdBy]
	);
	return Number(row.id);
}

/** Creates a concept indeling (checked by the caller) and audits it; returns it as stored. */
export async function create(
	tx: Queryable,
	actor: Actor,
	input: { gemeentecode: string; year: number; name: string; stadsdelen: StadsdeelRow[] },
	options: { source?: string } = {}
): Promise<Indeling> {
	const id = await insertIndeling(tx, {
		...input,
		status: 'concept',
		geldendVanaf: null,
		geldendTot: null,
		source: options.source ?? 'Wijkbeeld',
		createdBy: actor.name
	});
	await writeStadsdelen(tx, id, input.gemeentecode, input.year, input.stadsdelen);
	const after = (await get(tx, id))!;
	await recordChange(tx, actor, { entity: 'indeling', entityId: id, action: 'create', gemeentecode: input.gemeentecode, before: null, after, source: options.source ?? null });
	return after;
}

/** Changes a concept's name and stadsdelen (the caller checks that it is a concept and the new ones are whole). */
export async function update(tx: Queryable, actor: Actor, current: Indeling, input: { name: string; stadsdelen: StadsdeelRow[] }): Promise<Indeling> {
	await tx.query('UPDATE indelingen SET name = $2, updated_at = now() WHERE id = $1', [current.id, input.name.trim()]);
	await writeStadsdelen(tx, current.id, current.gemeentecode, current.year, input.stadsdelen);
	const after = (await get(tx, current.id))!;
	await recordChange(tx, actor, { entity: 'indeling', entityId: current.id, action: 'update', gemeentecode: current.gemeentecode, before: current, after });
	return after;
}

export async function remove(tx: Queryable, actor: Actor, current: Indeling): Promise<void> {
	await tx.query('DELETE FROM indelingen WHERE id = $1', [current.id]);
	await recordChange(tx, actor, { entity: 'indeling', entityId: current.id, action: 'delete', gemeentecode: current.gemeentecode, before: current, after: null });
}

/** What the audit keeps of a vaststelling besides the indeling: the one it replaced. */
interface Replaced {
	replaces?: { id: number; geldendVanaf: string | null } | null;
}

/**
 * Puts an indeling in force: the geldend one of its gemeente and year becomes historisch (until now), this one
 * geldend (from now), and the stadsdeel geometry follows. Audited as an update of this indeling whose `before`
 * remembers the replaced one, so that an undo puts that back in force.
 */
export async function vaststellen(tx: Queryable, actor: Actor, current: Indeling, source?: string): Promise<Indeling> {
	// One vaststelling at a time per gemeente: two at once would both see the same predecessor.
	await tx.query(`SELECT pg_advisory_xact_lock(hashtext('wijkbeeld.indeling.' || $1))`, [current.gemeentecode]);
	const [previous] = await tx.query<{ id: number; geldendVanaf: string }>(
		`SELECT id::int AS id, to_char(geldend_vanaf AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "geldendVanaf"
		 FROM indelingen WHERE gemeentecode = $1 AND year = $2 AND status = 'geldend' FOR UPDATE`,
		[current.gemeentecode, current.year]
	);
	if (previous) {
		await tx.query(`UPDATE indelingen SET status = 'historisch', geldend_tot = now(), updated_at = now() WHERE id = $1`, [previous.id]);
	}
	await tx.query(
		`UPDATE indelingen SET status = 'geldend', geldend_vanaf = now(), geldend_tot = NULL, updated_at = now() WHERE id = $1`,
		[current.id]
	);
	await rebuildStadsdeelAreas(tx, current.gemeentecode, current.year);
	const after = (await get(tx, current.id))!;
	const replaces = previous ? { id: Number(previous.id), geldendVanaf: previous.geldendVanaf } : null;
	await recordChange(tx, actor, {
		entity: 'indeling',
		entityId: current.id,
		action: 'update',
		gemeentecode: current.gemeentecode,
		before: { ...current, replaces } satisfies Indeling & Replaced,
		after: { ...after, replaces },
		source: source ?? null
	});
	return after;
}

// ---------- for undo (src/lib/server/db/undo.ts): write a state back without an audit entry of its own ----------

/** Writes an indeling back as it was (name, status, dates, stadsdelen); undoing a vaststelling restores its predecessor. */
export async function overwrite(tx: Queryable, item: Indeling & Replaced): Promise<void> {
	const current = await get(tx, item.id);
	if (!current) return;
	const wasInForce = current.status === 'geldend' && item.status !== 'geldend';
	await tx.query(
		`UPDATE indelingen SET name = $2, status = $3, geldend_vanaf = $4::timestamptz, geldend_tot = $5::timestamptz, updated_at = now()
		 WHERE id = $1`,
		[item.id, item.name, item.status, item.geldendVanaf, item.geldendTot]
	);
	await writeStadsdelen(tx, item.id, item.gemeentecode, item.year, item.stadsdelen);
	if (wasInForce && item.replaces) {
		await tx.query(
			`UPDATE indelingen SET status = 'geldend', geldend_vanaf = $2::timestamptz, geldend_tot = NULL, updated_at = now()
			 WHERE id = $1 AND status = 'historisch'`,
			[item.replaces.id, item.replaces.geldendVanaf]
		);
	}
	if (wasInForce || item.status === 'geldend') await rebuildStadsdeelAreas(tx, item.gemeentecode, item.year);
}

/** Puts a deleted indeling back with the same id. */
export async function restore(tx: Queryable, item: Indeling): Promise<void> {
	await insertIndeling(tx, item);
	await writeStadsdelen(tx, item.id, item.gemeentecode, item.year, item.stadsdelen);
	if (item.status === 'geldend') await rebuildStadsdeelAreas(tx, item.gemeentecode, item.year);
}

/** Removes an indeling (undo of its creation); the geldend one never comes here: it was a concept when created. */
export async function drop(tx: Queryable, id: number): Promise<void> {
	await tx.query('DELETE FROM indelingen WHERE id = $1', [id]);
}
