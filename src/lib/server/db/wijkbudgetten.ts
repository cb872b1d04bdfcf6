// Wijkbudgetten (migration 011): plain verbs over SQL, every write audited in the caller's transaction.
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import type { Wijkbudget, WijkbudgetInput } from '../../domain/wijkbudgetten';

const SELECT = `
	SELECT id::int AS id, gemeentecode, jaar, gebiedscode, soort, regeling,
	       toegekend_eur::float8 AS "toegekendEur", besteed_eur::float8 AS "besteedEur",
	       aantal_initiatieven AS "aantalInitiatieven", organisatie, toelichting, synthetic, source
	FROM wijkbudgetten`;

function normal(row: Wijkbudget): Wijkbudget {
	return {
		...row,
		id: Number(row.id),
		toegekendEur: Number(row.toegekendEur),
		besteedEur: row.besteedEur === null ? null : Number(row.besteedEur)
	};
}

/** A gemeente's budgets, of one year or all, ordered by area, year, soort and regeling. */
export async function list(db: Queryable, gemeentecode: string, jaar?: number | null): Promise<Wijkbudget[]> {
	const rows = await db.query<Wijkbudget>(
		`${SELECT} WHERE gemeentecode = $1 AND ($2::int IS NULL OR jaar = $2::int)
		 ORDER BY gebiedscode, jaar, soort, regeling`,
		[gemeentecode, jaar ?? null]
	);
	return rows.map(normal);
}

export async function get(db: Queryable, id: number): Promise<Wijkbudget | null> {
	const [row] = await db.query<Wijkbudget>(`${SELECT} WHERE id = $1`, [id]);
	return row ? normal(row) : null;
}

export async function findByKey(db: Queryable, key: Pick<WijkbudgetInput, 'gemeentecode' | 'jaar' | 'gebiedscode' | 'soort' | 'regeling'>): Promise<Wijkbudget | null> {
	const [row] = await db.query<Wijkbudget>(
		`${SELECT} WHERE gemeentecode = $1 AND jaar = $2 AND gebiedscode = $3 AND soort = $4 AND regeling = $5`,
		[key.gemeentecode, key.jaar, key.gebiedscode, key.soort, key.regeling]
	);
	return row ? normal(row) : null;
}

/** Whether storing `input` would change `current`. */
export function differs(current: Wijkbudget, input: WijkbudgetInput): boolean {
	return (
		current.toegekendEur !== input.toegekendEur ||
		current.besteedEur !== input.besteedEur ||
		current.aantalInitiatieven !== input.aantalInitiatieven ||
		(current.organisatie ?? null) !== (input.organisatie ?? null) ||
		(current.toelichting ?? null) !== (input.toelichting ?? null)
	);
}

/** The wijken and buurten of a gemeente's current CBS year by code (a budget must name one of them). */
export async function knownAreas(db: Queryable): Promise<Map<string, { gemeentecode: string; name: string }>> {
	const rows = await db.query<{ code: string; gemeentecode: string; name: string }>(
		`WITH current AS (SELECT gemeentecode, max(year) AS year FROM areas WHERE level = 'buurt' GROUP BY gemeentecode)
		 SELECT a.code, a.gemeentecode, a.name FROM areas a JOIN current c ON c.gemeentecode = a.gemeentecode AND c.year = a.year
		 WHERE a.level IN ('wijk', 'buurt')`
	);
	return new Map(rows.map((r) => [r.code, { gemeentecode: r.gemeentecode, name: r.name }]));
}

const COLUMNS = `gemeentecode, jaar, gebiedscode, soort, regeling, toegekend_eur, besteed_eur, aantal_initiatieven, organisatie, toelichting, synthetic, source`;
const params = (b: WijkbudgetInput, synthetic: boolean, source: string | null) => [
	b.gemeentecode,
	b.jaar,
	b.gebiedscode,
	b.soort,
	b.regeling,
	b.toegekendEur,
	b.besteedEur,
	b.aantalInitiatieven,
	b.organisatie,
	b.toelichting,
	synthetic,
	source
];

export async function create(tx: Queryable, actor: Actor, input: WijkbudgetInput, options: { synthetic?: boolean; source?: string | null } = {}): Promise<Wijkbudget> {
	const [row] = await tx.query<{ id: number }>(
		`INSERT INTO wijkbudgetten (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::int AS id`,
		params(input, options.synthetic ?? false, options.source ?? null)
	);
	const after = (await get(tx, Number(row.id)))!;
	await recordChange(tx, actor, { entity: 'wijkbudget', entityId: after.id, action: 'create', gemeentecode: input.gemeentecode, before: null, after, source: options.source ?? null });
	return after;
}

export async function update(tx: Queryable, actor: Actor, current: Wijkbudget, input: WijkbudgetInput, options: { synthetic?: boolean; source?: string | null } = {}): Promise<Wijkbudget> {
	await tx.query(
		`UPDATE wijkbudgetten SET toegekend_eur = $2, besteed_eur = $3, aantal_initiatieven = $4, organisatie = $5, toelichting = $6,
		        synthetic = $7, source = $8, updated_at = now()
		 WHERE id = $1`,
		[current.id, input.toegekendEur, input.besteedEur, input.aantalInitiatieven, input.organisatie, input.toelichting, options.synthetic ?? current.synthetic, options.source ?? current.source]
	);
	const after = (await get(tx, current.id))!;
	await recordChange(tx, actor, { entity: 'wijkbudget', entityId: current.id, action: 'update', gemeentecode: current.gemeentecode, before: current, after, source: options.source ?? null });
	return after;
}

export async function remove(tx: Queryable, actor: Actor, current: Wijkbudget): Promise<void> {
	await tx.query('DELETE FROM wijkbudgetten WHERE id = $1', [current.id]);
	await recordChange(tx, actor, { entity: 'wijkbudget', entityId: current.id, action: 'delete', gemeentecode: current.gemeentecode, before: current, after: null });
}

/** For undo: writes a budget back as it was. */
export async function overwrite(tx: Queryable, item: Wijkbudget): Promise<void> {
	await tx.query(
		`UPDATE wijkbudgetten SET jaar = $2, gebiedscode = $3, soort = $4, regeling = $5, toegekend_eur = $6, besteed_eur = $7,
		        aantal_initiatieven = $8, organisatie = $9, toelichting = $10, synthetic = $11, source = $12, updated_at = now()
		 WHERE id = $1`,
		[item.id, item.jaar, item.gebiedscode, item.soort, item.regeling, item.toegekendEur, item.besteedEur, item.aantalInitiatieven, item.organisatie, item.toelichting, item.synthetic, item.source]
	);
}

/** For undo: puts a deleted budget back with the same id. */
export async function restore(tx: Queryable, item: Wijkbudget): Promise<void> {
	await tx.query(
		`INSERT INTO wijkbudgetten (id, ${COLUMNS}) VALUES ($13, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		[...params(item, item.synthetic, item.source), item.id]
	);
}
