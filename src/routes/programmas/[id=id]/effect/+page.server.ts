import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as indicators from '$lib/server/db/indicators';
import { effectReport } from '$lib/server/effect';
import { parseId } from '$lib/server/register-api';
import { canWrite } from '$lib/domain/roles';

/** The effect of one programme, the catalogue to choose succesindicatoren from, and whether the user may. */
export async function load({ params, locals }) {
	const id = parseId(params.id);
	const db = await getDb();
	const report = (await effectReport(db, id)) ?? error(404, `Programma ${id} bestaat niet`);
	const [gemeenten, catalogue] = await Promise.all([areas.listGemeenten(db), indicators.listCatalogue(db)]);
	const gemeente = gemeenten.find((g) => g.code === report.programme.gemeentecode) ?? null;
	// Comparison buurten may lie in other gemeenten: each of those gets a map of its own.
	const elsewhere = new Set(report.comparison.buurten.map((b) => b.gemeentecode).filter((code) => code !== report.programme.gemeentecode));
	return {
		report,
		gemeente,
		otherGemeenten: gemeenten.filter((g) => elsewhere.has(g.code)),
		// Inhabitants are matched on anyway; as a succesindicator they say nothing about the programme.
		catalogue: catalogue.filter((c) => c.code !== 'inwoners'),
		canEdit: canWrite(locals.user, 'programme', { gemeentecode: report.programme.gemeentecode })
	};
}
