import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { areaProfile } from '$lib/server/monitor';
import { parseQuery } from '$lib/server/http';
import { profileQuery } from '$lib/server/schemas';

/** The area card: indicator values against the gemeente, their trend, domain scores, rank and stapeling. */
export async function GET({ params, url }) {
	const query = parseQuery(url, profileQuery);
	const profile = await areaProfile(await getDb(), params.code, query);
	return json(profile ?? error(404, `Gebied ${params.code} bestaat niet`));
}
