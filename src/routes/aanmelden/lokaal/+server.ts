// POST /aanmelden/lokaal (form: email, terug): the local sign-in of the embedded default. A 404 unless
// WIJKBEELD_LOKALE_AANMELDING=aan.
import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import { apiError } from '$lib/server/http';
import { localSignInAllowed } from '$lib/server/auth/local-users';
import { signInLocally } from '$lib/server/auth/local-sign-in';
import { pruneSessions, secureCookies } from '$lib/server/auth/sessions';
import { safeReturnPath } from '$lib/domain/roles';

const form = z.object({
	email: z.string().max(200),
	terug: z.string().max(2000).optional()
});

export async function POST({ request, cookies }) {
	if (!localSignInAllowed()) error(404, 'De lokale aanmelding staat uit');
	const parsed = form.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) return apiError(400, 'Ongeldig formulier: verwacht email');
	const db = await getDb();
	await pruneSessions(db);
	const user = await signInLocally(db, cookies, parsed.data.email, secureCookies());
	if (!user) {
		// The form on the sign-in page gets the page back with a message; a script gets JSON.
		if (request.headers.get('accept')?.includes('text/html')) {
			redirect(303, `/aanmelden?${new URLSearchParams({ fout: 'inactief', terug: safeReturnPath(parsed.data.terug) })}`);
		}
		return apiError(400, `Onbekende of uitgeschakelde lokale gebruiker: ${parsed.data.email}`);
	}
	redirect(303, safeReturnPath(parsed.data.terug));
}
