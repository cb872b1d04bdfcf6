// A per-client limit on the routes that cost the server real work for anyone, signed in or not: the offline
// bundle, story snapshots and the CSV export. A token bucket per client address and route group, kept in memory
// (one process; a second instance keeps its own), bounded in size.

export interface RateLimit {
	/** Requests allowed in a burst. */
	burst: number;
	/** Tokens coming back per second. */
	perSecond: number;
}

/** Which routes are limited, and how hard. A bundle zips the whole player; a snapshot renders every slide. */
export const EXPENSIVE_ROUTES: { group: string; test: (path: string, search: URLSearchParams) => boolean; limit: RateLimit }[] = [
	{ group: 'bundle', test: (p) => /^\/api\/stories\/\d+\/bundle$/.test(p), limit: { burst: 10, perSecond: 10 / 60 } },
	{ group: 'snapshots', test: (p) => /^\/api\/stories\/\d+\/snapshots$/.test(p), limit: { burst: 60, perSecond: 1 } },
	{ group: 'csv', test: (p, q) => p === '/api/koppelkansen.csv' || (p === '/api/koppelkansen' && q.get('format') === 'csv'), limit: { burst: 30, perSecond: 0.5 } }
];

const MAX_CLIENTS = 10_000;

export class RateLimiter {
	private buckets = new Map<string, { tokens: number; at: number }>();

	constructor(private readonly now: () => number = () => Date.now()) {}

	/** Takes a token for `key`; the seconds to wait when there is none (0 when allowed). */
	take(key: string, limit: RateLimit): number {
		const now = this.now();
		const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
		bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
		bucket.at = now;
		// Re-inserted so that the Map's order is least recently used first; the oldest go when it is full.
		this.buckets.delete(key);
		this.buckets.set(key, bucket);
		if (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.ceil((1 - bucket.tokens) / limit.perSecond);
	}
}
