import { koppelkansenResponse } from '$lib/server/koppelkansen-http';

/** The same as /api/koppelkansen, as a CSV file (`;`, Dutch headers). */
export function GET({ url }) {
	return koppelkansenResponse(url, 'csv');
}
