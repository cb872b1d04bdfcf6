import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { parseQuery } from '$lib/server/http';
import { parseId } from '$lib/server/register-api';
import { storySnapshot } from '$lib/server/story-snapshots';

const query = z.object({ variant: z.enum(['projector', 'screen']).default('projector') });

/** The story ready to play or to export: every slide as { style, camera, meta } (see src/lib/story/snapshot.ts). */
export async function GET({ params, url }) {
	const id = parseId(params.id);
	const { variant } = parseQuery(url, query);
	const db = await getDb();
	const story = (await stories.get(db, id)) ?? error(404, `Verhaal ${id} bestaat niet`);
	return json(await storySnapshot(db, story, { origin: url.origin, variant }), { headers: { 'cache-control': 'no-cache' } });
}
