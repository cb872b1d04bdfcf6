// The offline bundles made last, per story version: zipping the player and every slide's snapshot takes seconds
// and tens of MB, and a room full of council members asks for the same story at once. A new version of the story
// is a new key; the figures under it can change too, so an entry lives ten minutes at most.

const MAX_ENTRIES = 8;
const TTL_MS = 10 * 60 * 1000;

export interface CachedBundle {
	zip: Uint8Array;
	fileName: string;
}

const entries = new Map<string, { at: number; bundle: Promise<CachedBundle> }>();

/** The bundle under `key` (story id, version and origin), made by `make` when there is none or it is too old. */
export function cachedBundle(key: string, make: () => Promise<CachedBundle>, now = Date.now()): Promise<CachedBundle> {
	const found = entries.get(key);
	if (found && now - found.at < TTL_MS) return found.bundle;
	// The promise itself is kept, so that requests arriving while it is made wait for the same one.
	const bundle = make();
	entries.set(key, { at: now, bundle });
	bundle.catch(() => entries.delete(key));
	while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
	return bundle;
}
