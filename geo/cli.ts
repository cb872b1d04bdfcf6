// The import command: `npm run import` reloads the data directory; subcommands import one source.
//   npm run import                          everything a first start loads (WIJKBEELD_DATA_DIR)
//   npm run import -- boundaries FILE...    CBS/PDOK GeoJSON (gemeenten, wijken, buurten)
//   npm run import -- pdok URL [--year N]   a PDOK OGC API Features collection (items URL)
//   npm run import -- stadsdelen FILE       a buurt → stadsdeel indeling (CSV)
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { migrate } from '../src/lib/server/db/migrate';
import { importBoundaryFile, importDefaults, importOgcCollection, importStadsdelenFile } from './import';
import { ImportError, formatProblem } from './problems';

const progress = (message: string) => console.log(message);

async function main(args: string[]): Promise<void> {
	const config = readConfig();
	const started = Date.now();
	const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.pgliteDir });
	try {
		await migrate(db);
		const [command, ...rest] = args;
		switch (command) {
			case undefined:
			case 'all':
				await importDefaults(db, config.dataDir, progress);
				break;
			case 'boundaries':
				if (rest.length === 0) throw new Error('geef een of meer GeoJSON-bestanden');
				for (const file of rest) {
					const r = await importBoundaryFile(db, file);
					progress(`${r.file}: ${r.features} gebieden, ${r.written} nieuw of gewijzigd, ${r.skippedWater} water overgeslagen`);
					r.repaired.forEach((p) => progress(`  let op: ${formatProblem(p)}`));
				}
				break;
			case 'pdok': {
				const url = rest.find((a) => !a.startsWith('--'));
				if (!url) throw new Error('geef de items-URL van een OGC API Features-collectie');
				const yearIndex = rest.indexOf('--year');
				const year = yearIndex >= 0 ? Number(rest[yearIndex + 1]) : undefined;
				const r = await importOgcCollection(db, { url, year }, progress);
				progress(`${r.features} gebieden, ${r.written} nieuw of gewijzigd`);
				break;
			}
			case 'stadsdelen':
				if (!rest[0]) throw new Error('geef een CSV-bestand');
				for (const g of (await importStadsdelenFile(db, rest[0])).gemeenten) {
					progress(`${g.gemeentecode}: ${g.stadsdelen} stadsdelen, ${g.buurten} buurten`);
				}
				break;
			default:
				throw new Error(`onbekende opdracht "${command}" (all, boundaries, pdok, stadsdelen)`);
		}
		progress(`klaar in ${((Date.now() - started) / 1000).toFixed(1)} s (${db.kind})`);
	} finally {
		await db.close();
	}
}

main(process.argv.slice(2)).catch((error) => {
	if (error instanceof ImportError) {
		console.error(`Import afgebroken, er is niets geschreven. ${error.problems.length} probleem/problemen:`);
		error.problems.forEach((p) => console.error(`  ${formatProblem(p)}`));
	} else {
		console.error(`Import mislukt: ${(error as Error).message}`);
	}
	process.exitCode = 1;
});
