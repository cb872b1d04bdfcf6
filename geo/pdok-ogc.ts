// Fetches a collection from an OGC API Features service (such as PDOK's "CBS Wijken en Buurten"),
// page by page through its `next` links, in RD New (EPSG:28992) as CBS delivers it.
import { z } from 'zod';
import { ImportError, silent, type Progress } from './problems';

export interface OgcSource {
	/** The collection's items URL, e.g. …/ogc/v1/collections/buurten/items?gemeentecode=GM0164 */
	url: string;
	/** CBS year of the collection, for features that carry no `jaar`. */
	year?: number;
	/** Features per page (PDOK allows up to 1000). */
	limit?: number;
	/** Stop after this many pages: a guard against a service that never ends. */
	maxPages?: number;
	fetch?: typeof fetch;
}

const RD_NEW = 'http://www.opengis.net/def/crs/EPSG/0/28992';

const pageSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown()),
	numberMatched: z.number().optional(),
	links: z
		.array(z.object({ rel: z.string(), href: z.string(), type: z.string().optional() }))
		.optional()
});

/** The SRID an OGC API response declares in its Content-Crs header (CRS84 when absent). */
export function sridFromContentCrs(header: string | null): number | null {
	if (!header) return 4326;
	const uri = header.trim().replace(/^<|>$/g, '');
	if (/CRS84$/i.test(uri) || /EPSG\/0\/4326$/.test(uri)) return 4326;
	if (/EPSG\/0\/28992$/.test(uri)) return 28992;
	return null;
}

export async function fetchOgcFeatures(
	source: OgcSource,
	progress: Progress = silent
): Promise<{ pages: unknown[]; srid: number }> {
	const doFetch = source.fetch ?? fetch;
	const first = new URL(source.url);
	if (!first.searchParams.has('f')) first.searchParams.set('f', 'json');
	if (!first.searchParams.has('limit')) first.searchParams.set('limit', String(source.limit ?? 1000));
	if (!first.searchParams.has('crs')) first.searchParams.set('crs', RD_NEW);

	const pages: unknown[] = [];
	const visited = new Set<string>();
	let srid: number | null = null;
	let next: string | undefined = first.toString();
	let received = 0;
	while (next) {
		if (visited.has(next)) throw new ImportError([{ file: source.url, message: `de service verwijst opnieuw naar ${next}` }]);
		if (pages.length >= (source.maxPages ?? 1000)) {
			throw new ImportError([{ file: source.url, message: `meer dan ${source.maxPages ?? 1000} pagina's; afgebroken` }]);
		}
		visited.add(next);
		let response: Response;
		try {
			response = await doFetch(next, {
				headers: { accept: 'application/geo+json, application/json' },
				signal: AbortSignal.timeout(60_000)
			});
		} catch (cause) {
			throw new ImportError([{ file: next, message: `service niet bereikbaar: ${(cause as Error).message}` }]);
		}
		if (!response.ok) {
			throw new ImportError([{ file: next, message: `service antwoordt ${response.status} ${response.statusText}` }]);
		}
		const pageSrid = sridFromContentCrs(response.headers.get('content-crs'));
		if (pageSrid === null || (srid !== null && pageSrid !== srid)) {
			throw new ImportError([{ file: next, field: 'Content-Crs', message: `onverwacht coördinatenstelsel ${response.headers.get('content-crs')}` }]);
		}
		srid = pageSrid;
		let body: unknown;
		try {
			body = await response.json();
		} catch {
			throw new ImportError([{ file: next, message: 'antwoord is geen JSON' }]);
		}
		const page = pageSchema.safeParse(body);
		if (!page.success) throw new ImportError([{ file: next, message: 'antwoord is geen GeoJSON FeatureCollection' }]);
		pages.push(body);
		received += page.data.features.length;
		const total = page.data.numberMatched ? ` van ${page.data.numberMatched}` : '';
		progress(`pagina ${pages.length}: ${received}${total} features`);
		const link = page.data.links?.find((l) => l.rel === 'next');
		next = link && page.data.features.length > 0 ? new URL(link.href, next).toString() : undefined;
	}
	return { pages, srid: srid ?? 4326 };
}
