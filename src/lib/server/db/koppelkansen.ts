// The koppelkansen analysis in the database: one call of koppelkansen() (migration 006, which states the contract)
// for the areas of a level of a gemeente and a period, after making sure the gemeente's neighbouring buurten are
// derived from its current outlines.
import type { Db, Queryable } from './client';
import type { AreaLevel } from '../../domain/areas';
import { KOPPELKANS_RULES, type AreaFacts } from '../../domain/koppelkansen';

export interface AnalysisQuery {
	gemeente: string;
	level: Exclude<AreaLevel, 'gemeente'>;
	/** ISO dates, from ≤ to. */
	from: string;
	to: string;
	/** Per area: the urgency score to use (overall or one domain's) and the stapeling; areas left out are not scored. */
	urgency: { code: string; value: number | null; stapeling: number | null }[];
	/** Count signals observed from this ISO date to `to`; null for a user who may not see signals (none are read). */
	signalsSince: string | null;
}

interface FactsRow extends Omit<AreaFacts, 'programmes' | 'investments' | 'coupling' | 'results'> {
	programmes: AreaFacts['programmes'] | string;
	investments: AreaFacts['investments'] | string;
	coupling: AreaFacts['coupling'] | string | null;
	results: AreaFacts['results'] | string;
}

// jsonb may come back parsed (PGlite) or as text (postgres.js with ::text): read both.
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/**
 * Rebuilds buurt_neighbours for the gemeente when its buurten changed since they were last derived (or never were).
 * The first analysis after an import pays for it; every later one reads the pairs. Two requests that find them stale
 * at once do not both rebuild: on PostgreSQL the second waits on an advisory lock and then finds them fresh (PGlite has
 * one session, so its transactions queue anyway).
 */
export async function ensureNeighbours(db: Db, gemeente: string): Promise<boolean> {
	const fresh = async (q: Queryable) => (await q.query<{ fresh: boolean }>('SELECT buurt_neighbours_fresh($1) AS fresh', [gemeente]))[0].fresh;
	if (await fresh(db)) return false;
	return db.transaction(async (tx) => {
		if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`buurt_neighbours:${gemeente}`]);
		if (await fresh(tx)) return false;
		await tx.query('SELECT refresh_buurt_neighbours($1)', [gemeente]);
		return true;
	});
}

/** Every area of the level with its facts and the kinds of result that apply, by code. */
export async function analyse(db: Db, q: AnalysisQuery): Promise<AreaFacts[]> {
	await ensureNeighbours(db, q.gemeente);
	const rows = await db.query<FactsRow>(
		`SELECT k.code, k.name, k.urgency, k.stapeling, k.programmes::text AS programmes, k.investments::text AS investments,
		        k.coupling::text AS coupling, k.signals, k.results::text AS results, k.synthetic
		 FROM koppelkansen($1, $2, $3::date, $4::date, $5::text::jsonb, $6::text::jsonb, $7::date) k`,
		[q.gemeente, q.level, q.from, q.to, JSON.stringify(q.urgency), JSON.stringify(KOPPELKANS_RULES), q.signalsSince]
	);
	return rows.map((r) => ({
		code: r.code,
		name: r.name,
		urgency: r.urgency === null ? null : Number(r.urgency),
		stapeling: r.stapeling === null ? null : Number(r.stapeling),
		programmes: parsed(r.programmes),
		investments: parsed(r.investments),
		coupling: r.coupling === null ? null : parsed(r.coupling),
		signals: r.signals === null ? null : Number(r.signals),
		results: parsed(r.results),
		synthetic: r.synthetic
	}));
}
