// The sign-in page: through the municipality's identity provider, and the local sign-in when it is switched on.
import { readConfig } from '$lib/server/config';
import { LOCAL_USERS, localSignInAllowed } from '$lib/server/auth/local-users';
import { ROLE_LABELS, safeReturnPath } from '$lib/domain/roles';
import { signInErrorMessage } from '$lib/domain/sign-in';

export function load({ url }) {
	const oidc = readConfig().oidc;
	const providerName = oidc?.name ?? 'de identiteitsprovider';
	return {
		terug: safeReturnPath(url.searchParams.get('terug')),
		error: signInErrorMessage(url.searchParams.get('fout'), providerName),
		oidc: oidc ? { name: oidc.name } : null,
		localUsers: localSignInAllowed()
			? LOCAL_USERS.map((u) => ({ email: u.email, name: u.name, role: u.role, roleLabel: ROLE_LABELS[u.role], gemeentecode: u.gemeentecode, organisation: u.organisation }))
			: null
	};
}
