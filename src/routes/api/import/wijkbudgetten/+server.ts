// POST /api/import/wijkbudgetten?dryRun=true|false&alleenToegestaan=true|false (multipart/form-data, field `file`): the
// municipal wijkbudget export checked row by row; with dryRun=false and no errors it is written, all or nothing.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { parseQuery } from '$lib/server/http';
import { importWijkbudgetUpload } from '$lib/server/wijkbudget-upload';

const query = z.object({
	dryRun: z.enum(['true', 'false'], 'verwacht true of false').default('true'),
	// Rows of a gemeente the user may not write are skipped (with the reason) instead of blocking the file.
	alleenToegestaan: z.enum(['true', 'false'], 'verwacht true of false').default('false')
});

export async function POST({ request, url, locals }) {
	const { dryRun, alleenToegestaan } = parseQuery(url, query);
	const answer = await importWijkbudgetUpload(request, locals.user, { dryRun: dryRun === 'true', skipForbidden: alleenToegestaan === 'true' });
	return json(answer.body, { status: answer.status });
}
