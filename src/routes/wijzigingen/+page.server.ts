// The audit trail of a gemeente for its editors and the admins: who changed what when, and undo where the
// server allows it (the form action runs the same undo as POST /api/audit/{id}/undo, and reports its refusal).
import { error, fail, isHttpError, redirect } from '@sveltejs/kit';
import { GEMEENTE_CODE } from '$lib/domain/areas';
import { z } from 'zod';
import { getDb } from '$lib/server/db';
import * as areas from '$lib/server/db/areas';
import { listAudit } from '$lib/server/db/undo';
import { undoChange } from '$lib/server/undo-change';
import { canUndo } from '$lib/domain/roles';

const query = z.object({
	gemeente: z.string().regex(GEMEENTE_CODE).optional().catch(undefined),
	soort: z.enum(['programme', 'investment', 'signal']).optional().catch(undefined),
	aantal: z.coerce.number().int().min(1).max(500).default(50).catch(50)
});

export async function load({ locals, url }) {
	if (!locals.user) redirect(303, `/aanmelden?${new URLSearchParams({ terug: url.pathname + url.search })}`);
	const db = await getDb();
	const gemeenten = (await areas.listGemeenten(db)).map((g) => ({ code: g.code, name: g.name }));
	const { gemeente: asked, soort, aantal } = query.parse(Object.fromEntries(url.searchParams));
	const gemeente = asked ?? locals.user.gemeentecode ?? gemeenten.find((g) => g.code === 'GM0164')?.code ?? gemeenten[0]?.code ?? 'GM0164';
	const name = gemeenten.find((g) => g.code === gemeente)?.name ?? gemeente;
	if (!canUndo(locals.user, gemeente)) {
		error(403, `Alleen redacteuren van ${name} en beheerders zien de wijzigingen in ${name}.`);
	}
	const entries = await listAudit(db, { gemeentecode: gemeente, entity: soort, limit: aantal + 1 });
	const buurten = await areas.listRefs(db, gemeente, 'buurt');
	return {
		user: locals.user,
		gemeente: { code: gemeente, name },
		gemeenten: locals.user.role === 'admin' ? gemeenten : gemeenten.filter((g) => g.code === gemeente),
		soort: soort ?? null,
		aantal,
		entries: entries.slice(0, aantal),
		more: entries.length > aantal,
		buurten: Object.fromEntries(buurten.map((b) => [b.code, b.name]))
	};
}

export const actions = {
	ongedaan: async ({ request, locals }) => {
		const id = z.coerce.number().int().min(1).safeParse((await request.formData()).get('id'));
		if (!id.success) return fail(400, { id: null, error: 'Geen geldige wijziging gekozen' });
		try {
			const result = await undoChange(await getDb(), locals.user, id.data);
			return { id: id.data, undoneBy: result.entry.id };
		} catch (e) {
			if (isHttpError(e)) return fail(e.status, { id: id.data, error: e.body.message });
			throw e;
		}
	}
};
