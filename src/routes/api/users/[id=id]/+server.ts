// PUT /api/users/{id} { role, gemeentecode, organisation, active }: an admin changes a user's role and scope
// or switches the user off. Audited; refused (409) when it would leave no active admin.
import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/db/users';
import * as areas from '$lib/server/db/areas';
import { requireAdmin } from '$lib/server/auth/guard';
import { validationError } from '$lib/server/http';
import { parseBody, parseId } from '$lib/server/register-api';
import { userUpdateSchema } from '$lib/domain/users';

export async function PUT({ locals, params, request }) {
	const admin = requireAdmin(locals.user);
	const id = parseId(params.id);
	const change = await parseBody(request, userUpdateSchema);
	const db = await getDb();
	if (change.gemeentecode && !(await areas.listGemeenten(db)).some((g) => g.code === change.gemeentecode)) {
		validationError([{ field: 'gemeentecode', message: `geen gemeente met gebieden in Wijkbeeld: ${change.gemeentecode}` }], 'Ongeldige invoer');
	}
	try {
		const updated = await db.transaction((tx) => users.update(tx, admin, id, change));
		return json(updated ?? error(404, 'Niet gevonden'));
	} catch (e) {
		if (e instanceof users.LastAdminError) error(409, e.message);
		throw e;
	}
}
