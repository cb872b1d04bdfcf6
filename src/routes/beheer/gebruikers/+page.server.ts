// The user administration: admins only. Someone not signed in is sent to the sign-in page and back here.
import { error, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as users from '$lib/server/db/users';
import * as areas from '$lib/server/db/areas';
import { canManageUsers } from '$lib/domain/roles';

export async function load({ locals, url }) {
	if (!locals.user) redirect(303, `/aanmelden?${new URLSearchParams({ terug: url.pathname + url.search })}`);
	if (!canManageUsers(locals.user)) error(403, 'Alleen een beheerder beheert gebruikers en rollen.');
	const db = await getDb();
	return {
		users: await users.list(db),
		gemeenten: (await areas.listGemeenten(db)).map((g) => ({ code: g.code, name: g.name }))
	};
}
