// What an investment import answers (POST /api/import/investments), and how the upload page summarises it.
// The importer (src/lib/server/import/investments.ts) builds it; the types live here so that the page can use them too.

/** A problem with a row, at its spreadsheet row (header = 1) and the column as named in the file. */
export interface RowProblem {
	row: number;
	field: string | null;
	message: string;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'skipped' | 'error';

export interface ImportedRow {
	row: number;
	action: RowAction;
	partner: string;
	projectName: string;
	/** The buurt the row lies in (given, or found for its coordinate); null when it could not be located. */
	buurtcode: string | null;
	/** The name of that buurt, for people who do not know its code. */
	buurtName: string | null;
	gemeentecode: string | null;
	/** For an update: what changes, as "investering_eur: 4.050.000 → 4.100.000". */
	changes: string[];
	/** Why a row was skipped (written only when the user asked to skip the rows they may not write). */
	reason?: string;
	synthetic: boolean;
	/** SYNTHETIC_LABEL on synthetic rows (added by the API). */
	label?: string;
}

export interface InvestmentImportResult {
	file: string;
	dryRun: boolean;
	/** Whether anything was written (false for a dry run and for a file with errors). */
	written: boolean;
	created: number;
	updated: number;
	unchanged: number;
	/** Rows left out because the user may not write them (with "alleen toegestane regels"). */
	skipped: number;
	errors: RowProblem[];
	rows: ImportedRow[];
	/** Some rows are demo data (their toelichting says DEMODATA). */
	synthetic: boolean;
}

/** As the API sends it: `label` when any row is synthetic, `error` when asked to write a file with errors. */
export interface ImportResponse extends InvestmentImportResult {
	label?: string;
	error?: string;
}

/** "13 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 fouten" */
export function importSummary(result: InvestmentImportResult): string {
	const errors = result.errors.length;
	const skipped = result.skipped ? `, ${result.skipped} overgeslagen` : '';
	return `${result.created} nieuw, ${result.updated} gewijzigd, ${result.unchanged} ongewijzigd${skipped}, ${errors} ${errors === 1 ? 'fout' : 'fouten'}`;
}

/** The rows with their problems, those with errors first, each group in file order. */
export function rowsForTable(result: InvestmentImportResult): (ImportedRow & { problems: RowProblem[] })[] {
	const problems = new Map<number, RowProblem[]>();
	for (const p of result.errors) problems.set(p.row, [...(problems.get(p.row) ?? []), p]);
	return result.rows
		.map((r) => ({ ...r, problems: problems.get(r.row) ?? [] }))
		.sort((a, b) => Number(b.action === 'error') - Number(a.action === 'error') || a.row - b.row);
}
