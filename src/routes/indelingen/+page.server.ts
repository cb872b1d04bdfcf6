import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as indelingen from '$lib/server/db/indelingen';
import { canWrite } from '$lib/domain/roles';

/** The indelingen of the gemeente in the URL (else the user's, else the first). */
export async function load({ url, locals }) {
	const db = await getDb();
	const gemeenten = (await areas.listGemeenten(db)).map((g) => ({ code: g.code, name: g.name }));
	const asked = url.searchParams.get('gemeente');
	const gemeente =
		gemeenten.find((g) => g.code === asked) ?? gemeenten.find((g) => g.code === locals.user?.gemeentecode) ?? gemeenten[0] ?? null;
	const wijken = gemeente ? ((await areas.listFeatures(db, gemeente.code, 'wijk'))?.features ?? []).map((f) => ({ code: f.properties.code, name: f.properties.name })) : [];
	const buurten = gemeente ? ((await areas.listFeatures(db, gemeente.code, 'buurt'))?.features ?? []).map((f) => ({ code: f.properties.code, wijkcode: f.properties.wijkcode ?? '' })) : [];
	return {
		user: locals.user,
		gemeenten,
		gemeente,
		list: gemeente ? await indelingen.list(db, gemeente.code) : [],
		wijken,
		buurten,
		canEdit: !!gemeente && canWrite(locals.user, 'indeling', { gemeentecode: gemeente.code })
	};
}
