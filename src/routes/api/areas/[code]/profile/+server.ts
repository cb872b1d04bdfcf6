import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { areaProfile } from '$lib/server/monitor';
import { apiError, parseQuery } from '$lib/server/http';
import { areaCode, profileQuery } from '$lib/server/schemas';

/** The area card: indicator values against the gemeente, their trend, domain scores, rank and stapeling. */
export async function GET({ params, url }) {
	const code = areaCode.safeParse(params.code);
	if (!code.success) return apiError(400, `Ongeldige gebiedscode "${params.code}": ${code.error.issues[0].message}`);
	const query = parseQuery(url, profileQuery);
	if (!query.ok) return query.response;
	const profile = await areaProfile(await getDb(), code.data, query.data);
	if (!profile) return apiError(404, `Gebied ${code.data} bestaat niet`);
	return json(profile);
}
