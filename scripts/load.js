#!/usr/bin/env node
// Load test: 50 concurrent readers against the map page's data and /api/areas, on loopback, bounded in time.
// Prints errors (must be 0), p50/p95/p99 latency per target and the server's RSS over time.
//
//   npm run build && node scripts/load.js [--seconds 300] [--connections 50] [--port 4490] [--database-url URL]
//
// Without --database-url (or DATABASE_URL) the app runs on PGlite in a fresh directory (first-start import first).
import autocannon from 'autocannon';
import { percentile, startApp } from './app-under-test.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : fallback;
};
const seconds = Number(option('seconds', 300));
const connections = Number(option('connections', 50));
const port = Number(option('port', 4490));
const databaseUrl = option('database-url', process.env.DATABASE_URL ?? '');

// The map page's data as the browser asks for it on a first visit: the page itself (its server load) and the areas.
const TARGETS = [
	{ name: '/api/areas (buurten Hengelo)', path: '/api/areas?gemeente=GM0164&level=buurt' },
	{ name: 'map page data (/__data.json)', path: '/__data.json?gemeente=GM0164' }
];

const app = await startApp({ port, databaseUrl });
console.log(`load: app on ${app.origin} (${databaseUrl ? 'PostgreSQL' : 'PGlite'}), ${connections} connections, ${seconds} s per target`);
const results = [];
try {
	for (const target of TARGETS) {
		const latencies = [];
		const statuses = new Map();
		const rss = [];
		const sampler = setInterval(() => rss.push(app.rssMb()), 5000);
		const instance = autocannon({
			url: app.origin + target.path,
			connections,
			duration: seconds,
			// A reader that waits longer than 10 s gives up: that is an error, not a slow answer.
			timeout: 10
		});
		instance.on('response', (_client, statusCode, _bytes, responseTime) => {
			latencies.push(responseTime);
			statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
		});
		const result = await new Promise((resolve, reject) => instance.on('done', resolve).on('error', reject));
		clearInterval(sampler);
		latencies.sort((a, b) => a - b);
		const non2xx = [...statuses].filter(([s]) => s < 200 || s >= 300).reduce((n, [, c]) => n + c, 0);
		results.push({
			target: target.name,
			requests: latencies.length,
			perSecond: Math.round(latencies.length / seconds),
			// autocannon counts a timeout as an error too.
			errors: result.errors + non2xx,
			timeouts: result.timeouts,
			non2xx,
			p50: Math.round(percentile(latencies, 50)),
			p95: Math.round(percentile(latencies, 95)),
			p99: Math.round(percentile(latencies, 99)),
			max: Math.round(latencies.at(-1) ?? NaN),
			rss: rss.filter((r) => r !== null)
		});
		const r = results.at(-1);
		console.log(`\n${r.target}: ${r.requests} requests, ${r.perSecond} req/s, errors ${r.errors} (timeouts ${r.timeouts}, non-2xx ${r.non2xx})`);
		console.log(`  latency ms: p50 ${r.p50}, p95 ${r.p95}, p99 ${r.p99}, max ${r.max}`);
		console.log(`  RSS MB every 5 s: ${r.rss.join(' ')}`);
	}
} finally {
	await app.stop();
}
const failed = results.filter((r) => r.errors > 0);
console.log(`\nload: ${failed.length ? `ERRORS in ${failed.map((r) => r.target).join(', ')}` : '0 errors'}`);
process.exit(failed.length ? 1 : 0);
