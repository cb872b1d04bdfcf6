// The succesindicatoren of a programme: GET what was chosen (with each frozen nulmeting), PUT a new choice
// (editors of the programme's gemeente, admins; audited, undoable). 409 when `version` is not the current one.
import { error, json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as programmes from '$lib/server/db/programmes';
import * as programmeMonitor from '$lib/server/db/programme-monitor';
import { parseId } from '$lib/server/register-api';
import { chooseIndicators } from '$lib/server/effect';
import { effectWrite } from '$lib/server/effect-api';
import { succesindicatorenSchema } from '$lib/domain/effect';

export async function GET({ params }) {
	const id = parseId(params.id);
	const db = await getDb();
	const programme = (await programmes.get(db, id)) ?? error(404, `Programma ${id} bestaat niet`);
	const setup = await programmeMonitor.get(db, id);
	return json(setup ?? { programmeId: programme.id, gemeentecode: programme.gemeentecode, name: programme.name, version: 0, indicators: [], comparisonChanges: [] });
}

export function PUT(event) {
	return effectWrite(event, succesindicatorenSchema, (tx, actor, programme, body) => chooseIndicators(tx, actor, programme, body.indicators, body.version));
}
