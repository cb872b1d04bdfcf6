// Many readers at once on the map page: pages per second, latency percentiles, timeouts and errors.
//   npm run build && node build (PORT=4410 …), then: node scripts/bench-load.js [--origin http://127.0.0.1:4410]
//     [--connections 50] [--duration 60] [--path '/?gemeente=GM0164&laag=buurt&thema=urgentie']
// autocannon over loopback, each connection one reader asking for the page again as soon as it has it; a
// request that takes longer than 10 s counts as a timeout. Goal in issue 10, on PGlite and on PostgreSQL:
// at least 50 pages/s, p99 under 1 s, no timeouts.
import autocannon from 'autocannon';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : fallback;
};
const origin = arg('origin', 'http://127.0.0.1:4410');
const path = arg('path', '/?gemeente=GM0164&laag=buurt&thema=urgentie');
const connections = Number(arg('connections', 50));
const duration = Number(arg('duration', 60));

const health = await fetch(`${origin}/api/health`).then((r) => r.json());
// One request first: the page must answer 200, else the figures say nothing.
const first = await fetch(`${origin}${path}`);
if (!first.ok) throw new Error(`${path} answered ${first.status}`);
const pageBytes = (await first.arrayBuffer()).byteLength;

const result = await autocannon({ url: `${origin}${path}`, connections, duration, timeout: 10 });
const ok = result['2xx'];
console.log(`${origin}${path} on ${health.database}: ${connections} readers for ${duration} s, one page ${(pageBytes / 1024).toFixed(0)} kB`);
console.log(`pages/s   mean ${(ok / duration).toFixed(1)} (autocannon req/s mean ${result.requests.average}, min ${result.requests.min})`);
console.log(`latency   p50 ${result.latency.p50} ms   p90 ${result.latency.p90} ms   p99 ${result.latency.p99} ms   max ${result.latency.max} ms`);
console.log(`answers   2xx ${ok}   non-2xx ${result.non2xx}   errors ${result.errors}   timeouts ${result.timeouts}`);
const pass = ok / duration >= 50 && result.latency.p99 < 1000 && result.timeouts === 0;
console.log(`goal (>= 50 pages/s, p99 < 1 s, 0 timeouts): ${pass ? 'met' : 'not met'}`);
