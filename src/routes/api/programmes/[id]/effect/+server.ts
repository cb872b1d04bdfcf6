// The effect of a programme per succesindicator (see src/lib/server/effect.ts): public, like the programme itself.
import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiError } from '$lib/server/http';
import { parseId } from '$lib/server/register-api';
import { effectReport } from '$lib/server/effect';

export async function GET({ params }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const report = await effectReport(await getDb(), id.id);
	if (!report) return apiError(404, `Programma ${id.id} bestaat niet`);
	return json(report);
}
