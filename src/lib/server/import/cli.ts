// The import command: `npm run import` reloads the data directory; subcommands import one source.
//   npm run import                          everything a first start loads (WIJKBEELD_DATA_DIR)
//   npm run import -- boundaries FILE...    CBS/PDOK GeoJSON (gemeenten, wijken, buurten)
//   npm run import -- pdok URL [--year N]   a PDOK OGC API Features collection (items URL)
//   npm run import -- stadsdelen FILE       a buurt → stadsdeel indeling (CSV)
//   npm run import -- wijkbudgetten FILE [--schrijf]  the municipal wijkbudget export (dry run unless --schrijf)
//   npm run import -- monitor [--catalogus FILE] [--waarden FILE] [--synthetisch] [--bron TEXT]
//                                           the monitor in long format (catalogue and/or values)
//   npm run import -- monitor-breed FILE [--jaar N] [--synthetisch] [--bron TEXT]
//                                           a wide municipal export (one column per indicator)
//   npm run import -- cbs URL|FILE --jaar N [--gemeente GM0164]...
//                                           CBS Kerncijfers wijken en buurten (StatLine OData TypedDataSet)
//   npm run import -- statline FILE|URL... [--tabel 50090NED] [--gemeente GM0164]... [--alle] [--jaar N]
//                                           a StatLine table (.xlsx, .csv, OData Untyped/TypedDataSet URL)
import { readConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { readFile } from 'node:fs/promises';
import {
	importBoundaryFiles,
	importCbsOdata,
	importCbsOdataPages,
	importDefaults,
	importMonitorLongFiles,
	importMonitorWideFile,
	importOgcCollection,
	importStadsdelenFile,
	type MonitorImportResult
} from '.';
import { ImportError, formatProblem } from '../../../../geo/problems';
import { basename } from 'node:path';
import { importStatLine } from './statline';
import { importWijkbudgetten } from './wijkbudgetten';

const progress = (message: string) => console.log(message);

/** The value after a flag (`--jaar 2024`), all values of a repeated flag, and whether a flag is present. */
function option(args: string[], flag: string): string | undefined {
	const i = args.indexOf(flag);
	return i >= 0 ? args[i + 1] : undefined;
}
function options(args: string[], flag: string): string[] {
	return args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
}
function yearOption(args: string[]): number | undefined {
	const text = option(args, '--jaar') ?? option(args, '--year');
	if (text === undefined) return undefined;
	if (!/^\d{4}$/.test(text)) throw new Error(`--jaar verwacht een jaartal, niet "${text}"`);
	return Number(text);
}
function reportMonitor(r: MonitorImportResult): void {
	progress(
		`${r.file}: ${r.indicators} indicatoren (${r.indicatorsWritten} nieuw of gewijzigd), ${r.values} waarden, ${r.empty} leeg` +
			`${r.skipped ? `, ${r.skipped} regio's buiten de geladen gemeenten overgeslagen` : ''}; ` +
			`${r.written} nieuw of gewijzigd, ${r.removed} verwijderd; jaren ${r.years.join(', ') || '-'}`
	);
}

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
				// All files in one transaction: a failing second file leaves the first unwritten too.
				for (const r of await importBoundaryFiles(db, rest)) {
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
			case 'wijkbudgetten': {
				// As an admin acting through the command line; a dry run unless --schrijf is given.
				const file = rest.find((a) => !a.startsWith('--'));
				if (!file) throw new Error('geef een CSV- of XLSX-bestand');
				const dryRun = !rest.includes('--schrijf');
				const actor = { id: null, name: 'Wijkbeeld (opdrachtregel)' };
				const user = { id: 0, email: 'cli@localhost', name: actor.name, role: 'admin' as const, gemeentecode: null, organisation: null };
				const r = await importWijkbudgetten(db, actor, user, { name: basename(file), bytes: await readFile(file) }, { dryRun });
				for (const e of r.errors) progress(`  rij ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message}`);
				progress(
					`${r.file}: ${r.created} nieuw, ${r.updated} gewijzigd, ${r.unchanged} ongewijzigd, ${r.errors.length} fouten` +
						(r.errors.length ? '; er is niets ingevoerd' : dryRun ? ' (proefinvoer; schrijf met --schrijf)' : '; ingevoerd')
				);
				if (r.errors.length) process.exitCode = 1;
				break;
			}
			case 'monitor': {
				const catalogue = option(rest, '--catalogus');
				const values = option(rest, '--waarden');
				if (!catalogue && !values) throw new Error('geef --catalogus FILE en/of --waarden FILE');
				reportMonitor(
					await importMonitorLongFiles(db, catalogue, values, {
						synthetic: rest.includes('--synthetisch'),
						source: option(rest, '--bron')
					})
				);
				break;
			}
			case 'monitor-breed': {
				const file = rest.find((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'));
				if (!file) throw new Error('geef een CSV-bestand');
				reportMonitor(
					await importMonitorWideFile(db, file, {
						year: yearOption(rest),
						synthetic: rest.includes('--synthetisch'),
						source: option(rest, '--bron')
					})
				);
				break;
			}
			case 'cbs': {
				const target = rest.find((a, i) => !a.startsWith('--') && !rest[i - 1]?.startsWith('--'));
				const year = yearOption(rest);
				if (!target || year === undefined) throw new Error('geef de TypedDataSet-URL of een JSON-bestand en --jaar');
				const gemeenten = options(rest, '--gemeente');
				const common = { year, gemeenten: gemeenten.length ? gemeenten : undefined, source: option(rest, '--bron') };
				if (/^https?:\/\//.test(target)) {
					reportMonitor(await importCbsOdata(db, { url: target, ...common }, progress));
				} else {
					// A saved answer: one page, or an array of pages.
					const document = JSON.parse(await readFile(target, 'utf8'));
					const pages = Array.isArray(document) ? document : [document];
					reportMonitor(await importCbsOdataPages(db, pages, { file: target, ...common }));
				}
				break;
			}
			case 'statline': {
				const targets = rest.filter((a, i) => !a.startsWith('--') && !['--tabel', '--gemeente', '--jaar', '--year'].includes(rest[i - 1]));
				if (targets.length === 0) throw new Error('geef een of meer .xlsx- of .csv-bestanden of een OData-URL');
				const gemeenten = options(rest, '--gemeente');
				if (rest.includes('--alle') && gemeenten.length) throw new Error('--alle en --gemeente sluiten elkaar uit');
				const results = await importStatLine(
					db,
					targets,
					{ table: option(rest, '--tabel'), year: yearOption(rest), gemeenten: rest.includes('--alle') ? 'alle' : gemeenten.length ? gemeenten : undefined },
					progress
				);
				const total = results.reduce((n, r) => n + r.values, 0);
				progress(`${results.length} bestand(en), ${total} waarden, ${results.reduce((n, r) => n + r.written, 0)} nieuw of gewijzigd`);
				if (db.kind === 'postgres') {
					const [size] = await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('indicator_values')) AS size`);
					progress(`indicator_values: ${size.size}`);
				}
				break;
			}
			default:
				throw new Error(`onbekende opdracht "${command}" (all, boundaries, pdok, stadsdelen, wijkbudgetten, monitor, monitor-breed, cbs, statline)`);
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
