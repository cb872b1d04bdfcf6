import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as assessments from '$lib/server/db/area-assessments';
import { requireWrite } from '$lib/server/auth/guard';
import { actorOf, parseBody, requireEditing } from '$lib/server/register-api';
import { assessmentInputSchema } from '$lib/domain/area-assessment';

const ASSESSED_LEVELS = new Set(['buurt', 'wijk', 'stadsdeel']);

async function findArea(code: string) {
	const db = await getDb();
	const area = (await areas.get(db, code)) ?? error(404, `Gebied ${code} bestaat niet`);
	if (!ASSESSED_LEVELS.has(area.level)) error(400, 'Alleen een buurt, wijk of stadsdeel krijgt een beoordeling');
	return { db, area };
}

/** The area's assessment (priority, active residents and partners); the defaults when nobody has judged it. */
export async function GET({ params }) {
	const { db, area } = await findArea(params.code);
	return json(await assessments.read(db, area.code, area.gemeentecode));
}

/** Writes the assessment (editors of the area's gemeente, admins): `{ assessment, auditId }`; auditId null when unchanged. */
export async function PUT({ params, request, locals }) {
	requireEditing(locals.user);
	const { db, area } = await findArea(params.code);
	const user = requireWrite(locals.user, 'area_assessment', { gemeentecode: area.gemeentecode });
	const body = await parseBody(request, assessmentInputSchema);
	const saved = await db.transaction((tx) => assessments.save(tx, actorOf(user), { code: area.code, gemeentecode: area.gemeentecode }, body));
	return json(saved);
}
