// POST /api/import/investments?dryRun=true|false (multipart/form-data, field `file`): a partner spreadsheet
// (CSV or XLSX) checked row by row; with dryRun=false and no errors it is written, all or nothing.
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { parseQuery } from '$lib/server/http';
import { importUpload } from '$lib/server/investment-upload';

const query = z.object({
	// A dry run unless asked otherwise: writing is the deliberate second step.
	dryRun: z.enum(['true', 'false'], 'verwacht true of false').default('true'),
	// Rows the user may not write (another partner's, another gemeente's) are skipped with the reason instead of
	// blocking the file; what is written is still all or nothing.
	alleenToegestaan: z.enum(['true', 'false'], 'verwacht true of false').default('false')
});

export async function POST({ request, url, locals }) {
	const { dryRun, alleenToegestaan } = parseQuery(url, query);
	const answer = await importUpload(request, locals.user, dryRun === 'true', undefined, alleenToegestaan === 'true');
	return json(answer.body, { status: answer.status });
}
