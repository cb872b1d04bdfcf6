import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { apiError } from '$lib/server/http';
import { areaCode } from '$lib/server/schemas';

export async function GET({ params }) {
	const code = areaCode.safeParse(params.code);
	if (!code.success) return apiError(400, `Ongeldige gebiedscode "${params.code}": ${code.error.issues[0].message}`);
	const area = await areas.get(await getDb(), code.data);
	if (!area) return apiError(404, `Gebied ${code.data} bestaat niet`);
	return json(area);
}
