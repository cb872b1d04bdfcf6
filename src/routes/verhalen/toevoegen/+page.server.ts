import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as stories from '$lib/server/db/stories';
import { canWrite } from '$lib/domain/roles';
import { describeProblems, parseSlideView } from '$lib/story/view';
import { slideAddSchema, storyCreateSchema, MAX_SLIDES } from '$lib/domain/stories';
import { viewSnapshot } from '$lib/server/story-snapshots';
import { checkSlideViews, writeProblem } from '$lib/server/story-api';
import { actorOf } from '$lib/server/register-api';

/**
 * "Aan verhaal toevoegen" from the main page: the map view it was on (`weergave`, the page's query string) becomes
 * a slide of an existing story of that gemeente, or of a new one.
 */
export async function load({ url, locals }) {
	const weergave = url.searchParams.get('weergave') ?? '';
	if (!locals.user) redirect(303, `/aanmelden?${new URLSearchParams({ terug: url.pathname + url.search })}`);
	const db = await getDb();
	const gemeenten = (await areas.listGemeenten(db)).map((g) => g.code);
	const parsed = parseSlideView(weergave, { gemeenten });
	if (!parsed.ok) return { ok: false as const, weergave, problem: describeProblems(parsed.problems) };
	const gemeente = parsed.value.view.gemeente;
	const canEdit = canWrite(locals.user, 'story', { gemeentecode: gemeente });
	// The suggested title says what the map shows ("Urgentiescore · buurten · De Noork, Hengelo · 2024").
	const preview = await viewSnapshot(db, parsed.search, '', { origin: url.origin });
	return {
		ok: true as const,
		weergave: parsed.search,
		notes: parsed.notes,
		canEdit,
		gemeente: preview.meta.gemeente,
		suggestion: preview.meta.subtitle,
		synthetic: preview.meta.synthetic,
		syntheticLabel: preview.meta.syntheticLabel,
		stories: canEdit ? (await stories.list(db, gemeente)).filter((s) => s.slideCount < MAX_SLIDES) : [],
		chosen: Number(url.searchParams.get('verhaal')) || null
	};
}

export const actions = {
	default: async ({ request, locals, url }) => {
		if (!locals.user) redirect(303, `/aanmelden?${new URLSearchParams({ terug: url.pathname + url.search })}`);
		const user = locals.user;
		const form = await request.formData();
		const values = {
			story: String(form.get('story') ?? ''),
			newTitle: String(form.get('newTitle') ?? ''),
			title: String(form.get('title') ?? ''),
			text: String(form.get('text') ?? ''),
			view: String(form.get('view') ?? '')
		};
		const slide = slideAddSchema.safeParse({ title: values.title, text: values.text, view: values.view });
		if (!slide.success) return fail(400, { ...values, errors: slide.error.issues.map((i) => ({ field: i.path.join('.') || 'title', message: i.message })) });
		const db = await getDb();
		const outcome = await db.transaction(async (tx) => {
			const view = parseSlideView(slide.data.view);
			const gemeentecode = view.ok ? view.value.view.gemeente : '';
			if (!canWrite(user, 'story', { gemeentecode })) return fail(403, { ...values, errors: [{ field: 'story', message: 'Alleen een redacteur van deze gemeente voegt hier dia’s toe' }] });
			const errors = await checkSlideViews(tx, gemeentecode, [slide.data], () => 'view');
			if (errors.length) return fail(400, { ...values, errors });
			if (values.story === 'nieuw') {
				const created = storyCreateSchema.safeParse({ gemeentecode, title: values.newTitle, slides: [slide.data] });
				if (!created.success) return fail(400, { ...values, errors: created.error.issues.map((i) => ({ field: i.path[0] === 'title' ? 'newTitle' : String(i.path.join('.')), message: i.message })) });
				return (await stories.create(tx, actorOf(user), created.data, { createdBy: user.id })).id;
			}
			const id = Number(values.story);
			const story = Number.isInteger(id) && id > 0 ? await stories.get(tx, id) : null;
			if (!story || story.gemeentecode !== gemeentecode) return fail(400, { ...values, errors: [{ field: 'story', message: 'Kies een verhaal van deze gemeente' }] });
			// The same limit as POST /api/stories/{id}/slides.
			if (story.slides.length >= MAX_SLIDES) return fail(400, { ...values, errors: [{ field: 'story', message: `een verhaal heeft hoogstens ${MAX_SLIDES} dia's` }] });
			const result = await stories.addSlide(tx, actorOf(user), id, slide.data);
			if (result.status !== 'ok') return fail(400, { ...values, errors: [{ field: 'story', message: writeProblem(result, id) }] });
			return id;
		});
		if (typeof outcome !== 'number') return outcome;
		redirect(303, `/verhalen/${outcome}`);
	}
};
