// The effect of a programme per succesindicator (see src/lib/server/effect.ts): public, like the programme itself.
import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { parseId } from '$lib/server/register-api';
import { effectReport } from '$lib/server/effect';

export async function GET({ params }) {
	const id = parseId(params.id);
	return json((await effectReport(await getDb(), id)) ?? error(404, `Programma ${id} bestaat niet`));
}
