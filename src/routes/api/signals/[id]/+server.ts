import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as signals from '$lib/server/db/signals';
import { requireSignals } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { labelled, parseId } from '$lib/server/register-api';

export async function GET({ params, locals }) {
	const guard = requireSignals(locals.user);
	if (!guard.ok) return guard.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const item = await signals.get(await getDb(), id.id);
	if (!item) return apiError(404, `Signaal ${id.id} bestaat niet`);
	return json(labelled(item));
}
