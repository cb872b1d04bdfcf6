import { describe, expect, it } from 'vitest';
import { liveLink } from './link';

describe('the live link', () => {
	const search = '?gemeente=GM0164&gebied=BU01640202&thema=urgentie&kaart=13.50/52.27310/6.79950';

	it('is the public origin with the query string of the view', () => {
		expect(liveLink({ publicOrigin: 'https://wijkbeeld.hengelo.nl', browserOrigin: 'http://localhost:3000', search })).toBe(
			`https://wijkbeeld.hengelo.nl/${search}`
		);
	});

	it("takes the browser's origin when none is configured, or when the configured one is unusable", () => {
		expect(liveLink({ publicOrigin: null, browserOrigin: 'http://192.168.1.20:3000', search })).toBe(`http://192.168.1.20:3000/${search}`);
		expect(liveLink({ publicOrigin: 'not a url', browserOrigin: 'http://127.0.0.1:3000', search })).toBe(`http://127.0.0.1:3000/${search}`);
		expect(liveLink({ publicOrigin: 'file:///stick', browserOrigin: 'http://127.0.0.1:3000', search: '' })).toBe('http://127.0.0.1:3000/');
	});

	it('drops a path or a trailing slash of the origin and an empty query string', () => {
		expect(liveLink({ publicOrigin: 'https://wijkbeeld.nl/', browserOrigin: 'http://x', search: '?' })).toBe('https://wijkbeeld.nl/');
		expect(liveLink({ publicOrigin: 'https://wijkbeeld.nl', browserOrigin: 'http://x', search: 'gemeente=GM0153' })).toBe('https://wijkbeeld.nl/?gemeente=GM0153');
	});

	it('refuses when there is no usable origin at all', () => {
		expect(() => liveLink({ browserOrigin: 'null', search })).toThrow(RangeError);
	});
});
