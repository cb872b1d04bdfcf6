// What the main map page needs of the register: every programme, investment and (for staff) signal of the
// gemeente — the time control filters them in the browser, so that moving it needs no round trip —, the
// buurten of the selected area (the area card lists what touches them) and the buurt names for lists and forms.
import type { Queryable } from './db/client';
import * as areas from './db/areas';
import * as programmes from './db/programmes';
import * as investments from './db/investments';
import * as signals from './db/signals';
import { labelled } from './register-api';
import type { AreaDetail } from '../domain/areas';
import { canReadSignalsOf, type User } from '../domain/roles';

export async function registerForMap(db: Queryable, gemeentecode: string, area: AreaDetail | null, user: User | null) {
	const options = { gemeentecode };
	const [programmeList, investmentList, signalList, buurten, wijken, areaBuurtcodes] = await Promise.all([
		programmes.list(db, options),
		investments.list(db, options),
		// Never read for those who may not see them (another gemeente's editors neither): the page's data goes to the
		// browser as it is.
		canReadSignalsOf(user, gemeentecode) ? signals.list(db, options) : Promise.resolve(null),
		areas.listRefs(db, gemeentecode, 'buurt'),
		areas.listRefs(db, gemeentecode, 'wijk'),
		area ? areas.buurtcodesIn(db, area) : Promise.resolve(null)
	]);
	return {
		programmes: programmeList.map(labelled),
		investments: investmentList.map(labelled),
		signals: signalList ? signalList.map(({ authorId: _authorId, ...s }) => labelled(s)) : null,
		buurten: buurten.map((b) => ({ code: b.code, name: b.name, wijkcode: b.parentCode })),
		wijken: wijken.map((w) => ({ code: w.code, name: w.name })),
		areaBuurtcodes
	};
}

export type RegisterForMap = Awaited<ReturnType<typeof registerForMap>>;
