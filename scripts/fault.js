#!/usr/bin/env node
// Fault tests against the built app, on loopback, each bounded in time; prints what it measured.
//
//   npm run build && node scripts/fault.js [--port 4491] [--pg-dir .tmp/pg] [--pg-port 55432] [--only NAME,...]
//
//   restart    PostgreSQL stopped for 10 s mid-session (needs the private cluster of scripts/pg-cluster.sh):
//              requests during the outage get a 503 in Dutch with the request id, none hangs, the app recovers
//              by itself after the restart
//   abandoned  100 map-page loads abandoned after 200 ms, then the urgency API must answer at once
//              (PGlite, or the PostgreSQL of --database-url)
//   sigkill    the app killed (SIGKILL) in the middle of an import: after a restart nothing of it is there
//   readonly   a read-only, and a missing-parent-is-a-file, PGlite directory: a clear message and a non-zero exit
import { spawnSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, root, signInCookie, startApp } from './app-under-test.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(option('port', 4491));
const pgDir = option('pg-dir', '.tmp/pg');
const pgPort = option('pg-port', '55432');
const only = new Set((option('only', 'restart,abandoned,sigkill,readonly') ?? '').split(','));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const failures = [];
const check = (ok, what) => {
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures.push(what);
};

function pg(command, ...rest) {
	const r = spawnSync('bash', ['scripts/pg-cluster.sh', command, pgDir, pgPort, ...rest], { cwd: root, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`pg-cluster.sh ${command}: ${r.stderr}`);
	return r.stdout.trim().split('\n').pop();
}

async function timed(url, init = {}) {
	const t0 = performance.now();
	try {
		const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
		const body = await response.text();
		return { status: response.status, body, ms: performance.now() - t0, id: response.headers.get('x-request-id') };
	} catch (error) {
		return { status: 0, body: String(error), ms: performance.now() - t0 };
	}
}

// ---------------------------------------------------------------------------------------------------------
async function restart() {
	console.log('\nrestart: PostgreSQL stopped for 10 s in the middle of a session');
	const url = pg('fresh-db', 'wijkbeeld_fault');
	const app = await startApp({ port, databaseUrl: url });
	const results = [];
	let stopAt = 0;
	let startAt = 0;
	let firstOkAfter = null;
	const started = performance.now();
	const reader = (async () => {
		while (performance.now() - started < 35_000) {
			const r = await timed(`${app.origin}/api/areas?gemeente=GM0164&level=wijk`);
			r.at = performance.now() - started;
			results.push(r);
			if (startAt && firstOkAfter === null && r.status === 200 && r.at > startAt) firstOkAfter = r.at - startAt;
			await sleep(100);
		}
	})();
	await sleep(5000);
	stopAt = performance.now() - started;
	pg('stop');
	await sleep(10_000);
	pg('start');
	startAt = performance.now() - started;
	await reader;
	await app.stop();
	const during = results.filter((r) => r.at >= stopAt && r.at < startAt);
	const failed = results.filter((r) => r.status !== 200);
	const byStatus = {};
	for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
	console.log(`  ${results.length} requests, by status: ${JSON.stringify(byStatus)}; during the outage ${during.length}`);
	console.log(`  slowest answer ${Math.round(Math.max(...results.map((r) => r.ms)))} ms; first 200 after the restart ${firstOkAfter === null ? 'never' : `${(firstOkAfter / 1000).toFixed(1)} s`}`);
	if (failed[0]) console.log(`  an answer during the outage: ${failed[0].status} ${failed[0].body.slice(0, 200)}`);
	check(failed.every((r) => r.status === 503), 'every failed request is a 503 (no 500, no hang)');
	check(failed.every((r) => { try { const b = JSON.parse(r.body); return /database/i.test(b.error) && b.requestId === r.id; } catch { return false; } }), 'each 503 says it in Dutch, with the request id of its X-Request-Id header');
	check(results.every((r) => r.ms < 10_000), 'no request took 10 s or more');
	check(firstOkAfter !== null && firstOkAfter < 10_000, 'recovers within 10 s of the restart, without restarting the app');
}

// ---------------------------------------------------------------------------------------------------------
async function abandoned() {
	const databaseUrl = option('database-url', '');
	console.log(`\nabandoned: 100 map-page loads abandoned after 200 ms, then the urgency API (${databaseUrl ? 'PostgreSQL' : 'PGlite'})`);
	const app = await startApp({ port, databaseUrl });
	const before = await timed(`${app.origin}/api/urgency?gemeente=GM0164&level=buurt`);
	const aborts = [];
	for (let i = 0; i < 100; i++) {
		aborts.push(fetch(`${app.origin}/?gemeente=GM0164&laag=buurt&thema=urgentie&gebied=BU01640202&i=${i}`, { signal: AbortSignal.timeout(200) }).catch(() => null));
	}
	await Promise.all(aborts);
	const after = [];
	const t0 = performance.now();
	while (performance.now() - t0 < 30_000 && after.length < 10) after.push(await timed(`${app.origin}/api/urgency?gemeente=GM0164&level=buurt`));
	await app.stop();
	const ms = after.map((r) => r.ms).sort((a, b) => a - b);
	console.log(`  urgency before: ${Math.round(before.ms)} ms; after the burst (10 requests): first ${Math.round(after[0]?.ms)} ms, p50 ${Math.round(percentile(ms, 50))} ms, max ${Math.round(ms.at(-1))} ms`);
	check(after.every((r) => r.status === 200), 'every urgency request after the burst answers 200');
	check((after[0]?.ms ?? Infinity) < 15_000, 'the first one within 15 s (the abandoned pages do not starve it)');
}

// ---------------------------------------------------------------------------------------------------------
async function sigkill() {
	console.log('\nsigkill: the app killed in the middle of an import');
	const dir = join(mkdtempSync(join(tmpdir(), 'wijkbeeld-kill-')), 'pglite');
	let app = await startApp({ port, pgliteDir: dir });
	const cookie = await signInCookie(app.origin, 'partner.welbions@wijkbeeld.local');
	const header = 'partner;projectnaam;maatregel;buurtcode;lat;lon;start;eind;aantal_woningen;investering_eur;status;toelichting';
	const rows = Array.from({ length: 5000 }, (_, i) => `Welbions;KILL-${i};isolatie;BU01640202;;;01-01-2026;31-12-2027;10;100000;gepland;`);
	const form = new FormData();
	form.set('file', new Blob([`${header}\n${rows.join('\n')}\n`], { type: 'text/csv' }), 'kill.csv');
	const upload = fetch(`${app.origin}/api/import/investments?dryRun=false`, { method: 'POST', headers: { origin: app.origin, cookie }, body: form }).catch((e) => e);
	// Long enough for the file to arrive and the writing to begin, far shorter than the writing of 5,000 rows.
	await sleep(Number(option('kill-after', 1500)));
	app.child.kill('SIGKILL');
	const exit = await app.exited;
	const answer = await upload;
	console.log(`  killed (${exit.signal}); the upload got ${answer instanceof Error ? `no answer (${answer.cause?.code ?? answer.message})` : `a ${answer.status}`}`);
	app = await startApp({ port, pgliteDir: dir });
	const list = await (await fetch(`${app.origin}/api/investments?gemeente=GM0164`)).json();
	const left = list.filter((i) => /^KILL-/.test(i.projectName)).length;
	await app.stop();
	rmSync(join(dir, '..'), { recursive: true, force: true });
	console.log(`  after the restart: ${left} of the 5,000 rows are there`);
	check(answer instanceof Error, 'the import was really interrupted (no answer before the kill)');
	check(left === 0 || left === 5000, 'all or nothing of the import is there');
	check(left === 0, 'nothing of the interrupted import is there');
}

// ---------------------------------------------------------------------------------------------------------
function startExpectingFailure(env) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['build'], { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, output });
		});
	});
}

async function readonly() {
	console.log('\nreadonly: a PGlite directory the app cannot write');
	const base = mkdtempSync(join(tmpdir(), 'wijkbeeld-ro-'));
	// A file where the directory's parent should be: cannot be created by anyone (root included).
	writeFileSync(join(base, 'bestand'), 'geen map');
	const blocked = await startExpectingFailure({ WIJKBEELD_DB_DIR: join(base, 'bestand', 'pglite') });
	console.log(`  parent is a file: exit ${blocked.code ?? blocked.signal}; says: ${blocked.output.split('\n').find((l) => l.includes('start mislukt')) ?? blocked.output.slice(-300)}`);
	check(blocked.code !== 0 && blocked.code !== null, 'exits non-zero');
	check(/start mislukt: de PGlite-map .*WIJKBEELD_DB_DIR/.test(blocked.output), 'says which directory cannot be used, in Dutch');
	// A read-only directory (root ignores file modes, so this only bites when not run as root).
	const ro = join(base, 'alleen-lezen');
	mkdirSync(ro);
	chmodSync(ro, 0o555);
	if (process.getuid?.() === 0) console.log('  (running as root: a read-only mode does not stop root; the file case above stands in for it)');
	else {
		const result = await startExpectingFailure({ WIJKBEELD_DB_DIR: join(ro, 'pglite') });
		console.log(`  read-only: exit ${result.code ?? result.signal}`);
		check(result.code !== 0 && result.code !== null, 'a read-only directory: exits non-zero');
	}
	chmodSync(ro, 0o755);
	rmSync(base, { recursive: true, force: true });
}

const tests = { restart, abandoned, sigkill, readonly };
for (const [name, run] of Object.entries(tests)) {
	if (!only.has(name)) continue;
	try {
		await run();
	} catch (error) {
		console.log(`  FAIL ${name}: ${error.message}`);
		failures.push(name);
	}
}
console.log(`\nfault: ${failures.length ? `${failures.length} FAILED: ${failures.join('; ')}` : 'all passed'}`);
process.exit(failures.length ? 1 : 0);
