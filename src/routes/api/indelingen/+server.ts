import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as indelingen from '$lib/server/db/indelingen';
import * as service from '$lib/server/indelingen';
import { orFail } from '$lib/server/indeling-api';
import { parseQuery } from '$lib/server/http';
import { gemeenteCode } from '$lib/server/schemas';
import { parseBody, requireEditing } from '$lib/server/register-api';
import { indelingInputSchema } from '$lib/domain/indelingen';

/** The indelingen of a gemeente: geldend, concepts, historisch (without their buurten; GET /api/indelingen/{id} has them). */
export async function GET({ url }) {
	const { gemeente } = parseQuery(url, z.object({ gemeente: gemeenteCode }));
	return json(await indelingen.list(await getDb(), gemeente));
}

/** A new concept indeling: every buurt of the gemeente in exactly one stadsdeel, or a 400 naming the buurten. */
export async function POST({ request, locals }) {
	const user = requireEditing(locals.user);
	const body = await parseBody(request, indelingInputSchema);
	const { indeling, warnings } = await orFail(async () => service.create(await getDb(), user, body));
	return json({ ...indeling, warnings }, { status: 201 });
}
