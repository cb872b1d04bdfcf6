// GET /api/me: the signed-in user, or null.
import { json } from '@sveltejs/kit';

export function GET({ locals }) {
	// Who is signed in is nobody else's business: no shared caches.
	return json(locals.user, { headers: { 'cache-control': 'private, no-store' } });
}
