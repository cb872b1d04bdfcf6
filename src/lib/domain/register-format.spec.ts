import { describe, expect, it } from 'vitest';
import {
	amountForInput,
	dateLabel,
	dateShort,
	formatDwellings,
	formatEuro,
	formatEuroShort,
	parseDutchNumber,
	periodLabel,
	periodLong
} from './register-format';

describe('register values in Dutch', () => {
	it('writes periods by month, open sides in words', () => {
		expect(periodLabel('2024-09-01', '2026-12-31')).toBe('sep 2024 – dec 2026');
		expect(periodLabel('2024-02-01', null)).toBe('vanaf feb 2024');
		expect(periodLabel(null, '2026-03-31')).toBe('tot mrt 2026');
		expect(periodLabel(null, null)).toBe('periode onbekend');
		expect(periodLong('2024-09-01', '2026-12-31')).toBe('1 september 2024 tot en met 31 december 2026');
		expect(periodLong('2024-02-01', null)).toBe('vanaf 1 februari 2024 (einde nog niet bekend)');
	});

	it('writes dates as readers and as spreadsheets do', () => {
		expect(dateLabel('2025-03-01')).toBe('1 maart 2025');
		expect(dateShort('2025-03-01')).toBe('01-03-2025');
	});

	it('writes amounts in full and short, and dwellings with their noun', () => {
		expect(formatEuro(6_200_000)).toBe('€ 6.200.000');
		expect(formatEuro(1234.5)).toBe('€ 1.234,5');
		expect(formatEuroShort(6_200_000)).toBe('€ 6,2 mln');
		expect(formatEuroShort(31_500_000)).toBe('€ 31,5 mln');
		expect(formatEuroShort(450_000)).toBe('€ 450.000');
		expect(formatEuroShort(1_200_000_000)).toBe('€ 1,2 mld');
		expect(formatDwellings(148)).toBe('148 woningen');
		expect(formatDwellings(1)).toBe('1 woning');
		expect(formatDwellings(1200)).toBe('1.200 woningen');
	});

	it('reads amounts as Dutch users type them', () => {
		expect(parseDutchNumber('6.200.000')).toBe(6_200_000);
		expect(parseDutchNumber('1.234,50')).toBe(1234.5);
		expect(parseDutchNumber('€ 450 000')).toBe(450_000);
		expect(parseDutchNumber('2,5')).toBe(2.5);
		expect(parseDutchNumber('2.5')).toBe(2.5);
		expect(parseDutchNumber('271000')).toBe(271_000);
		expect(parseDutchNumber('-100')).toBe(-100);
		expect(parseDutchNumber('')).toBeNull();
		expect(parseDutchNumber('veel')).toBeNull();
		expect(parseDutchNumber('1,2,3')).toBeNull();
		expect(parseDutchNumber('12.34.5')).toBeNull();
		expect(parseDutchNumber('1.23,4')).toBeNull();
		expect(amountForInput(6_200_000)).toBe('6.200.000');
		expect(parseDutchNumber(amountForInput(1234.5))).toBe(1234.5);
		expect(amountForInput(null)).toBe('');
	});
});
