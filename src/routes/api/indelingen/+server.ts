import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as indelingen from '$lib/server/db/indelingen';
import * as service from '$lib/server/indelingen';
import { answer } from '$lib/server/indeling-api';
import { parseQuery } from '$lib/server/http';
import { gemeenteCode } from '$lib/server/schemas';
import { parseBody, requireEditing } from '$lib/server/register-api';
import { indelingInputSchema } from '$lib/domain/indelingen';

/** The indelingen of a gemeente: geldend, concepts, historisch (without their buurten; GET /api/indelingen/{id} has them). */
export async function GET({ url }) {
	const query = parseQuery(url, z.object({ gemeente: gemeenteCode }));
	if (!query.ok) return query.response;
	return json(await indelingen.list(await getDb(), query.data.gemeente));
}

/** A new concept indeling: every buurt of the gemeente in exactly one stadsdeel, or a 400 naming the buurten. */
export async function POST({ request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const body = await parseBody(request, indelingInputSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	return answer(async () => {
		const { indeling, warnings } = await service.create(db, locals.user, body.data);
		return { ...indeling, warnings };
	}, 201);
}
