import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as stories from '$lib/server/db/stories';
import { parseId } from '$lib/server/register-api';
import { storySnapshot } from '$lib/server/story-snapshots';
import { PlayerMissingError, buildBundle, bundleFileName } from '$lib/server/story-bundle';
import { cachedBundle } from '$lib/server/bundle-cache';

/** The story as an offline bundle: application/zip with index.html at its root (see story-bundle.ts). */
export async function GET({ params, url }) {
	const id = parseId(params.id);
	const db = await getDb();
	const story = (await stories.get(db, id)) ?? error(404, `Verhaal ${id} bestaat niet`);
	if (story.slides.length === 0) error(409, 'Dit verhaal heeft nog geen dia’s; voeg er eerst een toe');
	let bundle;
	try {
		bundle = await cachedBundle(`${story.id} ${story.version} ${url.origin}`, async () => {
			const madeAt = new Date();
			const snapshot = await storySnapshot(db, story, { origin: url.origin, variant: 'projector', now: madeAt });
			return { zip: await buildBundle(snapshot, { madeAt }), fileName: bundleFileName(snapshot) };
		});
	} catch (e) {
		if (e instanceof PlayerMissingError) error(503, e.message);
		throw e;
	}
	const { zip, fileName } = bundle;
	return new Response(zip as BodyInit, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${fileName}"`,
			'content-length': String(zip.byteLength),
			'cache-control': 'no-store'
		}
	});
}
