import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';

export async function GET() {
	const gemeenten = await areas.listGemeenten(await getDb());
	return json(gemeenten.map(({ code, name }) => ({ code, name })));
}
