// Starting the built app (`node build`) for the load and fault scripts: on loopback only, a port of its own, with
// PGlite in a fresh directory or the PostgreSQL of DATABASE_URL; waits for /api/health. Node built-ins only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** Starts the app; resolves when it answers /api/health (or rejects after `timeoutMs`). */
export async function startApp({ port, databaseUrl = '', pgliteDir, env = {}, timeoutMs = 240_000, log = false } = {}) {
	const origin = `http://127.0.0.1:${port}`;
	const dir = pgliteDir ?? join(mkdtempSync(join(tmpdir(), 'wijkbeeld-load-')), 'pglite');
	const child = spawn(process.execPath, ['build'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: databaseUrl,
			WIJKBEELD_DB_DIR: dir,
			WIJKBEELD_LOKALE_AANMELDING: 'aan',
			BODY_SIZE_LIMIT: '6M',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const keep = (chunk) => {
		output = (output + chunk).slice(-20_000);
		if (log) process.stderr.write(chunk);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	const started = Date.now();
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`app stopped while starting:\n${output}`);
		if (Date.now() - started > timeoutMs) {
			child.kill('SIGKILL');
			throw new Error(`app did not answer within ${timeoutMs / 1000} s:\n${output}`);
		}
		try {
			const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) break;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		origin,
		child,
		dir,
		exited,
		output: () => output,
		/** Resident memory of the server process in MB (Linux /proc). */
		rssMb() {
			try {
				const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
				return line ? Math.round(Number(line[1]) / 1024) : null;
			} catch {
				return null;
			}
		},
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

/** Signs in locally as `email`; the cookie header for later requests. */
export async function signInCookie(origin, email) {
	const response = await fetch(`${origin}/aanmelden/lokaal`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.includes('wijkbeeld_sessie='));
	if (!cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`);
	return cookie.split(';')[0];
}

export function percentile(sorted, p) {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
