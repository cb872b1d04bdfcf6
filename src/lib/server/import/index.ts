// The importers' entry points: each validates everything first, reports every problem with its place,
// and writes in one transaction — or writes nothing.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { withinTransaction, type Db } from '../db/client';
import * as areas from '../db/areas';
import * as stadsdelen from '../db/stadsdelen';
import * as indicators from '../db/indicators';
import type { Indicator } from '../../domain/monitor';
import { parseBoundaries, type BoundaryFeature, type ParseOptions } from '../../../../geo/cbs-boundaries';
import { parseStadsdelen } from '../../../../geo/stadsdelen-csv';
import { ImportError, silent, type ImportProblem, type Progress } from '../../../../geo/problems';
import { fetchOgcFeatures, type OgcSource } from '../../../../geo/pdok-ogc';
import { parseCatalogue, parseLongValues } from '../../../../geo/monitor-long';
import { parseWideValues } from '../../../../geo/monitor-wide';
import { fetchCbsOdata, parseCbsOdata, type CbsColumnMapping, type CbsOdataSource } from '../../../../geo/cbs-odata';
import { mentionsSynthetic, type MonitorContext, type MonitorValue } from '../../../../geo/monitor-common';
import { importStatLineIn } from './statline';

export interface BoundaryImportResult {
	file: string;
	features: number;
	written: number;
	skippedWater: number;
	/** Invalid geometry that ST_MakeValid repaired; imported, but worth a look. */
	repaired: ImportProblem[];
}

async function checkAndWrite(
	db: Db,
	features: BoundaryFeature[],
	file: string,
	source: string,
	skippedWater: number
): Promise<BoundaryImportResult> {
	const problems: ImportProblem[] = [];
	const repaired: ImportProblem[] = [];
	for (const check of await areas.checkGeometries(db, features)) {
		if (check.valid) continue;
		const where = { file, feature: check.row, code: check.code, field: 'geometry' };
		if (check.repairable) repaired.push({ ...where, message: `ongeldig (${check.reason}); gerepareerd met ST_MakeValid` });
		else problems.push({ ...where, message: `ongeldig en niet te repareren (${check.reason})` });
	}
	if (problems.length) throw new ImportError(problems);
	const written = await db.transaction((tx) => areas.upsertBoundaries(tx, features, source));
	return { file, features: features.length, written, skippedWater, repaired };
}

/** Imports a GeoJSON document with CBS/PDOK property names. */
export async function importBoundaries(
	db: Db,
	document: unknown,
	options: ParseOptions & { source?: string }
): Promise<BoundaryImportResult> {
	const parsed = parseBoundaries(document, options);
	if (parsed.problems.length) throw new ImportError(parsed.problems);
	if (parsed.features.length === 0) throw new ImportError([{ file: options.file, message: 'geen gebieden gevonden' }]);
	return checkAndWrite(db, parsed.features, options.file, options.source ?? options.file, parsed.skippedWater);
}

export async function importBoundaryFile(db: Db, path: string, source?: string): Promise<BoundaryImportResult> {
	const file = basename(path);
	let document: unknown;
	try {
		document = JSON.parse(await readFile(path, 'utf8'));
	} catch (cause) {
		throw new ImportError([{ file, message: `geen leesbare JSON: ${(cause as Error).message}` }]);
	}
	return importBoundaries(db, document, { file, source: source ?? file });
}

/**
 * Imports several boundary files as one: all of them are written, or (when any file fails) none. The command line's
 * `boundaries A B` used to keep A when B failed.
 */
export async function importBoundaryFiles(db: Db, paths: string[]): Promise<BoundaryImportResult[]> {
	return db.transaction(async (tx) => {
		const inner = withinTransaction(tx, db.kind);
		const results: BoundaryImportResult[] = [];
		for (const path of paths) results.push(await importBoundaryFile(inner, path));
		return results;
	});
}

/** Imports every page of a PDOK OGC API Features collection, following its `next` links. */
export async function importOgcCollection(
	db: Db,
	source: OgcSource,
	progress: Progress = silent
): Promise<BoundaryImportResult> {
	const { pages, srid } = await fetchOgcFeatures(source, progress);
	const file = source.url;
	const features: BoundaryFeature[] = [];
	const problems: ImportProblem[] = [];
	let skippedWater = 0;
	let firstRow = 1;
	for (const page of pages) {
		const parsed = parseBoundaries(page, { file, srid, year: source.year, firstRow });
		features.push(...parsed.features);
		problems.push(...parsed.problems);
		skippedWater += parsed.skippedWater;
		firstRow += (page as { features: unknown[] }).features.length;
	}
	// A code may not appear on two pages either.
	const seen = new Map<string, number>();
	for (const f of features) {
		const key = `${f.code}/${f.year}`;
		if (seen.has(key)) problems.push({ file, feature: f.row, code: f.code, field: 'code', message: `komt dubbel voor (ook feature ${seen.get(key)})` });
		else seen.set(key, f.row);
	}
	if (problems.length) throw new ImportError(problems);
	if (features.length === 0) throw new ImportError([{ file, message: 'geen gebieden gevonden' }]);
	return checkAndWrite(db, features, file, `PDOK OGC API ${source.url}`, skippedWater);
}

export interface StadsdelenImportResult {
	file: string;
	gemeenten: { gemeentecode: string; year: number; stadsdelen: number; buurten: number }[];
}

/** Imports a buurt → stadsdeel indeling; replaces the indeling of every gemeente it covers. */
export async function importStadsdelen(db: Db, text: string, file: string): Promise<StadsdelenImportResult> {
	const { assignments, problems } = parseStadsdelen(text, file);
	if (problems.length) throw new ImportError(problems);

	const buurten = new Map((await stadsdelen.currentBuurten(db)).map((b) => [b.code, b]));
	const byGemeente = new Map<string, typeof assignments>();
	for (const a of assignments) {
		const buurt = buurten.get(a.buurtcode);
		if (!buurt) {
			problems.push({ file, row: a.row, code: a.buurtcode, field: 'buurtcode', message: 'onbekende buurt (niet geladen)' });
			continue;
		}
		byGemeente.set(buurt.gemeentecode, [...(byGemeente.get(buurt.gemeentecode) ?? []), a]);
	}
	// An indeling covers every buurt of its gemeente, or the map would have holes.
	for (const [gemeentecode, rows] of byGemeente) {
		const assigned = new Set(rows.map((r) => r.buurtcode));
		for (const b of buurten.values()) {
			if (b.gemeentecode === gemeentecode && !assigned.has(b.code)) {
				problems.push({ file, code: b.code, field: 'buurtcode', message: `buurt van ${gemeentecode} ontbreekt in de indeling` });
			}
		}
	}
	if (problems.length) throw new ImportError(problems);

	const gemeenten: StadsdelenImportResult['gemeenten'] = [];
	await db.transaction(async (tx) => {
		for (const [gemeentecode, rows] of byGemeente) {
			const year = buurten.get(rows[0].buurtcode)!.year;
			const count = await stadsdelen.replaceIndeling(tx, gemeentecode, year, rows, file);
			gemeenten.push({ gemeentecode, year, stadsdelen: count, buurten: rows.length });
		}
	});
	return { file, gemeenten };
}

export async function importStadsdelenFile(db: Db, path: string): Promise<StadsdelenImportResult> {
	return importStadsdelen(db, await readFile(path, 'utf8'), basename(path));
}

/** The files a first start loads from the data directory, in the order they depend on each other. */
export const DEFAULT_FILES = {
	boundaries: [
		'cbs/gemeenten_2023_kwb/gemeenten_2023_kwb.geojson',
		'cbs/gebiedsindeling_2024_hengelo_enschede/gemeenten_2024_schematisch.geojson',
		'cbs/gebiedsindeling_2024_hengelo_enschede/wijken_2024_schematisch.geojson',
		'cbs/gebiedsindeling_2024_hengelo_enschede/buurten_2024_schematisch.geojson'
	],
	stadsdelen: ['gebieden/enschede_stadsdelen_buurten_2024.csv'],
	/** The demo monitor: catalogue, then values (synthetic). */
	monitor: ['demo/monitor_indicatoren.csv', 'demo/monitor_waarden.csv'],
	/** Real figures next to it: RIVM health per buurt (three waves, three age groups) and CBS KWB 2024. */
	statline: [
		...['2012', '2016', '2020'].flatMap((wave) =>
			['18plus', '18tot65', '65plus']
				.filter((age) => !(wave === '2020' && age === '18tot65')) // 2020 has no 18–65 file
				.map((age) => `rivm/gezondheid_wijk_buurt_50090NED/${wave}_${age}.xlsx`)
		),
		'cbs/kwb_2024_85984NED/kwb2024_wijk_gemeente_hengelo_enschede_long.csv'
	]
};

/** Loads (or reloads) everything a first start needs from the data directory, all or nothing. */
export async function importDefaults(outer: Db, dataDir: string, progress: Progress = silent): Promise<void> {
	await outer.transaction((tx) => importDefaultsIn(withinTransaction(tx, outer.kind), dataDir, progress));
}

async function importDefaultsIn(db: Db, dataDir: string, progress: Progress): Promise<void> {
	const steps = DEFAULT_FILES.boundaries.length + DEFAULT_FILES.stadsdelen.length + 2;
	let step = 0;
	for (const path of DEFAULT_FILES.boundaries) {
		progress(`[${++step}/${steps}] gebieden uit ${path}`);
		const result = await importBoundaryFile(db, join(dataDir, path), `${path} (CBS/Kadaster, CC BY 4.0)`);
		progress(`      ${result.features} gebieden gelezen, ${result.written} nieuw of gewijzigd`);
	}
	for (const path of DEFAULT_FILES.stadsdelen) {
		progress(`[${++step}/${steps}] stadsdelen uit ${path}`);
		const result = await importStadsdelenFile(db, join(dataDir, path));
		for (const g of result.gemeenten) progress(`      ${g.gemeentecode}: ${g.stadsdelen} stadsdelen, ${g.buurten} buurten`);
	}
	await importMonitorDefaultsIn(db, dataDir, progress, `[${++step}/${steps}] `);
	await importStatLineDefaultsIn(db, dataDir, progress, `[${++step}/${steps}] `);
	await db.exec('ANALYZE areas, indelingen, indeling_stadsdelen, indeling_buurten');
}

/** Loads the demo monitor alone (a database that has its areas from before the monitor existed). */
export async function importMonitorDefaults(outer: Db, dataDir: string, progress: Progress = silent): Promise<void> {
	await outer.transaction(async (tx) => {
		const db = withinTransaction(tx, outer.kind);
		await importMonitorDefaultsIn(db, dataDir, progress, '');
		await importStatLineDefaultsIn(db, dataDir, progress, '');
	});
}

/** Loads the real figures alone (a database that has its demo monitor from before they existed). */
export async function importStatLineDefaults(outer: Db, dataDir: string, progress: Progress = silent): Promise<void> {
	await outer.transaction((tx) => importStatLineDefaultsIn(withinTransaction(tx, outer.kind), dataDir, progress, ''));
}

async function importStatLineDefaultsIn(db: Db, dataDir: string, progress: Progress, step: string): Promise<void> {
	progress(`${step}echte cijfers: RIVM Gezondheid per wijk en buurt (50090NED, modelschatting) en CBS KWB 2024, voor de geladen gemeenten`);
	const started = Date.now();
	// The real figures come next to the demo monitor: a data directory without them still starts.
	const present = DEFAULT_FILES.statline.filter((path) => existsSync(join(dataDir, path)));
	for (const path of DEFAULT_FILES.statline.filter((p) => !present.includes(p))) progress(`      ${path} ontbreekt; overgeslagen`);
	if (present.length === 0) return;
	// One line per file (the command line also reports every 5,000 rows of a national file).
	const results = await importStatLineIn(db, present.map((path) => join(dataDir, path)), {}, (m) => {
		if (!m.endsWith('rijen gelezen')) progress(`      ${m}`);
	});
	const values = results.reduce((n, r) => n + r.values, 0);
	progress(`      ${results.length} bestanden, ${values} waarden in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function importMonitorDefaultsIn(db: Db, dataDir: string, progress: Progress, step: string): Promise<void> {
	const [cataloguePath, valuesPath] = DEFAULT_FILES.monitor;
	progress(`${step}monitor uit ${cataloguePath} en ${valuesPath} (demodata, synthetisch)`);
	const r = await importMonitorLongFiles(db, join(dataDir, cataloguePath), join(dataDir, valuesPath), { synthetic: true });
	progress(
		`      ${r.indicators} indicatoren, ${r.values + r.empty} rijen (${r.values} waarden, ${r.empty} leeg) ` +
			`over ${r.years.join(', ')}; ${r.written} nieuw of gewijzigd`
	);
}

// ---------- the wijk- en buurtmonitor ----------

export interface MonitorImportOptions {
	/** The values are invented (demo data). A catalogue bron mentioning DEMODATA or synthetisch says so too. */
	synthetic?: boolean;
	/**
	 * Provenance stored with the values. Default: the indicator's bron when the catalogue is part of the same
	 * import, the CBS table for CBS, otherwise the file name.
	 */
	source?: string;
	/** The year of every row: a wide export without a jaar column, a CBS table. */
	year?: number;
}

export interface MonitorImportResult {
	file: string;
	/** Catalogue entries read, and those new or changed. */
	indicators: number;
	indicatorsWritten: number;
	/** Values read, and cells that were empty (not available: nothing is stored). */
	values: number;
	empty: number;
	/** Value rows new or changed; an unchanged re-import writes nothing. */
	written: number;
	/** Stored values that their own source now reports as not available. */
	removed: number;
	/** CBS regions outside the loaded gemeenten (and Nederland itself). */
	skipped: number;
	years: number[];
}

/** Where values come from and whether they are invented, per indicator. */
type ProvenanceOf = (indicator: string) => { source: string; synthetic: boolean };

async function monitorContext(db: Db, catalogue: Indicator[]): Promise<MonitorContext> {
	const known = new Map<string, { unit: string }>((await indicators.listCatalogue(db)).map((i) => [i.code, { unit: i.unit }]));
	for (const entry of catalogue) known.set(entry.code, { unit: entry.unit });
	return { indicators: known, areas: await indicators.areaCodes(db) };
}

/** Writes a checked catalogue and values in one transaction. */
async function writeMonitor(
	db: Db,
	file: string,
	catalogue: Indicator[],
	values: MonitorValue[],
	provenanceOf: ProvenanceOf,
	options: { onlyNewCatalogue?: boolean; skipped?: number } = {}
): Promise<MonitorImportResult> {
	const present = values.filter((v) => v.value !== null);
	const empty = values.filter((v) => v.value === null);
	const counts = await db.transaction(async (tx) => {
		const indicatorsWritten = await indicators.upsertCatalogue(tx, catalogue, { onlyNew: options.onlyNewCatalogue });
		const written = await indicators.upsertValues(
			tx,
			present.map((v) => ({ areaCode: v.areaCode, indicator: v.indicator, year: v.year, value: v.value!, ...provenanceOf(v.indicator) }))
		);
		const removed = await indicators.removeValues(
			tx,
			empty.map((v) => ({ areaCode: v.areaCode, indicator: v.indicator, year: v.year, source: provenanceOf(v.indicator).source }))
		);
		// Fresh statistics, or the planner takes every table for one row and the monitor queries slow down
		// several-fold (PGlite runs no autovacuum).
		await tx.exec('ANALYZE indicators, indicator_values');
		return { indicatorsWritten, written, removed };
	});
	return {
		file,
		indicators: catalogue.length,
		indicatorsWritten: counts.indicatorsWritten,
		written: counts.written,
		removed: counts.removed,
		values: present.length,
		empty: empty.length,
		skipped: options.skipped ?? 0,
		years: [...new Set(values.map((v) => v.year))].sort((a, b) => a - b)
	};
}

/** Provenance of values whose catalogue is not part of the import: the option, else the file. */
function fileProvenance(file: string, options: MonitorImportOptions): ProvenanceOf {
	const source = options.source ?? file;
	const synthetic = Boolean(options.synthetic) || mentionsSynthetic(source);
	return () => ({ source, synthetic });
}

/**
 * Imports the monitor in long format: a catalogue, values, or both (then in one transaction). Values may
 * only name indicators of this catalogue or the one already stored, and areas that are loaded.
 */
export async function importMonitorLong(
	db: Db,
	input: { catalogue?: { text: string; file: string }; values?: { text: string; file: string } },
	options: MonitorImportOptions = {}
): Promise<MonitorImportResult> {
	const problems: ImportProblem[] = [];
	let catalogue: Indicator[] = [];
	if (input.catalogue) {
		const parsed = parseCatalogue(input.catalogue.text, input.catalogue.file, { synthetic: options.synthetic });
		problems.push(...parsed.problems);
		catalogue = parsed.indicators.map(({ row: _row, ...entry }) => entry);
	}
	let values: MonitorValue[] = [];
	if (input.values) {
		const parsed = parseLongValues(input.values.text, input.values.file, await monitorContext(db, catalogue));
		problems.push(...parsed.problems);
		values = parsed.values;
	}
	if (problems.length) throw new ImportError(problems);
	const file = input.values?.file ?? input.catalogue?.file ?? '';
	if (!input.catalogue && !input.values) throw new ImportError([{ file, message: 'geen catalogus en geen waarden opgegeven' }]);

	const fromCatalogue = new Map(catalogue.map((entry) => [entry.code, entry]));
	const otherwise = fileProvenance(input.values?.file ?? file, options);
	const provenanceOf: ProvenanceOf = (code) => {
		const entry = fromCatalogue.get(code);
		if (!entry) return otherwise(code);
		const source = options.source ?? entry.source;
		return { source, synthetic: Boolean(options.synthetic) || entry.synthetic || mentionsSynthetic(source) };
	};
	return writeMonitor(db, file, catalogue, values, provenanceOf);
}

async function readText(path: string): Promise<{ text: string; file: string }> {
	const file = basename(path);
	try {
		return { text: await readFile(path, 'utf8'), file };
	} catch (cause) {
		throw new ImportError([{ file, message: `niet te lezen: ${(cause as Error).message}` }]);
	}
}

export async function importMonitorLongFiles(
	db: Db,
	cataloguePath: string | undefined,
	valuesPath: string | undefined,
	options: MonitorImportOptions = {}
): Promise<MonitorImportResult> {
	return importMonitorLong(
		db,
		{
			catalogue: cataloguePath ? await readText(cataloguePath) : undefined,
			values: valuesPath ? await readText(valuesPath) : undefined
		},
		options
	);
}

/** Imports a wide municipal export: one row per area (and year), one column per indicator of the catalogue. */
export async function importMonitorWide(
	db: Db,
	text: string,
	file: string,
	options: MonitorImportOptions = {}
): Promise<MonitorImportResult> {
	const parsed = parseWideValues(text, file, { ...(await monitorContext(db, [])), year: options.year });
	if (parsed.problems.length) throw new ImportError(parsed.problems);
	return writeMonitor(db, file, [], parsed.values, fileProvenance(file, options));
}

export async function importMonitorWideFile(db: Db, path: string, options: MonitorImportOptions = {}): Promise<MonitorImportResult> {
	const { text, file } = await readText(path);
	return importMonitorWide(db, text, file, options);
}

export interface CbsImportOptions extends MonitorImportOptions {
	year: number;
	/** Name of what was read, for messages (the URL or file). */
	file: string;
	mapping?: CbsColumnMapping[];
	/** Gemeenten to import; default every gemeente with buurten loaded. */
	gemeenten?: string[];
}

/**
 * Imports the pages of a CBS KWB TypedDataSet. Indicators the catalogue does not have yet are added from
 * the mapping; existing catalogue entries are left as they are.
 */
export async function importCbsOdataPages(db: Db, pages: unknown[], options: CbsImportOptions): Promise<MonitorImportResult> {
	const parsed = parseCbsOdata(pages, {
		file: options.file,
		year: options.year,
		mapping: options.mapping,
		gemeenten: new Set(options.gemeenten ?? (await indicators.gemeentenWithBuurten(db))),
		areas: await indicators.areaCodes(db)
	});
	if (parsed.problems.length) throw new ImportError(parsed.problems);
	const source = options.source ?? `CBS Kerncijfers wijken en buurten ${options.year} (${parsed.table ?? 'StatLine'})`;
	const synthetic = Boolean(options.synthetic);
	const found = new Set(parsed.values.map((v) => v.indicator));
	const catalogue = parsed.indicators.filter((i) => found.has(i.code)).map((i) => ({ ...i, source, synthetic }));
	return writeMonitor(db, options.file, catalogue, parsed.values, () => ({ source, synthetic }), {
		onlyNewCatalogue: true,
		skipped: parsed.skipped
	});
}

/** Fetches a KWB TypedDataSet from CBS StatLine (every page) and imports it. */
export async function importCbsOdata(
	db: Db,
	source: CbsOdataSource & Omit<CbsImportOptions, 'file'>,
	progress: Progress = silent
): Promise<MonitorImportResult> {
	const pages = await fetchCbsOdata(source, progress);
	return importCbsOdataPages(db, pages, { ...source, file: source.url });
}

