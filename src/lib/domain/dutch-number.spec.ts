// The one Dutch number reader, with every rule its callers rely on (monitor files, partner sheets, forms).
import { describe, expect, it } from 'vitest';
import { dutchNumberOrNull, parseDutchNumber } from './dutch-number';

describe('parseDutchNumber', () => {
	it.each([
		['6.200.000', 6200000],
		['1.234,50', 1234.5],
		['1.234,5', 1234.5],
		['52,2701', 52.2701],
		['450.000', 450000],
		['148', 148],
		['12.5', 12.5],
		['12.50', 12.5],
		['0.125', 0.125],
		['-3,25', -3.25],
		[',5', 0.5],
		[' 7 ', 7],
		['€ 2.500.000', 2500000],
		['€ 450 000', 450000],
		['1\u00a0234\u00a0500', 1234500],
		['-250.000', -250000],
		['', null],
		['  ', null]
	])('%j → %j', (text, value) => {
		expect(parseDutchNumber(text)).toEqual({ value });
	});

	it.each(['12abc', '1,234.50', '1.23.4', 'zes', '1.2345,6', 'n.v.t.', '.', '-', '12,5%', '1e3', 'NaN', 'Infinity', '1.2.3,4,5', '12 5', '1,2,3', '1.23,4'])(
		'refuses %j',
		(text) => {
			expect(parseDutchNumber(text)).toHaveProperty('error');
		}
	);

	it('reads 450.000 as the source writes it: thousands, refused as ambiguous, or a decimal point (coordinates)', () => {
		expect(parseDutchNumber('161.235', { singleDotGroup: 'refuse' })).toEqual({
			error: 'dubbelzinnig getal "161.235": schrijf 161235 (zonder punt) of 161,235 (decimale komma)'
		});
		expect(parseDutchNumber('6.200.000', { singleDotGroup: 'refuse' })).toEqual({ value: 6200000 });
		expect(parseDutchNumber('6.813', { singleDotGroup: 'decimal' })).toEqual({ value: 6.813 });
		expect(parseDutchNumber('6.813')).toEqual({ value: 6813 });
	});

	it('adds the caller’s advice to the error, and gives forms null', () => {
		expect(parseDutchNumber('x', { hint: 'laat de cel leeg als de waarde ontbreekt' })).toEqual({ error: 'geen getal: "x" (laat de cel leeg als de waarde ontbreekt)' });
		expect(dutchNumberOrNull('veel')).toBeNull();
		expect(dutchNumberOrNull('2,5')).toBe(2.5);
	});
});
