#!/usr/bin/env node
// The one test command: `npm test` (CI runs exactly this too, see .ci/run).
// Plain Node with builtins only: it runs before node_modules exists and installs it.
//
//   npm test                     everything: system check, unit, db on PGlite and PostgreSQL, build, the whole e2e
//                                suite on PGlite and, on PostgreSQL, the e2e specs marked `// @db` (their behaviour
//                                depends on the database: writes, constraints, locks, queries)
//   npm test -- --only unit      one group (unit | db | e2e; repeat or comma-separate for several)
//   npm test -- --keep-going     run the later test steps even when one fails (default: stop at the first)
//
// Environment: TEST_DATABASE_URL (use this PostgreSQL for the db tests instead of the private cluster),
// E2E_DATABASE_URL (same for the e2e run on PostgreSQL), WIJKBEELD_TEST_PG_PORT (private cluster port; default the
// first free one from 55432), E2E_PORT (the app's port in the e2e runs; default the first free one from 4317).
// Free ports are looked for so that two checkouts can run their tests at the same time.
// The last line of output is always `N passed, M failed` over all vitest and playwright runs (skipped tests are
// not counted as passed; a step that fails outside any test — install, build, a crashed runner — counts as one
// failure, so a failing run never reports 0 failed). Above it, when anything failed, each failing test is listed
// with its file, title and the first line of its error, so that a CI log that keeps only its tail still names them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const GROUPS = ['unit', 'db', 'e2e'];
const REPORTS = join(root, '.tmp', 'reports');
const PG_DIR = join('.tmp', 'pg');
let PG_PORT = process.env.WIJKBEELD_TEST_PG_PORT || '55432';
const bin = (name) => join(root, 'node_modules', '.bin', name);
// Readable logs when the output goes to a file or CI: no colour codes unless asked for.
if (!process.stdout.isTTY && !process.env.FORCE_COLOR) process.env.NO_COLOR = '1';

// ---------- options ----------
let keepGoing = false;
function parseArgs(argv) {
	const only = new Set();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		let value;
		if (arg === '--keep-going') {
			keepGoing = true;
			continue;
		}
		if (arg === '--only') value = argv[++i];
		else if (arg.startsWith('--only=')) value = arg.slice('--only='.length);
		else if (arg === '-h' || arg === '--help') {
			console.log('usage: npm test [-- [--only unit|db|e2e] [--keep-going]]');
			process.exit(0);
		} else {
			console.error(`test: unknown argument ${arg} (usage: npm test [-- [--only unit|db|e2e] [--keep-going]])`);
			process.exit(2);
		}
		for (const g of (value ?? '').split(',').filter(Boolean)) {
			if (!GROUPS.includes(g)) {
				console.error(`test: --only takes ${GROUPS.join(' | ')}, got '${g}'`);
				process.exit(2);
			}
			only.add(g);
		}
		if (!value) {
			console.error('test: --only needs a value (unit | db | e2e)');
			process.exit(2);
		}
	}
	return only.size ? only : new Set(GROUPS);
}
const groups = parseArgs(process.argv.slice(2));

// ---------- output ----------
const totals = { passed: 0, failed: 0 };
const runs = []; // { name, passed, failed, skipped, note }
const timings = []; // { name, seconds, status }
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
const rule = '-'.repeat(78);
const t0All = performance.now();

function header(title) {
	console.log(`\n${rule}\n>>> ${title}\n${rule}`);
}

// ---------- child processes ----------
let current; // the running child, to pass on an interrupt

function run(command, args, { env = process.env } = {}) {
	console.log(`$ ${[command, ...args].map((a) => a.replaceAll(`${root}/`, '')).join(' ')}`);
	return new Promise((resolvePromise) => {
		const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
		current = child;
		child.on('error', (err) => {
			console.error(`test: could not start ${command}: ${err.message}`);
			current = undefined;
			resolvePromise(127);
		});
		child.on('close', (code, signal) => {
			current = undefined;
			resolvePromise(code ?? (signal ? 128 : 1));
		});
	});
}

function capture(command, args) {
	const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	return { code: r.status ?? 1, stdout: (r.stdout ?? '').trim() };
}

// ---------- the private PostgreSQL cluster ----------
let clusterStartedByUs = false;
let clusterStopped = false;

function clusterStatus() {
	return capture('bash', ['scripts/pg-cluster.sh', 'status', PG_DIR, PG_PORT]).code === 0;
}

async function startCluster() {
	if (clusterStartedByUs || clusterStatus()) {
		if (!clusterStartedByUs) console.log(`test: private cluster in ${PG_DIR} already running; it is left running afterwards`);
		return true;
	}
	const code = await run('bash', ['scripts/pg-cluster.sh', 'start', PG_DIR, PG_PORT]);
	if (code === 0) clusterStartedByUs = true;
	return code === 0;
}

function stopClusterSync() {
	if (!clusterStartedByUs || clusterStopped) return;
	clusterStopped = true;
	const t0 = performance.now();
	const r = spawnSync('bash', ['scripts/pg-cluster.sh', 'stop', PG_DIR, PG_PORT], { stdio: 'inherit' });
	timings.push({ name: 'stop PostgreSQL cluster', seconds: seconds(t0), status: r.status === 0 ? 'ok' : 'FAILED' });
}

function clusterUrl(db) {
	return capture('bash', ['scripts/pg-cluster.sh', 'url', PG_DIR, PG_PORT, db]).stdout;
}

// ---------- ports ----------
function portFree(port) {
	return new Promise((resolvePromise) => {
		const server = createServer();
		server.once('error', () => resolvePromise(false));
		server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolvePromise(true)));
	});
}

async function firstFreePort(from, count = 100) {
	for (let port = from; port < from + count; port++) if (await portFree(port)) return String(port);
	throw new Error(`no free port in ${from}..${from + count - 1}`);
}

async function choosePorts() {
	if (!process.env.WIJKBEELD_TEST_PG_PORT && (groups.has('db') || groups.has('e2e'))) {
		// Our own cluster still running (e.g. started by hand): keep its port; otherwise a free one.
		const pid = join(root, PG_DIR, 'data', 'postmaster.pid');
		const running = existsSync(pid) && clusterStatus() ? readFileSync(pid, 'utf8').split('\n')[3]?.trim() : undefined;
		PG_PORT = running || (await firstFreePort(55432));
	}
	if (!process.env.E2E_PORT && groups.has('e2e')) process.env.E2E_PORT = await firstFreePort(4317);
	const ports = [];
	if (groups.has('db') || groups.has('e2e')) ports.push(`private PostgreSQL cluster ${PG_PORT}`);
	if (groups.has('e2e')) ports.push(`app under test ${process.env.E2E_PORT}`);
	if (ports.length) console.log(`test: ports: ${ports.join(', ')}`);
}

// ---------- reports ----------
function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

const failures = []; // { run, file, title, error }
// eslint-disable-next-line no-control-regex -- colour codes from the runners are stripped
const firstLine = (text) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim().slice(0, 200) ?? '';
const relative = (file) => String(file ?? '').replace(`${root}/`, '');

function vitestFailures(run, file) {
	for (const result of readJson(file)?.testResults ?? []) {
		const failed = (result.assertionResults ?? []).filter((a) => a.status === 'failed');
		for (const a of failed) failures.push({ run, file: relative(result.name), title: a.fullName ?? a.title, error: firstLine(a.failureMessages?.[0]) });
		if (result.status === 'failed' && failed.length === 0) failures.push({ run, file: relative(result.name), title: '(the file did not run)', error: firstLine(result.message) });
	}
}

function playwrightFailures(run, file) {
	const report = readJson(file);
	const walk = (suite, titles) => {
		for (const spec of suite.specs ?? []) {
			for (const t of spec.tests ?? []) {
				if (t.status !== 'unexpected') continue;
				const result = (t.results ?? []).find((r) => r.status !== 'passed') ?? {};
				failures.push({ run, file: `tests/e2e/${spec.file}:${spec.line}`, title: [...titles, spec.title].join(' › '), error: firstLine(result.error?.message ?? result.status) });
			}
		}
		for (const child of suite.suites ?? []) walk(child, child.title && !child.title.endsWith('.ts') ? [...titles, child.title] : titles);
	};
	for (const suite of report?.suites ?? []) walk(suite, []);
	for (const error of report?.errors ?? []) failures.push({ run, file: '(playwright)', title: '(outside any test)', error: firstLine(error.message) });
}

function vitestCounts(file) {
	const report = readJson(file);
	if (!report) return undefined;
	let failed = report.numFailedTests ?? 0;
	// A file that fails to load (syntax error, failing beforeAll import) has no failed test of its own.
	for (const result of report.testResults ?? []) {
		if (result.status === 'failed' && !(result.assertionResults ?? []).some((a) => a.status === 'failed')) failed++;
	}
	return {
		passed: report.numPassedTests ?? 0,
		failed,
		skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
	};
}

function playwrightCounts(file) {
	const report = readJson(file);
	if (!report?.stats) return undefined;
	const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
	// Global errors (web server did not start, config error) fail the run without failing a test.
	return { passed: expected + flaky, failed: unexpected + (report.errors?.length ?? 0), skipped };
}

function record(name, code, counts) {
	const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
	let note = '';
	if (!counts) note = 'no report';
	if (code !== 0 && c.failed === 0) {
		c.failed = 1;
		note = `exit code ${code} without a failed test: counted as 1 failure`;
	}
	totals.passed += c.passed;
	totals.failed += c.failed;
	runs.push({ name, ...c, note });
}

// ---------- steps ----------
const steps = [];
// Test steps (their names say "tests") may be continued past with --keep-going; preparing steps may not.
const step = (name, fn) => steps.push({ name, fn, test: /\btests\b/.test(name) });

const components = ['npm'];
if (groups.has('db') || groups.has('e2e')) components.unshift('postgres');
if (groups.has('e2e')) components.unshift('chromium');

step(`system packages and node_modules (${components.join(', ')})`, async () => {
	const code = await run('bash', ['scripts/ensure-system.sh', ...components]);
	if (code !== 0) record('ensure-system', code, undefined);
	return code === 0;
});

step('svelte-kit sync', async () => {
	const code = await run(bin('svelte-kit'), ['sync']);
	if (code !== 0) record('svelte-kit sync', code, undefined);
	return code === 0;
});

// Type errors and lint errors fail the run like a failing test does.
if (groups.has('unit')) {
	step('svelte-check', async () => {
		const code = await run(bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings']);
		if (code !== 0) record('svelte-check', code, undefined);
		return code === 0;
	});
	step('eslint', async () => {
		const code = await run(bin('eslint'), ['.']);
		if (code !== 0) record('eslint', code, undefined);
		return code === 0;
	});
}

async function vitest(project, label, env, extra = []) {
	const out = join(REPORTS, `vitest-${label}.json`);
	rmSync(out, { force: true });
	const code = await run(
		bin('vitest'),
		['run', '--project', project, ...extra, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
		{ env }
	);
	record(`vitest ${label}`, code, vitestCounts(out));
	vitestFailures(`vitest ${label}`, out);
	return code === 0;
}

const withoutEnv = (...names) => {
	const env = { ...process.env };
	for (const n of names) delete env[n];
	return env;
};

if (groups.has('unit')) {
	step('unit tests (vitest --project unit)', () => vitest('unit', 'unit', process.env, ['--passWithNoTests']));
}

if (groups.has('db')) {
	step('db tests on PGlite (vitest --project db)', () => vitest('db', 'db-pglite', withoutEnv('TEST_DATABASE_URL')));
	step('db tests on PostgreSQL (vitest --project db)', async () => {
		let url = process.env.TEST_DATABASE_URL;
		if (url) console.log('test: TEST_DATABASE_URL is set: using that server');
		else {
			if (!(await startCluster())) return record('start PostgreSQL cluster', 1, undefined), false;
			url = clusterUrl('wijkbeeld_test');
		}
		console.log(`test: TEST_DATABASE_URL=${url}`);
		return vitest('db', 'db-postgres', { ...process.env, TEST_DATABASE_URL: url });
	});
}

function e2eSpecs(dir = join(root, 'tests', 'e2e')) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith('.spec.ts'))
		.map((e) => join(e.parentPath ?? e.path, e.name));
}

/** The e2e specs whose behaviour depends on the database: they say so with a line `// @db`. */
function dbSpecs() {
	return e2eSpecs().filter((file) => /^\/\/ @db\b/m.test(readFileSync(file, 'utf8')));
}

async function playwright(label, env, files = []) {
	const out = join(REPORTS, `playwright-${label}.json`);
	rmSync(out, { force: true });
	// Playwright sets FORCE_COLOR for its web server; a NO_COLOR next to it only makes Node warn.
	const rest = { ...env };
	delete rest.NO_COLOR;
	// Our own PGlite directory and results directory: Playwright empties its output directory when it starts, so a
	// manual `npx playwright test` at the same time (default .tmp/test-results) must not share it with this run.
	const pgliteDir = join(root, '.tmp', `e2e-pglite-${Date.now()}`);
	mkdirSync(pgliteDir, { recursive: true });
	const code = await run(bin('playwright'), ['test', '--reporter=list,json', ...files.map((f) => f.replace(`${root}/`, ''))], {
		env: {
			...rest,
			PLAYWRIGHT_JSON_OUTPUT_NAME: out,
			E2E_PGLITE_DIR: pgliteDir,
			E2E_OUTPUT_DIR: join(root, '.tmp', `e2e-results-${label}`)
		}
	});
	record(`playwright ${label}`, code, playwrightCounts(out));
	playwrightFailures(`playwright ${label}`, out);
	// Keep the database of a failed run to look at; the next run clears it (see removeOldPgliteDirs).
	if (code === 0) rmSync(pgliteDir, { recursive: true, force: true });
	return code === 0;
}

/** PGlite directories of earlier e2e runs (64 MB each); recent ones may belong to a run going on right now. */
function removeOldPgliteDirs() {
	const tmp = join(root, '.tmp');
	for (const e of readdirSync(tmp, { withFileTypes: true })) {
		if (!e.isDirectory() || !e.name.startsWith('e2e-pglite-')) continue;
		const dir = join(tmp, e.name);
		if (Date.now() - statSync(dir).mtimeMs > 60 * 60 * 1000) rmSync(dir, { recursive: true, force: true });
	}
}

if (groups.has('e2e')) {
	step('build (npm run build)', async () => {
		const code = await run('npm', ['run', 'build']);
		if (code !== 0) record('build', code, undefined);
		return code === 0;
	});
	const specs = e2eSpecs();
	if (specs.length === 0) {
		step('e2e tests', async () => {
			console.log('test: no tests/e2e/*.spec.ts yet: e2e skipped');
			return true;
		});
	} else {
		step('e2e tests on PGlite (playwright)', async () => {
			removeOldPgliteDirs();
			return playwright('pglite', withoutEnv('E2E_DATABASE_URL', 'DATABASE_URL'));
		});
		step('e2e tests on PostgreSQL, the specs marked // @db (playwright)', async () => {
			let url = process.env.E2E_DATABASE_URL;
			if (url) console.log('test: E2E_DATABASE_URL is set: using that server');
			else {
				if (!(await startCluster())) return record('start PostgreSQL cluster', 1, undefined), false;
				// A fresh database, so that the app's first-start import runs here too.
				const fresh = capture('bash', ['scripts/pg-cluster.sh', 'fresh-db', PG_DIR, PG_PORT, 'wijkbeeld_e2e']);
				if (fresh.code !== 0) return record('create e2e database', fresh.code, undefined), false;
				url = fresh.stdout.split('\n').pop();
			}
			console.log(`test: E2E_DATABASE_URL=${url}`);
			const marked = dbSpecs();
			console.log(`test: on PostgreSQL only the ${marked.length} specs marked // @db: ${marked.map((f) => f.replace(`${root}/tests/e2e/`, '')).join(', ')}`);
			return playwright('postgres', { ...withoutEnv('DATABASE_URL'), E2E_DATABASE_URL: url }, marked);
		});
	}
}

// ---------- interrupts ----------
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(signal, () => {
		if (interrupted) return;
		interrupted = true;
		console.error(`\ntest: ${signal}: stopping`);
		current?.kill(signal);
		stopClusterSync();
		totals.failed += 1;
		console.log(`${totals.passed} passed, ${totals.failed} failed`);
		process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[signal]);
	});
}

// ---------- main ----------
mkdirSync(REPORTS, { recursive: true });
await choosePorts();
let ok = true;
try {
	for (const [i, s] of steps.entries()) {
		header(`[${i + 1}/${steps.length}] ${s.name}`);
		const t0 = performance.now();
		let passed;
		try {
			passed = await s.fn();
		} catch (err) {
			console.error(err);
			record(s.name, 1, undefined);
			passed = false;
		}
		const took = seconds(t0);
		timings.push({ name: s.name, seconds: took, status: passed ? 'ok' : 'FAILED' });
		console.log(`<<< ${passed ? 'ok' : 'FAILED'}: ${s.name} (${took} s)`);
		if (!passed) {
			ok = false;
			// Steps that only prepare (install, sync, build, cluster) always stop the run.
			if (keepGoing && s.test) continue;
			const rest = steps.slice(i + 1).map((r) => r.name);
			if (rest.length) console.log(`test: stopping at the first failure; not run: ${rest.join('; ')}`);
			break;
		}
	}
} finally {
	if (clusterStartedByUs) header('stop PostgreSQL cluster');
	stopClusterSync();
}

header(`summary (${seconds(t0All)} s)`);
for (const t of timings) console.log(`  ${t.status.padEnd(6)} ${t.seconds.padStart(6)} s  ${t.name}`);
console.log('');
for (const r of runs) {
	const counts = `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
	console.log(`  ${r.name.padEnd(24)} ${counts}${r.note ? `  (${r.note})` : ''}`);
}
if (failures.length) {
	console.log(`\nfailing tests (${failures.length}):`);
	for (const f of failures) console.log(`  ✘ [${f.run}] ${f.file} › ${f.title}\n      ${f.error}`);
}
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
