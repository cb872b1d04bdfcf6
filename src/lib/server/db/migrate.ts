// Forward-only migrations: migrations/NNN_verb_noun.sql, applied in order, one transaction each,
// recorded in schema_migrations. Tests build their databases from the same files.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './client';

export const MIGRATIONS_DIR = join(process.cwd(), 'migrations');

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
	const names = (await readdir(dir)).filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name));
	return names.sort();
}

/** Applies every migration not yet recorded; returns the names it applied. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
	await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		name text PRIMARY KEY,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`);
	const done = new Set(
		(await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name)
	);
	const applied: string[] = [];
	for (const name of await listMigrations(dir)) {
		if (done.has(name)) continue;
		const text = await readFile(join(dir, name), 'utf8');
		try {
			await db.transaction(async (tx) => {
				await tx.exec(text);
				await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
			});
		} catch (cause) {
			throw new Error(`Migratie ${name} mislukt: ${(cause as Error).message}`, { cause });
		}
		applied.push(name);
	}
	return applied;
}
