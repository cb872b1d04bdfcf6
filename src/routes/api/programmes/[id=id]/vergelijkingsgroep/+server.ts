// Editors' changes to a programme's comparison group: PUT `{ changes: [{ buurtcode, change: 'toevoegen' | 'weglaten',
// reden }], version? }` (editors of the programme's gemeente, admins; audited, undoable with the succesindicatoren).
import { changeComparison } from '$lib/server/effect';
import { effectWrite } from '$lib/server/effect-api';
import { comparisonChangesSchema } from '$lib/domain/effect';

export function PUT(event) {
	return effectWrite(event, comparisonChangesSchema, (tx, actor, programme, body) => changeComparison(tx, actor, programme, body.changes, body.version));
}
