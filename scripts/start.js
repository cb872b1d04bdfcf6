// `npm start`: the one command that starts Wijkbeeld on a fresh clone. It installs the npm packages when
// they are missing, builds when the build is missing or older than the source, then runs the server with
// the embedded database (or DATABASE_URL). Node built-ins only: it runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function run(command, args) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

function newest(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const lockfile = join(root, 'package-lock.json');
const modules = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(modules) || statSync(modules).mtimeMs < statSync(lockfile).mtimeMs) {
	console.log('[wijkbeeld] npm-pakketten installeren (npm ci)…');
	run('npm', ['ci', '--no-audit', '--no-fund']);
}

// Two builds (npm run build): the app, and the story player of the offline bundles (vite.player.config.ts), which
// must be newer than the sources too: an old player in a new app would zip stories it cannot play.
const built = [join(root, 'build', 'index.js'), join(root, 'build', 'player', 'manifest.json')];
const sources = ['src', 'static', 'geo', 'package-lock.json', 'svelte.config.js', 'vite.config.ts', 'vite.player.config.ts'].map((p) => join(root, p));
const sourceTime = Math.max(...sources.filter(existsSync).map(newest));
if (built.some((file) => !existsSync(file) || statSync(file).mtimeMs < sourceTime)) {
	console.log('[wijkbeeld] bouwen (npm run build: de app en de verhalenspeler)…');
	run('npm', ['run', 'build']);
}

const env = { ...process.env, HOST: process.env.HOST ?? '127.0.0.1', PORT: process.env.PORT ?? '3000' };
// adapter-node refuses request bodies over 512 kB by default; a spreadsheet upload may be 5 MB (src/lib/domain/upload.ts).
env.BODY_SIZE_LIMIT ??= '6M';
// On a laptop the local sign-in lets you try every role; next to a real identity provider it stays off (the app
// would refuse to start with both).
if (!env.WIJKBEELD_OIDC_ISSUER) env.WIJKBEELD_LOKALE_AANMELDING ??= 'aan';
env.ORIGIN ??= `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}`;
console.log(`[wijkbeeld] start op ${env.ORIGIN} (${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in ' + (env.WIJKBEELD_DB_DIR ?? '.data/pglite')})`);
const server = spawn(process.execPath, ['build'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
