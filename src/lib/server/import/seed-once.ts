// First-start seeding of a demo sheet (investments, wijkbudgetten): once, as an admin-like seed user, all or nothing.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Db } from '../db/client';
import type { User } from '../../domain/roles';
import type { RowProblem } from '../../domain/import-result';
import type { SheetFile } from '../../../../geo/investments-sheet';
import { ImportError, type Progress } from '../../../../geo/problems';

/** Who writes a seed: no user id, a name that says it was the first start (and marks that it ran). */
export interface SeedActor {
	id: null;
	name: string;
}

/** The seed may write every row, as an admin would. */
export function seedUser(actor: SeedActor): User {
	return { id: 0, email: 'wijkbeeld@localhost', name: actor.name, role: 'admin', gemeentecode: null, organisation: null };
}

/**
 * Imports `file` (relative to the data directory) when `table` is empty and this seed never ran before (its actor
 * is in the audit log: demo items deleted since are not brought back). Returns the result, or null when skipped;
 * row problems are an ImportError.
 */
export async function seedSheetOnce<R extends { file: string; errors: RowProblem[]; created: number; updated: number }>(
	db: Db,
	options: { table: 'investments' | 'wijkbudgetten'; actor: SeedActor; dataDir: string; file: string; what: string; log: Progress },
	importSheet: (file: SheetFile) => Promise<R>
): Promise<R | null> {
	const [{ n, seeded }] = await db.query<{ n: number; seeded: boolean }>(
		`SELECT (SELECT count(*)::int FROM ${options.table}) AS n,
		        EXISTS (SELECT 1 FROM audit_log WHERE user_id IS NULL AND user_name = $1) AS seeded`,
		[options.actor.name]
	);
	if (n > 0 || seeded) return null;
	const path = join(options.dataDir, options.file);
	options.log(`${options.what} uit ${options.file} (demodata, synthetisch)`);
	const result = await importSheet({ name: basename(path), bytes: await readFile(path) });
	if (result.errors.length) {
		throw new ImportError(result.errors.map((e) => ({ file: result.file, row: e.row, field: e.field ?? undefined, message: e.message })));
	}
	options.log(`      ${result.created} ${options.what} nieuw, ${result.updated} gewijzigd`);
	return result;
}
