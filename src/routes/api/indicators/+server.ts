import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as indicators from '$lib/server/db/indicators';
import { SYNTHETIC_LABEL } from '$lib/domain/monitor';

/** The indicator catalogue; invented (demo) indicators carry the label that says so. */
export async function GET() {
	const catalogue = await indicators.listCatalogue(await getDb());
	return json(catalogue.map((i) => (i.synthetic ? { ...i, label: SYNTHETIC_LABEL } : i)));
}
