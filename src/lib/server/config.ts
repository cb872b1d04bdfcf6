// Configuration from the environment, read in one place (the server and the import command share it).
import { resolve } from 'node:path';

/** The municipality's OpenID Connect identity provider, when one is configured. */
export interface OidcConfig {
	/** The issuer URL; its /.well-known/openid-configuration is read once. */
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** Shown on the sign-in button: "Aanmelden via <name>". */
	name: string;
	/**
	 * Who becomes admin when their user is created on first sign-in: verified e-mail addresses (lower case), or
	 * `sub:<subject>` for the provider's stable subject (case kept).
	 */
	admins: string[];
}

export interface Config {
	/** A PostgreSQL + PostGIS server; without it the embedded PGlite is used. */
	databaseUrl: string | undefined;
	/** Where the embedded PGlite keeps its files. */
	pgliteDir: string;
	/** Where the shared data (CBS boundaries, stadsdelen, demo data) is read from. */
	dataDir: string;
	/** Load the data directory into an empty database on start. */
	importOnStart: boolean;
	/** Sign-in through OpenID Connect; null when issuer, client id or secret is missing. */
	oidc: OidcConfig | null;
	/** PostgreSQL cancels a statement after this long (WIJKBEELD_STATEMENT_TIMEOUT_MS, default 30 s; 0: never). */
	statementTimeoutMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		pgliteDir: resolve(env.WIJKBEELD_DB_DIR || '.data/pglite'),
		dataDir: resolve(env.WIJKBEELD_DATA_DIR || '../shared/data'),
		importOnStart: env.WIJKBEELD_IMPORT_ON_START !== '0',
		oidc: readOidcConfig(env),
		statementTimeoutMs: nonNegative(env.WIJKBEELD_STATEMENT_TIMEOUT_MS, 30_000)
	};
}

function nonNegative(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

function readOidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
	const issuer = env.WIJKBEELD_OIDC_ISSUER?.trim();
	const clientId = env.WIJKBEELD_OIDC_CLIENT_ID?.trim();
	const clientSecret = env.WIJKBEELD_OIDC_CLIENT_SECRET;
	if (!issuer || !clientId || !clientSecret) return null;
	return {
		issuer,
		clientId,
		clientSecret,
		name: env.WIJKBEELD_OIDC_NAME?.trim() || 'de identiteitsprovider',
		admins: (env.WIJKBEELD_OIDC_ADMINS ?? '')
			.split(',')
			.map((a) => a.trim())
			.map((a) => (a.startsWith('sub:') ? a : a.toLowerCase()))
			.filter(Boolean)
	};
}
