// Stories against a real PostGIS with the real area and monitor data: create, read, reorder and edit slides in
// one write, version conflicts, the audit trail, validation of slide views against the database, the first-start
// seed, and the snapshots the projector and the offline bundle play.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as stories from '../../src/lib/server/db/stories';
import { listAudit } from '../../src/lib/server/db/undo';
import { importDefaults } from '../../src/lib/server/import';
import { seedDemoInvestments } from '../../src/lib/server/import/investments';
import { readConfig } from '../../src/lib/server/config';
import { seedRegister } from '../../src/lib/server/seed-register';
import { SEED_STORY_TITLE, seedStories } from '../../src/lib/server/seed-stories';
import { checkSlideViews } from '../../src/lib/server/story-api';
import { storySnapshot } from '../../src/lib/server/story-snapshots';
import { storyCreateSchema, storyUpdateSchema, type Story } from '../../src/lib/domain/stories';
import { SYNTHETIC_LABEL } from '../../src/lib/domain/monitor';
import { engine, freshDatabase } from './database';

const actor = { id: null, name: 'Test' };

describe(`stories on ${engine}`, () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDatabase();
		const config = readConfig();
		await importDefaults(db, config.dataDir);
		await seedRegister(db);
		await seedDemoInvestments(db, config.dataDir);
	});
	afterAll(() => db?.close());

	const create = (title: string, views: string[]) =>
		db.transaction((tx) =>
			stories.create(
				tx,
				actor,
				storyCreateSchema.parse({ gemeentecode: 'GM0164', title, slides: views.map((view, i) => ({ title: `Dia ${i + 1}`, text: `Tekst ${i + 1}`, view })) })
			)
		);

	describe('writing', () => {
		let story: Story;

		it('creates a story with its slides in order, normalised, and audits it', async () => {
			story = await create('Proefverhaal', ['?laag=buurt&gemeente=GM0164', '?gebied=WK016402&thema=urgentie', 'gemeente=GM0164&gebied=BU01640202']);
			expect(story).toMatchObject({ gemeentecode: 'GM0164', title: 'Proefverhaal', version: 1, source: 'app' });
			expect(story.slides.map((s) => s.view)).toEqual([
				'?gemeente=GM0164&laag=buurt',
				'?gemeente=GM0164&gebied=WK016402&thema=urgentie',
				'?gemeente=GM0164&gebied=BU01640202'
			]);
			expect(await stories.get(db, story.id)).toEqual(story);
			const [entry] = await listAudit(db, { gemeentecode: 'GM0164', entity: 'story', entityId: story.id, limit: 5 });
			expect(entry).toMatchObject({ action: 'create', before: null, after: story, userName: 'Test' });
		});

		it('reorders, changes, adds and deletes slides in one write, keeping the ids of kept slides', async () => {
			const [a, b, c] = story.slides;
			const update = storyUpdateSchema.parse({
				version: story.version,
				title: 'Proefverhaal, herzien',
				description: 'Voor de raad',
				slides: [
					{ ...c, title: 'Derde eerst' },
					{ title: 'Nieuw', text: '', view: '?gemeente=GM0164&laag=wijk' },
					a
					// b is left out: deleted
				]
			});
			const result = await db.transaction((tx) => stories.update(tx, actor, story.id, update));
			expect(result.status).toBe('ok');
			const after = (result as { story: Story }).story;
			expect(after.version).toBe(2);
			expect(after.title).toBe('Proefverhaal, herzien');
			expect(after.slides.map((s) => s.title)).toEqual(['Derde eerst', 'Nieuw', 'Dia 1']);
			expect(after.slides[0].id).toBe(c.id);
			expect(after.slides[2].id).toBe(a.id);
			expect(after.slides.map((s) => s.id)).not.toContain(b.id);
			const [entry] = await listAudit(db, { gemeentecode: 'GM0164', entity: 'story', entityId: story.id, limit: 5 });
			expect(entry).toMatchObject({ action: 'update', before: story, after });
			story = after;
		});

		it('leaves version and audit alone when nothing changes', async () => {
			const same = storyUpdateSchema.parse({ version: story.version, title: story.title, description: story.description, slides: story.slides });
			const result = await db.transaction((tx) => stories.update(tx, actor, story.id, same));
			expect(result).toEqual({ status: 'ok', story });
			expect(await listAudit(db, { gemeentecode: 'GM0164', entity: 'story', entityId: story.id, limit: 10 })).toHaveLength(2);
		});

		it('refuses an edit based on an older version, and slides of another story', async () => {
			const stale = storyUpdateSchema.parse({ version: 1, title: 'Oud', description: '', slides: [] });
			const conflict = await db.transaction((tx) => stories.update(tx, actor, story.id, stale));
			expect(conflict).toEqual({ status: 'conflict', story });
			const other = await create('Ander verhaal', ['?gemeente=GM0164']);
			const foreign = storyUpdateSchema.parse({ version: story.version, title: story.title, description: '', slides: [...story.slides, other.slides[0]] });
			expect(await db.transaction((tx) => stories.update(tx, actor, story.id, foreign))).toEqual({ status: 'unknown-slides', ids: [other.slides[0].id] });
			expect(await stories.get(db, story.id)).toEqual(story);
			expect(await db.transaction((tx) => stories.update(tx, actor, 999_999, stale))).toEqual({ status: 'not-found' });
		});

		it('adds a slide at a position or at the end', async () => {
			const atTwo = await db.transaction((tx) =>
				stories.addSlide(tx, actor, story.id, { title: 'Tussendoor', text: '', view: '?gemeente=GM0164&gebied=WK016400', position: 2 })
			);
			expect(atTwo.status).toBe('ok');
			story = (atTwo as { story: Story }).story;
			expect(story.slides.map((s) => s.title)).toEqual(['Derde eerst', 'Tussendoor', 'Nieuw', 'Dia 1']);
			const atEnd = await db.transaction((tx) => stories.addSlide(tx, actor, story.id, { title: 'Slot', text: '', view: '?gemeente=GM0164' }));
			story = (atEnd as { story: Story }).story;
			expect(story.slides.at(-1)!.title).toBe('Slot');
			expect(story.version).toBe(4);
			const stale = await db.transaction((tx) => stories.addSlide(tx, actor, story.id, { title: 'Te laat', text: '', view: '?gemeente=GM0164', version: 1 }));
			expect(stale.status).toBe('conflict');
		});

		it('lists the stories of a gemeente, the latest change first', async () => {
			const list = await stories.list(db, 'GM0164');
			expect(list.map((s) => s.title).slice(0, 2)).toEqual(['Proefverhaal, herzien', 'Ander verhaal']);
			expect(list[0]).toMatchObject({ id: story.id, slideCount: 5, version: 4 });
			expect(await stories.list(db, 'GM0153')).toEqual([]);
		});

		it('deletes a story with its slides, keeping it in the audit', async () => {
			expect(await db.transaction((tx) => stories.remove(tx, actor, story.id))).toBe(true);
			expect(await stories.get(db, story.id)).toBeNull();
			const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM story_slides WHERE story_id = $1', [story.id]);
			expect(Number(n)).toBe(0);
			const [entry] = await listAudit(db, { gemeentecode: 'GM0164', entity: 'story', entityId: story.id, limit: 1 });
			expect(entry).toMatchObject({ action: 'delete', before: story, after: null });
			expect(await db.transaction((tx) => stories.remove(tx, actor, story.id))).toBe(false);
		});

		it('writes nothing when the transaction fails half-way', async () => {
			const before = (await stories.list(db, 'GM0164')).length;
			await expect(
				db.transaction(async (tx) => {
					await stories.create(tx, actor, storyCreateSchema.parse({ gemeentecode: 'GM0164', title: 'Half', slides: [] }));
					throw new Error('stop');
				})
			).rejects.toThrow('stop');
			expect((await stories.list(db, 'GM0164')).length).toBe(before);
		});

		it('refuses a view that is not the main page in the table itself', async () => {
			const [{ id }] = await db.query<{ id: number }>(`INSERT INTO stories (gemeentecode, title) VALUES ('GM0164', 'Ruw') RETURNING id`);
			await expect(db.query(`INSERT INTO story_slides (story_id, position, title, view) VALUES ($1, 0, 'x', '/invoer')`, [id])).rejects.toThrow();
		});
	});

	describe('validation against the database', () => {
		it('names the slide and the parameter of every problem', async () => {
			const errors = await checkSlideViews(db, 'GM0164', [
				{ view: '?gemeente=GM0164&gebied=BU01649999' },
				{ view: '?gemeente=GM0153' },
				{ view: '?gemeente=GM0164&thema=indicator&indicator=geluk' },
				{ view: '?gemeente=GM0164&gebied=BU01640202&thema=urgentie&lagen=programmas&tijd=2026-K2' }
			]);
			expect(errors).toEqual([
				{ field: 'slides.0.view', message: 'gebied: BU01649999 bestaat niet' },
				{ field: 'slides.1.view', message: 'gemeente: het kaartbeeld is van GM0153, het verhaal van GM0164' },
				{ field: 'slides.2.view', message: 'indicator: geluk staat niet in de catalogus' }
			]);
		});

		it('refuses unknown parameters already in the schema, on the slide that has them', () => {
			const result = storyCreateSchema.safeParse({ gemeentecode: 'GM0164', title: 'x', slides: [{ title: 'a', view: '?gemeente=GM0164' }, { title: 'b', view: '?gemeente=GM0164&zoom=3' }] });
			expect(result.success).toBe(false);
			expect(result.error!.issues[0]).toMatchObject({ path: ['slides', 1, 'view'], message: expect.stringMatching(/^zoom: onbekende parameter/) });
		});
	});

	describe('seed and snapshots', () => {
		it('seeds "Wijkgericht werken in Hengelo" once, with views that pass every check', async () => {
			await db.exec('DELETE FROM stories');
			const seeded = await seedStories(db);
			expect(seeded).toEqual({ stories: 1, slides: 7 });
			expect(await seedStories(db)).toBeNull();
			const [summary] = await stories.list(db, 'GM0164');
			expect(summary.title).toBe(SEED_STORY_TITLE);
			const story = (await stories.get(db, summary.id))!;
			expect(await checkSlideViews(db, 'GM0164', story.slides)).toEqual([]);
			// From the gemeente to wijk Noord and De Noork.
			expect(story.slides[0].view).toBe('?gemeente=GM0164&laag=wijk&thema=urgentie&lagen=geen');
			expect(story.slides.some((s) => s.view.includes('gebied=WK016402'))).toBe(true);
			expect(story.slides.some((s) => s.view.includes('gebied=BU01640202') && s.view.includes('lagen=programmas'))).toBe(true);
			// Deleted by its users, it is not seeded again.
			await db.transaction((tx) => stories.remove(tx, actor, story.id));
			expect(await seedStories(db)).toBeNull();
		});

		it('turns every slide into a complete style with the data inline, the camera and the words', async () => {
			await db.exec('DELETE FROM audit_log WHERE entity = \'story\'');
			await seedStories(db);
			const [summary] = await stories.list(db, 'GM0164');
			const story = (await stories.get(db, summary.id))!;
			const snapshot = await storySnapshot(db, story, { origin: 'https://wijkbeeld.example', now: new Date('2026-05-01T10:00:00Z') });
			expect(snapshot).toMatchObject({ id: story.id, title: SEED_STORY_TITLE, gemeente: { code: 'GM0164', name: 'Hengelo' }, synthetic: true, syntheticLabel: SYNTHETIC_LABEL });
			expect(snapshot.slides).toHaveLength(7);

			const [overview, , noord, , noork, partners] = snapshot.slides;
			expect(overview.meta).toMatchObject({ number: 1, count: 7, level: 'wijk', selected: { code: 'GM0164', level: 'gemeente' }, peiljaar: 2024, synthetic: true });
			expect(overview.meta.link).toBe('https://wijkbeeld.example/?gemeente=GM0164&laag=wijk&thema=urgentie&lagen=geen');
			expect(overview.meta.legend!.title).toBe('Urgentiescore');
			expect(overview.meta.legend!.classes).toHaveLength(5);
			expect(overview.meta.legend!.classes.reduce((n, c) => n + c.count, 0)).toBe(10);
			expect(overview.meta.areas).toHaveLength(10);
			// The urgency mixes RIVM health with demodata: the slide says which part is real.
			expect(overview.meta.source).toMatch(/^Bron: Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata; CBS \/ Kadaster/);
			expect(overview.meta.generatedAt).toBe('2026-05-01T10:00:00.000Z');

			// The data is in the style itself: every wijk, coloured by its class.
			const areas = overview.style.sources.areas as { type: 'geojson'; data: { features: { properties: { code: string; fill?: string } }[] } };
			expect(areas.data.features).toHaveLength(10);
			const classColours = new Set(overview.meta.legend!.classes.map((c) => c.colour));
			expect(areas.data.features.every((f) => f.properties.fill && classColours.has(f.properties.fill))).toBe(true);
			expect(overview.style.layers.map((l) => l.id)).toEqual(expect.arrayContaining(['areas-fill', 'labels', 'gemeente-line']));
			expect(overview.style.glyphs).toBeUndefined();

			expect(noord.meta).toMatchObject({ level: 'buurt', selected: { code: 'WK016402', level: 'wijk' } });
			const selection = noord.style.sources.selection as { data: { features: { properties: { code: string } }[] } };
			expect(selection.data.features.map((f) => f.properties.code)).toEqual(['WK016402']);
			expect(noord.camera.bounds[0]).toBeGreaterThan(overview.camera.bounds[0]);

			expect(noork.meta).toMatchObject({ selected: { code: 'BU01640202' }, layers: ['programmas'], quarter: '2024-K1', quarterLabel: 'K1 2024' });
			expect(noork.meta.overlays.map((o) => o.name)).toContain('Wijkaanpak Noord');
			expect(noork.style.layers.map((l) => l.id)).toContain('programmes-line');
			expect(noork.style.layers.map((l) => l.id)).not.toContain('investments-circle');

			// In K2 2026 the partners' projects in Noord run: Welbions' complexes and the municipality's buitenruimte.
			expect(partners.meta.legend!.classes).toEqual([]);
			const names = partners.meta.overlays.filter((o) => o.kind === 'investment').map((o) => o.name);
			expect(names).toEqual(expect.arrayContaining(['De Noork complex 412 - levensduurverlenging', 'Herinrichting buitenruimte De Noork (klimaatadaptatie)']));
			// Not yet started or already over in that quarter: left out.
			expect(names).not.toContain('Groot Driene-Zuid - sloop/nieuwbouw portiekflats');
			expect(names).not.toContain('Beckum - dorpsplein en ontmoetingsplek');
			const circles = partners.style.sources.investments as { data: { features: { properties: { radius: number } }[] } };
			expect(circles.data.features.length).toBe(names.length);
			expect(circles.data.features.every((f) => f.properties.radius >= 12 && f.properties.radius <= 40)).toBe(true);
			// Signals are staff-only: never in a snapshot, whatever the slide asked for.
			expect(JSON.stringify(snapshot)).not.toMatch(/Voorbeeldsignaal/);
		});
	});
});
