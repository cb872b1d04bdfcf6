// Investments (partners' and the municipality's own): plain verbs over SQL, each write audited in the same
// transaction. Used by the API routes, the forms and the spreadsheet importer alike.
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import { measureCategory, type Investment, type InvestmentInput } from '../../domain/register';
import type { MapCollection as FeatureCollection, MapFeature as Feature, MapPoint as Point } from './features';

interface InvestmentRow {
	id: number;
	gemeentecode: string;
	partner: string;
	project_name: string;
	measure: string;
	buurtcode: string | null;
	point: string | null;
	outline: string | null;
	start_date: string;
	end_date: string;
	dwellings: number | null;
	amount_eur: string | number | null;
	status: Investment['status'];
	notes: string;
	synthetic: boolean;
	source: string;
	updated_at: string | Date;
	version: number;
	buurtcodes: string[] | null;
}

// Dates as text: both engines would otherwise give a JS Date at local midnight.
const SELECT = `
	SELECT i.id, i.gemeentecode, i.partner, i.project_name, i.measure, i.buurtcode,
	       ST_AsGeoJSON(i.point, 7) AS point, ST_AsGeoJSON(i.outline, 7) AS outline,
	       i.start_date::text AS start_date, i.end_date::text AS end_date, i.dwellings, i.amount_eur::float8 AS amount_eur,
	       i.status, i.notes, i.synthetic, i.source, i.version, i.updated_at::text AS updated_at,
	       ARRAY(
	         SELECT DISTINCT b.code FROM areas b
	         WHERE b.level = 'buurt' AND b.gemeentecode = i.gemeentecode AND (
	           b.code = i.buurtcode
	           OR (i.outline IS NOT NULL AND ST_Intersects(b.geom, i.outline)
	               AND ST_Area(ST_Intersection(b.geom, i.outline)) > 0.05 * LEAST(ST_Area(b.geom), ST_Area(i.outline)))
	         )
	         ORDER BY b.code
	       ) AS buurtcodes
	FROM investments i`;

function toInvestment(row: InvestmentRow): Investment {
	return {
		id: Number(row.id),
		gemeentecode: row.gemeentecode,
		partner: row.partner,
		projectName: row.project_name,
		measure: row.measure,
		category: measureCategory(row.measure),
		buurtcode: row.buurtcode,
		point: row.point ? JSON.parse(row.point) : null,
		outline: row.outline ? JSON.parse(row.outline) : null,
		startDate: row.start_date,
		endDate: row.end_date,
		dwellings: row.dwellings === null ? null : Number(row.dwellings),
		amountEur: row.amount_eur === null ? null : Number(row.amount_eur),
		status: row.status,
		notes: row.notes,
		buurtcodes: row.buurtcodes ?? [],
		synthetic: row.synthetic,
		source: row.source,
		version: Number(row.version),
		updatedAt: String(row.updated_at)
	};
}

export interface ListOptions {
	gemeentecode: string;
	/** Only what runs (partly) within [from, to]; ISO dates. */
	from?: string;
	to?: string;
	/** Only what touches this buurt. */
	buurtcode?: string;
}

export async function list(db: Queryable, options: ListOptions): Promise<Investment[]> {
	const rows = await db.query<InvestmentRow>(
		`SELECT * FROM (${SELECT}
		   WHERE i.gemeentecode = $1
		     AND ($2::date IS NULL OR i.end_date >= $2::date)
		     AND ($3::date IS NULL OR i.start_date <= $3::date)
		 ) x
		 WHERE $4::text IS NULL OR $4::text = ANY (x.buurtcodes)
		 ORDER BY x.start_date, x.partner, x.project_name`,
		[options.gemeentecode, options.from ?? null, options.to ?? null, options.buurtcode ?? null]
	);
	return rows.map(toInvestment);
}

export async function get(db: Queryable, id: number): Promise<Investment | null> {
	const rows = await db.query<InvestmentRow>(`${SELECT} WHERE i.id = $1`, [id]);
	return rows[0] ? toInvestment(rows[0]) : null;
}

/** The investment a delivery refers to: same gemeente, partner and project name (case-insensitive). */
export async function findByKey(
	db: Queryable,
	gemeentecode: string,
	partner: string,
	projectName: string
): Promise<Investment | null> {
	const rows = await db.query<InvestmentRow>(
		`${SELECT} WHERE i.gemeentecode = $1 AND lower(i.partner) = lower($2) AND lower(i.project_name) = lower($3)`,
		[gemeentecode, partner.trim(), projectName.trim()]
	);
	return rows[0] ? toInvestment(rows[0]) : null;
}

export interface Located {
	buurtcode: string;
	gemeentecode: string;
}

/** The buurt a WGS84 coordinate lies in (newest CBS year), or null outside every loaded buurt. */
export async function buurtAt(db: Queryable, lon: number, lat: number): Promise<Located | null> {
	const rows = await db.query<Located>(
		`SELECT code AS buurtcode, gemeentecode FROM areas
		 WHERE level = 'buurt' AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))
		 ORDER BY year DESC, code LIMIT 1`,
		[lon, lat]
	);
	return rows[0] ?? null;
}

/**
 * findByKey for many keys in one statement (an import of 5,000 rows asked 5,000 times, holding PGlite for seconds):
 * the investments found, by keyOf(gemeentecode, partner, projectName).
 */
export async function findByKeys(db: Queryable, keys: { gemeentecode: string; partner: string; projectName: string }[]): Promise<Map<string, Investment>> {
	const found = new Map<string, Investment>();
	if (!keys.length) return found;
	const rows = await db.query<InvestmentRow>(
		`${SELECT} WHERE (i.gemeentecode, lower(i.partner), lower(i.project_name)) IN
		   (SELECT g, lower(p), lower(n) FROM unnest($1::text[], $2::text[], $3::text[]) AS k(g, p, n))`,
		[keys.map((k) => k.gemeentecode), keys.map((k) => k.partner.trim()), keys.map((k) => k.projectName.trim())]
	);
	for (const row of rows) {
		const item = toInvestment(row);
		found.set(keyOf(item.gemeentecode, item.partner, item.projectName), item);
	}
	return found;
}

/** The key findByKeys answers by: gemeente, partner and project name, ignoring case and outer spaces. */
export const keyOf = (gemeentecode: string, partner: string, projectName: string) =>
	[gemeentecode, partner.trim().toLowerCase(), projectName.trim().toLowerCase()].join('\u0000');

/** buurtAt for many points in one statement: the buurt of each point, in order (null outside). */
export async function buurtenAt(db: Queryable, points: [lon: number, lat: number][]): Promise<(Located | null)[]> {
	if (!points.length) return [];
	const rows = await db.query<Located & { i: string }>(
		`SELECT p.i, b.buurtcode, b.gemeentecode
		 FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lon, lat, i)
		 CROSS JOIN LATERAL (
		   SELECT code AS buurtcode, gemeentecode FROM areas
		   WHERE level = 'buurt' AND ST_Intersects(geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
		   ORDER BY year DESC, code LIMIT 1
		 ) b`,
		[points.map((p) => p[0]), points.map((p) => p[1])]
	);
	const out: (Located | null)[] = points.map(() => null);
	for (const row of rows) out[Number(row.i) - 1] = { buurtcode: row.buurtcode, gemeentecode: row.gemeentecode };
	return out;
}

/** gemeenteOfBuurt for many buurtcodes in one statement: code → gemeente (unknown codes are left out). */
export async function gemeentenOfBuurten(db: Queryable, buurtcodes: string[]): Promise<Map<string, string>> {
	if (!buurtcodes.length) return new Map();
	const rows = await db.query<{ code: string; gemeentecode: string }>(
		`SELECT DISTINCT ON (code) code, gemeentecode FROM areas WHERE level = 'buurt' AND code = ANY($1::text[]) ORDER BY code, year DESC`,
		[[...new Set(buurtcodes)]]
	);
	return new Map(rows.map((r) => [r.code, r.gemeentecode]));
}

/** The gemeente of a loaded buurt, or null when the buurtcode is not known. */
export async function gemeenteOfBuurt(db: Queryable, buurtcode: string): Promise<string | null> {
	const rows = await db.query<{ gemeentecode: string }>(
		`SELECT gemeentecode FROM areas WHERE level = 'buurt' AND code = $1 ORDER BY year DESC LIMIT 1`,
		[buurtcode]
	);
	return rows[0]?.gemeentecode ?? null;
}

/** The gemeente an outline lies (mostly) in, or null. */
export async function gemeenteOfOutline(db: Queryable, outline: object): Promise<string | null> {
	const rows = await db.query<{ gemeentecode: string }>(
		`SELECT gemeentecode FROM areas
		 WHERE level = 'gemeente' AND ST_Intersects(geom, ST_SetSRID(ST_GeomFromGeoJSON($1), 4326))
		 ORDER BY ST_Area(ST_Intersection(geom, ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($1), 4326)))) DESC, year DESC LIMIT 1`,
		[JSON.stringify(outline)]
	);
	return rows[0]?.gemeentecode ?? null;
}

export interface WriteOptions {
	/** 'app', or the name of the uploaded file. */
	source?: string;
	synthetic?: boolean;
}

/** The parameters of an insert or update, $1..$13 in this order. */
function values(gemeentecode: string, input: InvestmentInput) {
	return [
		gemeentecode,
		input.partner.trim(),
		input.projectName.trim(),
		input.measure.trim(),
		input.buurtcode,
		input.point ? JSON.stringify(input.point) : null,
		input.outline ? JSON.stringify(input.outline) : null,
		input.startDate,
		input.endDate,
		input.dwellings,
		input.amountEur,
		input.status,
		input.notes
	];
}

const POINT = `ST_SetSRID(ST_GeomFromGeoJSON($6), 4326)`;
const OUTLINE = `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($7), 4326)), 3))`;

/** Creates the investment in `gemeentecode` (the caller located it) and audits it. */
export async function create(
	tx: Queryable,
	actor: Actor,
	gemeentecode: string,
	input: InvestmentInput,
	options: WriteOptions = {}
): Promise<Investment> {
	const [row] = await tx.query<{ id: number }>(
		`INSERT INTO investments (gemeentecode, partner, project_name, measure, buurtcode, point, outline,
		   start_date, end_date, dwellings, amount_eur, status, notes, source, synthetic)
		 VALUES ($1, $2, $3, $4, $5, ${POINT}, ${OUTLINE}, $8, $9, $10, $11, $12, $13, $14, $15)
		 RETURNING id`,
		[...values(gemeentecode, input), options.source ?? 'app', options.synthetic ?? false]
	);
	const created = (await get(tx, Number(row.id)))!;
	await recordChange(tx, actor, {
		entity: 'investment',
		entityId: created.id,
		action: 'create',
		gemeentecode,
		before: null,
		after: created,
		source: options.source ?? null
	});
	return created;
}

/** Whether writing `input` over `current` would change anything the user can see. */
export function differs(current: Investment, gemeentecode: string, input: InvestmentInput): boolean {
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	const round = (g: unknown) => (g ? JSON.parse(JSON.stringify(g, (_k, v) => (typeof v === 'number' ? Math.round(v * 1e7) / 1e7 : v))) : null);
	return !(
		current.gemeentecode === gemeentecode &&
		current.partner === input.partner.trim() &&
		current.projectName === input.projectName.trim() &&
		current.measure === input.measure.trim() &&
		current.buurtcode === input.buurtcode &&
		same(round(current.point), round(input.point)) &&
		(input.outline === null ? current.outline === null : current.outline !== null) &&
		current.startDate === input.startDate &&
		current.endDate === input.endDate &&
		current.dwellings === input.dwellings &&
		current.amountEur === input.amountEur &&
		current.status === input.status &&
		current.notes === input.notes
	);
}

/**
 * Writes `input` over investment `id` and audits it; returns the new state, or the unchanged one when
 * nothing differs (no audit entry then).
 */
export async function update(
	tx: Queryable,
	actor: Actor,
	id: number,
	gemeentecode: string,
	input: InvestmentInput,
	options: WriteOptions = {}
): Promise<Investment | null> {
	const before = await get(tx, id);
	if (!before) return null;
	if (!differs(before, gemeentecode, input)) return before;
	await tx.query(
		`UPDATE investments SET gemeentecode = $1, partner = $2, project_name = $3, measure = $4, buurtcode = $5,
		   point = ${POINT}, outline = ${OUTLINE}, start_date = $8, end_date = $9, dwellings = $10, amount_eur = $11,
		   status = $12, notes = $13, source = COALESCE($15, source), synthetic = COALESCE($16, synthetic), updated_at = now()
		 WHERE id = $14`,
		[...values(gemeentecode, input), id, options.source ?? null, options.synthetic ?? null]
	);
	const after = (await get(tx, id))!;
	await recordChange(tx, actor, {
		entity: 'investment',
		entityId: id,
		action: 'update',
		gemeentecode,
		before,
		after,
		source: options.source ?? null
	});
	return after;
}

/** Deletes investment `id` and audits it (the audit keeps what it was, for undo); false when not found. */
export async function remove(tx: Queryable, actor: Actor, id: number): Promise<boolean> {
	const before = await get(tx, id);
	if (!before) return false;
	await tx.query('DELETE FROM investments WHERE id = $1', [id]);
	await recordChange(tx, actor, {
		entity: 'investment',
		entityId: id,
		action: 'delete',
		gemeentecode: before.gemeentecode,
		before,
		after: null
	});
	return true;
}

/**
 * Puts an investment back exactly as it was (same id), for undoing a delete. Not audited here: the undo
 * records itself.
 */
export async function restore(tx: Queryable, item: Investment): Promise<void> {
	await tx.query(
		`INSERT INTO investments (id, gemeentecode, partner, project_name, measure, buurtcode, point, outline,
		   start_date, end_date, dwellings, amount_eur, status, notes, source, synthetic)
		 VALUES ($16, $1, $2, $3, $4, $5, ${POINT}, ${OUTLINE}, $8, $9, $10, $11, $12, $13, $14, $15)`,
		[...values(item.gemeentecode, item), item.source, item.synthetic, item.id]
	);
}

/** Writes `item` over the investment with its id exactly as it was (for undoing an update). Not audited here. */
export async function overwrite(tx: Queryable, item: Investment): Promise<boolean> {
	const rows = await tx.query<{ id: number }>(
		`UPDATE investments SET gemeentecode = $1, partner = $2, project_name = $3, measure = $4, buurtcode = $5,
		   point = ${POINT}, outline = ${OUTLINE}, start_date = $8, end_date = $9, dwellings = $10, amount_eur = $11,
		   status = $12, notes = $13, source = $14, synthetic = $15, updated_at = now()
		 WHERE id = $16 RETURNING id`,
		[...values(item.gemeentecode, item), item.source, item.synthetic, item.id]
	);
	return rows.length > 0;
}

/**
 * The investments of `list` as points for the map: the given point, else the label point of its buurt,
 * else a point on the outline's surface.
 */
export async function features(db: Queryable, options: ListOptions): Promise<FeatureCollection<Point>> {
	const items = await list(db, options);
	if (items.length === 0) return { type: 'FeatureCollection', features: [] };
	const rows = await db.query<{ id: number; place: string | null }>(
		`SELECT i.id, ST_AsGeoJSON(COALESCE(
		   i.point,
		   (SELECT b.label_point FROM areas b WHERE b.level = 'buurt' AND b.code = i.buurtcode ORDER BY b.year DESC LIMIT 1),
		   ST_PointOnSurface(i.outline)
		 ), 6) AS place
		 FROM investments i
		 WHERE i.id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::text::jsonb)::bigint))`,
		[JSON.stringify(items.map((i) => i.id))]
	);
	const placeOf = new Map(rows.map((r) => [Number(r.id), r.place]));
	const out: Feature<Point>[] = [];
	for (const i of items) {
		const place = placeOf.get(i.id);
		if (!place) continue;
		out.push({
			type: 'Feature',
			id: i.id,
			geometry: JSON.parse(place) as Point,
			properties: {
				id: i.id,
				projectName: i.projectName,
				partner: i.partner,
				measure: i.measure,
				category: i.category,
				status: i.status,
				startDate: i.startDate,
				endDate: i.endDate,
				amountEur: i.amountEur,
				dwellings: i.dwellings,
				buurtcodes: i.buurtcodes,
				// How the place was given: the map sets symbols of one buurt (drawn at its label point) apart.
				located: i.point ? 'point' : i.buurtcode ? 'buurt' : 'outline',
				synthetic: i.synthetic
			}
		});
	}
	return { type: 'FeatureCollection', features: out };
}
