// POST /afmelden: ends the session.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { endSession } from '$lib/server/auth/sessions';

export async function POST({ cookies }) {
	await endSession(await getDb(), cookies);
	redirect(303, '/');
}
