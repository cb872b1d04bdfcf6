// The per-area judgement behind the choice of the next wijkaanpak that no register holds: whether the gemeente
// gives the area priority, and whether active residents and partners are there. Editors of the area's gemeente
// write it (audited, undoable); everyone reads it.
import { z } from 'zod';

export const RESIDENT_LEVELS = ['onbekend', 'geen', 'enkele', 'veel'] as const;
export type ResidentLevel = (typeof RESIDENT_LEVELS)[number];
export const PARTNER_LEVELS = ['geen', 'enkele', 'veel'] as const;
export type PartnerLevel = (typeof PARTNER_LEVELS)[number];

export const RESIDENT_LABELS: Record<ResidentLevel, string> = {
	onbekend: 'Nog niet beoordeeld',
	geen: 'Geen actieve bewoners bekend',
	enkele: 'Enkele actieve bewoners',
	veel: 'Veel actieve bewoners'
};
export const PARTNER_LABELS: Record<PartnerLevel | 'register', string> = {
	register: 'Zoals het register laat zien',
	geen: 'Geen actieve partners',
	enkele: 'Enkele actieve partners',
	veel: 'Veel actieve partners'
};

/** What a level counts for in the criterion "actieve bewoners en partners" (0–1). */
export const LEVEL_VALUES: Record<ResidentLevel | PartnerLevel, number> = { onbekend: 0, geen: 0, enkele: 0.5, veel: 1 };

const note = z.string().trim().max(1000, 'hoogstens 1000 tekens').default('');

/** An assessment as the form and the API write it (the area is in the URL). */
export const assessmentInputSchema = z.object({
	priority: z.boolean({ message: 'verwacht ja of nee (true of false)' }),
	priorityNote: note,
	residents: z.enum(RESIDENT_LEVELS, { message: `verwacht een van ${RESIDENT_LEVELS.join(', ')}` }),
	residentsNote: note,
	/** null: as the register shows (partners with investments in the area). */
	partners: z.enum(PARTNER_LEVELS, { message: `verwacht een van ${PARTNER_LEVELS.join(', ')}, of null` }).nullable(),
	partnersNote: note
});
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export interface AreaAssessment extends AssessmentInput {
	/** Null while nothing was ever written for the area (the defaults below apply). */
	id: number | null;
	areaCode: string;
	gemeentecode: string;
	updatedBy: string | null;
	updatedAt: string | null;
}

export const DEFAULT_ASSESSMENT: AssessmentInput = {
	priority: false,
	priorityNote: '',
	residents: 'onbekend',
	residentsNote: '',
	partners: null,
	partnersNote: ''
};

/** The assessment of an area nobody has judged yet. */
export function defaultAssessment(areaCode: string, gemeentecode: string): AreaAssessment {
	return { id: null, areaCode, gemeentecode, updatedBy: null, updatedAt: null, ...DEFAULT_ASSESSMENT };
}
