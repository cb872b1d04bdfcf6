import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { storySnapshot } from '$lib/server/story-snapshots';
import { itemId } from '$lib/server/schemas';

/** The projector mode: the whole story as snapshots, so that changing slides needs no request. */
export async function load({ params, url }) {
	const id = itemId.safeParse(params.id);
	if (!id.success) error(404, 'Dit verhaal bestaat niet');
	const db = await getDb();
	const story = await stories.get(db, id.data);
	if (!story) error(404, 'Dit verhaal bestaat niet');
	return { snapshot: await storySnapshot(db, story, { origin: url.origin, variant: 'projector' }) };
}
