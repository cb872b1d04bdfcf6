import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { parseQuery } from '$lib/server/http';
import { searchQuery } from '$lib/server/schemas';

/** Areas whose name or code matches `q`, best first (for the search box). */
export async function GET({ url }) {
	const { q, gemeente, limit } = parseQuery(url, searchQuery);
	return json(await areas.search(await getDb(), q, { gemeentecode: gemeente, limit }));
}
