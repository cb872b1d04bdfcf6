import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as stories from '$lib/server/db/stories';
import { itemId } from '$lib/server/schemas';
import { canWrite } from '$lib/domain/roles';

/** A story with its slides; editors of its gemeente may change it here (through the API). */
export async function load({ params, locals }) {
	const id = itemId.safeParse(params.id);
	if (!id.success) error(404, 'Dit verhaal bestaat niet');
	const db = await getDb();
	const story = await stories.get(db, id.data);
	if (!story) error(404, 'Dit verhaal bestaat niet');
	const gemeente = (await areas.listGemeenten(db)).find((g) => g.code === story.gemeentecode);
	return {
		story,
		gemeente: { code: story.gemeentecode, name: gemeente?.name ?? story.gemeentecode },
		canEdit: canWrite(locals.user, 'story', { gemeentecode: story.gemeentecode })
	};
}
