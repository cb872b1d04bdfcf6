import { describe, expect, it } from 'vitest';
import { crossSiteRefusal } from './same-origin';

const APP = 'https://wijkbeeld.hengelo.nl';
const h = (init: Record<string, string>) => new Headers(init);

describe('crossSiteRefusal', () => {
	it('refuses every state-changing method from another origin', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			expect(crossSiteRefusal(method, h({ origin: 'https://evil.example' }), APP)).toMatch(/evil\.example/);
		}
	});

	it('refuses a cross-site or same-site fetch by its metadata, also without Origin', () => {
		expect(crossSiteRefusal('POST', h({ 'sec-fetch-site': 'cross-site' }), APP)).toMatch(/andere site/);
		expect(crossSiteRefusal('POST', h({ 'sec-fetch-site': 'same-site', origin: 'https://x.hengelo.nl' }), APP)).not.toBeNull();
	});

	it('lets the own origin, reads, and clients without Origin through', () => {
		expect(crossSiteRefusal('POST', h({ origin: APP, 'sec-fetch-site': 'same-origin' }), APP)).toBeNull();
		expect(crossSiteRefusal('GET', h({ origin: 'https://evil.example' }), APP)).toBeNull();
		expect(crossSiteRefusal('DELETE', h({}), APP)).toBeNull();
		expect(crossSiteRefusal('POST', h({ 'sec-fetch-site': 'none' }), APP)).toBeNull();
	});

	it('lets a configured trusted origin through', () => {
		expect(crossSiteRefusal('POST', h({ origin: 'https://kaart.hengelo.nl' }), APP, ['https://kaart.hengelo.nl'])).toBeNull();
		expect(crossSiteRefusal('POST', h({ origin: 'null' }), APP, ['https://kaart.hengelo.nl'])).not.toBeNull();
	});
});
