// Reads the municipal export of wijkbudgetten (bewonersbudgetten) — CSV as in
// shared/data/demo/wijkbudgetten_demo.csv (`;`, Dutch numbers such as 32.000,00) or an XLSX workbook — into checked
// rows, every problem at its spreadsheet row and column. No database here: src/lib/server/import/wijkbudgetten.ts
// checks the areas and rights and writes.
import { WIJKBUDGET_COLUMNS, WIJKBUDGET_SOORTEN, wijkbudgetInputSchema, type WijkbudgetInput } from '../src/lib/domain/wijkbudgetten';
import type { RowProblem } from '../src/lib/domain/import-result';
import { parseDutchNumber, readSheetTable, SheetError, text, type Cell, type SheetFile } from './investments-sheet';
import { mentionsSynthetic } from './monitor-common';

type Column = (typeof WIJKBUDGET_COLUMNS)[number];
const REQUIRED: Column[] = ['gemeentecode', 'jaar', 'gebiedscode', 'soort', 'regeling', 'toegekend_eur'];

export interface WijkbudgetRow {
	row: number;
	gemeentecode: string;
	gebiedscode: string;
	jaar: number | null;
	soort: string;
	regeling: string;
	input: WijkbudgetInput | null;
	synthetic: boolean;
	problems: RowProblem[];
}

const FIELD_COLUMN: Record<string, Column> = {
	gemeentecode: 'gemeentecode',
	jaar: 'jaar',
	gebiedscode: 'gebiedscode',
	soort: 'soort',
	regeling: 'regeling',
	toegekendEur: 'toegekend_eur',
	besteedEur: 'besteed_eur',
	aantalInitiatieven: 'aantal_initiatieven',
	organisatie: 'organisatie',
	toelichting: 'toelichting'
};

/** One row of cells into a checked WijkbudgetInput, or its problems. */
export function parseWijkbudgetRow(row: number, get: (column: Column) => Cell): WijkbudgetRow {
	const problems: RowProblem[] = [];
	const problem = (field: Column, message: string) => problems.push({ row, field, message });
	const number = (column: Column, integer = false): number | null => {
		const parsed = parseDutchNumber(get(column));
		if ('error' in parsed) {
			problem(column, parsed.error);
			return null;
		}
		if (parsed.value !== null && integer && !Number.isInteger(parsed.value)) {
			problem(column, `${text(get(column))} is geen heel getal`);
			return null;
		}
		return parsed.value;
	};
	const gemeentecode = text(get('gemeentecode')).toUpperCase();
	const gebiedscode = text(get('gebiedscode')).toUpperCase();
	const soort = text(get('soort')).toLowerCase();
	const regeling = text(get('regeling'));
	const jaar = number('jaar', true);
	const toegekend = number('toegekend_eur');
	const besteed = number('besteed_eur');
	const aantal = number('aantal_initiatieven', true);
	if (text(get('jaar')) === '') problem('jaar', 'jaar is leeg');
	if (text(get('toegekend_eur')) === '') problem('toegekend_eur', 'toegekend bedrag is leeg');
	if (soort && !(WIJKBUDGET_SOORTEN as readonly string[]).includes(soort)) {
		problem('soort', `"${text(get('soort'))}" is onbekend; kies ${WIJKBUDGET_SOORTEN.join(', ')}`);
	}
	if (toegekend !== null && besteed !== null && besteed > toegekend * 1.5) {
		problem('besteed_eur', `besteed (${text(get('besteed_eur'))}) is veel meer dan toegekend (${text(get('toegekend_eur'))}); zijn de kolommen verwisseld?`);
	}
	const toelichting = text(get('toelichting')) || null;
	const result: WijkbudgetRow = { row, gemeentecode, gebiedscode, jaar, soort, regeling, input: null, synthetic: mentionsSynthetic(toelichting ?? ''), problems };
	// Checked as a whole too, so that every problem of the row shows at once (a column already reported is not again).
	const parsed = wijkbudgetInputSchema.safeParse({
		gemeentecode,
		jaar: jaar ?? 0,
		gebiedscode,
		soort,
		regeling,
		toegekendEur: toegekend === null ? 0 : Math.round(toegekend * 100) / 100,
		besteedEur: besteed === null ? null : Math.round(besteed * 100) / 100,
		aantalInitiatieven: aantal,
		organisatie: text(get('organisatie')) || null,
		toelichting
	});
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = FIELD_COLUMN[String(issue.path[0])] ?? null;
			if (field && problems.some((p) => p.field === field)) continue;
			problems.push({ row, field, message: field && !issue.message.startsWith(field.split('_')[0]) ? `${field} ${issue.message}` : issue.message });
		}
	}
	if (problems.length || !parsed.success) return result;
	result.input = parsed.data;
	return result;
}

function checkColumns(file: string, columns: string[]): void {
	const missing = REQUIRED.filter((c) => !columns.includes(c));
	if (missing.length === 0) return;
	throw new SheetError(
		file,
		`kolom(men) ontbreken: ${missing.join(', ')} (gevonden: ${columns.filter(Boolean).join(', ') || 'geen'}). Verwacht de kopregel ${WIJKBUDGET_COLUMNS.join(';')}`,
		'content',
		missing.map((field) => ({ row: 1, field, message: `kolom "${field}" ontbreekt` }))
	);
}

/** Reads a wijkbudget export; a SheetError when it is not one, otherwise every row with its own problems. */
export async function readWijkbudgetSheet(file: SheetFile, options: { maxRows?: number } = {}): Promise<{ file: string; rows: WijkbudgetRow[] }> {
	const { table, cellErrors } = await readSheetTable(file, (columns) => checkColumns(file.name, columns), options);
	const index = new Map(table.columns.map((c, i) => [c, i] as const));
	const rows = table.rows.map(({ row, cells }) => {
		const parsed = parseWijkbudgetRow(row, (c) => (index.has(c) ? (cells[index.get(c)!] ?? null) : null));
		const own = cellErrors.filter((e) => e.row === row);
		if (own.length) {
			parsed.problems.unshift(...own);
			parsed.input = null;
		}
		return parsed;
	});
	return { file: file.name, rows };
}
