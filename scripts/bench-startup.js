// Start-up and latency figures for the closing notes and for regressions: run `npm run build` first.
//   node scripts/bench-startup.js [--runs 50]
// Measures, on PGlite and (when a private PostgreSQL cluster can be started) on PostgreSQL:
//   cold start to first answer with an empty database (includes migrations and the first-start import),
//   start to first answer with the database already there (reopen),
//   GET /api/areas?gemeente=GM0164&level=buurt latency (median and p95 over N requests),
// and in Chromium the time from navigation to the map's first `idle` with the buurten drawn.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 50;
const port = 4390;
const origin = `http://127.0.0.1:${port}`;

function startServer(env) {
	const started = performance.now();
	const child = spawn(process.execPath, ['build'], {
		cwd: root,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: origin, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const ready = (async () => {
		// A server that never answers 200 (a broken build, a database that cannot open) ends the bench.
		const deadline = started + 300_000;
		for (;;) {
			if (performance.now() > deadline) {
				child.kill('SIGKILL');
				throw new Error('no healthy answer from the server within 300 s');
			}
			try {
				const response = await fetch(`${origin}/api/health`);
				if (response.ok) return performance.now() - started;
			} catch {
				// not listening yet
			}
			if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
			await new Promise((r) => setTimeout(r, 50));
		}
	})();
	const stop = () =>
		new Promise((resolve) => {
			child.once('exit', resolve);
			child.kill('SIGTERM');
		});
	return { ready, stop };
}

async function latency(path) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		const response = await fetch(`${origin}${path}`);
		await response.arrayBuffer();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
}

async function firstIdle() {
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	const t = performance.now();
	await page.goto(`${origin}/?gemeente=GM0164&laag=buurt`);
	await page.waitForFunction(() => {
		const map = window.wijkbeeld?.map;
		if (!map || !map.isStyleLoaded() || !map.areTilesLoaded() || map.isMoving()) return false;
		return new Set(map.queryRenderedFeatures({ layers: ['buurt-fill'] }).map((f) => f.properties.code)).size === 62;
	}, null, { timeout: 120_000, polling: 50 });
	const elapsed = performance.now() - t;
	await browser.close();
	return elapsed;
}

const ms = (n) => `${Math.round(n)} ms`;

async function measure(label, envFresh, envReopen = envFresh) {
	const fresh = startServer(envFresh);
	const cold = await fresh.ready;
	const areas = await latency('/api/areas?gemeente=GM0164&level=buurt');
	const page = await firstIdle();
	await fresh.stop();
	const again = startServer(envReopen);
	const reopen = await again.ready;
	await again.stop();
	console.log(`${label.padEnd(10)} cold start ${ms(cold)} · reopen ${ms(reopen)} · /api/areas median ${ms(areas.median)}, p95 ${ms(areas.p95)} · page → map idle ${ms(page)}`);
	return { cold, reopen, areas, page };
}

const results = {};
const dir = mkdtempSync(join(tmpdir(), 'wijkbeeld-bench-'));
try {
	results.pglite = await measure('PGlite', { WIJKBEELD_DB_DIR: join(dir, 'pglite'), DATABASE_URL: '' });
} finally {
	rmSync(dir, { recursive: true, force: true });
}

const cluster = join(root, 'scripts', 'pg-cluster.sh');
const started = spawnSync('bash', [cluster, 'start', '.tmp/pg-bench', '55433'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (started.status === 0) {
	try {
		const url = spawnSync('bash', [cluster, 'fresh-db', '.tmp/pg-bench', '55433', 'wijkbeeld_bench'], { cwd: root, encoding: 'utf8' }).stdout.trim();
		results.postgres = await measure('PostgreSQL', { DATABASE_URL: url });
	} finally {
		spawnSync('bash', [cluster, 'stop', '.tmp/pg-bench', '55433'], { cwd: root, stdio: 'ignore' });
	}
} else {
	console.log('PostgreSQL: no private cluster could be started (is postgresql-15-postgis-3 installed?)');
}
if (results.postgres) {
	const r = (a, b) => (a / b).toFixed(1);
	console.log(`ratios PGlite/PostgreSQL: cold start ${r(results.pglite.cold, results.postgres.cold)}×, reopen ${r(results.pglite.reopen, results.postgres.reopen)}×, /api/areas ${r(results.pglite.areas.median, results.postgres.areas.median)}×`);
}
