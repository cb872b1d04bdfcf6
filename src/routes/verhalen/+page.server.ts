import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import * as stories from '$lib/server/db/stories';
import { readViewState } from '$lib/domain/view-state';
import { canWrite } from '$lib/domain/roles';
import { storyCreateSchema } from '$lib/domain/stories';
import { actorOf } from '$lib/server/register-api';

/** The stories of a gemeente: anyone may look at them and present them; editors of the gemeente make new ones. */
export async function load({ url, locals }) {
	const db = await getDb();
	const gemeenten = await areas.listGemeenten(db);
	const codes = gemeenten.map((g) => g.code);
	// The gemeente of the URL, else the editor's own, else the default (Hengelo).
	const params = new URLSearchParams(url.searchParams);
	if (!params.get('gemeente') && locals.user?.gemeentecode) params.set('gemeente', locals.user.gemeentecode);
	const { gemeente } = readViewState(params, codes);
	return {
		gemeenten: gemeenten.map((g) => ({ code: g.code, name: g.name })),
		gemeente: gemeenten.find((g) => g.code === gemeente) ?? { code: gemeente, name: gemeente },
		stories: codes.includes(gemeente) ? await stories.list(db, gemeente) : [],
		canEdit: canWrite(locals.user, 'story', { gemeentecode: gemeente })
	};
}

export const actions = {
	/** A new, empty story; then its page, where slides are added. */
	nieuw: async ({ request, locals }) => {
		const form = await request.formData();
		const input = { gemeentecode: String(form.get('gemeentecode') ?? ''), title: String(form.get('title') ?? ''), description: String(form.get('description') ?? '') };
		if (!locals.user) return fail(401, { ...input, errors: [{ field: 'title', message: 'Meld u aan om een verhaal te maken' }] });
		const parsed = storyCreateSchema.safeParse(input);
		if (!parsed.success) {
			return fail(400, { ...input, errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) });
		}
		if (!canWrite(locals.user, 'story', { gemeentecode: parsed.data.gemeentecode })) {
			return fail(403, { ...input, errors: [{ field: 'title', message: 'Alleen een redacteur van deze gemeente maakt hier verhalen' }] });
		}
		const user = locals.user;
		const db = await getDb();
		const created = await db.transaction((tx) => stories.create(tx, actorOf(user), parsed.data, { createdBy: user.id }));
		redirect(303, `/verhalen/${created.id}`);
	}
};
