// Imports the municipal wijkbudget export: every row checked (its wijk or buurt exists in its gemeente, the user may
// write there, no key twice), matched with what is stored by (gemeente, jaar, gebied, soort, regeling) and — only
// when no row has a problem and it is not a dry run — created or updated, audited with the file's name as source.
// One transaction: a file goes in whole or not at all. With `skipForbidden`, rows of a gemeente the user may not
// write are listed as skipped with the reason instead of blocking the file; what is written is still all or nothing.
import type { Db, Queryable } from '../db/client';
import type { Actor } from '../db/audit';
import * as wijkbudgetten from '../db/wijkbudgetten';
import { canWrite, type User } from '../../domain/roles';
import { GEMEENTE_CODE } from '../../domain/areas';
import type { Wijkbudget, WijkbudgetInput } from '../../domain/wijkbudgetten';
import type { RowProblem } from '../../domain/import-result';
import { readWijkbudgetSheet } from '../../../../geo/wijkbudgetten-sheet';
import type { SheetFile } from '../../../../geo/investments-sheet';
import { silent, type Progress } from '../../../../geo/problems';
import { seedSheetOnce, seedUser } from './seed-once';

export type WijkbudgetRowAction = 'create' | 'update' | 'unchanged' | 'skipped' | 'error';

export interface WijkbudgetImportRow {
	row: number;
	action: WijkbudgetRowAction;
	gemeentecode: string;
	gebiedscode: string;
	gebiedsnaam: string | null;
	jaar: number | null;
	soort: string;
	regeling: string;
	changes: string[];
	/** Why a row was skipped. */
	reason?: string;
	synthetic: boolean;
}

export interface WijkbudgetImportResult {
	file: string;
	dryRun: boolean;
	written: boolean;
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
	errors: RowProblem[];
	rows: WijkbudgetImportRow[];
	synthetic: boolean;
}

export interface WijkbudgetImportOptions {
	dryRun: boolean;
	skipForbidden?: boolean;
	maxRows?: number;
}

const euro = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(leeg)' : typeof v === 'number' ? euro.format(v) : String(v));

function describeChanges(current: Wijkbudget, input: WijkbudgetInput): string[] {
	const changes: string[] = [];
	const change = (column: string, before: unknown, after: unknown) => {
		if ((before ?? null) !== (after ?? null)) changes.push(`${column}: ${show(before)} → ${show(after)}`);
	};
	change('toegekend_eur', current.toegekendEur, input.toegekendEur);
	change('besteed_eur', current.besteedEur, input.besteedEur);
	change('aantal_initiatieven', current.aantalInitiatieven === null ? null : String(current.aantalInitiatieven), input.aantalInitiatieven === null ? null : String(input.aantalInitiatieven));
	change('organisatie', current.organisatie, input.organisatie);
	change('toelichting', current.toelichting, input.toelichting);
	return changes;
}

async function importRows(tx: Queryable, actor: Actor, user: User, sheet: Awaited<ReturnType<typeof readWijkbudgetSheet>>, options: WijkbudgetImportOptions): Promise<WijkbudgetImportResult> {
	const known = await wijkbudgetten.knownAreas(tx);
	const errors: RowProblem[] = [];
	const rows: WijkbudgetImportRow[] = [];
	const planned: { input: WijkbudgetInput; existing: Wijkbudget | null; synthetic: boolean }[] = [];
	const seen = new Map<string, number>();
	for (const sheetRow of sheet.rows) {
		const { row, input, synthetic } = sheetRow;
		const area = known.get(sheetRow.gebiedscode);
		const result: WijkbudgetImportRow = {
			row,
			action: 'error',
			gemeentecode: sheetRow.gemeentecode,
			gebiedscode: sheetRow.gebiedscode,
			gebiedsnaam: area?.name ?? null,
			jaar: sheetRow.jaar,
			soort: sheetRow.soort,
			regeling: sheetRow.regeling,
			changes: [],
			synthetic
		};
		rows.push(result);
		const problems = [...sheetRow.problems];
		if (input) {
			if (!area) problems.push({ row, field: 'gebiedscode', message: `onbekende wijk of buurt ${input.gebiedscode}: niet geladen in Wijkbeeld` });
			else if (area.gemeentecode !== input.gemeentecode) problems.push({ row, field: 'gebiedscode', message: `${input.gebiedscode} ligt in ${area.gemeentecode}, niet in ${input.gemeentecode}` });
			const key = [input.gemeentecode, input.jaar, input.gebiedscode, input.soort, input.regeling.toLowerCase()].join('\u0000');
			const earlier = seen.get(key);
			if (earlier !== undefined) problems.push({ row, field: 'regeling', message: `komt dubbel voor in het bestand (ook in rij ${earlier}: zelfde jaar, gebied, soort en regeling)` });
			else seen.set(key, row);
		}
		const gemeente = input?.gemeentecode ?? (GEMEENTE_CODE.test(sheetRow.gemeentecode) ? sheetRow.gemeentecode : null);
		if (gemeente && !canWrite(user, 'wijkbudget', { gemeentecode: gemeente })) {
			const reason = user.role === 'editor' ? `u bent redacteur voor ${user.gemeentecode}; deze rij is van ${gemeente}` : 'alleen redacteuren van de gemeente en beheerders voeren wijkbudgetten in';
			if (options.skipForbidden) {
				result.action = 'skipped';
				result.reason = reason;
				continue;
			}
			problems.push({ row, field: 'gemeentecode', message: reason });
		}
		if (problems.length || !input) {
			errors.push(...problems);
			continue;
		}
		const existing = await wijkbudgetten.findByKey(tx, input);
		if (!existing) result.action = 'create';
		else if (wijkbudgetten.differs(existing, input)) {
			result.action = 'update';
			result.changes = describeChanges(existing, input);
		} else result.action = 'unchanged';
		if (result.action !== 'unchanged') planned.push({ input, existing, synthetic });
	}
	const write = !options.dryRun && errors.length === 0;
	if (write) {
		for (const { input, existing, synthetic } of planned) {
			if (existing) await wijkbudgetten.update(tx, actor, existing, input, { synthetic, source: sheet.file });
			else await wijkbudgetten.create(tx, actor, input, { synthetic, source: sheet.file });
		}
	}
	const count = (a: WijkbudgetRowAction) => rows.filter((r) => r.action === a).length;
	return {
		file: sheet.file,
		dryRun: options.dryRun,
		written: write && planned.length > 0,
		created: count('create'),
		updated: count('update'),
		unchanged: count('unchanged'),
		skipped: count('skipped'),
		errors: errors.sort((a, b) => a.row - b.row),
		rows,
		synthetic: rows.some((r) => r.synthetic)
	};
}

/**
 * Imports a wijkbudget export for `user`, recorded as `actor`. Throws a SheetError when the file is not one; row
 * problems come back in `errors`, and then nothing is written, whatever `dryRun` says.
 */
export async function importWijkbudgetten(db: Db, actor: Actor, user: User, file: SheetFile, options: WijkbudgetImportOptions): Promise<WijkbudgetImportResult> {
	const sheet = await readWijkbudgetSheet(file, { maxRows: options.maxRows });
	return db.transaction(async (tx) => {
		if (!options.dryRun) await tx.query(`SELECT pg_advisory_xact_lock(hashtext('wijkbeeld.wijkbudgetten.import'))`);
		return importRows(tx, actor, user, sheet, options);
	});
}

export const DEMO_WIJKBUDGETTEN_FILE = 'demo/wijkbudgetten_demo.csv';
const SEED_ACTOR = { id: null, name: 'Wijkbeeld (demodata wijkbudgetten bij eerste start)' } as const;

/** Loads the demo wijkbudgetten (synthetic, labelled) once, when there are none and they were never loaded. */
export function seedDemoWijkbudgetten(db: Db, dataDir: string, log: Progress = silent): Promise<WijkbudgetImportResult | null> {
	const options = { table: 'wijkbudgetten', actor: SEED_ACTOR, dataDir, file: DEMO_WIJKBUDGETTEN_FILE, what: 'wijkbudgetten', log } as const;
	return seedSheetOnce(db, options, (file) => importWijkbudgetten(db, SEED_ACTOR, seedUser(SEED_ACTOR), file, { dryRun: false }));
}
