// A real OpenID Connect provider (oidc-provider) for the tests, on 127.0.0.1: one confidential client, PKCE
// required, a plain login page of its own (the library's development pages load a font from a remote host, which
// the browser tests forbid), and no consent step (the grant is given on login, as for a first-party app).
// Used by tests/db/auth.spec.ts (startTestProvider) and as the second web server of the browser tests:
//   npx tsx tests/oidc/provider.ts      (env OIDC_PROVIDER_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI)
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import Provider from 'oidc-provider';

export interface TestAccount {
	password: string;
	email: string;
	name: string;
	emailVerified?: boolean;
}

export const DEFAULT_ACCOUNTS: Record<string, TestAccount> = {
	foo: { password: 'bar', email: 'foo@gemeente.test', name: 'Fenna Foo' }
};

export interface TestProviderOptions {
	/** 0 for a free port. */
	port: number;
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	accounts?: Record<string, TestAccount>;
}

export interface TestProvider {
	issuer: string;
	close(): Promise<void>;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
	return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}
input{font:inherit;padding:.3rem;width:100%}button{font:inherit;margin-top:1rem;padding:.4rem 1rem}.fout{color:#a4262c}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function loginPage(uid: string, error?: string): string {
	return page(
		'Testprovider — inloggen',
		`${error ? `<p class="fout" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="login">Gebruikersnaam</label><input id="login" name="login" autocomplete="username" required>
<label for="password">Wachtwoord</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Inloggen</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Annuleren</button></form>`
	);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
	let body = '';
	for await (const chunk of req) body += chunk;
	return new URLSearchParams(body);
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
	const accounts = options.accounts ?? DEFAULT_ACCOUNTS;
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () => resolve());
	});
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: options.clientId,
				client_secret: options.clientSecret,
				redirect_uris: options.redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256' }] },
		cookies: { keys: ['wijkbeeld-test-provider'] },
		pkce: { required: () => true, methods: ['S256'] },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		async findAccount(_ctx: unknown, id: string) {
			const account = accounts[id];
			if (!account) return undefined;
			return {
				accountId: id,
				claims: async () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true, name: account.name })
			};
		},
		// No consent screen: the first-party app gets the scopes it asks for.
		async loadExistingGrant(ctx: {
			oidc: { client: { clientId: string }; session: { accountId: string; grantIdFor(id: string): string | undefined }; provider: Provider; params: { scope?: string } };
		}) {
			const { client, session } = ctx.oidc;
			if (!session.accountId) return undefined;
			const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
			grant.addOIDCScope(String(ctx.oidc.params.scope ?? 'openid'));
			await grant.save();
			return grant;
		},
		async renderError(ctx: { type: string; body: string }, out: { error: string; error_description?: string }) {
			ctx.type = 'html';
			ctx.body = page('Testprovider — fout', `<p>${escape(out.error)}: ${escape(out.error_description ?? '')}</p>`);
		}
	});
	const oidc = provider.callback();

	server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
		const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(new URL(req.url ?? '/', issuer).pathname);
		if (!match) return oidc(req, res);
		try {
			const [, uid, action] = match;
			await provider.interactionDetails(req, res);
			if (!action && req.method === 'GET') {
				res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid));
			} else if (action === 'login' && req.method === 'POST') {
				const form = await readForm(req);
				const login = form.get('login') ?? '';
				if (accounts[login]?.password !== form.get('password')) {
					res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid, 'Onbekende gebruikersnaam of onjuist wachtwoord'));
					return;
				}
				await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
			} else if (action === 'abort' && req.method === 'POST') {
				await provider.interactionFinished(
					req,
					res,
					{ error: 'access_denied', error_description: 'De gebruiker heeft het inloggen afgebroken' },
					{ mergeWithLastSubmission: false }
				);
			} else {
				res.writeHead(405).end();
			}
		} catch (error) {
			res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(`interactie mislukt: ${(error as Error).message}`);
		}
	});

	return {
		issuer,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

// Run as a script: the provider of the browser tests (see playwright.config.ts).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const env = process.env;
	const provider = await startTestProvider({
		port: Number(env.OIDC_PROVIDER_PORT || 4417),
		clientId: env.OIDC_CLIENT_ID || 'wijkbeeld',
		clientSecret: env.OIDC_CLIENT_SECRET || 'wijkbeeld-test-secret',
		redirectUris: (env.OIDC_REDIRECT_URI || 'http://127.0.0.1:4317/aanmelden/oidc/terug').split(',')
	});
	console.log(`test-OIDC-provider op ${provider.issuer}`);
	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.once(signal, () => void provider.close().then(() => process.exit(0)));
	}
}
