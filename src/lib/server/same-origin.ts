// Cross-site request forgery: a state-changing request (POST, PUT, PATCH, DELETE) from a page of another site is
// refused, whatever its content type (SvelteKit's own check covers only form content types, and not in dev).
// Browsers send `Origin` with every such request and `Sec-Fetch-Site` where they support Fetch Metadata
// (https://www.w3.org/TR/fetch-metadata/); a client that sends neither (curl, a script) is not a browser page and
// carries no victim's cookie.

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why the request is refused as cross-site, or null when it may go ahead. */
export function crossSiteRefusal(method: string, headers: Headers, appOrigin: string, trusted: readonly string[] = []): string | null {
	if (!STATE_CHANGING.has(method.toUpperCase())) return null;
	const origin = headers.get('origin');
	if (origin !== null && origin !== appOrigin && !trusted.includes(origin)) {
		return `Geweigerd: een ${method} van ${origin.slice(0, 100)} mag hier niets wijzigen; alleen van ${appOrigin}`;
	}
	const site = headers.get('sec-fetch-site');
	// 'same-site' is another origin too (a sibling subdomain); 'none' is the user typing or a bookmark.
	if (site !== null && site !== 'same-origin' && site !== 'none' && !(origin !== null && trusted.includes(origin))) {
		return `Geweigerd: een ${method} van een andere site (${site.slice(0, 20)}) mag hier niets wijzigen`;
	}
	return null;
}

/** Extra origins allowed to write (WIJKBEELD_TRUSTED_ORIGINS, comma-separated), e.g. a reverse proxy's second name. */
export function trustedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
	return (env.WIJKBEELD_TRUSTED_ORIGINS ?? '')
		.split(',')
		.map((o) => o.trim())
		.filter(Boolean);
}
