// Reads the monitor in long format, as in shared/data/demo: an indicator catalogue
// `indicator;naam;eenheid;domein;richting;bron[;weging]` and values `gebiedscode;indicator;jaar;waarde`,
// one row per area × indicator × year (`;` or `,`). An empty waarde means "not available".
import { z } from 'zod';
import { DOMAINS, type Direction, type Indicator, type Weighting } from '../src/lib/domain/monitor';
import { deriveWeighting, WEIGHTINGS } from '../src/lib/domain/weighting';
import { readCsv } from './stadsdelen-csv';
import type { ImportProblem } from './problems';
import {
	DuplicateCheck,
	INDICATOR_CODE,
	checkAreaCode,
	checkHeader,
	checkRange,
	explainCsvProblem,
	mentionsSynthetic,
	parseNumber,
	parseYear,
	type MonitorContext,
	type MonitorValue
} from './monitor-common';

export const CATALOGUE_COLUMNS = ['indicator', 'naam', 'eenheid', 'domein', 'richting', 'bron'];
export const LONG_VALUE_COLUMNS = ['gebiedscode', 'indicator', 'jaar', 'waarde'];

export interface CatalogueEntry extends Indicator {
	row: number;
}

const DIRECTIONS: Direction[] = ['hoger_is_urgenter', 'lager_is_urgenter', 'context'];

function oneOf(field: string, input: unknown, allowed: readonly string[]): string {
	const list = `${allowed.slice(0, -1).join(', ')} of ${allowed[allowed.length - 1]}`;
	return input === '' ? `${field} is leeg; kies ${list}` : `${field} "${String(input)}" is onbekend; kies ${list}`;
}

const catalogueRowSchema = z.object({
	indicator: z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.pipe(z.string().min(1, 'indicator is leeg').regex(INDICATOR_CODE, 'indicatorcode mag alleen kleine letters, cijfers en _ bevatten en begint met een letter')),
	naam: z.string().trim().min(1, 'naam is leeg'),
	eenheid: z.string().trim(),
	domein: z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.pipe(z.enum(['context', ...DOMAINS], { error: (issue) => oneOf('domein', issue.input, ['context', ...DOMAINS]) })),
	richting: z
		.string()
		.transform((v) => v.trim().toLowerCase())
		.pipe(z.enum(DIRECTIONS, { error: (issue) => oneOf('richting', issue.input, DIRECTIONS) })),
	bron: z.string().trim().min(1, 'bron is leeg'),
	weging: z
		.string()
		.optional()
		.transform((v) => v?.trim().toLowerCase() || undefined)
		.pipe(z.enum(WEIGHTINGS as Weighting[], { error: (issue) => oneOf('weging', issue.input, [...WEIGHTINGS, 'leeg']) }).optional())
});


/**
 * Parses an indicator catalogue. The weighting comes from the optional `weging` column or is derived
 * (deriveWeighting); an indicator is synthetic when the import says so or its bron mentions DEMODATA.
 */
export function parseCatalogue(
	text: string,
	file: string,
	options: { synthetic?: boolean } = {}
): { indicators: CatalogueEntry[]; problems: ImportProblem[]; delimiter: string } {
	const csv = readCsv(text, file);
	const { records, rows, delimiter } = csv;
	if (csv.problems.length) return { indicators: [], problems: csv.problems.map((p) => explainCsvProblem(p, delimiter)), delimiter };
	if (records.length === 0) return { indicators: [], problems: [{ file, message: 'bestand bevat geen rijen' }], delimiter };
	const problems = checkHeader(file, Object.keys(records[0]), CATALOGUE_COLUMNS, delimiter);
	if (problems.length) return { indicators: [], problems, delimiter };

	const indicators: CatalogueEntry[] = [];
	const seen = new Map<string, number>();
	records.forEach((record, index) => {
		const row = rows[index];
		const code = record.indicator.trim().toLowerCase();
		if (code && seen.has(code)) {
			problems.push({ file, row, code, field: 'indicator', message: `komt dubbel voor (ook in rij ${seen.get(code)})` });
			return;
		}
		if (code) seen.set(code, row);
		const parsed = catalogueRowSchema.safeParse(record);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				problems.push({ file, row, code: code || undefined, field: String(issue.path[0]), message: issue.message });
			}
			return;
		}
		const r = parsed.data;
		indicators.push({
			code: r.indicator,
			name: r.naam,
			unit: r.eenheid,
			domain: r.domein,
			direction: r.richting,
			source: r.bron,
			synthetic: Boolean(options.synthetic) || mentionsSynthetic(r.bron),
			weighting: deriveWeighting({ code: r.indicator, name: r.naam, unit: r.eenheid, weging: r.weging }),
			row
		});
	});
	return { indicators, problems, delimiter };
}

/**
 * Parses values in long format against the catalogue and the loaded areas. Every problem is reported with
 * its spreadsheet row; an empty waarde becomes a value of null (not available).
 */
export function parseLongValues(
	text: string,
	file: string,
	context: MonitorContext
): { values: MonitorValue[]; problems: ImportProblem[]; delimiter: string } {
	const csv = readCsv(text, file);
	const { records, rows, delimiter } = csv;
	if (csv.problems.length) return { values: [], problems: csv.problems.map((p) => explainCsvProblem(p, delimiter)), delimiter };
	if (records.length === 0) return { values: [], problems: [{ file, message: 'bestand bevat geen rijen' }], delimiter };
	const problems = checkHeader(file, Object.keys(records[0]), LONG_VALUE_COLUMNS, delimiter);
	if (problems.length) return { values: [], problems, delimiter };

	const values: MonitorValue[] = [];
	const duplicates = new DuplicateCheck();
	records.forEach((record, index) => {
		const row = rows[index];
		const code = record.gebiedscode.trim();
		const indicator = record.indicator.trim().toLowerCase();
		const at = { file, row, code: code || undefined };
		let ok = true;
		const areaProblem = checkAreaCode(code, context.areas);
		if (areaProblem) {
			problems.push({ ...at, field: 'gebiedscode', message: areaProblem });
			ok = false;
		}
		const known = context.indicators.get(indicator);
		if (!known) {
			problems.push({ ...at, field: 'indicator', message: indicator ? `onbekende indicator "${indicator}" (niet in de catalogus)` : 'indicator is leeg' });
			ok = false;
		}
		const year = parseYear(record.jaar);
		if ('error' in year) {
			problems.push({ ...at, field: 'jaar', message: year.error });
			ok = false;
		}
		const value = parseNumber(record.waarde);
		if ('error' in value) {
			problems.push({ ...at, field: 'waarde', message: value.error });
			ok = false;
		} else if (known && value.value !== null) {
			const range = checkRange(known.unit, value.value);
			if (range) {
				problems.push({ ...at, field: 'waarde', message: range });
				ok = false;
			}
		}
		if (!('year' in year) || !code || !indicator) return;
		const earlier = duplicates.check(code, indicator, year.year, row);
		if (earlier !== undefined) {
			problems.push({ ...at, field: 'gebiedscode', message: `${code}, ${indicator}, ${year.year} komt dubbel voor (ook in rij ${earlier})` });
			return;
		}
		if (ok && 'value' in value) values.push({ areaCode: code, indicator, year: year.year, value: value.value, row });
	});
	return { values, problems, delimiter };
}
