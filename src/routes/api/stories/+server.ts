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
	return json(await stories.list(await getDb(), parseQuery(url, listQuery).gemeente));
}

/** Creates a story, optionally with slides (editors of its gemeente, admins). */
export async function POST({ request, locals }) {
	requireEditing(locals.user);
	const input = await parseBody(request, storyCreateSchema);
	const user = requireWrite(locals.user, 'story', { gemeentecode: input.gemeentecode });
	const db = await getDb();
	const created = await db.transaction(async (tx) => {
		const errors = await checkSlideViews(tx, input.gemeentecode, input.slides);
		if (errors.length) validationError(errors);
		return stories.create(tx, actorOf(user), input, { createdBy: user.id });
	});
	return json(created, { status: 201 });
}
