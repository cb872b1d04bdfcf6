import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as indelingen from '$lib/server/db/indelingen';
import * as service from '$lib/server/indelingen';
import { itemId } from '$lib/server/schemas';

const query = z.object({ a: itemId, b: itemId });

/** Two variants side by side per stadsdeel, and the buurten that lie in another stadsdeel in B than in A. */
export async function load({ url, locals }) {
	const parsed = query.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, 'Kies twee indelingen om te vergelijken (a en b)');
	const db = await getDb();
	let a: service.Vergelijking;
	let b: service.Vergelijking;
	try {
		a = await service.vergelijking(db, locals.user, parsed.data.a, parsed.data.b);
		b = await service.vergelijking(db, locals.user, parsed.data.b);
	} catch (cause) {
		if (cause instanceof service.IndelingError) error(cause.status === 403 ? 403 : cause.status === 404 ? 404 : 400, cause.message);
		throw cause;
	}
	const buurten = (await areas.listFeatures(db, a.indeling.gemeentecode, 'buurt'))?.features ?? [];
	const gemeente = (await areas.listGemeenten(db)).find((g) => g.code === a.indeling.gemeentecode);
	return {
		user: locals.user,
		gemeente: { code: a.indeling.gemeentecode, name: gemeente?.name ?? a.indeling.gemeentecode },
		a,
		b,
		list: await indelingen.list(db, a.indeling.gemeentecode),
		buurten: {
			type: 'FeatureCollection' as const,
			features: buurten.map((f) => ({ type: 'Feature' as const, properties: { code: f.properties.code, name: f.properties.name, label: f.properties.label }, geometry: f.geometry as { type: string; coordinates: unknown } }))
		}
	};
}
