import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as assessments from '$lib/server/db/area-assessments';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { areaCode } from '$lib/server/schemas';
import { actorOf, parseBody, requireEditing } from '$lib/server/register-api';
import { assessmentInputSchema } from '$lib/domain/area-assessment';

const ASSESSED_LEVELS = new Set(['buurt', 'wijk', 'stadsdeel']);

async function findArea(code: string) {
	const parsed = areaCode.safeParse(code);
	if (!parsed.success) return { ok: false as const, response: apiError(400, `Ongeldige gebiedscode "${code}": ${parsed.error.issues[0].message}`) };
	const db = await getDb();
	const area = await areas.get(db, parsed.data);
	if (!area) return { ok: false as const, response: apiError(404, `Gebied ${parsed.data} bestaat niet`) };
	if (!ASSESSED_LEVELS.has(area.level)) {
		return { ok: false as const, response: apiError(400, 'Alleen een buurt, wijk of stadsdeel krijgt een beoordeling') };
	}
	return { ok: true as const, db, area };
}

/** The area's assessment (priority, active residents and partners); the defaults when nobody has judged it. */
export async function GET({ params }) {
	const found = await findArea(params.code);
	if (!found.ok) return found.response;
	return json(await assessments.read(found.db, found.area.code, found.area.gemeentecode));
}

/** Writes the assessment (editors of the area's gemeente, admins): `{ assessment, auditId }`; auditId null when unchanged. */
export async function PUT({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const found = await findArea(params.code);
	if (!found.ok) return found.response;
	const guard = requireWrite(locals.user, 'area_assessment', { gemeentecode: found.area.gemeentecode });
	if (!guard.ok) return guard.response;
	const body = await parseBody(request, assessmentInputSchema);
	if (!body.ok) return body.response;
	const { area, db } = found;
	const saved = await db.transaction((tx) => assessments.save(tx, actorOf(guard.user), { code: area.code, gemeentecode: area.gemeentecode }, body.data));
	return json(saved);
}
