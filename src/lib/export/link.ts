// The link back to the live view that every export prints (and encodes as a QR code).

/**
 * The absolute URL of the same view: the app's public origin and the page's query string.
 *
 * The origin is the one the server was told is public (`ORIGIN`, as adapter-node and the sign-in redirect use
 * it): behind a reverse proxy, or on a presenter's laptop reached by its local name, the browser's own
 * `location.origin` may be an address nobody else can open, and a handout is taken home. Without a configured
 * origin the browser's is the best there is.
 */
export function liveLink(options: { publicOrigin?: string | null; browserOrigin: string; search: string; path?: string }): string {
	const origin = normaliseOrigin(options.publicOrigin) ?? normaliseOrigin(options.browserOrigin);
	if (!origin) throw new RangeError(`Geen geldige herkomst voor de link: "${options.browserOrigin}"`);
	const path = options.path ?? '/';
	const search = options.search && options.search !== '?' ? (options.search.startsWith('?') ? options.search : `?${options.search}`) : '';
	return `${origin}${path.startsWith('/') ? path : `/${path}`}${search}`;
}

function normaliseOrigin(value: string | null | undefined): string | null {
	if (!value) return null;
	try {
		const url = new URL(value);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		return url.origin;
	} catch {
		return null;
	}
}
