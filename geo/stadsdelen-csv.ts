// Reads a municipal stadsdeel indeling: a CSV with one row per buurt, `buurtcode,...,stadsdeel`
// (optionally `zekerheid` and `onderbouwing`), comma- or semicolon-separated, as in shared/data/gebieden.
import { parse } from 'csv-parse/sync';
import { BUURT_CODE } from '../src/lib/domain/areas';
import { z } from 'zod';
import type { ImportProblem } from './problems';

export interface StadsdeelAssignment {
	buurtcode: string;
	stadsdeel: string;
	zekerheid: string | null;
	onderbouwing: string | null;
	row: number;
}

const rowSchema = z.object({
	buurtcode: z
		.string()
		.trim()
		.regex(BUURT_CODE, 'geen buurtcode (BU + 8 cijfers)'),
	stadsdeel: z.string().trim().min(1, 'stadsdeel is leeg').max(80, 'naam van het stadsdeel is te lang'),
	zekerheid: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v : null))
		.pipe(z.enum(['hoog', 'middel', 'laag'], 'zekerheid is hoog, middel, laag of leeg').nullable()),
	onderbouwing: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v : null))
});

/**
 * Parses CSV text into rows of named columns; detects `,` or `;` from the header line. `rows` holds the
 * spreadsheet row of each record (header = 1): an empty line is a row there, a quoted field with line
 * breaks is not more than one.
 */
export function readCsv(
	text: string,
	file: string
): { records: Record<string, string>[]; rows: number[]; problems: ImportProblem[]; delimiter: string } {
	// csv-parse counts a CRLF inside a quoted field as two lines; with LF only its line numbers are exact.
	const lf = text.replace(/\r\n?/g, '\n');
	const header = lf.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
	const delimiter = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
	try {
		const parsed = parse(lf, {
			columns: (names: string[]) => names.map((n) => n.trim().toLowerCase()),
			delimiter,
			bom: true,
			skip_empty_lines: true,
			relax_column_count: false,
			info: true
		}) as unknown as { record: Record<string, string>; info: { lines: number } }[];
		let linesInsideFields = 0;
		const rows = parsed.map(({ record, info }) => {
			for (const value of Object.values(record)) linesInsideFields += value.split('\n').length - 1;
			// info.lines is the line the record ends on.
			return info.lines - linesInsideFields;
		});
		return { records: parsed.map((p) => p.record), rows, problems: [], delimiter };
	} catch (cause) {
		const error = cause as Error & { lines?: number };
		return {
			records: [],
			rows: [],
			delimiter,
			problems: [{ file, row: error.lines, message: `CSV niet leesbaar: ${error.message}` }]
		};
	}
}

export function parseStadsdelen(
	text: string,
	file: string
): { assignments: StadsdeelAssignment[]; problems: ImportProblem[] } {
	const { records, rows, problems } = readCsv(text, file);
	if (problems.length) return { assignments: [], problems };
	const assignments: StadsdeelAssignment[] = [];
	if (records.length === 0) return { assignments, problems: [{ file, message: 'bestand bevat geen rijen' }] };
	const columns = Object.keys(records[0]);
	for (const required of ['buurtcode', 'stadsdeel']) {
		if (!columns.includes(required)) {
			problems.push({
				file,
				row: 1,
				field: required,
				message: `kolom "${required}" ontbreekt (gevonden: ${columns.join(', ')}); is het scheidingsteken goed?`
			});
		}
	}
	if (problems.length) return { assignments, problems };

	const seen = new Map<string, number>();
	records.forEach((record, index) => {
		const row = rows[index];
		const parsed = rowSchema.safeParse(record);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				problems.push({ file, row, code: record.buurtcode, field: String(issue.path[0]), message: issue.message });
			}
			return;
		}
		const { buurtcode } = parsed.data;
		if (seen.has(buurtcode)) {
			problems.push({ file, row, code: buurtcode, field: 'buurtcode', message: `komt dubbel voor (ook in rij ${seen.get(buurtcode)})` });
			return;
		}
		seen.set(buurtcode, row);
		assignments.push({ ...parsed.data, row });
	});
	return { assignments, problems };
}
