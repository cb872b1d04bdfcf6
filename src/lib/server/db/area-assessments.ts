// Per-area assessments for the choice of the next wijkaanpak (priority, active residents and partners): plain
// verbs over SQL, each write audited (entity 'area_assessment') in the same transaction, undoable through undo.ts.
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import { defaultAssessment, type AreaAssessment, type AssessmentInput } from '../../domain/area-assessment';

interface AssessmentRow {
	id: number;
	area_code: string;
	gemeentecode: string;
	priority: boolean;
	priority_note: string;
	residents: AreaAssessment['residents'];
	residents_note: string;
	partners: AreaAssessment['partners'];
	partners_note: string;
	updated_by: string;
	updated_at: string;
}

const SELECT = `
	SELECT id, area_code, gemeentecode, priority, priority_note, residents, residents_note, partners, partners_note,
	       updated_by, updated_at::text AS updated_at
	FROM area_assessments`;

function toAssessment(row: AssessmentRow): AreaAssessment {
	return {
		id: Number(row.id),
		areaCode: row.area_code,
		gemeentecode: row.gemeentecode,
		priority: row.priority,
		priorityNote: row.priority_note,
		residents: row.residents,
		residentsNote: row.residents_note,
		partners: row.partners,
		partnersNote: row.partners_note,
		updatedBy: row.updated_by,
		updatedAt: String(row.updated_at)
	};
}

/** The stored assessments of a gemeente's areas, by area code. */
export async function listForGemeente(db: Queryable, gemeentecode: string): Promise<Map<string, AreaAssessment>> {
	const rows = await db.query<AssessmentRow>(`${SELECT} WHERE gemeentecode = $1 ORDER BY area_code`, [gemeentecode]);
	return new Map(rows.map((r) => [r.area_code, toAssessment(r)]));
}

/** The stored assessment of an area, or null when nobody has written one. */
export async function getByArea(db: Queryable, areaCode: string): Promise<AreaAssessment | null> {
	const rows = await db.query<AssessmentRow>(`${SELECT} WHERE area_code = $1`, [areaCode]);
	return rows[0] ? toAssessment(rows[0]) : null;
}

export async function get(db: Queryable, id: number): Promise<AreaAssessment | null> {
	const rows = await db.query<AssessmentRow>(`${SELECT} WHERE id = $1`, [id]);
	return rows[0] ? toAssessment(rows[0]) : null;
}

/** The assessment of an area as everyone reads it: the stored one, or the defaults. */
export async function read(db: Queryable, areaCode: string, gemeentecode: string): Promise<AreaAssessment> {
	return (await getByArea(db, areaCode)) ?? defaultAssessment(areaCode, gemeentecode);
}

const sameContent = (a: AssessmentInput, b: AssessmentInput) =>
	a.priority === b.priority &&
	a.priorityNote === b.priorityNote &&
	a.residents === b.residents &&
	a.residentsNote === b.residentsNote &&
	a.partners === b.partners &&
	a.partnersNote === b.partnersNote;

export interface SaveResult {
	assessment: AreaAssessment;
	/** The audit entry of the change; null when nothing changed. */
	auditId: number | null;
}

/**
 * Writes the assessment of an area (creating it on the first write) and audits it; writing what is stored
 * already changes nothing and leaves no audit entry. The caller checked the area and the user's rights.
 */
export async function save(tx: Queryable, actor: Actor, area: { code: string; gemeentecode: string }, input: AssessmentInput): Promise<SaveResult> {
	// Lock the row (if any): two editors saving at once must each see the other's write as `before`.
	const [current] = await tx.query<AssessmentRow>(`${SELECT} WHERE area_code = $1 FOR UPDATE`, [area.code]);
	const before = current ? toAssessment(current) : null;
	if (before && sameContent(before, input)) return { assessment: before, auditId: null };
	const params = [
		area.code,
		area.gemeentecode,
		input.priority,
		input.priorityNote.trim(),
		input.residents,
		input.residentsNote.trim(),
		input.partners,
		input.partnersNote.trim(),
		actor.name
	];
	const [row] = before
		? await tx.query<{ id: number }>(
				`UPDATE area_assessments SET gemeentecode = $2, priority = $3, priority_note = $4, residents = $5, residents_note = $6,
				   partners = $7, partners_note = $8, updated_by = $9, updated_at = now()
				 WHERE area_code = $1 RETURNING id`,
				params
			)
		: await tx.query<{ id: number }>(
				`INSERT INTO area_assessments (area_code, gemeentecode, priority, priority_note, residents, residents_note, partners,
				   partners_note, updated_by)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
				params
			);
	const after = (await get(tx, Number(row.id)))!;
	const auditId = await recordChange(tx, actor, {
		entity: 'area_assessment',
		entityId: after.id!,
		action: before ? 'update' : 'create',
		gemeentecode: after.gemeentecode,
		before,
		after
	});
	return { assessment: after, auditId };
}

/** Writes `item` back exactly as it was (for undoing an update). Not audited here: the undo is. */
export async function overwrite(tx: Queryable, item: AreaAssessment): Promise<boolean> {
	const rows = await tx.query<{ id: number }>(
		`UPDATE area_assessments SET area_code = $2, gemeentecode = $3, priority = $4, priority_note = $5, residents = $6,
		   residents_note = $7, partners = $8, partners_note = $9, updated_by = $10, updated_at = $11::text::timestamptz
		 WHERE id = $1 RETURNING id`,
		[item.id, item.areaCode, item.gemeentecode, item.priority, item.priorityNote, item.residents, item.residentsNote, item.partners, item.partnersNote, item.updatedBy, item.updatedAt]
	);
	return rows.length > 0;
}

/** Puts an assessment back with its id (for undoing a delete, should one ever be audited). Not audited here. */
export async function restore(tx: Queryable, item: AreaAssessment): Promise<void> {
	await tx.query(
		`INSERT INTO area_assessments (id, area_code, gemeentecode, priority, priority_note, residents, residents_note, partners,
		   partners_note, updated_by, updated_at)
		 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::timestamptz)`,
		[item.id, item.areaCode, item.gemeentecode, item.priority, item.priorityNote, item.residents, item.residentsNote, item.partners, item.partnersNote, item.updatedBy, item.updatedAt]
	);
}

/** Removes the stored assessment (for undoing its creation): the area reads as never assessed again. */
export async function drop(tx: Queryable, id: number): Promise<void> {
	await tx.query('DELETE FROM area_assessments WHERE id = $1', [id]);
}
