import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { apiError, parseQuery } from '$lib/server/http';
import { parseId } from '$lib/server/register-api';
import { storySnapshot } from '$lib/server/story-snapshots';

const query = z.object({ variant: z.enum(['projector', 'screen']).default('projector') });

/** The story ready to play or to export: every slide as { style, camera, meta } (see src/lib/story/snapshot.ts). */
export async function GET({ params, url }) {
	const id = parseId(params.id);
	if (!id.ok) return id.response;
	const q = parseQuery(url, query);
	if (!q.ok) return q.response;
	const db = await getDb();
	const story = await stories.get(db, id.id);
	if (!story) return apiError(404, `Verhaal ${id.id} bestaat niet`);
	return json(await storySnapshot(db, story, { origin: url.origin, variant: q.data.variant }), { headers: { 'cache-control': 'no-cache' } });
}
