import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { overview } from '$lib/server/wijkbudgetten';
import { canWrite } from '$lib/domain/roles';

/** The wijkbudgetten of the gemeente and year in the URL, per wijk on a map and in a table, and the import. */
export async function load({ url, locals }) {
	const db = await getDb();
	const gemeenten = (await areas.listGemeenten(db)).map((g) => ({ code: g.code, name: g.name }));
	const asked = url.searchParams.get('gemeente');
	const gemeente = gemeenten.find((g) => g.code === asked) ?? gemeenten.find((g) => g.code === locals.user?.gemeentecode) ?? gemeenten[0] ?? null;
	const jaarText = url.searchParams.get('jaar');
	const jaar = jaarText && /^\d{4}$/.test(jaarText) ? Number(jaarText) : undefined;
	const wijken = gemeente ? ((await areas.listFeatures(db, gemeente.code, 'wijk'))?.features ?? []) : [];
	return {
		user: locals.user,
		gemeenten,
		gemeente,
		overview: gemeente ? await overview(db, gemeente.code, jaar) : null,
		wijken: {
			type: 'FeatureCollection' as const,
			features: wijken.map((f) => ({ type: 'Feature' as const, properties: { code: f.properties.code, name: f.properties.name, label: f.properties.label }, geometry: f.geometry as { type: string; coordinates: unknown } }))
		},
		canImport: !!gemeente && canWrite(locals.user, 'wijkbudget', { gemeentecode: gemeente.code })
	};
}
