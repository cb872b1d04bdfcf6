import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { requireWrite } from '$lib/server/auth/guard';
import { parseQuery } from '$lib/server/http';
import { gemeenteCode } from '$lib/server/schemas';
import { storyCreateSchema } from '$lib/domain/stories';
import { actorOf, parseBody, requireEditing, validationError } from '$lib/server/register-api';
import { checkSlideViews } from '$lib/server/story-api';

const listQuery = z.object({ gemeente: gemeenteCode });

/** The stories of a gemeente (anyone may read and present them), the most recently changed first. */
export async function GET({ url }) {
	const query = parseQuery(url, listQuery);
	if (!query.ok) return query.response;
	return json(await stories.list(await getDb(), query.data.gemeente));
}

/** Creates a story, optionally with slides (editors of its gemeente, admins). */
export async function POST({ request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const body = await parseBody(request, storyCreateSchema);
	if (!body.ok) return body.response;
	const input = body.data;
	const guard = requireWrite(locals.user, 'story', { gemeentecode: input.gemeentecode });
	if (!guard.ok) return guard.response;
	const db = await getDb();
	const result = await db.transaction(async (tx) => {
		const errors = await checkSlideViews(tx, input.gemeentecode, input.slides);
		if (errors.length) return validationError(errors);
		return stories.create(tx, actorOf(guard.user), input, { createdBy: guard.user.id });
	});
	if (result instanceof Response) return result;
	return json(result, { status: 201 });
}
