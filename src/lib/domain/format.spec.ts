import { describe, expect, it } from 'vitest';
import { formatHectares } from './format';

describe('formatHectares', () => {
	it('uses the Dutch decimal comma and thousands dot', () => {
		expect(formatHectares(6181.27)).toBe('6.181,3 ha');
		expect(formatHectares(42)).toBe('42 ha');
	});
});
