// Shared pieces of the story routes: the checks of slide views that need the database (does the area exist, is it
// in the story's gemeente, is the indicator in the catalogue), the 409 of a stale edit, and the write result as a
// response (or a thrown error).
import { error, json } from '@sveltejs/kit';
import type { Queryable } from './db/client';
import * as areas from './db/areas';
import * as indicators from './db/indicators';
import type { WriteResult } from './db/stories';
import { validationError, type FieldError } from './http';
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

/** Why a write did not happen, in the words the API answers with (null when it did). */
export function writeProblem(result: WriteResult, id: number): string | null {
	switch (result.status) {
		case 'ok':
			return null;
		case 'not-found':
			return `Verhaal ${id} bestaat niet`;
		case 'conflict':
			return `Het verhaal is intussen gewijzigd (nu versie ${result.story.version}); laad het opnieuw en breng uw wijziging opnieuw aan`;
		case 'unknown-slides':
			return `dia ${result.ids.join(', ')} hoort niet bij dit verhaal`;
	}
}

/** The answer to a write: the story; else throws 404, 409 with the story as it is now, or 400 for foreign slide ids. */
export function writeResponse(result: WriteResult, id: number, status = 200): Response {
	if (result.status === 'ok') return json(result.story, { status });
	const message = writeProblem(result, id)!;
	if (result.status === 'not-found') error(404, message);
	if (result.status === 'conflict') error(409, { message, current: result.story });
	validationError([{ field: 'slides', message }]);
}
