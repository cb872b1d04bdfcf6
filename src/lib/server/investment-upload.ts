// One investment upload, as both the API (POST /api/import/investments) and the upload page's form actions
// handle it: who may, how large, which file, and the answer with its HTTP status.
import { createHash } from 'node:crypto';
import { getDb } from './db';
import { readUpload } from './upload';
import { canEditAnything, type User } from '../domain/roles';
import { SYNTHETIC_LABEL } from '../domain/register';
import { SHEET_MAX_ROWS } from '../domain/upload';
import type { ImportResponse } from '../domain/import-result';
import { importInvestments } from './import/investments';
import { SheetError, type RowProblem } from '../../../geo/investments-sheet';

export type UploadAnswer =
	| { status: 200 | 422; body: ImportResponse & { fileHash: string } }
	| { status: 400 | 401 | 403 | 409 | 413 | 415; body: { error: string; errors?: RowProblem[] } };

const STATUS_OF_SHEET_ERROR = { format: 415, content: 400, too_large: 413 } as const;

/**
 * Reads the `file` of a multipart request and imports it for `user` (a dry run unless `dryRun` is false).
 * With `expectHash`, the file must be the one a dry run reported (sha256 of its bytes): "Alles invoeren"
 * writes only what was checked. With `skipForbidden`, rows the user may not write are skipped with the reason.
 */
export async function importUpload(
	request: Request,
	user: User | null,
	dryRun: boolean,
	expectHash?: string,
	skipForbidden?: boolean
): Promise<UploadAnswer> {
	if (!user) return { status: 401, body: { error: 'Meld u aan om dit te doen' } };
	if (!canEditAnything(user)) return { status: 403, body: { error: 'U heeft alleen leesrechten en kunt geen investeringen inlezen' } };
	const upload = await readUpload(request);
	if (!upload.ok) return { status: upload.status, body: { error: upload.message } };
	const fileHash = createHash('sha256').update(upload.bytes).digest('hex');
	if (expectHash !== undefined && expectHash !== fileHash) {
		return { status: 409, body: { error: `Doe eerst een proefinvoer van ${upload.name}: dit is niet het bestand van de laatste proefinvoer` } };
	}
	let result;
	try {
		// "Alleen mijn regels": from the query (API) or the form's checkbox (upload page).
		const skip = skipForbidden ?? upload.fields.alleenToegestaan === 'true';
		result = await importInvestments(await getDb(), user, user, upload, { dryRun, maxRows: SHEET_MAX_ROWS, skipForbidden: skip });
	} catch (error) {
		if (!(error instanceof SheetError)) throw error;
		return { status: STATUS_OF_SHEET_ERROR[error.reason], body: { error: error.message, errors: error.problems } };
	}
	const body = {
		...result,
		...(result.synthetic ? { label: SYNTHETIC_LABEL } : {}),
		rows: result.rows.map((r) => (r.synthetic ? { ...r, label: SYNTHETIC_LABEL } : r)),
		fileHash
	};
	if (!dryRun && result.errors.length) {
		// Asked to write, but nothing was: the same report as a dry run, with the `{ error }` every failure has.
		const n = result.errors.length;
		return { status: 422, body: { ...body, error: `${n} ${n === 1 ? 'fout' : 'fouten'} in ${result.file}; er is niets ingevoerd` } };
	}
	return { status: 200, body };
}
