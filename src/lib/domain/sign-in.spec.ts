import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from './sign-in';

describe('signInErrorMessage', () => {
	it('knows the provider codes and its own', () => {
		expect(signInErrorMessage('access_denied', 'Entra ID')).toMatch(/afgebroken/);
		expect(signInErrorMessage(null, 'Entra ID')).toBeNull();
	});

	it('does not take members of Object.prototype for codes', () => {
		for (const code of ['__proto__', 'valueOf', 'constructor', 'toString', 'hasOwnProperty']) {
			expect(signInErrorMessage(code, 'Entra ID')).toMatch(/^De aanmelding via Entra ID is mislukt/);
		}
	});
});
