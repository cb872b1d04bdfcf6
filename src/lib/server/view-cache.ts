// A cache for what a map view computes from the monitor's figures (the urgency ranking with its 500 draws,
// a theme's values): keyed by the view and by the data version, so that an import that writes figures or areas
// gives the next request fresh results, and 50 readers of one view compute it once, not 50 times.
//
// The data version is read from the database on every use (one row, migration 012): triggers bump it in every
// transaction that writes figures, the catalogue, areas, indelingen or wijkbudgetten, so an import by another process
// (`npm run import` against PostgreSQL) is seen as soon as it has committed.
import type { Queryable } from './db/client';

const MAX_ENTRIES = 200;

/** Per database (a test file's schema is another one): key → the computation's promise, oldest first. */
const caches = new WeakMap<Queryable, Map<string, Promise<unknown>>>();

export async function dataVersion(db: Queryable): Promise<string> {
	const [row] = await db.query<{ version: string }>('SELECT version::text AS version FROM data_version');
	return row.version;
}

/**
 * The result of `compute` for `key` at the current data version: computed once, shared by the requests that ask
 * while it runs and after. A failure is not kept (the next request tries again).
 */
export async function cachedByVersion<T>(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
	const full = `${await dataVersion(db)}#${key}`;
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const hit = cache.get(full) as Promise<T> | undefined;
	if (hit) {
		// Most recently used last.
		cache.delete(full);
		cache.set(full, hit);
		return hit;
	}
	const running = compute();
	cache.set(full, running);
	running.catch(() => cache.delete(full));
	while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
	return running;
}
