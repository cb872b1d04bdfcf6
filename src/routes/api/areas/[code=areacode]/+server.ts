import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';

/** One area (the `areacode` matcher has refused anything that is not a code). */
export async function GET({ params }) {
	return json((await areas.get(await getDb(), params.code)) ?? error(404, `Gebied ${params.code} bestaat niet`));
}
