import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { requireWrite } from '$lib/server/auth/guard';
import { apiError } from '$lib/server/http';
import { storyUpdateSchema } from '$lib/domain/stories';
import { actorOf, parseBody, parseId, requireEditing, validationError } from '$lib/server/register-api';
import { checkSlideViews, writeResponse } from '$lib/server/story-api';

const notFound = (id: number) => apiError(404, `Verhaal ${id} bestaat niet`);

export async function GET({ params }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const story = await stories.get(await getDb(), id.id);
	return story ? json(story) : notFound(id.id);
}

/**
 * Replaces the story's title, description and slides; the order of `slides` is the new order (see
 * storyUpdateSchema). 409 when `version` is not the current one.
 */
export async function PUT({ params, request, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const body = await parseBody(request, storyUpdateSchema);
	if (!body.ok) return body.response;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const current = await stories.get(tx, id.id);
		if (!current) return notFound(id.id);
		const guard = requireWrite(locals.user, 'story', { gemeentecode: current.gemeentecode });
		if (!guard.ok) return guard.response;
		const errors = await checkSlideViews(tx, current.gemeentecode, body.data.slides);
		if (errors.length) return validationError(errors);
		return writeResponse(await stories.update(tx, actorOf(guard.user), id.id, body.data), id.id);
	});
}

export async function DELETE({ params, locals }) {
	const editing = requireEditing(locals.user);
	if (!editing.ok) return editing.response;
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const current = await stories.get(tx, id.id);
		if (!current) return notFound(id.id);
		const guard = requireWrite(locals.user, 'story', { gemeentecode: current.gemeentecode });
		if (!guard.ok) return guard.response;
		await stories.remove(tx, actorOf(guard.user), id.id);
		return json({ id: id.id, deleted: true });
	});
}
