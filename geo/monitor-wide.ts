// Reads a municipal monitor export in wide format: one row per area (and year), one column per indicator,
// as a spreadsheet keeps it: `gebiedscode` (or `buurtcode` / `wijkcode` / `gemeentecode`), `jaar` (or a year
// given with the import), then a column per indicator code of the catalogue. Name columns are ignored.
import { readCsv } from './stadsdelen-csv';
import type { ImportProblem } from './problems';
import {
	checkAreaCode,
	checkRange,
	explainCsvProblem,
	parseNumber,
	parseYear,
	type MonitorContext,
	type MonitorValue
} from './monitor-common';

/** The area column, most specific first: a file with buurtcode and wijkcode is about buurten. */
export const KEY_COLUMNS = ['gebiedscode', 'buurtcode', 'wijkcode', 'gemeentecode'];
/** Columns a spreadsheet carries along that are not indicators. */
export const DESCRIPTIVE_COLUMNS = [
	...KEY_COLUMNS,
	'naam',
	'gebiedsnaam',
	'buurtnaam',
	'wijknaam',
	'gemeentenaam',
	'stadsdeel',
	'stadsdeelnaam',
	'niveau',
	'soort'
];

export interface WideOptions extends MonitorContext {
	/** Year of every row when the file has no `jaar` column. */
	year?: number;
}

export function parseWideValues(
	text: string,
	file: string,
	options: WideOptions
): { values: MonitorValue[]; problems: ImportProblem[]; delimiter: string; keyColumn: string | null; indicators: string[] } {
	const csv = readCsv(text, file);
	const { records, rows, delimiter } = csv;
	const none = { values: [], delimiter, keyColumn: null, indicators: [] };
	if (csv.problems.length) return { ...none, problems: csv.problems.map((p) => explainCsvProblem(p, delimiter)) };
	if (records.length === 0) return { ...none, problems: [{ file, message: 'bestand bevat geen rijen' }] };

	const columns = Object.keys(records[0]);
	const problems: ImportProblem[] = [];
	// The CSV parser keeps only the last of two columns with the same name; look at the header itself.
	const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(delimiter);
	const names = header.map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
	for (const [i, name] of names.entries()) {
		if (names.indexOf(name) < i) problems.push({ file, row: 1, field: name, message: `kolom "${name}" komt twee keer voor in de kopregel` });
	}
	const keyColumn = KEY_COLUMNS.find((c) => columns.includes(c)) ?? null;
	if (!keyColumn) {
		problems.push({
			file,
			row: 1,
			field: 'gebiedscode',
			message:
				columns.length === 1
					? `kopregel valt niet uiteen in kolommen (gevonden: één kolom "${columns[0]}"); is het scheidingsteken goed? Gebruik ; of ,`
					: `kolom gebiedscode (of buurtcode, wijkcode) ontbreekt (gevonden: ${columns.join(', ')}; scheidingsteken "${delimiter}")`
		});
		return { ...none, problems };
	}
	const hasYearColumn = columns.includes('jaar');
	let fixedYear: number | undefined;
	if (!hasYearColumn) {
		if (options.year === undefined) {
			problems.push({ file, row: 1, field: 'jaar', message: 'kolom jaar ontbreekt en er is geen jaar bij de import opgegeven' });
		} else {
			const year = parseYear(options.year);
			if ('error' in year) problems.push({ file, field: 'jaar', message: year.error });
			else fixedYear = year.year;
		}
	}
	const indicatorColumns: string[] = [];
	for (const column of columns) {
		if (column === 'jaar' || DESCRIPTIVE_COLUMNS.includes(column)) continue;
		if (options.indicators.has(column)) indicatorColumns.push(column);
		else {
			problems.push({
				file,
				row: 1,
				field: column,
				message: column === '' ? 'kolom zonder naam' : `onbekende indicator "${column}" (kolomnaam niet in de catalogus)`
			});
		}
	}
	if (indicatorColumns.length === 0 && problems.length === 0) {
		problems.push({ file, row: 1, message: 'geen kolommen met indicatoren gevonden' });
	}
	// Without a usable key, year or any indicator there is nothing to check row by row; an unknown column
	// alone does not stop the rows of the known ones from being checked too.
	if (indicatorColumns.length === 0 || (!hasYearColumn && fixedYear === undefined) || names.length !== new Set(names).size) {
		return { ...none, keyColumn, problems };
	}

	const values: MonitorValue[] = [];
	const areaYears = new Map<string, number>();
	records.forEach((record, index) => {
		const row = rows[index];
		const code = record[keyColumn].trim();
		const at = { file, row, code: code || undefined };
		let ok = true;
		const areaProblem = checkAreaCode(code, options.areas);
		if (areaProblem) {
			problems.push({ ...at, field: keyColumn, message: areaProblem });
			ok = false;
		}
		let year = fixedYear;
		if (hasYearColumn) {
			const parsed = parseYear(record.jaar);
			if ('error' in parsed) {
				problems.push({ ...at, field: 'jaar', message: parsed.error });
				ok = false;
			} else year = parsed.year;
		}
		if (year !== undefined && code) {
			const key = `${code}\u0000${year}`;
			if (areaYears.has(key)) {
				problems.push({ ...at, field: keyColumn, message: `${code}, ${year} komt dubbel voor (ook in rij ${areaYears.get(key)})` });
				return;
			}
			areaYears.set(key, row);
		}
		for (const indicator of indicatorColumns) {
			const value = parseNumber(record[indicator]);
			if ('error' in value) {
				problems.push({ ...at, field: indicator, message: value.error });
				ok = false;
				continue;
			}
			if (value.value !== null) {
				const range = checkRange(options.indicators.get(indicator)!.unit, value.value);
				if (range) {
					problems.push({ ...at, field: indicator, message: range });
					ok = false;
					continue;
				}
			}
			if (ok && year !== undefined) values.push({ areaCode: code, indicator, year, value: value.value, row });
		}
	});
	return { values: problems.length ? [] : values, problems, delimiter, keyColumn, indicators: indicatorColumns };
}
