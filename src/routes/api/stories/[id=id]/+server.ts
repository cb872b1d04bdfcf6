import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { requireWrite } from '$lib/server/auth/guard';
import { storyUpdateSchema } from '$lib/domain/stories';
import { actorOf, parseBody, parseId, requireEditing, validationError } from '$lib/server/register-api';
import { checkSlideViews, writeResponse } from '$lib/server/story-api';

const notFound = (id: number): never => error(404, `Verhaal ${id} bestaat niet`);

export async function GET({ params }) {
	const id = parseId(params.id);
	return json((await stories.get(await getDb(), id)) ?? notFound(id));
}

/**
 * Replaces the story's title, description and slides; the order of `slides` is the new order (see
 * storyUpdateSchema). 409 when `version` is not the current one.
 */
export async function PUT({ params, request, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const body = await parseBody(request, storyUpdateSchema);
	const db = await getDb();
	return db.transaction(async (tx) => {
		const current = (await stories.get(tx, id)) ?? notFound(id);
		requireWrite(user, 'story', { gemeentecode: current.gemeentecode });
		const errors = await checkSlideViews(tx, current.gemeentecode, body.slides);
		if (errors.length) validationError(errors);
		return writeResponse(await stories.update(tx, actorOf(user), id, body), id);
	});
}

export async function DELETE({ params, locals }) {
	const user = requireEditing(locals.user);
	const id = parseId(params.id);
	const db = await getDb();
	await db.transaction(async (tx) => {
		const current = (await stories.get(tx, id)) ?? notFound(id);
		requireWrite(user, 'story', { gemeentecode: current.gemeentecode });
		await stories.remove(tx, actorOf(user), id);
	});
	return json({ id, deleted: true });
}
