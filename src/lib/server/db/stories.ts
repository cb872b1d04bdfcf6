// Stories and their slides: plain verbs over SQL, each write audited (entity `story`, the whole story before and
// after) in the same transaction. Slide views arrive validated and normalised (domain/stories.ts).
import type { Queryable } from './client';
import { recordChange, type Actor } from './audit';
import type { Slide, SlideAdd, Story, StoryCreate, StorySummary, StoryUpdate } from '../../domain/stories';

interface StoryRow {
	id: number;
	gemeentecode: string;
	title: string;
	description: string;
	version: number;
	source: string;
	created_by: string | null;
	created_at: string;
	updated_at: string;
}

interface SlideRow {
	id: number;
	story_id: number;
	title: string;
	text: string;
	view: string;
}

// Timestamps as text: both engines then give the same JS values.
const SELECT_STORY = `
	SELECT s.id, s.gemeentecode, s.title, s.description, s.version, s.source, u.name AS created_by,
	       s.created_at::text AS created_at, s.updated_at::text AS updated_at
	FROM stories s LEFT JOIN users u ON u.id = s.created_by`;

function toSlide(row: SlideRow): Slide {
	return { id: Number(row.id), title: row.title, text: row.text, view: row.view };
}

function toStory(row: StoryRow, slides: SlideRow[]): Story {
	return {
		id: Number(row.id),
		gemeentecode: row.gemeentecode,
		title: row.title,
		description: row.description,
		version: Number(row.version),
		source: row.source,
		createdBy: row.created_by,
		createdAt: String(row.created_at),
		updatedAt: String(row.updated_at),
		slides: slides.map(toSlide)
	};
}

/** The stories of a gemeente, the most recently changed first, with the number of their slides. */
export async function list(db: Queryable, gemeentecode: string): Promise<StorySummary[]> {
	const rows = await db.query<StoryRow & { slide_count: number }>(
		`SELECT s.id, s.gemeentecode, s.title, s.description, s.version, s.updated_at::text AS updated_at,
		        (SELECT count(*)::int FROM story_slides sl WHERE sl.story_id = s.id) AS slide_count
		 FROM stories s WHERE s.gemeentecode = $1
		 ORDER BY s.updated_at DESC, s.id DESC`,
		[gemeentecode]
	);
	return rows.map((r) => ({
		id: Number(r.id),
		gemeentecode: r.gemeentecode,
		title: r.title,
		description: r.description,
		version: Number(r.version),
		slideCount: Number(r.slide_count),
		updatedAt: String(r.updated_at)
	}));
}

/** A story with its slides in order; null when there is none. `forUpdate` locks it for the rest of the transaction. */
export async function get(db: Queryable, id: number, options: { forUpdate?: boolean } = {}): Promise<Story | null> {
	if (options.forUpdate) await db.query('SELECT id FROM stories WHERE id = $1 FOR UPDATE', [id]);
	const [row] = await db.query<StoryRow>(`${SELECT_STORY} WHERE s.id = $1`, [id]);
	if (!row) return null;
	const slides = await db.query<SlideRow>(
		'SELECT id, story_id, title, text, view FROM story_slides WHERE story_id = $1 ORDER BY position',
		[id]
	);
	return toStory(row, slides);
}

export interface WriteOptions {
	/** 'app', or where the story came from (the seed names its occasion). */
	source?: string;
	/** The user who made it (null for the app itself). */
	createdBy?: number | null;
}

async function insertSlide(tx: Queryable, storyId: number, position: number, slide: Omit<Slide, 'id'>): Promise<void> {
	await tx.query('INSERT INTO story_slides (story_id, position, title, text, view) VALUES ($1, $2, $3, $4, $5)', [
		storyId,
		position,
		slide.title,
		slide.text,
		slide.view
	]);
}

/** Creates a story with its slides and audits it. */
export async function create(tx: Queryable, actor: Actor, input: StoryCreate, options: WriteOptions = {}): Promise<Story> {
	const [row] = await tx.query<{ id: number }>(
		`INSERT INTO stories (gemeentecode, title, description, source, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		[input.gemeentecode, input.title, input.description, options.source ?? 'app', options.createdBy ?? actor.id]
	);
	const id = Number(row.id);
	for (const [position, slide] of input.slides.entries()) await insertSlide(tx, id, position, slide);
	const created = (await get(tx, id))!;
	await recordChange(tx, actor, {
		entity: 'story',
		entityId: id,
		action: 'create',
		gemeentecode: created.gemeentecode,
		before: null,
		after: created,
		source: options.source && options.source !== 'app' ? options.source : null
	});
	return created;
}

export type WriteResult =
	| { status: 'ok'; story: Story }
	| { status: 'not-found' }
	/** The story changed since the version the edit started from; `story` is how it is now. */
	| { status: 'conflict'; story: Story }
	/** Slide ids that are not slides of this story. */
	| { status: 'unknown-slides'; ids: number[] };

function sameContent(a: Story, b: Story): boolean {
	const strip = ({ version: _v, updatedAt: _u, ...rest }: Story) => rest;
	return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

/** Writes the new state after `change`, bumps the version and audits it; nothing (no audit) when nothing differs. */
async function finishWrite(tx: Queryable, actor: Actor, before: Story): Promise<WriteResult> {
	const changed = (await get(tx, before.id))!;
	if (sameContent(before, changed)) return { status: 'ok', story: before };
	await tx.query('UPDATE stories SET version = version + 1, updated_at = now() WHERE id = $1', [before.id]);
	const after = (await get(tx, before.id))!;
	await recordChange(tx, actor, {
		entity: 'story',
		entityId: before.id,
		action: 'update',
		gemeentecode: after.gemeentecode,
		before,
		after
	});
	return { status: 'ok', story: after };
}

/**
 * Replaces title, description and slides (see storyUpdateSchema): kept slides are updated and moved, new ones
 * added, missing ones deleted, all in the caller's transaction.
 */
export async function update(tx: Queryable, actor: Actor, id: number, input: StoryUpdate): Promise<WriteResult> {
	const before = await get(tx, id, { forUpdate: true });
	if (!before) return { status: 'not-found' };
	if (before.version !== input.version) return { status: 'conflict', story: before };
	const existing = new Set(before.slides.map((s) => s.id));
	const unknown = input.slides.flatMap((s) => (s.id !== undefined && !existing.has(s.id) ? [s.id] : []));
	if (unknown.length) return { status: 'unknown-slides', ids: unknown };

	await tx.query('UPDATE stories SET title = $2, description = $3 WHERE id = $1', [id, input.title, input.description]);
	const kept = input.slides.flatMap((s) => (s.id === undefined ? [] : [s.id]));
	await tx.query(
		`DELETE FROM story_slides WHERE story_id = $1
		   AND NOT (id = ANY (ARRAY(SELECT jsonb_array_elements_text($2::text::jsonb)::bigint)))`,
		[id, JSON.stringify(kept)]
	);
	for (const [position, slide] of input.slides.entries()) {
		if (slide.id === undefined) await insertSlide(tx, id, position, slide);
		else {
			await tx.query('UPDATE story_slides SET position = $3, title = $4, text = $5, view = $6 WHERE id = $1 AND story_id = $2', [
				slide.id,
				id,
				position,
				slide.title,
				slide.text,
				slide.view
			]);
		}
	}
	return finishWrite(tx, actor, before);
}

/** Adds one slide at `position` (1-based; default the end), moving the ones after it down. */
export async function addSlide(tx: Queryable, actor: Actor, id: number, input: SlideAdd): Promise<WriteResult> {
	const before = await get(tx, id, { forUpdate: true });
	if (!before) return { status: 'not-found' };
	if (input.version !== undefined && before.version !== input.version) return { status: 'conflict', story: before };
	const at = Math.min(input.position ?? before.slides.length + 1, before.slides.length + 1) - 1;
	await tx.query('UPDATE story_slides SET position = position + 1 WHERE story_id = $1 AND position >= $2', [id, at]);
	await insertSlide(tx, id, at, input);
	return finishWrite(tx, actor, before);
}

/** Deletes a story and its slides, and audits it (the audit keeps what it was); false when not found. */
export async function remove(tx: Queryable, actor: Actor, id: number): Promise<boolean> {
	const before = await get(tx, id, { forUpdate: true });
	if (!before) return false;
	await tx.query('DELETE FROM stories WHERE id = $1', [id]);
	await recordChange(tx, actor, {
		entity: 'story',
		entityId: id,
		action: 'delete',
		gemeentecode: before.gemeentecode,
		before,
		after: null
	});
	return true;
}

/** Whether there are no stories at all (the first-start seed runs then). */
export async function isEmpty(db: Queryable): Promise<boolean> {
	const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories');
	return Number(row.n) === 0;
}
