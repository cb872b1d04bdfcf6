import { describe, expect, it } from 'vitest';
import { EXPENSIVE_ROUTES, RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
	it('allows a burst, then asks to wait, and refills over time', () => {
		let now = 0;
		const limiter = new RateLimiter(() => now);
		const limit = { burst: 3, perSecond: 1 };
		expect([1, 2, 3].map(() => limiter.take('a', limit))).toEqual([0, 0, 0]);
		expect(limiter.take('a', limit)).toBe(1);
		// Another client is not affected.
		expect(limiter.take('b', limit)).toBe(0);
		now += 2000;
		expect(limiter.take('a', limit)).toBe(0);
	});

	it('knows the expensive routes', () => {
		const group = (path: string, query = '') => EXPENSIVE_ROUTES.find((r) => r.test(path, new URLSearchParams(query)))?.group;
		expect(group('/api/stories/12/bundle')).toBe('bundle');
		expect(group('/api/stories/12/snapshots')).toBe('snapshots');
		expect(group('/api/koppelkansen.csv')).toBe('csv');
		expect(group('/api/koppelkansen', 'format=csv')).toBe('csv');
		expect(group('/api/koppelkansen')).toBeUndefined();
		expect(group('/api/areas')).toBeUndefined();
	});
});
