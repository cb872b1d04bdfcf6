// Shared pieces of the story routes: the checks of slide views that need the database (does the area exist, is it
// in the story's gemeente, is the indicator in the catalogue), the 409 of a stale edit, and the write result as a
// response.
import { json } from '@sveltejs/kit';
import type { Queryable } from './db/client';
import * as areas from './db/areas';
import * as indicators from './db/indicators';
import type { WriteResult } from './db/stories';
import { apiError } from './http';
import { validationError, type FieldError } from './register-api';
import { parseSlideView } from '../story/view';

/**
 * What the database says against the slides' views (already normalised by the schema): each problem on the field
 * `slides.N.view` (or `view` for a single slide, with `fieldOf`).
 */
export async function checkSlideViews(
	db: Queryable,
	gemeentecode: string,
	slides: { view: string }[],
	fieldOf: (index: number) => string = (i) => `slides.${i}.view`
): Promise<FieldError[]> {
	const errors: FieldError[] = [];
	const gemeenten = (await areas.listGemeenten(db)).map((g) => g.code);
	let catalogue: Set<string> | undefined;
	for (const [i, slide] of slides.entries()) {
		const field = fieldOf(i);
		const parsed = parseSlideView(slide.view, { gemeenten });
		if (!parsed.ok) {
			errors.push(...parsed.problems.map((p) => ({ field, message: `${p.parameter}: ${p.message}` })));
			continue;
		}
		const { view, theme } = parsed.value;
		if (view.gemeente !== gemeentecode) {
			errors.push({ field, message: `gemeente: het kaartbeeld is van ${view.gemeente}, het verhaal van ${gemeentecode}` });
		}
		if (view.gebied && !(await areas.get(db, view.gebied))) errors.push({ field, message: `gebied: ${view.gebied} bestaat niet` });
		if (theme.thema === 'indicator' && theme.indicator) {
			catalogue ??= new Set((await indicators.listCatalogue(db)).map((c) => c.code));
			if (!catalogue.has(theme.indicator)) errors.push({ field, message: `indicator: ${theme.indicator} staat niet in de catalogus` });
		}
	}
	return errors;
}

/** The answer to a write: the story, 404, 409 with the story as it is now, or 400 for foreign slide ids. */
export function writeResponse(result: WriteResult, id: number, status = 200): Response {
	switch (result.status) {
		case 'ok':
			return json(result.story, { status });
		case 'not-found':
			return apiError(404, `Verhaal ${id} bestaat niet`);
		case 'conflict':
			return json(
				{
					error: `Het verhaal is intussen gewijzigd (nu versie ${result.story.version}); laad het opnieuw en breng uw wijziging opnieuw aan`,
					current: result.story
				},
				{ status: 409 }
			);
		case 'unknown-slides':
			return validationError([{ field: 'slides', message: `dia ${result.ids.join(', ')} hoort niet bij dit verhaal` }]);
	}
}
