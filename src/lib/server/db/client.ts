// The one data-access seam: the same SQL runs on in-process PGlite (+ PostGIS, the zero-setup default)
// and on a real PostgreSQL + PostGIS server (when DATABASE_URL is set). Both take `$1`-style parameters.
import { mkdir } from 'node:fs/promises';
import { error as kitError } from '@sveltejs/kit';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Sql, TransactionSql } from 'postgres';
import { defaultCacheDir, postgisBundle, seedDataDir } from './pglite-cache';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Queryable {
	/** Runs one statement with `$n` parameters and returns its rows. */
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
	/** Runs a script of several statements without parameters (migrations). */
	exec(text: string): Promise<void>;
}

export interface Db extends Queryable {
	readonly kind: DatabaseKind;
	/** Runs `fn` in one transaction: all of it is written, or none of it. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	close(): Promise<void>;
}

export interface OpenOptions {
	/** postgres:// URL; without it the embedded PGlite is used. */
	databaseUrl?: string;
	/** PGlite data directory; omit for an in-memory database. */
	dataDir?: string;
	/** Schema to put first on the search path (tests give every file its own). */
	schema?: string;
	/**
	 * Where PGlite's start-up caches are kept (see pglite-cache.ts); false for none. Default:
	 * node_modules/.cache/wijkbeeld when there is a node_modules directory.
	 */
	cacheDir?: string | false;
	/** PostgreSQL: the longest a statement may run before the server cancels it (0 or unset: no limit). */
	statementTimeoutMs?: number;
}

// postgres.js and PostgreSQL codes that mean the server is gone or going (not that the query is wrong):
// connection refused or lost, the server shutting down or starting up, a statement cancelled by the timeout.
const UNAVAILABLE = new Set([
	'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006'
]);

/**
 * A request that meets an outage gets a 503 with a Dutch message (and, through the hooks, its request id) instead
 * of a 500 with a stack in the log; postgres.js reconnects by itself, so the next request after the outage works.
 */
function unavailable(error: unknown): never {
	const code = (error as { code?: unknown } | null)?.code;
	if (typeof code === 'string' && UNAVAILABLE.has(code)) {
		kitError(503, 'De database is tijdelijk niet bereikbaar; probeer het over een minuut opnieuw');
	}
	if (code === '57014') kitError(503, 'Deze vraag kostte de database te lang en is afgebroken; probeer een kleinere selectie');
	throw error;
}

function pgliteQueryable(pg: PGlite | Transaction): Queryable {
	return {
		async query<T>(text: string, params: unknown[] = []) {
			const result = await pg.query<T>(text, params);
			return result.rows;
		},
		async exec(text: string) {
			await pg.exec(text);
		}
	};
}

async function openPglite(options: OpenOptions): Promise<Db> {
	const { PGlite } = await import('@electric-sql/pglite');
	const cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir());
	const postgis = await postgisBundle(cacheDir);
	if (options.dataDir) {
		// PGlite creates its own directory but not the ones above it (.data/ on a fresh clone).
		await mkdir(options.dataDir, { recursive: true });
		// An empty directory starts as a copy of a template that has initdb and PostGIS done already.
		await seedDataDir(options.dataDir, cacheDir, PGlite, postgis);
	}
	const pg = await PGlite.create({ dataDir: options.dataDir, extensions: { postgis: postgis.extension } });
	await pg.exec('CREATE EXTENSION IF NOT EXISTS postgis');
	if (options.schema) {
		await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}; SET search_path TO ${quoteIdent(options.schema)}, public`);
	}
	// PGlite has one session, so concurrent transactions must queue behind each other.
	let queue: Promise<unknown> = Promise.resolve();
	return {
		kind: 'pglite',
		...pgliteQueryable(pg),
		transaction<T>(fn: (tx: Queryable) => Promise<T>) {
			const run = queue.then(() => pg.transaction((tx) => fn(pgliteQueryable(tx))));
			queue = run.catch(() => undefined);
			return run as Promise<T>;
		},
		async close() {
			if (!pg.closed) await pg.close();
		}
	};
}

function postgresQueryable(sql: Sql | TransactionSql): Queryable {
	return {
		async query<T>(text: string, params: unknown[] = []) {
			// postgres.js types its parameters loosely; the values here are plain JS scalars.
			const rows = await sql.unsafe(text, params as never[]).catch(unavailable);
			return rows as unknown as T[];
		},
		async exec(text: string) {
			await sql.unsafe(text).catch(unavailable);
		}
	};
}

async function openPostgres(options: OpenOptions & { databaseUrl: string }): Promise<Db> {
	const { default: postgres } = await import('postgres');
	const sql = postgres(options.databaseUrl, {
		max: 10,
		onnotice: () => {},
		connection: {
			...(options.schema ? { search_path: `${options.schema},public` } : {}),
			// Work per request is bounded: a runaway query is cancelled by the server, not left to hold a connection.
			...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {})
		},
		// Same JS types as PGlite: int8 and numeric come back as numbers when they fit.
		types: {
			bigint: {
				to: 20,
				from: [20],
				serialize: (x: number) => String(x),
				parse: (x: string) => Number(x)
			}
		}
	});
	if (options.schema) {
		await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
	}
	await sql.unsafe('CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public');
	return {
		kind: 'postgres',
		...postgresQueryable(sql),
		async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
			return (await sql.begin((tx) => fn(postgresQueryable(tx))).catch(unavailable)) as T;
		},
		async close() {
			await sql.end({ timeout: 5 });
		}
	};
}

/**
 * A Db that runs everything inside an open transaction, so that importers which open their own
 * transaction can be combined into one larger all-or-nothing run.
 */
export function withinTransaction(tx: Queryable, kind: DatabaseKind): Db {
	return {
		kind,
		query: (text, params) => tx.query(text, params),
		exec: (text) => tx.exec(text),
		transaction: (fn) => fn(tx),
		close: async () => {}
	};
}

export function quoteIdent(name: string): string {
	if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Ongeldige naam: ${name}`);
	return `"${name}"`;
}

export async function openDatabase(options: OpenOptions): Promise<Db> {
	return options.databaseUrl
		? openPostgres({ ...options, databaseUrl: options.databaseUrl })
		: openPglite(options);
}
