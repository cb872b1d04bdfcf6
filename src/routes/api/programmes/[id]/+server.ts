import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as programmes from '$lib/server/db/programmes';
import { apiError } from '$lib/server/http';
import { labelled, parseId } from '$lib/server/register-api';

export async function GET({ params }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const item = await programmes.get(await getDb(), id.id);
	if (!item) return apiError(404, `Programma ${id.id} bestaat niet`);
	return json(labelled(item));
}
