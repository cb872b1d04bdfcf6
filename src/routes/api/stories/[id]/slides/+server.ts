import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { slideAddSchema } from '$lib/domain/stories';
import { MAX_SLIDES } from '$lib/domain/stories';
import { actorOf, parseBody, parseId, requireEditing, validationError } from '$lib/server/register-api';
import { checkSlideViews, writeResponse } from '$lib/server/story-api';

/** Adds one slide (a map view with title and text) to a story, at `position` or at the end; answers with the story. */
export async function POST({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const body = await parseBody(request, slideAddSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const current = await stories.get(tx, id.id);
		if (!current) return apiError(404, `Verhaal ${id.id} bestaat niet`);
		const guard = requireWrite(locals.user, 'story', { gemeentecode: current.gemeentecode });
		if (!guard.ok) return guard.response;
		if (current.slides.length >= MAX_SLIDES) return validationError([{ field: 'view', message: `een verhaal heeft hoogstens ${MAX_SLIDES} dia's` }]);
		const errors = await checkSlideViews(tx, current.gemeentecode, [body.data], () => 'view');
		if (errors.length) return validationError(errors);
		return writeResponse(await stories.addSlide(tx, actorOf(guard.user), id.id, body.data), id.id, 201);
	});
}
