// Query-string schemas of the API, shared by the routes that take the same parameters.
import { z } from 'zod';
import { AREA_CODE, BUURT_CODE, GEMEENTE_CODE, LEVELS } from '../domain/areas';
import { isoDate } from '../domain/register';
import { WeightsError, parseWeights } from '../domain/urgency';
import { DOMAINS } from '../domain/monitor';
import { KOPPELKANS_KINDS, defaultPeriod } from '../domain/koppelkansen';
import { CriterionWeightsError, DEFAULT_CANDIDATE_DRAWS, DEFAULT_CANDIDATE_TOP_N, PRESETS, parseCriterionWeights } from '../domain/kandidaten';

export const gemeenteCode = z.string().regex(GEMEENTE_CODE, 'verwacht een gemeentecode als GM0164');
export const areaCode = z.string().regex(AREA_CODE, 'verwacht een gebiedscode als BU01640202');
export const areaLevel = z.enum(LEVELS, { message: `verwacht een van ${LEVELS.join(', ')}` });

export const areasQuery = z.object({
	gemeente: gemeenteCode,
	level: areaLevel.default('buurt')
});

export const searchQuery = z.object({
	q: z.string().max(100, 'zoektekst is te lang'),
	gemeente: gemeenteCode.optional(),
	limit: z.coerce.number().int().min(1).max(50).default(10)
});

const year = z.coerce.number().int('verwacht een jaartal').min(1990, 'verwacht een jaartal als 2024').max(2100, 'verwacht een jaartal als 2024');

/** `sociaal:2,veiligheid:1` → Weights, with the Dutch message of parseWeights when it cannot be read. */
const weights = z
	.string()
	.max(200, 'te lang')
	.optional()
	.transform((text, ctx) => {
		try {
			return parseWeights(text);
		} catch (error) {
			if (!(error instanceof WeightsError)) throw error;
			ctx.addIssue({ code: 'custom', message: error.message });
			return z.NEVER;
		}
	});

export const indicatorValuesQuery = z.object({
	gemeente: gemeenteCode,
	level: areaLevel.default('buurt'),
	year: year.optional()
});

export const urgencyQuery = z.object({
	gemeente: gemeenteCode,
	level: areaLevel.exclude(['gemeente'], { message: 'verwacht stadsdeel, wijk of buurt' }).default('buurt'),
	year: year.optional(),
	weights,
	topN: z.coerce.number().int().min(1, 'minstens 1').max(50, 'hoogstens 50').default(5),
	draws: z.coerce.number().int().min(0, 'minstens 0').max(2000, 'hoogstens 2000').default(500)
});

export const profileQuery = z.object({
	year: year.optional(),
	weights
});

export const indicatorCode = z.string().regex(/^[a-z0-9_]{1,64}$/i, 'verwacht een indicatorcode als p_laag_inkomen');

/** The lists of the register: a gemeente, optionally a period and a buurt, as JSON or GeoJSON for the map. */
export const registerQuery = z
	.object({
		gemeente: gemeenteCode,
		from: isoDate.optional(),
		to: isoDate.optional(),
		buurt: z.string().regex(BUURT_CODE, 'verwacht een buurtcode als BU01640202').optional(),
		format: z.enum(['json', 'geojson'], { message: 'verwacht json of geojson' }).default('json')
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from ligt na to', path: ['from'] });

/** An id in a URL path. */
export const itemId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const auditQuery = z.object({
	gemeente: gemeenteCode,
	entity: z
		.enum(['programme', 'investment', 'signal', 'area_assessment', 'programme_monitor', 'indeling', 'wijkbudget'], {
			message: 'verwacht programme, investment, signal, area_assessment, programme_monitor, indeling of wijkbudget'
		})
		.optional(),
	id: itemId.optional(),
	limit: z.coerce.number().int().min(1, 'minstens 1').max(500, 'hoogstens 500').default(100)
});

/** A period [from, to] in a query string; either end left out takes the default (this year and the next three). */
function withPeriod<T extends { from?: string; to?: string }>(q: T) {
	const fallback = defaultPeriod();
	return { ...q, from: q.from ?? fallback.from, to: q.to ?? fallback.to };
}
const periodInOrder = { message: 'from ligt na to', path: ['from'] };

/** The levels the koppelkansen and the candidate ranking work on. */
export const analysisLevel = z.enum(['buurt', 'wijk', 'stadsdeel'], { message: 'verwacht buurt, wijk of stadsdeel' });

export const koppelkansenQuery = z
	.object({
		gemeente: gemeenteCode,
		from: isoDate.optional(),
		to: isoDate.optional(),
		kind: z.enum(KOPPELKANS_KINDS, { message: `verwacht een van ${KOPPELKANS_KINDS.join(', ')}` }).optional(),
		domain: z.enum(DOMAINS, { message: `verwacht een van ${DOMAINS.join(', ')}` }).optional(),
		level: analysisLevel.default('buurt'),
		format: z.enum(['json', 'csv'], { message: 'verwacht json of csv' }).default('json')
	})
	.transform(withPeriod)
	.refine((q) => q.from <= q.to, periodInOrder);

/** `urgentie:3,signalen:2`, on top of a preset when one is named. */
export const kandidatenQuery = z
	.object({
		gemeente: gemeenteCode,
		from: isoDate.optional(),
		to: isoDate.optional(),
		level: analysisLevel.default('buurt'),
		preset: z.enum(PRESETS.map((p) => p.id) as [string, ...string[]], { message: `verwacht een van ${PRESETS.map((p) => p.id).join(', ')}` }).optional(),
		weights: z.string().max(200, 'te lang').optional(),
		existing: z.enum(['markeren', 'uitsluiten'], { message: 'verwacht markeren of uitsluiten' }).default('markeren'),
		topN: z.coerce.number().int().min(1, 'minstens 1').max(20, 'hoogstens 20').default(DEFAULT_CANDIDATE_TOP_N),
		draws: z.coerce.number().int().min(0, 'minstens 0').max(2000, 'hoogstens 2000').default(DEFAULT_CANDIDATE_DRAWS)
	})
	.transform((q, ctx) => {
		const base = PRESETS.find((p) => p.id === q.preset)?.weights;
		try {
			return { ...withPeriod(q), weights: parseCriterionWeights(q.weights, base) };
		} catch (error) {
			if (!(error instanceof CriterionWeightsError)) throw error;
			ctx.addIssue({ code: 'custom', message: error.message, path: ['weights'] });
			return z.NEVER;
		}
	})
	.refine((q) => q.from <= q.to, periodInOrder);
