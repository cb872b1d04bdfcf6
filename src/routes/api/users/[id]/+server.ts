// PUT /api/users/{id} { role, gemeentecode, organisation, active }: an admin changes a user's role and scope
// or switches the user off. Audited; refused (409) when it would leave no active admin.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/db/users';
import * as areas from '$lib/server/db/areas';
import { requireAdmin } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { userUpdateSchema } from '$lib/domain/users';

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

function invalid(errors: { field: string; message: string }[]): Response {
	return json({ error: `Ongeldige invoer: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors }, { status: 400 });
}

export async function PUT({ locals, params, request }) {
	const guard = requireAdmin(locals.user);
	if (!guard.ok) return guard.response;
	const id = idParam.safeParse(params.id);
	if (!id.success) return apiError(404, 'Niet gevonden');
	const body = await request.json().catch(() => undefined);
	if (body === undefined) return apiError(400, 'Verwacht een JSON-object');
	const parsed = userUpdateSchema.safeParse(body);
	if (!parsed.success) {
		return invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })));
	}
	const db = await getDb();
	const change = parsed.data;
	if (change.gemeentecode && !(await areas.listGemeenten(db)).some((g) => g.code === change.gemeentecode)) {
		return invalid([{ field: 'gemeentecode', message: `geen gemeente met gebieden in Wijkbeeld: ${change.gemeentecode}` }]);
	}
	try {
		const updated = await db.transaction((tx) => users.update(tx, guard.user, id.data, change));
		if (!updated) return apiError(404, 'Niet gevonden');
		return json(updated);
	} catch (error) {
		if (error instanceof users.LastAdminError) return apiError(409, error.message);
		throw error;
	}
}
