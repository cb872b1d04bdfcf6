// One wijkbudget upload, as the API (POST /api/import/wijkbudgetten) and the /wijkbudgetten page's form actions handle
// it: who may, how large, which file, and the answer with its HTTP status (as investment-upload.ts for investments).
import { createHash } from 'node:crypto';
import { getDb } from './db';
import { readUpload } from './upload';
import { canEditAnything, type User } from '../domain/roles';
import { SYNTHETIC_LABEL } from '../domain/monitor';
import { SHEET_MAX_ROWS } from '../domain/upload';
import type { RowProblem } from '../domain/import-result';
import { importWijkbudgetten, type WijkbudgetImportResult } from './import/wijkbudgetten';
import { SheetError } from '../../../geo/investments-sheet';

export type WijkbudgetUploadAnswer =
	| { status: 200 | 422; body: WijkbudgetImportResult & { fileHash: string; label?: string; error?: string } }
	| { status: 400 | 401 | 403 | 409 | 413 | 415; body: { error: string; errors?: RowProblem[] } };

const STATUS_OF_SHEET_ERROR = { format: 415, content: 400, too_large: 413 } as const;

export async function importWijkbudgetUpload(
	request: Request,
	user: User | null,
	options: { dryRun: boolean; skipForbidden: boolean; expectHash?: string }
): Promise<WijkbudgetUploadAnswer> {
	if (!user) return { status: 401, body: { error: 'Meld u aan om dit te doen' } };
	if (!canEditAnything(user) || user.role === 'partner') return { status: 403, body: { error: 'Alleen redacteuren van de gemeente en beheerders lezen wijkbudgetten in' } };
	const upload = await readUpload(request);
	if (!upload.ok) return { status: upload.status, body: { error: upload.message } };
	const fileHash = createHash('sha256').update(upload.bytes).digest('hex');
	if (options.expectHash !== undefined && options.expectHash !== fileHash) {
		return { status: 409, body: { error: `Doe eerst een proefinvoer van ${upload.name}: dit is niet het bestand van de laatste proefinvoer` } };
	}
	let result: WijkbudgetImportResult;
	try {
		result = await importWijkbudgetten(await getDb(), { id: user.id, name: user.name }, user, upload, {
			dryRun: options.dryRun,
			skipForbidden: options.skipForbidden,
			maxRows: SHEET_MAX_ROWS
		});
	} catch (error) {
		if (!(error instanceof SheetError)) throw error;
		return { status: STATUS_OF_SHEET_ERROR[error.reason], body: { error: error.message, errors: error.problems } };
	}
	const body = { ...result, ...(result.synthetic ? { label: SYNTHETIC_LABEL } : {}), fileHash };
	if (!options.dryRun && result.errors.length) {
		const n = result.errors.length;
		return { status: 422, body: { ...body, error: `${n} ${n === 1 ? 'fout' : 'fouten'} in ${result.file}; er is niets ingevoerd` } };
	}
	return { status: 200, body };
}
