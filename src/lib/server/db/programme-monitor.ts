// The effect monitor's stored choices per programme (migration 010): succesindicatoren with their frozen nulmeting,
// and the editors' changes to the comparison group. One item per programme for the audit trail and undo
// (entity 'programme_monitor'); plus the reads the estimate needs that no other module has: raw buurt values of
// every gemeente, the buurten touched by any programme in a period, a programme's neighbouring buurten and the
// dates its phase changed.
import type { Db, Queryable } from './client';
import { recordChange, type Actor } from './audit';
import * as programmes from './programmes';
import { ensureNeighbours } from './koppelkansen';
import type { ComparisonChange, MonitorSetup, Richting, Succesindicator } from '../../domain/effect';

interface IndicatorRow {
	indicator: string;
	richting: Richting;
	doel: number | null;
	doeljaar: number | null;
	chosen_at: string;
	chosen_by: string;
	baseline_year: number | null;
	baseline_value: number | null;
	baseline_source: string | null;
	baseline_synthetic: boolean | null;
	baseline_frozen_at: string | null;
}

interface ChangeRow {
	buurtcode: string;
	change: ComparisonChange['change'];
	reason: string;
	changed_at: string;
	changed_by: string;
}

/** The programme's monitor setup, or null when nothing was ever chosen (or the choice was undone). */
export async function get(db: Queryable, programmeId: number): Promise<MonitorSetup | null> {
	const [head] = await db.query<{ version: number; gemeentecode: string; name: string }>(
		`SELECT m.version, p.gemeentecode, p.name FROM programme_monitors m JOIN programmes p ON p.id = m.programme_id
		 WHERE m.programme_id = $1`,
		[programmeId]
	);
	if (!head) return null;
	const indicators = await db.query<IndicatorRow>(
		`SELECT indicator, richting, doel, doeljaar, chosen_at::text AS chosen_at, chosen_by, baseline_year, baseline_value,
		        baseline_source, baseline_synthetic, baseline_frozen_at::text AS baseline_frozen_at
		 FROM programme_indicators WHERE programme_id = $1 ORDER BY position`,
		[programmeId]
	);
	const changes = await db.query<ChangeRow>(
		`SELECT buurtcode, change, reason, changed_at::text AS changed_at, changed_by
		 FROM programme_comparison_changes WHERE programme_id = $1 ORDER BY buurtcode`,
		[programmeId]
	);
	return {
		programmeId,
		gemeentecode: head.gemeentecode,
		name: head.name,
		version: Number(head.version),
		indicators: indicators.map(
			(r): Succesindicator => ({
				code: r.indicator,
				richting: r.richting,
				doel: r.doel,
				doeljaar: r.doeljaar,
				chosenAt: String(r.chosen_at),
				chosenBy: r.chosen_by,
				baseline:
					r.baseline_year === null
						? null
						: {
								year: r.baseline_year,
								value: r.baseline_value!,
								source: r.baseline_source!,
								synthetic: r.baseline_synthetic ?? false,
								frozenAt: String(r.baseline_frozen_at)
							}
			})
		),
		comparisonChanges: changes.map((c) => ({ buurtcode: c.buurtcode, change: c.change, reden: c.reason, at: String(c.changed_at), by: c.changed_by }))
	};
}

/** Writes the state exactly as given (rows replaced), with the version given. Not audited here. */
async function writeState(tx: Queryable, setup: MonitorSetup): Promise<void> {
	await tx.query(
		`INSERT INTO programme_monitors (programme_id, version, updated_at) VALUES ($1, $2, now())
		 ON CONFLICT (programme_id) DO UPDATE SET version = EXCLUDED.version, updated_at = now()`,
		[setup.programmeId, setup.version]
	);
	await tx.query('DELETE FROM programme_indicators WHERE programme_id = $1', [setup.programmeId]);
	await tx.query('DELETE FROM programme_comparison_changes WHERE programme_id = $1', [setup.programmeId]);
	if (setup.indicators.length) {
		await tx.query(
			`INSERT INTO programme_indicators (programme_id, indicator, position, richting, doel, doeljaar, chosen_at, chosen_by,
			   baseline_year, baseline_value, baseline_source, baseline_synthetic, baseline_frozen_at)
			 SELECT $1, r.code, r.position, r.richting, r.doel, r.doeljaar, r.chosen_at::timestamptz, r.chosen_by,
			        r.baseline_year, r.baseline_value, r.baseline_source, r.baseline_synthetic, r.baseline_frozen_at::timestamptz
			 FROM jsonb_to_recordset($2::text::jsonb) AS r(code text, position integer, richting text, doel double precision,
			   doeljaar integer, chosen_at text, chosen_by text, baseline_year integer, baseline_value double precision,
			   baseline_source text, baseline_synthetic boolean, baseline_frozen_at text)`,
			[
				setup.programmeId,
				JSON.stringify(
					setup.indicators.map((i, position) => ({
						code: i.code,
						position,
						richting: i.richting,
						doel: i.doel,
						doeljaar: i.doeljaar,
						chosen_at: i.chosenAt,
						chosen_by: i.chosenBy,
						baseline_year: i.baseline?.year ?? null,
						baseline_value: i.baseline?.value ?? null,
						baseline_source: i.baseline?.source ?? null,
						baseline_synthetic: i.baseline?.synthetic ?? null,
						baseline_frozen_at: i.baseline?.frozenAt ?? null
					}))
				)
			]
		);
	}
	if (setup.comparisonChanges.length) {
		await tx.query(
			`INSERT INTO programme_comparison_changes (programme_id, buurtcode, change, reason, changed_at, changed_by)
			 SELECT $1, r.buurtcode, r.change, r.reason, r.changed_at::timestamptz, r.changed_by
			 FROM jsonb_to_recordset($2::text::jsonb) AS r(buurtcode text, change text, reason text, changed_at text, changed_by text)`,
			[
				setup.programmeId,
				JSON.stringify(setup.comparisonChanges.map((c) => ({ buurtcode: c.buurtcode, change: c.change, reason: c.reden, changed_at: c.at, changed_by: c.by })))
			]
		);
	}
}

export type SaveResult = { status: 'ok'; setup: MonitorSetup } | { status: 'conflict'; current: MonitorSetup };

/**
 * Saves the next state of a programme's setup and audits it (create the first time, update after), in the caller's
 * transaction. `expectedVersion` (when given) must be the current version (0 when there is none yet): otherwise
 * nothing is written and the current state comes back as a conflict. An unchanged state writes nothing.
 */
export async function save(
	tx: Queryable,
	actor: Actor,
	next: Pick<MonitorSetup, 'programmeId' | 'indicators' | 'comparisonChanges'>,
	expectedVersion?: number
): Promise<SaveResult> {
	// Lock the programme row: two saves at once must not both pass the version check.
	await tx.query('SELECT id FROM programmes WHERE id = $1 FOR UPDATE', [next.programmeId]);
	const before = await get(tx, next.programmeId);
	if (expectedVersion !== undefined && expectedVersion !== (before?.version ?? 0)) {
		return { status: 'conflict', current: before ?? (await emptySetup(tx, next.programmeId)) };
	}
	if (before && sameContent(before, next)) return { status: 'ok', setup: before };
	const programme = (await programmes.get(tx, next.programmeId))!;
	await writeState(tx, {
		...next,
		gemeentecode: programme.gemeentecode,
		name: programme.name,
		version: (before?.version ?? 0) + 1
	});
	const after = (await get(tx, next.programmeId))!;
	await recordChange(tx, actor, {
		entity: 'programme_monitor',
		entityId: next.programmeId,
		action: before ? 'update' : 'create',
		gemeentecode: after.gemeentecode,
		before,
		after
	});
	return { status: 'ok', setup: after };
}

async function emptySetup(db: Queryable, programmeId: number): Promise<MonitorSetup> {
	const programme = (await programmes.get(db, programmeId))!;
	return { programmeId, gemeentecode: programme.gemeentecode, name: programme.name, version: 0, indicators: [], comparisonChanges: [] };
}

function sameContent(a: Pick<MonitorSetup, 'indicators' | 'comparisonChanges'>, b: Pick<MonitorSetup, 'indicators' | 'comparisonChanges'>): boolean {
	return JSON.stringify([a.indicators, a.comparisonChanges]) === JSON.stringify([b.indicators, b.comparisonChanges]);
}

/** Removes the setup (undoing its first choice). Not audited here: the undo is. */
export async function drop(tx: Queryable, programmeId: number): Promise<void> {
	await tx.query('DELETE FROM programme_monitors WHERE programme_id = $1', [programmeId]);
}

/**
 * Writes a state from the audit trail back (undoing a change), nulmetingen as they were frozen then; the version
 * goes up all the same, so an editor who loaded the undone state gets a 409 rather than silently overwriting.
 */
export async function overwrite(tx: Queryable, item: MonitorSetup): Promise<void> {
	const current = await get(tx, item.programmeId);
	await writeState(tx, { ...item, version: Math.max(current?.version ?? 0, item.version) + 1 });
}

// ---------------------------------------------------------------------------------------------------------
// Reads for the estimate.

export interface BuurtValueRow {
	code: string;
	indicator: string;
	year: number;
	value: number;
	source: string;
	synthetic: boolean;
}

export interface BuurtInfo {
	code: string;
	name: string;
	gemeentecode: string;
}

/** Every buurt of every gemeente in that gemeente's current CBS year: the pool comparison buurten come from. */
export async function allBuurten(db: Queryable): Promise<BuurtInfo[]> {
	return db.query<BuurtInfo>(
		`SELECT a.code, a.name, a.gemeentecode FROM areas a
		 WHERE a.level = 'buurt'
		   AND a.year = (SELECT max(y.year) FROM areas y WHERE y.level = 'buurt' AND y.gemeentecode = a.gemeentecode)
		 ORDER BY a.code`
	);
}

/**
 * The values stored for buurten (of any gemeente's current year) of these indicators plus inwoners and huishoudens
 * (the weights and a matching feature), every year: raw, not suppressed, since small buurten still count in the
 * figure of an area (as in monitor_values).
 */
export async function buurtValues(db: Queryable, indicators: string[]): Promise<BuurtValueRow[]> {
	return db.query<BuurtValueRow>(
		`SELECT v.area_code AS code, v.indicator, v.year, v.value, v.source, v.synthetic
		 FROM indicator_values v
		 WHERE v.indicator IN (SELECT jsonb_array_elements_text($1::text::jsonb))
		   AND v.area_code LIKE 'BU%'
		   AND EXISTS (SELECT 1 FROM areas a WHERE a.code = v.area_code AND a.level = 'buurt')
		 ORDER BY v.area_code, v.indicator, v.year`,
		[JSON.stringify([...new Set([...indicators, 'inwoners', 'huishoudens'])])]
	);
}

/** The buurten touched by any programme (any gemeente) other than `exceptId` that runs (partly) within [from, to]. */
export async function buurtenOfOtherProgrammes(db: Queryable, exceptId: number, from: string, to: string): Promise<Map<string, string>> {
	const gemeenten = await db.query<{ gemeentecode: string }>('SELECT DISTINCT gemeentecode FROM programmes ORDER BY gemeentecode');
	const touched = new Map<string, string>();
	for (const { gemeentecode } of gemeenten) {
		for (const p of await programmes.list(db, { gemeentecode, from, to })) {
			if (p.id === exceptId) continue;
			for (const code of p.touchedBuurtcodes) if (!touched.has(code)) touched.set(code, p.name);
		}
	}
	return touched;
}

/**
 * Makes sure buurt_neighbours is fresh for the gemeente. Call it before a transaction that reads `neighbours`: the
 * rebuild opens a transaction of its own, which on PGlite (one session) would wait behind the caller's.
 */
export async function prepareNeighbours(db: Db, gemeente: string): Promise<void> {
	await ensureNeighbours(db, gemeente);
}

/**
 * The buurten that share a stretch of border with one of `codes` and are not among them (the spillover ring), from
 * buurt_neighbours (prepareNeighbours first).
 */
export async function neighbours(db: Queryable, gemeente: string, codes: string[]): Promise<string[]> {
	if (codes.length === 0) return [];
	const rows = await db.query<{ code: string }>(
		`WITH own AS (SELECT jsonb_array_elements_text($2::text::jsonb) AS code)
		 SELECT DISTINCT CASE WHEN n.a IN (SELECT code FROM own) THEN n.b ELSE n.a END AS code
		 FROM buurt_neighbours n
		 WHERE n.gemeentecode = $1 AND (n.a IN (SELECT code FROM own) OR n.b IN (SELECT code FROM own))
		 ORDER BY 1`,
		[gemeente, JSON.stringify(codes)]
	);
	const own = new Set(codes);
	return rows.map((r) => r.code).filter((c) => !own.has(c));
}

/** When the programme got each phase, as the audit trail recorded it (creation included); oldest first. */
export async function phaseHistory(db: Queryable, programmeId: number): Promise<{ phase: string; at: string }[]> {
	const rows = await db.query<{ phase: string | null; at: string }>(
		`SELECT after->>'phase' AS phase, at::text AS at FROM audit_log
		 WHERE entity = 'programme' AND entity_id = $1 AND after IS NOT NULL ORDER BY id`,
		[programmeId]
	);
	const out: { phase: string; at: string }[] = [];
	for (const r of rows) if (r.phase && out.at(-1)?.phase !== r.phase) out.push({ phase: r.phase, at: String(r.at) });
	return out;
}
