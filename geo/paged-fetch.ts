// Walks a paged JSON service (OGC API Features `next` links, OData `odata.nextLink`) page by page, with the
// guards every such importer needs: a time-out per request, a page limit, loop detection, and errors that
// say which URL failed and how.
import { ImportError, type Progress } from './problems';

export interface PageRead<T> {
	page: T;
	/** Records on the page (for progress, and to stop on an empty page). */
	count: number;
	/** The next page's link as the page gives it (relative links are resolved), if any. */
	next?: string;
	/** A progress line for this page. */
	progress: string;
}

export interface PagedFetchOptions<T> {
	first: URL;
	/** The source as the user named it, for problem reports. */
	source: string;
	accept: string;
	timeoutMs: number;
	maxPages: number;
	fetch?: typeof fetch;
	/** Checks one answer and finds its records and next link; throws an ImportError when it is not a page. */
	read: (body: unknown, response: Response, url: string) => PageRead<T>;
	/** Handles each page as it arrives instead of keeping it (bounded memory); then nothing is returned. */
	onPage?: (page: T) => Promise<void>;
}

export async function fetchPages<T>(options: PagedFetchOptions<T>, progress: Progress): Promise<T[]> {
	const doFetch = options.fetch ?? fetch;
	const pages: T[] = [];
	const visited = new Set<string>();
	let visitedPages = 0;
	let next: string | undefined = options.first.toString();
	while (next) {
		const url: string = next;
		if (visited.has(url)) throw new ImportError([{ file: options.source, message: `de service verwijst opnieuw naar ${url}` }]);
		if (visitedPages >= options.maxPages) {
			throw new ImportError([{ file: options.source, message: `meer dan ${options.maxPages} pagina's; afgebroken` }]);
		}
		visited.add(url);
		let response: Response;
		try {
			response = await doFetch(url, { headers: { accept: options.accept }, signal: AbortSignal.timeout(options.timeoutMs) });
		} catch (cause) {
			throw new ImportError([{ file: url, message: `service niet bereikbaar: ${(cause as Error).message}` }]);
		}
		if (!response.ok) throw new ImportError([{ file: url, message: `service antwoordt ${response.status} ${response.statusText}` }]);
		let body: unknown;
		try {
			body = await response.json();
		} catch {
			throw new ImportError([{ file: url, message: 'antwoord is geen JSON' }]);
		}
		const read = options.read(body, response, url);
		if (options.onPage) await options.onPage(read.page);
		else pages.push(read.page);
		visitedPages++;
		progress(read.progress);
		next = read.next && read.count > 0 ? new URL(read.next, url).toString() : undefined;
	}
	return pages;
}
