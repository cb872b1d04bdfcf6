// What the monitor readers (long CSV, wide CSV, CBS OData) share: one value of one area, indicator and year,
// and the checks every reader makes on it — the area code, the year, the number, its range and duplicates.
import { AREA_CODE } from '../src/lib/domain/areas';
import { parseDutchNumber, type ParsedNumber } from '../src/lib/domain/dutch-number';
import type { ImportProblem } from './problems';

export interface MonitorValue {
	areaCode: string;
	indicator: string;
	year: number;
	/** Null: the source says "not available" (an empty cell, a CBS secret); nothing is stored for it. */
	value: number | null;
	/** Spreadsheet row (CSV) or 1-based record position (OData), for messages. */
	row?: number;
	feature?: number;
}

/** What a reader checks the rows against: the catalogue and the loaded areas. */
export interface MonitorContext {
	/** Known indicators with their unit (the catalogue in the database plus the one being imported). */
	indicators: ReadonlyMap<string, { unit: string }>;
	/** Codes of the loaded areas (any year); without it codes are only checked for their form. */
	areas?: ReadonlySet<string>;
}

export const MIN_YEAR = 1990;
/** A year after next is a typo, not a forecast. */
export const maxYear = () => new Date().getFullYear() + 1;

/** `DEMODATA`, `synthetisch`, `synthetic`: a source that says its figures are invented. */
export function mentionsSynthetic(source: string): boolean {
	return /demodata|synthetis|synthetic/i.test(source);
}

export const INDICATOR_CODE = /^[a-z][a-z0-9_]*$/;

/**
 * A number in a monitor file: Dutch (`12,5`, `1.234,5`, `6.200.000`) or with a decimal point (`12.5`, as the
 * demo files write it) — so `161.235` is refused as ambiguous. Empty means "not available" (null). The rules
 * are the one Dutch number reader's (src/lib/domain/dutch-number.ts).
 */
export function parseNumber(text: string): ParsedNumber {
	return parseDutchNumber(text, { singleDotGroup: 'refuse', hint: 'laat de cel leeg als de waarde ontbreekt' });
}

/** A year as a number, or the problem with it. */
export function parseYear(text: string | number): { year: number } | { error: string } {
	const t = String(text).trim();
	if (!/^\d{4}$/.test(t)) return { error: t === '' ? 'jaar is leeg' : `geen jaartal: "${t}"` };
	const year = Number(t);
	if (year < MIN_YEAR || year > maxYear()) return { error: `jaar ${year} ligt niet tussen ${MIN_YEAR} en volgend jaar` };
	return { year };
}

/** The problem with an area code, or null: the form (GM/WK/BU/SD), then whether it is loaded. */
export function checkAreaCode(code: string, areas: ReadonlySet<string> | undefined): string | null {
	if (code === '') return 'gebiedscode is leeg';
	if (!AREA_CODE.test(code)) return `geen gebiedscode: "${code}" (GM0000, WK000000, BU00000000 of SD0000-naam)`;
	if (areas && !areas.has(code)) return `onbekend gebied ${code} (niet geladen)`;
	return null;
}

/** Values outside what their unit allows: shares beyond 0–100, negative counts. */
export function checkRange(unit: string, value: number): string | null {
	const u = unit.trim().toLowerCase();
	if (u === '%' && (value < 0 || value > 100)) return `${value} ligt buiten 0–100 (eenheid %)`;
	if (u === 'aantal' && value < 0) return `${value} is negatief (eenheid aantal)`;
	return null;
}

/** Remembers where each area × indicator × year was first seen, to report the second one. */
export class DuplicateCheck {
	private readonly seen = new Map<string, number>();
	/** The row where this key was seen before, or undefined (and remembers it). */
	check(areaCode: string, indicator: string, year: number, row: number): number | undefined {
		const key = `${areaCode}\u0000${indicator}\u0000${year}`;
		const earlier = this.seen.get(key);
		if (earlier === undefined) this.seen.set(key, row);
		return earlier;
	}
}

/**
 * Rewrites what the CSV parser says about a record with the wrong number of fields into what the person who
 * fixes the file needs to know: probably the wrong delimiter, or a decimal comma in a comma-separated file.
 */
export function explainCsvProblem(problem: ImportProblem, delimiter: string): ImportProblem {
	const match = /Invalid Record Length: columns length is (\d+), got (\d+)/.exec(problem.message);
	if (!match) return problem;
	const [, expected, got] = match;
	const hint =
		delimiter === ','
			? 'staat er een decimale komma in een veld zonder aanhalingstekens, of is het scheidingsteken ; ?'
			: 'is het scheidingsteken goed?';
	return {
		...problem,
		message: `rij heeft ${got} kolom(men), de kopregel ${expected} (scheidingsteken "${delimiter}"); ${hint}`
	};
}

/**
 * A header that does not split into the expected columns: one problem for the whole header when it did not
 * split at all (the usual sign of a tab- or pipe-separated file), one per missing column otherwise.
 */
export function checkHeader(
	file: string,
	columns: string[],
	required: string[],
	delimiter: string
): ImportProblem[] {
	if (columns.length === 1 && required.length > 1 && !required.every((c) => columns.includes(c))) {
		return [
			{
				file,
				row: 1,
				message:
					`kopregel valt niet uiteen in de kolommen ${required.join(';')} (gevonden: één kolom "${columns[0]}"); ` +
					`is het scheidingsteken goed? Gebruik ; of ,`
			}
		];
	}
	return required
		.filter((c) => !columns.includes(c))
		.map((c) => ({
			file,
			row: 1,
			field: c,
			message: `kolom "${c}" ontbreekt (gevonden: ${columns.join(', ')}; scheidingsteken "${delimiter}"); is het scheidingsteken goed?`
		}));
}
