// Shared pieces of the register's routes: reading and validating a JSON body, the ids in paths, the
// synthetic label on every demo item, and finding the gemeente of a place.
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { SYNTHETIC_LABEL } from '../domain/register';
import type { Queryable } from './db/client';
import * as investments from './db/investments';
import { apiError } from './http';
import { itemId } from './schemas';
import { requireUser, type Guard } from './auth/guard';
import type { Actor } from './db/audit';
import { canEditAnything, type User } from '../domain/roles';

export interface FieldError {
	field: string;
	message: string;
}

/** A 400 with the problems per field, as forms show them next to their inputs. */
export function validationError(errors: FieldError[], message = 'Controleer de invoer'): Response {
	return json({ error: `${message}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors }, { status: 400 });
}

/** Reads the body as JSON and validates it with `schema`; the failure is a 400 that names each field. */
export async function parseBody<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return { ok: false, response: apiError(400, 'Verwacht een JSON-body') };
	}
	const result = schema.safeParse(body);
	if (result.success) return { ok: true, data: result.data };
	const errors = result.error.issues.map((issue) => ({
		field: issue.path.map(String).join('.') || 'body',
		message: issue.message
	}));
	return { ok: false, response: validationError(errors) };
}

/** The id in the path, or a 400. */
export function parseId(value: string): { ok: true; id: number } | { ok: false; response: Response } {
	const parsed = itemId.safeParse(value);
	if (!parsed.success) return { ok: false, response: apiError(400, `Ongeldig id "${value}"`) };
	return { ok: true, id: parsed.data };
}

/** A synthetic item carries the label that every view of it shows. */
export function labelled<T extends { synthetic: boolean }>(item: T): T & { label?: string } {
	return item.synthetic ? { ...item, label: SYNTHETIC_LABEL } : item;
}

/** Labels the synthetic features of a FeatureCollection in their properties. */
export function labelledFeatures<C extends { features: { properties: Record<string, unknown> | null }[] }>(collection: C): C {
	for (const f of collection.features) {
		if (f.properties?.synthetic) f.properties.label = SYNTHETIC_LABEL;
	}
	return collection;
}

export type Location = { ok: true; gemeentecode: string; buurtcode: string | null } | { ok: false; response: Response };

/**
 * The gemeente of a place given as a buurtcode, a point or an outline (in that order of precedence); a point
 * alone is assigned to its buurt, which is stored with it. Unknown places are a 400 on their field.
 */
export async function locate(
	db: Queryable,
	place: { buurtcode: string | null; point: { coordinates: [number, number] } | null; outline?: object | null }
): Promise<Location> {
	if (place.buurtcode) {
		const gemeentecode = await investments.gemeenteOfBuurt(db, place.buurtcode);
		if (!gemeentecode) return { ok: false, response: validationError([{ field: 'buurtcode', message: `buurt ${place.buurtcode} is onbekend` }]) };
		return { ok: true, gemeentecode, buurtcode: place.buurtcode };
	}
	if (place.point) {
		const [lon, lat] = place.point.coordinates;
		const found = await investments.buurtAt(db, lon, lat);
		if (!found) return { ok: false, response: validationError([{ field: 'point', message: 'ligt in geen enkele bekende buurt' }]) };
		return { ok: true, gemeentecode: found.gemeentecode, buurtcode: found.buurtcode };
	}
	if (place.outline) {
		const gemeentecode = await investments.gemeenteOfOutline(db, place.outline);
		if (!gemeentecode) return { ok: false, response: validationError([{ field: 'outline', message: 'ligt in geen enkele bekende gemeente' }]) };
		return { ok: true, gemeentecode, buurtcode: null };
	}
	return { ok: false, response: validationError([{ field: 'buurtcode', message: 'geef een buurtcode, een punt of een omtrek' }]) };
}

/** Signed in and allowed to write something (not a viewer): 401 or 403 before the body is even read. */
export function requireEditing(user: User | null): Guard {
	const signedIn = requireUser(user);
	if (!signedIn.ok) return signedIn;
	if (!canEditAnything(signedIn.user)) return { ok: false, response: apiError(403, 'U heeft alleen leesrechten') };
	return signedIn;
}

/** The user as the audit names them. */
export function actorOf(user: User): Actor {
	return { id: user.id, name: user.name };
}
