import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as indelingen from '$lib/server/db/indelingen';
import * as service from '$lib/server/indelingen';
import { itemId } from '$lib/server/schemas';
import { canWrite } from '$lib/domain/roles';

/** One indeling to draw (a concept, for its gemeente's editors) or to look at, with its figures per stadsdeel. */
export async function load({ params, locals }) {
	const id = itemId.safeParse(params.id);
	if (!id.success) error(404, `Indeling ${params.id} bestaat niet`);
	const db = await getDb();
	const indeling = await indelingen.get(db, id.data);
	if (!indeling) error(404, `Indeling ${params.id} bestaat niet`);
	const buurten = (await areas.listFeatures(db, indeling.gemeentecode, 'buurt')) ?? { type: 'FeatureCollection' as const, features: [] };
	const wijken = ((await areas.listFeatures(db, indeling.gemeentecode, 'wijk'))?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name }));
	const gemeente = (await areas.listGemeenten(db)).find((g) => g.code === indeling.gemeentecode);
	const figures = await service.vergelijking(db, locals.user, indeling.id);
	return {
		user: locals.user,
		indeling,
		gemeente: { code: indeling.gemeentecode, name: gemeente?.name ?? indeling.gemeentecode },
		buurten: {
			type: 'FeatureCollection' as const,
			features: buurten.features.map((f) => ({ type: 'Feature' as const, properties: { code: f.properties.code, name: f.properties.name, wijkcode: f.properties.wijkcode ?? '', label: f.properties.label, areaHa: f.properties.areaHa }, geometry: f.geometry as { type: string; coordinates: unknown } }))
		},
		wijken,
		figures,
		canEdit: indeling.status === 'concept' && canWrite(locals.user, 'indeling', { gemeentecode: indeling.gemeentecode })
	};
}
