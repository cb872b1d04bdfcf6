import { describe, expect, it } from 'vitest';
import { isProduction, localSignInAllowed, signInConfigProblem } from './local-users';

describe('the local sign-in switch', () => {
	it('is on only with WIJKBEELD_LOKALE_AANMELDING=aan, in that spelling', () => {
		expect(localSignInAllowed({ WIJKBEELD_LOKALE_AANMELDING: 'aan' })).toBe(true);
		for (const value of [undefined, '', 'uit', 'Aan', 'AAN', 'true', '1', 'on', ' aan']) {
			expect(localSignInAllowed({ WIJKBEELD_LOKALE_AANMELDING: value })).toBe(false);
		}
		// Production spelt any way no longer matters: without the switch it is off.
		expect(localSignInAllowed({ NODE_ENV: 'Production' })).toBe(false);
		expect(localSignInAllowed({ WIJKBEELD_MODE: 'production' })).toBe(false);
		expect(localSignInAllowed({})).toBe(false);
	});

	it('refuses to start next to a real identity provider, but not next to the loopback test provider', () => {
		const on = { WIJKBEELD_LOKALE_AANMELDING: 'aan' };
		expect(signInConfigProblem(on, 'https://login.microsoftonline.com/tenant/v2.0')).toMatch(/WIJKBEELD_LOKALE_AANMELDING/);
		expect(signInConfigProblem(on, 'http://127.0.0.1:4512')).toBeNull();
		expect(signInConfigProblem(on, null)).toBeNull();
		expect(signInConfigProblem({}, 'https://login.microsoftonline.com/tenant/v2.0')).toBeNull();
	});

	it('reads production mode in any case and in English', () => {
		expect(isProduction({ NODE_ENV: 'Production' })).toBe(true);
		expect(isProduction({ WIJKBEELD_MODE: 'production' })).toBe(true);
		expect(isProduction({ WIJKBEELD_MODE: 'Productie' })).toBe(true);
		expect(isProduction({ NODE_ENV: 'development' })).toBe(false);
	});
});
