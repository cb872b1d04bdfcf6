// Stories as client and server both see them: a gemeente's ordered slides, each a saved map view with a title and a
// short text. The zod schemas are what the API accepts; a slide's view is checked and normalised by parseSlideView.
import { z } from 'zod';
import { GEMEENTE_CODE } from './areas';
import { describeProblems, parseSlideView } from '../story/view';

export const MAX_SLIDES = 40;
export const TITLE_MAX = 120;
export const SLIDE_TEXT_MAX = 400;
export const DESCRIPTION_MAX = 2000;

const gemeentecode = z.string().regex(GEMEENTE_CODE, 'verwacht een gemeentecode als GM0164');
const requiredText = (max: number) => z.string().trim().min(1, 'is verplicht').max(max, `hoogstens ${max} tekens`);
const optionalText = (max: number) => z.string().trim().max(max, `hoogstens ${max} tekens`).default('');

/** A map view of the main page, normalised; refused (with what is wrong) when it would not reopen as saved. */
export const slideViewSchema = z
	.string()
	.max(2000, 'hoogstens 2000 tekens')
	.transform((value, ctx) => {
		const result = parseSlideView(value);
		if (!result.ok) {
			ctx.addIssue({ code: 'custom', message: describeProblems(result.problems) });
			return z.NEVER;
		}
		return result.search;
	});

export const slideInputSchema = z.object({
	/** An existing slide keeps its id through edits and reorders; a slide without one is new. */
	id: z.number().int().positive().optional(),
	title: requiredText(TITLE_MAX),
	text: optionalText(SLIDE_TEXT_MAX),
	view: slideViewSchema
});
export type SlideInput = z.infer<typeof slideInputSchema>;

const noDuplicateIds = (slides: SlideInput[]) => {
	const ids = slides.map((s) => s.id).filter((id) => id !== undefined);
	return new Set(ids).size === ids.length;
};

/** POST /api/stories */
export const storyCreateSchema = z.object({
	gemeentecode,
	title: requiredText(TITLE_MAX),
	description: optionalText(DESCRIPTION_MAX),
	slides: z
		.array(slideInputSchema.omit({ id: true }))
		.max(MAX_SLIDES, `een verhaal heeft hoogstens ${MAX_SLIDES} dia's`)
		.default([])
});
export type StoryCreate = z.infer<typeof storyCreateSchema>;

/**
 * PUT /api/stories/{id}: the whole story. The order of `slides` is the new order; slides with an id are kept (and
 * changed), slides without one are added, slides left out are deleted. `version` is the version the edit started
 * from. The gemeente of a story does not change.
 */
export const storyUpdateSchema = z.object({
	version: z.number().int().positive(),
	title: requiredText(TITLE_MAX),
	description: optionalText(DESCRIPTION_MAX),
	slides: z
		.array(slideInputSchema)
		.max(MAX_SLIDES, `een verhaal heeft hoogstens ${MAX_SLIDES} dia's`)
		.refine(noDuplicateIds, 'dezelfde dia staat twee keer in het verhaal')
});
export type StoryUpdate = z.infer<typeof storyUpdateSchema>;

/** POST /api/stories/{id}/slides: one slide, added at `position` (1-based; default: at the end). */
export const slideAddSchema = slideInputSchema.omit({ id: true }).extend({
	position: z.number().int().min(1).optional(),
	/** When given, the add is refused if the story changed since (as for PUT). */
	version: z.number().int().positive().optional()
});
export type SlideAdd = z.infer<typeof slideAddSchema>;

export interface Slide {
	id: number;
	title: string;
	text: string;
	view: string;
}

export interface Story {
	id: number;
	gemeentecode: string;
	title: string;
	description: string;
	version: number;
	source: string;
	createdBy: string | null;
	createdAt: string;
	updatedAt: string;
	slides: Slide[];
}

export interface StorySummary {
	id: number;
	gemeentecode: string;
	title: string;
	description: string;
	version: number;
	slideCount: number;
	updatedAt: string;
}
