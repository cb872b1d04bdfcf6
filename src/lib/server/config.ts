// Configuration from the environment, read in one place (the server and the import command share it).
import { resolve } from 'node:path';

export interface Config {
	/** A PostgreSQL + PostGIS server; without it the embedded PGlite is used. */
	databaseUrl: string | undefined;
	/** Where the embedded PGlite keeps its files. */
	pgliteDir: string;
	/** Where the shared data (CBS boundaries, stadsdelen, demo data) is read from. */
	dataDir: string;
	/** Load the data directory into an empty database on start. */
	importOnStart: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		pgliteDir: resolve(env.WIJKBEELD_DB_DIR || '.data/pglite'),
		dataDir: resolve(env.WIJKBEELD_DATA_DIR || '../shared/data'),
		importOnStart: env.WIJKBEELD_IMPORT_ON_START !== '0'
	};
}
