import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { requireWrite } from '$lib/server/auth/guard';
import { slideAddSchema } from '$lib/domain/stories';
import { MAX_SLIDES } from '$lib/domain/stories';
import { actorOf, parseBody, parseId, requireEditing, validationError } from '$lib/server/register-api';
import { checkSlideViews, writeResponse } from '$lib/server/story-api';

/** Adds one slide (a map view with title and text) to a story, at `position` or at the end; answers with the story. */
export async function POST({ params, request, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const body = await parseBody(request, slideAddSchema);
	const db = await getDb();
	return db.transaction(async (tx) => {
		const current = (await stories.get(tx, id)) ?? error(404, `Verhaal ${id} bestaat niet`);
		requireWrite(user, 'story', { gemeentecode: current.gemeentecode });
		if (current.slides.length >= MAX_SLIDES) validationError([{ field: 'view', message: `een verhaal heeft hoogstens ${MAX_SLIDES} dia's` }]);
		const errors = await checkSlideViews(tx, current.gemeentecode, [body], () => 'view');
		if (errors.length) validationError(errors);
		return writeResponse(await stories.addSlide(tx, actorOf(user), id, body), id, 201);
	});
}
