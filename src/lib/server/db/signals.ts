// Signals from the field ("oren en ogen in de wijk"): plain verbs over SQL, each write audited in the same
// transaction, in the style of investments.ts. Only signed-in staff read them (the routes check that).
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import type { Signal, SignalInput } from '../../domain/register';
import type { MapCollection as FeatureCollection, MapFeature as Feature, MapPoint as Point } from './features';

interface SignalRow {
	id: number;
	gemeentecode: string;
	text: string;
	buurtcode: string | null;
	point: string | null;
	observed_on: string;
	domain: Signal['domain'];
	author_id: number | null;
	author_name: string;
	synthetic: boolean;
	version: number;
	buurtcodes: string[] | null;
	place: string | null;
}

// The buurt of a signal: the one given, else the one its point lies in (newest CBS year). `place` is where
// the map draws it: the point, else the label point of its buurt.
const SELECT = `
	SELECT s.id, s.gemeentecode, s.text, s.buurtcode, ST_AsGeoJSON(s.point, 7) AS point,
	       s.observed_on::text AS observed_on, s.domain, s.author_id, s.author_name, s.synthetic, s.version,
	       ARRAY(
	         SELECT DISTINCT b.code FROM areas b
	         WHERE b.level = 'buurt' AND b.gemeentecode = s.gemeentecode AND (
	           b.code = s.buurtcode OR (s.buurtcode IS NULL AND s.point IS NOT NULL AND ST_Intersects(b.geom, s.point))
	         )
	         ORDER BY b.code
	       ) AS buurtcodes,
	       ST_AsGeoJSON(COALESCE(s.point, (
	         SELECT b.label_point FROM areas b WHERE b.level = 'buurt' AND b.code = s.buurtcode ORDER BY b.year DESC LIMIT 1
	       )), 6) AS place
	FROM signals s`;

export interface SignalWithAuthor extends Signal {
	/** The user who wrote it (null for the seed or a deleted user). */
	authorId: number | null;
}

function toSignal(row: SignalRow): SignalWithAuthor {
	return {
		id: Number(row.id),
		gemeentecode: row.gemeentecode,
		text: row.text,
		buurtcode: row.buurtcode,
		point: row.point ? JSON.parse(row.point) : null,
		observedOn: row.observed_on,
		domain: row.domain,
		buurtcodes: row.buurtcodes ?? [],
		authorId: row.author_id === null ? null : Number(row.author_id),
		authorName: row.author_name,
		synthetic: row.synthetic,
		version: Number(row.version)
	};
}

export interface ListOptions {
	gemeentecode: string;
	/** Only what was observed within [from, to]; ISO dates. */
	from?: string;
	to?: string;
	/** Only those in this buurt. */
	buurtcode?: string;
}

async function listRows(db: Queryable, options: ListOptions): Promise<SignalRow[]> {
	return db.query<SignalRow>(
		`SELECT * FROM (${SELECT}
		   WHERE s.gemeentecode = $1
		     AND ($2::date IS NULL OR s.observed_on >= $2::date)
		     AND ($3::date IS NULL OR s.observed_on <= $3::date)
		 ) x
		 WHERE $4::text IS NULL OR $4::text = ANY (x.buurtcodes)
		 ORDER BY x.observed_on DESC, x.id DESC`,
		[options.gemeentecode, options.from ?? null, options.to ?? null, options.buurtcode ?? null]
	);
}

export async function list(db: Queryable, options: ListOptions): Promise<SignalWithAuthor[]> {
	return (await listRows(db, options)).map(toSignal);
}

/** The signals of `list` as points for the map (given point, else the label point of the buurt). */
export async function features(db: Queryable, options: ListOptions): Promise<FeatureCollection<Point>> {
	const out: Feature<Point>[] = [];
	for (const row of await listRows(db, options)) {
		if (!row.place) continue;
		const s = toSignal(row);
		out.push({
			type: 'Feature',
			id: s.id,
			geometry: JSON.parse(row.place) as Point,
			properties: {
				id: s.id,
				text: s.text,
				domain: s.domain,
				observedOn: s.observedOn,
				buurtcode: s.buurtcodes[0] ?? null,
				located: s.point ? 'point' : 'buurt',
				authorName: s.authorName,
				synthetic: s.synthetic
			}
		});
	}
	return { type: 'FeatureCollection', features: out };
}

export async function get(db: Queryable, id: number): Promise<SignalWithAuthor | null> {
	const rows = await db.query<SignalRow>(`${SELECT} WHERE s.id = $1`, [id]);
	return rows[0] ? toSignal(rows[0]) : null;
}

export interface Author {
	id: number | null;
	name: string;
}

function values(gemeentecode: string, input: SignalInput) {
	return [
		gemeentecode,
		input.text.trim(),
		input.buurtcode,
		input.point ? JSON.stringify(input.point) : null,
		input.observedOn,
		input.domain
	];
}

const POINT = `ST_SetSRID(ST_GeomFromGeoJSON($4), 4326)`;

/** Creates the signal in `gemeentecode` (the caller located it), written by `author`, and audits it. */
export async function create(
	tx: Queryable,
	actor: Actor,
	gemeentecode: string,
	input: SignalInput,
	options: { author?: Author; synthetic?: boolean } = {}
): Promise<SignalWithAuthor> {
	const author = options.author ?? { id: actor.id, name: actor.name };
	const [row] = await tx.query<{ id: number }>(
		`INSERT INTO signals (gemeentecode, text, buurtcode, point, observed_on, domain, author_id, author_name, synthetic)
		 VALUES ($1, $2, $3, ${POINT}, $5, $6, $7, $8, $9)
		 RETURNING id`,
		[...values(gemeentecode, input), author.id, author.name, options.synthetic ?? false]
	);
	const created = (await get(tx, Number(row.id)))!;
	await recordChange(tx, actor, {
		entity: 'signal',
		entityId: created.id,
		action: 'create',
		gemeentecode,
		before: null,
		after: created
	});
	return created;
}

/** Writes `input` over signal `id` (the author stays) and audits it; null when not found. */
export async function update(
	tx: Queryable,
	actor: Actor,
	id: number,
	gemeentecode: string,
	input: SignalInput
): Promise<SignalWithAuthor | null> {
	const before = await get(tx, id);
	if (!before) return null;
	await tx.query(
		`UPDATE signals SET gemeentecode = $1, text = $2, buurtcode = $3, point = ${POINT}, observed_on = $5, domain = $6,
		   updated_at = now()
		 WHERE id = $7`,
		[...values(gemeentecode, input), id]
	);
	const after = (await get(tx, id))!;
	if (JSON.stringify(before) === JSON.stringify(after)) return before;
	await recordChange(tx, actor, { entity: 'signal', entityId: id, action: 'update', gemeentecode, before, after });
	return after;
}

/** Deletes signal `id` and audits it; false when not found. */
export async function remove(tx: Queryable, actor: Actor, id: number): Promise<boolean> {
	const before = await get(tx, id);
	if (!before) return false;
	await tx.query('DELETE FROM signals WHERE id = $1', [id]);
	await recordChange(tx, actor, {
		entity: 'signal',
		entityId: id,
		action: 'delete',
		gemeentecode: before.gemeentecode,
		before,
		after: null
	});
	return true;
}

/** Puts a signal back exactly as it was (same id), for undoing a delete. Not audited here: the undo is. */
export async function restore(tx: Queryable, item: SignalWithAuthor): Promise<void> {
	await tx.query(
		`INSERT INTO signals (id, gemeentecode, text, buurtcode, point, observed_on, domain, author_id, author_name, synthetic)
		 VALUES ($7, $1, $2, $3, ${POINT}, $5, $6,
		   (SELECT u.id FROM users u WHERE u.id = $8::bigint), $9, $10)`,
		[...values(item.gemeentecode, item), item.id, item.authorId, item.authorName, item.synthetic]
	);
}

/** Writes `item` over the signal with its id exactly as it was (for undoing an update). Not audited here. */
export async function overwrite(tx: Queryable, item: SignalWithAuthor): Promise<boolean> {
	const rows = await tx.query<{ id: number }>(
		`UPDATE signals SET gemeentecode = $1, text = $2, buurtcode = $3, point = ${POINT}, observed_on = $5, domain = $6,
		   author_name = $8, synthetic = $9, updated_at = now()
		 WHERE id = $7 RETURNING id`,
		[...values(item.gemeentecode, item), item.id, item.authorName, item.synthetic]
	);
	return rows.length > 0;
}
