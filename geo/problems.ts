// What an importer reports when input is wrong: where (file, row or feature, field) and why, in Dutch,
// because the people who fix the file read it.

export interface ImportProblem {
	file: string;
	/** Line in a CSV file as a spreadsheet numbers it (the header is line 1). */
	row?: number;
	/** 1-based position of a feature in a GeoJSON document or paged service. */
	feature?: number;
	/** The area code of the row or feature, when it has one. */
	code?: string;
	field?: string;
	message: string;
}

export class ImportError extends Error {
	constructor(
		readonly problems: ImportProblem[],
		summary = `${problems.length} probleem/problemen gevonden; er is niets geïmporteerd`
	) {
		super(`${summary}\n${problems.slice(0, 20).map(formatProblem).join('\n')}`);
		this.name = 'ImportError';
	}
}

export function formatProblem(p: ImportProblem): string {
	const where = [
		p.file,
		p.row !== undefined ? `rij ${p.row}` : undefined,
		p.feature !== undefined ? `feature ${p.feature}` : undefined,
		p.code,
		p.field ? `veld ${p.field}` : undefined
	]
		.filter(Boolean)
		.join(', ');
	return `${where}: ${p.message}`;
}

/** Reports progress of a long import on one line. */
export type Progress = (message: string) => void;

export const silent: Progress = () => {};
