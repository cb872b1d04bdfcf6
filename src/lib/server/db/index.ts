// The application's one shared database: opened once, migrated, loaded with the data directory when
// it is empty, and closed on shutdown.
import { readConfig } from '../config';
import { openDatabase, type Db } from './client';
import { migrate } from './migrate';
import * as areas from './areas';
import * as indicators from './indicators';
import { importDefaults, importMonitorDefaults } from '../import';
import { seedDemoInvestments } from '../import/investments';
import { seedDemoWijkbudgetten } from '../import/wijkbudgetten';
import { seedRegister } from '../seed-register';
import { seedStories } from '../seed-stories';
import { pruneSessions } from '../auth/sessions';

let ready: Promise<Db> | undefined;

async function open(log: (message: string) => void): Promise<Db> {
	const config = readConfig();
	const started = Date.now();
	const db = await openDatabase(
		config.databaseUrl ? { databaseUrl: config.databaseUrl, statementTimeoutMs: config.statementTimeoutMs } : { dataDir: config.pgliteDir }
	);
	const applied = await migrate(db);
	if (applied.length) log(`migraties toegepast: ${applied.join(', ')}`);
	if (config.importOnStart && (await areas.count(db)) === 0) {
		log(`lege database: gegevens laden uit ${config.dataDir}`);
		await importDefaults(db, config.dataDir, log);
	} else if (config.importOnStart && (await indicators.countCatalogue(db)) === 0) {
		// A database from before the monitor existed has its areas but no indicators yet.
		log(`geen monitor in de database: demodata laden uit ${config.dataDir}`);
		await importMonitorDefaults(db, config.dataDir, log);
	}
	if (config.importOnStart) {
		// The register starts with the programmes of the municipal documents and the demo investments, once.
		await seedRegister(db, log);
		await seedDemoInvestments(db, config.dataDir, log);
		// And the demo wijkbudgetten (bewonersbudgetten), labelled as demodata, once.
		await seedDemoWijkbudgetten(db, config.dataDir, log);
		// And with the story for the politieke markt, once.
		await seedStories(db, log);
	}
	await pruneSessions(db);
	log(`database ${db.kind} gereed in ${Date.now() - started} ms`);
	return db;
}

/** The shared database, ready for use. The first call opens it; later calls wait for the same one. */
export function getDb(log: (message: string) => void = (m) => console.log(`[wijkbeeld] ${m}`)): Promise<Db> {
	ready ??= open(log).catch((error) => {
		ready = undefined;
		throw error;
	});
	return ready;
}

export async function closeDb(): Promise<void> {
	if (!ready) return;
	const db = await ready.catch(() => undefined);
	ready = undefined;
	await db?.close();
}
