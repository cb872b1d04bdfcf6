// POST /afmelden (form: terug, optional): ends the session and returns to the page the user was on.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { endSession } from '$lib/server/auth/sessions';
import { safeReturnPath } from '$lib/domain/roles';

export async function POST({ cookies, request }) {
	await endSession(await getDb(), cookies);
	const form = await request.formData().catch(() => null);
	const terug = form?.get('terug');
	redirect(303, safeReturnPath(typeof terug === 'string' ? terug : null));
}
