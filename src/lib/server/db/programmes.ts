// Programmes (wijkaanpakken, focusgebieden, gebiedsgerichte aanpakken, pilots): plain verbs over SQL, each
// write audited in the same transaction, in the style of investments.ts.
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import type { BudgetLine, Programme, ProgrammeInput } from '../../domain/register';
import type { MapCollection as FeatureCollection, MapFeature as Feature, MapGeometry as Geometry } from './features';

interface ProgrammeRow {
	id: number;
	gemeentecode: string;
	name: string;
	kind: Programme['kind'];
	phase: Programme['phase'];
	start_date: string | null;
	end_date: string | null;
	themes: Programme['themes'] | null;
	bestuurlijk_opdrachtgever: string | null;
	ambtelijk_opdrachtgever: string | null;
	programme_manager: string | null;
	budget_lines: BudgetLine[] | string | null;
	status: Programme['status'];
	notes: string;
	buurtcodes: string[] | null;
	outline: string | null;
	synthetic: boolean;
	source: string;
	updated_at: string;
	version: number;
	touched: string[] | null;
}

// The buurten a programme touches: those picked, and those its outline covers for more than 5% (of the buurt
// or of the outline, whichever is smaller), as for investments: a sliver along a border does not count.
const TOUCHED = `
	ARRAY(
	  SELECT DISTINCT b.code FROM areas b
	  WHERE b.level = 'buurt' AND b.gemeentecode = p.gemeentecode AND (
	    b.code = ANY (p.buurtcodes)
	    OR (p.outline IS NOT NULL AND ST_Intersects(b.geom, p.outline)
	        AND ST_Area(ST_Intersection(b.geom, p.outline)) > 0.05 * LEAST(ST_Area(b.geom), ST_Area(p.outline)))
	  )
	  ORDER BY b.code
	)`;

// Dates and jsonb as text: both engines then give the same JS values (no local-midnight Dates).
const SELECT = `
	SELECT p.id, p.gemeentecode, p.name, p.kind, p.phase,
	       p.start_date::text AS start_date, p.end_date::text AS end_date, p.themes,
	       p.bestuurlijk_opdrachtgever, p.ambtelijk_opdrachtgever, p.programme_manager,
	       p.budget_lines::text AS budget_lines, p.status, p.notes, p.buurtcodes,
	       ST_AsGeoJSON(p.outline, 7) AS outline, p.synthetic, p.source, p.version, p.updated_at::text AS updated_at,
	       ${TOUCHED} AS touched
	FROM programmes p`;

function toProgramme(row: ProgrammeRow): Programme {
	const buurtcodes = row.buurtcodes ?? [];
	const outline = row.outline ? JSON.parse(row.outline) : null;
	const budget = typeof row.budget_lines === 'string' ? JSON.parse(row.budget_lines) : (row.budget_lines ?? []);
	return {
		id: Number(row.id),
		gemeentecode: row.gemeentecode,
		name: row.name,
		kind: row.kind,
		phase: row.phase,
		startDate: row.start_date,
		endDate: row.end_date,
		themes: row.themes ?? [],
		bestuurlijkOpdrachtgever: row.bestuurlijk_opdrachtgever,
		ambtelijkOpdrachtgever: row.ambtelijk_opdrachtgever,
		programmeManager: row.programme_manager,
		budgetLines: budget,
		status: row.status,
		notes: row.notes,
		buurtcodes,
		outline,
		touchedBuurtcodes: row.touched ?? [],
		drawn: buurtcodes.length > 0 || outline !== null,
		synthetic: row.synthetic,
		source: row.source,
		version: Number(row.version),
		updatedAt: String(row.updated_at)
	};
}

export interface ListOptions {
	gemeentecode: string;
	/** Only what runs (partly) within [from, to]; ISO dates. An open start or end runs on that side. */
	from?: string;
	to?: string;
	/** Only what touches this buurt. */
	buurtcode?: string;
}

// $1 gemeente, $2 from, $3 to, $4 buurtcode.
const FILTER = `
	WHERE p.gemeentecode = $1
	  AND ($2::date IS NULL OR p.end_date IS NULL OR p.end_date >= $2::date)
	  AND ($3::date IS NULL OR p.start_date IS NULL OR p.start_date <= $3::date)`;

function filterParams(options: ListOptions) {
	return [options.gemeentecode, options.from ?? null, options.to ?? null, options.buurtcode ?? null];
}

export async function list(db: Queryable, options: ListOptions): Promise<Programme[]> {
	const rows = await db.query<ProgrammeRow>(
		`SELECT * FROM (${SELECT} ${FILTER}) x
		 WHERE $4::text IS NULL OR $4::text = ANY (x.touched)
		 ORDER BY x.start_date NULLS LAST, x.name, x.id`,
		filterParams(options)
	);
	return rows.map(toProgramme);
}

export async function get(db: Queryable, id: number): Promise<Programme | null> {
	const rows = await db.query<ProgrammeRow>(`${SELECT} WHERE p.id = $1`, [id]);
	return rows[0] ? toProgramme(rows[0]) : null;
}

/**
 * The programmes of `list` with the geometry of their area for the map: the union of the picked buurten
 * (newest CBS year) and the outline, in WGS84. Programmes without an area are left out here.
 */
export async function features(db: Queryable, options: ListOptions): Promise<FeatureCollection> {
	const items = await list(db, options);
	if (items.length === 0) return { type: 'FeatureCollection', features: [] };
	const rows = await db.query<{ id: number; geometry: string | null }>(
		`SELECT p.id, ST_AsGeoJSON(ST_Union(ARRAY(
		   SELECT g FROM (
		     SELECT b.geom AS g FROM areas b
		     WHERE b.level = 'buurt' AND b.code = ANY (p.buurtcodes)
		       AND b.year = (SELECT max(y.year) FROM areas y WHERE y.level = 'buurt' AND y.code = b.code)
		     UNION ALL
		     SELECT p.outline WHERE p.outline IS NOT NULL
		   ) parts
		 )), 6) AS geometry
		 FROM programmes p
		 WHERE p.id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::text::jsonb)::bigint))`,
		[JSON.stringify(items.map((p) => p.id))]
	);
	const geometryOf = new Map(rows.map((r) => [Number(r.id), r.geometry]));
	const out: Feature[] = [];
	for (const p of items) {
		const geometry = geometryOf.get(p.id);
		if (!geometry) continue;
		out.push({
			type: 'Feature',
			id: p.id,
			geometry: JSON.parse(geometry) as Geometry,
			properties: {
				id: p.id,
				name: p.name,
				kind: p.kind,
				phase: p.phase,
				status: p.status,
				startDate: p.startDate,
				endDate: p.endDate,
				themes: p.themes,
				touchedBuurtcodes: p.touchedBuurtcodes,
				synthetic: p.synthetic
			}
		});
	}
	return { type: 'FeatureCollection', features: out };
}

/** The picked buurtcodes that are not buurten of the gemeente (empty when all are). */
export async function foreignBuurtcodes(db: Queryable, gemeentecode: string, buurtcodes: string[]): Promise<string[]> {
	if (buurtcodes.length === 0) return [];
	const rows = await db.query<{ code: string }>(
		`SELECT c.code FROM jsonb_array_elements_text($2::text::jsonb) AS c(code)
		 WHERE NOT EXISTS (SELECT 1 FROM areas b WHERE b.level = 'buurt' AND b.code = c.code AND b.gemeentecode = $1)
		 ORDER BY c.code`,
		[gemeentecode, JSON.stringify(buurtcodes)]
	);
	return rows.map((r) => r.code);
}

export interface WriteOptions {
	/** 'app', or where the facts came from (the seed names its document). */
	source?: string;
	synthetic?: boolean;
}

/** The parameters of an insert or update, $1..$15 in this order. Arrays and jsonb go as JSON text. */
function values(input: ProgrammeInput) {
	return [
		input.gemeentecode,
		input.name.trim(),
		input.kind,
		input.phase,
		input.startDate,
		input.endDate,
		JSON.stringify(input.themes),
		input.bestuurlijkOpdrachtgever?.trim() || null,
		input.ambtelijkOpdrachtgever?.trim() || null,
		input.programmeManager?.trim() || null,
		JSON.stringify(input.budgetLines),
		input.status,
		input.notes,
		JSON.stringify([...new Set(input.buurtcodes)].sort()),
		input.outline ? JSON.stringify(input.outline) : null
	];
}

const THEMES = `ARRAY(SELECT jsonb_array_elements_text($7::text::jsonb))`;
const BUURTCODES = `ARRAY(SELECT jsonb_array_elements_text($14::text::jsonb))`;
const OUTLINE = `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($15), 4326)), 3))`;

/** Creates the programme and audits it. */
export async function create(tx: Queryable, actor: Actor, input: ProgrammeInput, options: WriteOptions = {}): Promise<Programme> {
	const [row] = await tx.query<{ id: number }>(
		`INSERT INTO programmes (gemeentecode, name, kind, phase, start_date, end_date, themes,
		   bestuurlijk_opdrachtgever, ambtelijk_opdrachtgever, programme_manager, budget_lines, status, notes,
		   buurtcodes, outline, source, synthetic)
		 VALUES ($1, $2, $3, $4, $5, $6, ${THEMES}, $8, $9, $10, $11::text::jsonb, $12, $13, ${BUURTCODES}, ${OUTLINE}, $16, $17)
		 RETURNING id`,
		[...values(input), options.source ?? 'app', options.synthetic ?? false]
	);
	const created = (await get(tx, Number(row.id)))!;
	await recordChange(tx, actor, {
		entity: 'programme',
		entityId: created.id,
		action: 'create',
		gemeentecode: created.gemeentecode,
		before: null,
		after: created,
		source: options.source && options.source !== 'app' ? options.source : null
	});
	return created;
}

/**
 * Writes `input` over programme `id` and audits it; returns the new state (the unchanged one when nothing
 * differs: no audit entry then), or null when there is no such programme.
 */
export async function update(
	tx: Queryable,
	actor: Actor,
	id: number,
	input: ProgrammeInput,
	options: WriteOptions = {}
): Promise<Programme | null> {
	const before = await get(tx, id);
	if (!before) return null;
	await tx.query(
		`UPDATE programmes SET gemeentecode = $1, name = $2, kind = $3, phase = $4, start_date = $5, end_date = $6,
		   themes = ${THEMES}, bestuurlijk_opdrachtgever = $8, ambtelijk_opdrachtgever = $9, programme_manager = $10,
		   budget_lines = $11::text::jsonb, status = $12, notes = $13, buurtcodes = ${BUURTCODES}, outline = ${OUTLINE},
		   synthetic = COALESCE($17, synthetic), updated_at = now()
		 WHERE id = $16`,
		[...values(input), id, options.synthetic ?? null]
	);
	const after = (await get(tx, id))!;
	if (sameContent(before, after)) {
		// Nothing the user can see changed: keep the old timestamp and leave no audit entry.
		// ::text first: postgres.js sends a timestamptz parameter through a JS Date, which drops the microseconds.
		await tx.query(`UPDATE programmes SET updated_at = $2::text::timestamptz WHERE id = $1`, [id, before.updatedAt]);
		return before;
	}
	await recordChange(tx, actor, {
		entity: 'programme',
		entityId: id,
		action: 'update',
		gemeentecode: after.gemeentecode,
		before,
		after
	});
	return after;
}

function sameContent(a: Programme, b: Programme): boolean {
	const strip = ({ updatedAt: _a, ...rest }: Programme) => rest;
	return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Deletes programme `id` and audits it (the audit keeps what it was, for undo); false when not found. */
export async function remove(tx: Queryable, actor: Actor, id: number): Promise<boolean> {
	const before = await get(tx, id);
	if (!before) return false;
	await tx.query('DELETE FROM programmes WHERE id = $1', [id]);
	await recordChange(tx, actor, {
		entity: 'programme',
		entityId: id,
		action: 'delete',
		gemeentecode: before.gemeentecode,
		before,
		after: null
	});
	return true;
}

/**
 * Puts a programme back exactly as it was (same id), for undoing a delete. Not audited here: the undo is.
 * Audit entries written before programmes carried their source have none: those come back as 'app'.
 */
export async function restore(tx: Queryable, item: Programme): Promise<void> {
	await tx.query(
		`INSERT INTO programmes (id, gemeentecode, name, kind, phase, start_date, end_date, themes,
		   bestuurlijk_opdrachtgever, ambtelijk_opdrachtgever, programme_manager, budget_lines, status, notes,
		   buurtcodes, outline, synthetic, updated_at, source)
		 VALUES ($16, $1, $2, $3, $4, $5, $6, ${THEMES}, $8, $9, $10, $11::text::jsonb, $12, $13, ${BUURTCODES}, ${OUTLINE}, $17,
		   $18::text::timestamptz, $19)`,
		[...values(item), item.id, item.synthetic, item.updatedAt, item.source ?? 'app']
	);
}

/** Writes `item` over the programme with its id exactly as it was (for undoing an update). Not audited here. */
export async function overwrite(tx: Queryable, item: Programme): Promise<boolean> {
	const rows = await tx.query<{ id: number }>(
		`UPDATE programmes SET gemeentecode = $1, name = $2, kind = $3, phase = $4, start_date = $5, end_date = $6,
		   themes = ${THEMES}, bestuurlijk_opdrachtgever = $8, ambtelijk_opdrachtgever = $9, programme_manager = $10,
		   budget_lines = $11::text::jsonb, status = $12, notes = $13, buurtcodes = ${BUURTCODES}, outline = ${OUTLINE},
		   synthetic = $17, updated_at = now()
		 WHERE id = $16 RETURNING id`,
		[...values(item), item.id, item.synthetic]
	);
	return rows.length > 0;
}

/** Whether the programmes table is empty (the first-start seed runs then). */
export async function isEmpty(db: Queryable): Promise<boolean> {
	const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM programmes');
	return Number(rows[0].n) === 0;
}
