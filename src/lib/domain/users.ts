// Users as the administration sees them, and what an admin may change about one (PUT /api/users/{id}).
import { z } from 'zod';
import { GEMEENTE_CODE } from './areas';
import { ROLES, type Role } from './roles';

/** A user row for the administration page and the API (GET /api/users). */
export interface UserRecord {
	id: number;
	email: string;
	name: string;
	role: Role;
	gemeentecode: string | null;
	organisation: string | null;
	active: boolean;
	/** Signs in through OpenID Connect (linked to an account of the identity provider). */
	oidc: boolean;
	createdAt: string;
	lastSeenAt: string | null;
}

const optionalText = z
	.string()
	.trim()
	.max(200)
	.nullish()
	.transform((v) => v || null);

/**
 * The role and its scope. An editor needs a gemeente (the one they edit), a partner an organisation (as written
 * in the investments' partner column); the others may carry them without effect.
 */
export const userUpdateSchema = z
	.object({
		role: z.enum(ROLES),
		gemeentecode: optionalText.refine((v) => v === null || GEMEENTE_CODE.test(v), 'een gemeentecode als GM0164'),
		organisation: optionalText,
		active: z.boolean()
	})
	.superRefine((value, ctx) => {
		if (value.role === 'editor' && !value.gemeentecode) {
			ctx.addIssue({ code: 'custom', path: ['gemeentecode'], message: 'een redacteur hoort bij een gemeente' });
		}
		if (value.role === 'partner' && !value.organisation) {
			ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'een partner hoort bij een organisatie' });
		}
	});

export type UserUpdate = z.infer<typeof userUpdateSchema>;
