// Database tests run the same cases on both engines: PGlite by default, the PostgreSQL server named by
// TEST_DATABASE_URL when it is set. Every test file gets a fresh schema built by the real migrations.
import { openDatabase, quoteIdent, type Db } from '../../src/lib/server/db/client';
import { migrate } from '../../src/lib/server/db/migrate';

export const engine: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

let counter = 0;
// A PGlite instance takes seconds to start, so the files of one worker share one (vitest runs them
// one after another there, see vite.config.ts) and each works in a schema of its own.
let sharedPglite: Promise<Db> | undefined;

/** A migrated, empty database in a schema of its own. Close it in afterAll. */
export async function freshDatabase(): Promise<Db> {
	const schema = `test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
	if (engine === 'postgres') {
		const db = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, schema });
		await migrate(db);
		const close = db.close;
		return {
			...db,
			async close() {
				await db.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
				await close();
			}
		};
	}
	sharedPglite ??= openDatabase({});
	const base = await sharedPglite;
	await base.exec(`CREATE SCHEMA ${quoteIdent(schema)}; SET search_path TO ${quoteIdent(schema)}, public`);
	const db: Db = {
		...base,
		async close() {
			await base.exec(`SET search_path TO public; DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
		}
	};
	await migrate(db);
	return db;
}
