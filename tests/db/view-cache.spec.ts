// The view cache (view-cache.ts) on both engines: one computation for concurrent readers of a view, a fresh one
// once an import has written figures (or indelingen, wijkbudgetten), none kept after a failure, and one cache per database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as indicators from '../../src/lib/server/db/indicators';
import { cachedByVersion, dataVersion } from '../../src/lib/server/view-cache';
import { freshDatabase } from './database';

let db: Db;
beforeAll(async () => {
	db = await freshDatabase();
});
afterAll(async () => {
	await db?.close();
});

const indicator = (code: string) =>
	({ code, name: code, unit: '%', domain: 'sociaal', direction: 'hoger_is_urgenter', weighting: 'inwoners', source: 'Proefbron', synthetic: false }) as never;

describe('cachedByVersion', () => {
	it('computes a view once for readers that ask at the same time and after', async () => {
		let runs = 0;
		const compute = async () => {
			runs++;
			await new Promise((r) => setTimeout(r, 20));
			return { value: 42 };
		};
		const [a, b, c] = await Promise.all([1, 2, 3].map(() => cachedByVersion(db, 'view:a', compute)));
		expect(runs).toBe(1);
		expect(a).toBe(b);
		expect(b).toBe(c);
		expect(await cachedByVersion(db, 'view:a', compute)).toBe(a);
		expect(runs).toBe(1);
		// Another view is another computation.
		await cachedByVersion(db, 'view:b', compute);
		expect(runs).toBe(2);
	});

	it('computes again after an import wrote figures (a new data version)', async () => {
		let runs = 0;
		const compute = async () => ++runs;
		const before = await dataVersion(db);
		expect(await cachedByVersion(db, 'view:c', compute)).toBe(1);
		await indicators.upsertCatalogue(db, [indicator('p_proef')]);
		expect(await dataVersion(db)).not.toBe(before);
		expect(await cachedByVersion(db, 'view:c', compute)).toBe(2);
		expect(await cachedByVersion(db, 'view:c', compute)).toBe(2);
	});

	it('has a new version only once a write of figures, indelingen or wijkbudgetten commits', async () => {
		const start = await dataVersion(db);
		await db.query('SELECT count(*) FROM indicator_values');
		expect(await dataVersion(db)).toBe(start);
		// A write that is rolled back leaves the version as it was: readers never key fresh results to old data.
		await expect(
			db.transaction(async (tx) => {
				await tx.query('UPDATE wijkbudgetten SET updated_at = now()');
				throw new Error('teruggedraaid');
			})
		).rejects.toThrow('teruggedraaid');
		expect(await dataVersion(db)).toBe(start);
		await db.query('UPDATE wijkbudgetten SET updated_at = now()');
		const afterBudgets = await dataVersion(db);
		expect(afterBudgets).not.toBe(start);
		await db.query('UPDATE indelingen SET updated_at = now()');
		expect(await dataVersion(db)).not.toBe(afterBudgets);
	});

	it('keeps no failure, and keeps the caches of two databases apart', async () => {
		let runs = 0;
		const failing = async () => {
			runs++;
			throw new Error('storing');
		};
		await expect(cachedByVersion(db, 'view:d', failing)).rejects.toThrow('storing');
		await expect(cachedByVersion(db, 'view:d', failing)).rejects.toThrow('storing');
		expect(runs).toBe(2);
		expect(await cachedByVersion(db, 'view:e', async () => 'hier')).toBe('hier');
		// Another connection (a test's own schema, another database) has a cache of its own.
		const other = { ...db };
		expect(await cachedByVersion(other, 'view:e', async () => 'daar')).toBe('daar');
	});
});
