import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { importUpload } from '$lib/server/investment-upload';
import { canEditAnything } from '$lib/domain/roles';

const SIGN_IN = '/aanmelden?terug=/invoer';

/** The upload page is for signed-in users; the import itself is checked again on the server, row by row. */
export async function load({ locals }) {
	if (!locals.user) redirect(303, SIGN_IN);
	const gemeenten = await areas.listGemeenten(await getDb());
	return {
		user: locals.user,
		canImport: canEditAnything(locals.user),
		gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.name }))
	};
}

/**
 * The form posts here (also without JavaScript). "Alles invoeren" sends the hash of the dry-run file along
 * (`proef`): only a file that was checked is written.
 */
async function run({ request, locals, url }: RequestEvent, dryRun: boolean) {
	if (!locals.user) redirect(303, SIGN_IN);
	const expectHash = dryRun ? undefined : (url.searchParams.get('proef') ?? '');
	const answer = await importUpload(request, locals.user, dryRun, expectHash);
	return answer.status === 200 ? answer.body : fail(answer.status, answer.body);
}

export const actions = {
	proef: (event) => run(event, true),
	invoeren: (event) => run(event, false)
};
