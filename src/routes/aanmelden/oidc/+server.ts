// GET /aanmelden/oidc?terug=/pad: starts a sign-in at the identity provider.
import { redirect } from '@sveltejs/kit';
import { readConfig } from '$lib/server/config';
import { startSignIn } from '$lib/server/auth/oidc';
import { safeReturnPath } from '$lib/domain/roles';

export async function GET({ url, cookies }) {
	const oidc = readConfig().oidc;
	const terug = safeReturnPath(url.searchParams.get('terug'));
	const back = (fout: string) => `/aanmelden?${new URLSearchParams({ fout, terug })}`;
	if (!oidc) redirect(303, back('niet_ingesteld'));
	let target: URL;
	try {
		target = await startSignIn(oidc, cookies, url.origin, terug);
	} catch (error) {
		console.error(`[wijkbeeld] OpenID Connect: ${oidc.issuer} niet bereikbaar`, error);
		redirect(303, back('onbereikbaar'));
	}
	redirect(303, target.href);
}
