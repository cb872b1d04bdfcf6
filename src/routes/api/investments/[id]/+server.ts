import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as investments from '$lib/server/db/investments';
import { apiError } from '$lib/server/http';
import { labelled, parseId } from '$lib/server/register-api';

export async function GET({ params }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const item = await investments.get(await getDb(), id.id);
	if (!item) return apiError(404, `Investering ${id.id} bestaat niet`);
	return json(labelled(item));
}
