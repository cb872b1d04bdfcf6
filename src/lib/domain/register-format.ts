// The register's values as Dutch readers write them: periods, dates, amounts and dwellings.
import { dutchNumberOrNull } from './dutch-number';

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_LONG = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "sep 2024" */
export function monthLabel(iso: string): string {
	return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** "1 september 2024" */
export function dateLabel(iso: string): string {
	return `${Number(iso.slice(8, 10))} ${MONTHS_LONG[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** "01-09-2024", as partners write dates in their spreadsheets. */
export function dateShort(iso: string): string {
	return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** A period by month: "sep 2024 – dec 2026", "vanaf feb 2024", "tot dec 2026", "periode onbekend". */
export function periodLabel(start: string | null, end: string | null): string {
	if (start && end) return `${monthLabel(start)} – ${monthLabel(end)}`;
	if (start) return `vanaf ${monthLabel(start)}`;
	if (end) return `tot ${monthLabel(end)}`;
	return 'periode onbekend';
}

/** A period by day, for the details of an item. */
export function periodLong(start: string | null, end: string | null): string {
	if (start && end) return `${dateLabel(start)} tot en met ${dateLabel(end)}`;
	if (start) return `vanaf ${dateLabel(start)} (einde nog niet bekend)`;
	if (end) return `tot en met ${dateLabel(end)} (begin niet vastgelegd)`;
	return 'begin en einde niet vastgelegd';
}

const euro = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2, minimumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** "€ 6.200.000", "€ 1.234,5" */
export function formatEuro(amount: number): string {
	return `€ ${euro.format(amount)}`;
}

/** Short, for lists and legends: "€ 6,2 mln", "€ 450.000", "€ 1,2 mld". */
export function formatEuroShort(amount: number): string {
	if (Math.abs(amount) >= 1e9) return `€ ${oneDecimal.format(amount / 1e9)} mld`;
	if (Math.abs(amount) >= 1e6) return `€ ${oneDecimal.format(amount / 1e6)} mln`;
	return `€ ${euro.format(Math.round(amount))}`;
}

/** "148 woningen", "1 woning" */
export function formatDwellings(count: number): string {
	return `${euro.format(count)} ${count === 1 ? 'woning' : 'woningen'}`;
}

/** Reads an amount as a Dutch user types it: "6.200.000", "1.234,50", "€ 450 000", "2,5". Null when it is not one. */
export const parseDutchNumber = dutchNumberOrNull;

/** An amount for an input field: "6200000" → "6.200.000". */
export function amountForInput(amount: number | null): string {
	return amount === null ? '' : euro.format(amount);
}
