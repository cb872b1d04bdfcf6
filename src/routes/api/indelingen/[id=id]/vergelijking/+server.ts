import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as service from '$lib/server/indelingen';
import { orFail } from '$lib/server/indeling-api';
import { parseQuery } from '$lib/server/http';
import { itemId } from '$lib/server/schemas';
import { parseId } from '$lib/server/register-api';

/**
 * The figures of an indeling per stadsdeel (inhabitants, buurten, wijken, area, urgency, register, wijkbudgetten) and
 * how evenly it divides the gemeente; with `met={id}` also the buurten that lie in another stadsdeel in that variant.
 */
export async function GET({ params, url, locals }) {
	const id = parseId(params.id);
	const { met } = parseQuery(url, z.object({ met: itemId.optional() }));
	return json(await orFail(async () => service.vergelijking(await getDb(), locals.user, id, met)));
}
