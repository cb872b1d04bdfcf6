// Query-string schemas of the API, shared by the routes that take the same parameters.
import { z } from 'zod';
import { AREA_CODE, GEMEENTE_CODE, LEVELS } from '../domain/areas';

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
