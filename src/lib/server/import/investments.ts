// Imports a partner's investment spreadsheet: every row located in PostGIS (its buurtcode, or the buurt its
// coordinate lies in), checked against the user's rights, matched with what is stored by (gemeente, partner,
// projectnaam), and — only when no row has a problem and it is not a dry run — created or updated, audited
// with the file's name as source. All of it in one transaction: a file goes in whole or not at all.
import { BUURT_CODE } from '../../domain/areas';
import type { Db, Queryable } from '../db/client';
import type { Actor } from '../db/audit';
import * as investments from '../db/investments';
import * as areas from '../db/areas';
import { canWrite, type User } from '../../domain/roles';
import { INVESTMENT_STATUS_LABELS, type Investment, type InvestmentInput } from '../../domain/register';
import { readInvestmentSheet, type Sheet, type SheetFile } from '../../../../geo/investments-sheet';
import type { ImportedRow, InvestmentImportResult, RowAction, RowProblem } from '../../domain/import-result';
import { silent, type Progress } from '../../../../geo/problems';
import { seedSheetOnce, seedUser } from './seed-once';

export type { ImportedRow, InvestmentImportResult, RowAction } from '../../domain/import-result';

export interface ImportOptions {
	dryRun: boolean;
	/** Skip the rows the user may not write (listed with the reason) instead of failing the file on them. */
	skipForbidden?: boolean;
	maxRows?: number;
}

const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 7 });
const show = (value: unknown) => (value === null || value === undefined || value === '' ? '(leeg)' : typeof value === 'number' ? nl.format(value) : String(value));
const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

/** The columns an update changes, in the file's words, with before and after. */
function describeChanges(current: Investment, gemeentecode: string, input: InvestmentInput): string[] {
	const changes: string[] = [];
	const change = (column: string, before: unknown, after: unknown) => {
		if (JSON.stringify(before) !== JSON.stringify(after)) changes.push(`${column}: ${show(before)} → ${show(after)}`);
	};
	const round = (p: InvestmentInput['point']) => (p ? p.coordinates.map((c) => Math.round(c * 1e7) / 1e7).reverse().map((c) => nl.format(c)).join(', ') : null);
	change('gemeente', current.gemeentecode, gemeentecode);
	change('partner', current.partner, input.partner);
	change('projectnaam', current.projectName, input.projectName);
	change('maatregel', current.measure, input.measure);
	change('buurtcode', current.buurtcode, input.buurtcode);
	change('lat, lon', round(current.point), round(input.point));
	change('start', dutchDate(current.startDate), dutchDate(input.startDate));
	change('eind', dutchDate(current.endDate), dutchDate(input.endDate));
	change('aantal_woningen', current.dwellings, input.dwellings);
	change('investering_eur', current.amountEur, input.amountEur);
	change('status', INVESTMENT_STATUS_LABELS[current.status].toLowerCase(), INVESTMENT_STATUS_LABELS[input.status].toLowerCase());
	change('toelichting', current.notes, input.notes);
	if (current.outline) changes.push('omtrek: vervalt (het bestand geeft er geen)');
	return changes;
}

/** Why the user may not write this row, or null when they may. */
function forbidden(user: User, gemeentecode: string, partner: string, names: Map<string, string>): { field: string; message: string } | null {
	if (canWrite(user, 'investment', { gemeentecode, partner })) return null;
	const gemeente = (code: string | null) => (code ? `${names.get(code) ?? code} (${code})` : 'geen gemeente');
	switch (user.role) {
		case 'editor':
			return { field: 'buurtcode', message: `u bent redacteur voor ${gemeente(user.gemeentecode)}; deze rij ligt in ${gemeente(gemeentecode)}` };
		case 'partner':
			return { field: 'partner', message: `u kunt alleen investeringen van ${user.organisation} invoeren; deze rij is van ${partner}` };
		default:
			return { field: 'partner', message: 'u heeft alleen leesrechten' };
	}
}

/**
 * Checks a sheet row by row against the database and, unless `dryRun` or any row has a problem, writes it.
 * Runs inside the caller's transaction.
 */
async function importSheet(tx: Queryable, actor: Actor, user: User, sheet: Sheet, dryRun: boolean, skipForbidden = false): Promise<InvestmentImportResult> {
	const names = new Map((await areas.listGemeenten(tx)).map((g) => [g.code, g.name]));
	const errors: RowProblem[] = [];
	const rows: ImportedRow[] = [];
	const planned: { input: InvestmentInput; gemeentecode: string; existing: Investment | null; synthetic: boolean }[] = [];
	const seen = new Map<string, number>();
	// Every lookup for all rows at once (three statements, not two per row: 5,000 rows held PGlite for 9 s).
	const givenCode = (code: string | null) => !!code && BUURT_CODE.test(code);
	const gemeenteOf = await investments.gemeentenOfBuurten(tx, sheet.rows.flatMap((r) => (r.buurtcode && givenCode(r.buurtcode) ? [r.buurtcode] : [])));
	const byPoint = sheet.rows.filter((r) => !givenCode(r.buurtcode) && r.input?.point);
	const pointBuurten = await investments.buurtenAt(tx, byPoint.map((r) => r.input!.point!.coordinates as [number, number]));
	const buurtOfPoint = new Map(byPoint.map((r, i) => [r, pointBuurten[i]] as const));
	const pending: { result: ImportedRow; input: InvestmentInput; gemeentecode: string; synthetic: boolean }[] = [];

	for (const sheetRow of sheet.rows) {
		const { row, input, synthetic } = sheetRow;
		const result: ImportedRow = {
			row,
			action: 'error',
			partner: sheetRow.partner,
			projectName: sheetRow.projectName,
			buurtcode: sheetRow.buurtcode,
			buurtName: null,
			gemeentecode: null,
			changes: [],
			synthetic
		};
		rows.push(result);
		const problems = [...sheetRow.problems];
		const fail = (field: string | null, message: string) => problems.push({ row, field, message });

		// Where: a given buurtcode wins (a point next to it is kept for the symbol); otherwise the point's buurt.
		let located: investments.Located | null = null;
		if (sheetRow.buurtcode && givenCode(sheetRow.buurtcode)) {
			const gemeentecode = gemeenteOf.get(sheetRow.buurtcode);
			if (gemeentecode) located = { buurtcode: sheetRow.buurtcode, gemeentecode };
			else fail('buurtcode', `onbekende buurtcode ${sheetRow.buurtcode}: geen buurt van de gemeenten in Wijkbeeld`);
		} else if (input?.point) {
			const [lon, lat] = input.point.coordinates;
			located = buurtOfPoint.get(sheetRow) ?? null;
			if (!located) fail('lat', `coördinaat ${nl.format(lat)}, ${nl.format(lon)} ligt buiten de gemeenten in Wijkbeeld`);
		}
		if (located) {
			result.buurtcode = located.buurtcode;
			result.gemeentecode = located.gemeentecode;
			const denied = sheetRow.partner ? forbidden(user, located.gemeentecode, sheetRow.partner, names) : null;
			if (denied && skipForbidden) {
				result.action = 'skipped';
				result.reason = denied.message;
				continue;
			}
			if (denied) fail(input?.point && !sheetRow.buurtcode && denied.field === 'buurtcode' ? 'lat' : denied.field, denied.message);
		}

		if (located && sheetRow.partner && sheetRow.projectName) {
			const key = [located.gemeentecode, sheetRow.partner.toLowerCase(), sheetRow.projectName.toLowerCase()].join('\u0000');
			const earlier = seen.get(key);
			if (earlier !== undefined) fail('projectnaam', `project komt dubbel voor in het bestand (ook in rij ${earlier}, zelfde partner en gemeente)`);
			else seen.set(key, row);
		}

		if (problems.length || !input || !located) {
			errors.push(...problems);
			continue;
		}
		pending.push({ result, input: { ...input, buurtcode: located.buurtcode }, gemeentecode: located.gemeentecode, synthetic });
	}

	const existingByKey = await investments.findByKeys(tx, pending.map((p) => ({ gemeentecode: p.gemeentecode, partner: p.input.partner, projectName: p.input.projectName })));
	for (const { result, input, gemeentecode, synthetic } of pending) {
		const existing = existingByKey.get(investments.keyOf(gemeentecode, input.partner, input.projectName)) ?? null;
		if (!existing) result.action = 'create';
		else if (investments.differs(existing, gemeentecode, input)) {
			result.action = 'update';
			result.changes = describeChanges(existing, gemeentecode, input);
		} else result.action = 'unchanged';
		if (result.action !== 'unchanged') planned.push({ input, gemeentecode, existing, synthetic });
	}

	const buurtcodes = rows.map((r) => r.buurtcode).filter((c): c is string => !!c);
	const buurtNames = new Map(
		(await tx.query<{ code: string; name: string }>(
			`SELECT DISTINCT ON (code) code, name FROM areas WHERE level = 'buurt' AND code = ANY($1::text[]) ORDER BY code, year DESC`,
			[buurtcodes]
		)).map((b) => [b.code, b.name])
	);
	for (const r of rows) r.buurtName = r.buurtcode ? (buurtNames.get(r.buurtcode) ?? null) : null;

	const count = (action: RowAction) => rows.filter((r) => r.action === action).length;
	const write = !dryRun && errors.length === 0;
	if (write) {
		for (const { input, gemeentecode, existing, synthetic } of planned) {
			const options = { source: sheet.file, synthetic };
			if (existing) await investments.update(tx, actor, existing.id, gemeentecode, input, options);
			else await investments.create(tx, actor, gemeentecode, input, options);
		}
	}
	return {
		file: sheet.file,
		dryRun,
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
 * Imports an investment spreadsheet (CSV or XLSX) for `user`, recording changes as `actor`. Throws a
 * SheetError when the file is not an investment sheet at all; row problems come back in `errors`, and then
 * nothing is written, whatever `dryRun` says.
 */
export async function importInvestments(
	db: Db,
	actor: Actor,
	user: User,
	file: SheetFile,
	options: ImportOptions
): Promise<InvestmentImportResult> {
	const sheet = await readInvestmentSheet(file, { maxRows: options.maxRows });
	return db.transaction(async (tx) => {
		// Two uploads at the same moment would both see "new" and the second would hit the unique key;
		// imports take turns instead (a lock held until the transaction ends).
		if (!options.dryRun) await tx.query(`SELECT pg_advisory_xact_lock(hashtext('wijkbeeld.investments.import'))`);
		return importSheet(tx, actor, user, sheet, options.dryRun, options.skipForbidden);
	});
}

export const DEMO_INVESTMENTS_FILE = 'demo/partner_investeringen_demo.csv';

/** The first-start seed acts as an admin: it may write every row. */
const SEED_ACTOR = { id: null, name: 'Wijkbeeld (demodata bij eerste start)' } as const;

/** Loads the demo investments (synthetic, labelled) once, when there are none and they were never loaded. */
export function seedDemoInvestments(db: Db, dataDir: string, log: Progress = silent): Promise<InvestmentImportResult | null> {
	const options = { table: 'investments', actor: SEED_ACTOR, dataDir, file: DEMO_INVESTMENTS_FILE, what: 'investeringen', log } as const;
	return seedSheetOnce(db, options, (file) => importInvestments(db, SEED_ACTOR, seedUser(SEED_ACTOR), file, { dryRun: false }));
}
