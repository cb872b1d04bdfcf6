import { describe, expect, it } from 'vitest';
import { formatHectares, formatNumber, formatSigned, formatValue } from './format';

describe('formatting for Dutch readers', () => {
	it('uses the decimal comma and thousands dot', () => {
		expect(formatHectares(6181.27)).toBe('6.181,3 ha');
		expect(formatHectares(42)).toBe('42 ha');
		expect(formatNumber(82311)).toBe('82.311');
		expect(formatNumber(24.66)).toBe('24,7');
	});

	it('writes values with their unit', () => {
		expect(formatValue(24.7, '%')).toBe('24,7 %');
		expect(formatValue(1432, 'aantal')).toBe('1.432');
		expect(formatValue(167, 'x 1.000 euro')).toBe('€ 167.000');
		expect(formatValue(5.6, 'score 0-10')).toBe('5,6');
		expect(formatValue(null, '%')).toBe('–');
	});

	it('signs differences', () => {
		expect(formatSigned(2.34)).toBe('+2,3');
		expect(formatSigned(-1)).toBe('−1');
		expect(formatSigned(0)).toBe('0');
	});
});
