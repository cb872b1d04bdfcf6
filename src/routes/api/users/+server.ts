// GET /api/users: every user with role, scope and last sign-in (admins only).
import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/db/users';
import { requireAdmin } from '$lib/server/auth/guard';

export async function GET({ locals }) {
	requireAdmin(locals.user);
	return json(await users.list(await getDb()));
}
