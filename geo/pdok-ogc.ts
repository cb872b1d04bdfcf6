// Fetches a collection from an OGC API Features service (such as PDOK's "CBS Wijken en Buurten"),
// page by page through its `next` links, in RD New (EPSG:28992) as CBS delivers it.
import { z } from 'zod';
import { ImportError, silent, type Progress } from './problems';
import { fetchPages } from './paged-fetch';

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
	const first = new URL(source.url);
	if (!first.searchParams.has('f')) first.searchParams.set('f', 'json');
	if (!first.searchParams.has('limit')) first.searchParams.set('limit', String(source.limit ?? 1000));
	if (!first.searchParams.has('crs')) first.searchParams.set('crs', RD_NEW);

	let srid: number | null = null;
	let received = 0;
	let pageNumber = 0;
	const pages = await fetchPages<unknown>(
		{
			first,
			source: source.url,
			accept: 'application/geo+json, application/json',
			timeoutMs: 60_000,
			maxPages: source.maxPages ?? 1000,
			fetch: source.fetch,
			read(body, response, url) {
				const header = response.headers.get('content-crs');
				const pageSrid = sridFromContentCrs(header);
				if (pageSrid === null || (srid !== null && pageSrid !== srid)) {
					throw new ImportError([{ file: url, field: 'Content-Crs', message: `onverwacht coördinatenstelsel ${header}` }]);
				}
				srid = pageSrid;
				const page = pageSchema.safeParse(body);
				if (!page.success) throw new ImportError([{ file: url, message: 'antwoord is geen GeoJSON FeatureCollection' }]);
				received += page.data.features.length;
				const total = page.data.numberMatched ? ` van ${page.data.numberMatched}` : '';
				return {
					page: body,
					count: page.data.features.length,
					next: page.data.links?.find((l) => l.rel === 'next')?.href,
					progress: `pagina ${++pageNumber}: ${received}${total} features`
				};
			}
		},
		progress
	);
	return { pages, srid: srid ?? 4326 };
}
