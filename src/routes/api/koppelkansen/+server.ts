import { koppelkansenResponse } from '$lib/server/koppelkansen-http';

/** Koppelkansen, gemiste koppelingen and ongedekte urgentie of a gemeente and period, ranked and explained. */
export function GET({ url }) {
	return koppelkansenResponse(url);
}
