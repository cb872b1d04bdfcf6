// GET /aanmelden/oidc/terug?code=…&state=… (or ?error=…): the identity provider sends the browser back here.
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readConfig } from '$lib/server/config';
import { finishSignIn } from '$lib/server/auth/oidc';
import { safeReturnPath } from '$lib/domain/roles';

export async function GET({ url, cookies }) {
	const oidc = readConfig().oidc;
	if (!oidc) redirect(303, '/aanmelden?fout=niet_ingesteld');
	const result = await finishSignIn(await getDb(), oidc, cookies, url);
	if (!result.ok) redirect(303, `/aanmelden?${new URLSearchParams({ fout: result.reason, terug: result.terug })}`);
	redirect(303, safeReturnPath(result.terug));
}
