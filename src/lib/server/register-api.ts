// Shared pieces of the register's routes: reading and validating a JSON body, the ids in paths, the
// synthetic label on every demo item, and finding the gemeente of a place.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { SYNTHETIC_LABEL } from '../domain/register';
import type { Queryable } from './db/client';
import * as investments from './db/investments';
import { validationError } from './http';

export { validationError, type FieldError } from './http';
import { itemId } from './schemas';
import { readLimited } from './upload';
import { requireUser } from './auth/guard';
import type { Actor } from './db/audit';
import { canEditAnything, type User } from '../domain/roles';

/** The largest JSON body a write takes unless its route says otherwise: a story of 40 slides is about 100 kB. */
export const JSON_BODY_LIMIT = 256 * 1024;

/**
 * Reads the body as JSON (Content-Type application/json, at most `maxBytes`) and validates it with `schema`; the
 * failure is a 400 that names each field, 415 for another content type, 413 for a body that is too large (also
 * when it is sent chunked, without a Content-Length).
 */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S, maxBytes = JSON_BODY_LIMIT): Promise<z.infer<S>> {
	const type = request.headers.get('content-type');
	if (!type) error(400, 'Verwacht een JSON-body (Content-Type: application/json)');
	if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) error(415, `Verwacht Content-Type application/json, niet ${type.slice(0, 100)}`);
	const tooLarge = `De invoer is te groot: hoogstens ${Math.round(maxBytes / 1024)} kB`;
	let bytes: Uint8Array | null;
	try {
		bytes = request.body ? await readLimited(request.body, maxBytes) : new Uint8Array();
	} catch (e) {
		// The server's own limit (adapter-node's BODY_SIZE_LIMIT) ends the stream with a 413 of its own.
		if ((e as { status?: number }).status === 413) error(413, tooLarge);
		throw e;
	}
	if (!bytes) error(413, tooLarge);
	let body: unknown;
	try {
		body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		error(400, 'Verwacht een JSON-body');
	}
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	validationError(
		result.error.issues.map((issue) => ({
			field: issue.path.map(String).join('.') || 'body',
			message: issue.message
		}))
	);
}

/** The id in the path (the `[id=id]` matcher has already refused anything but digits), or a 400. */
export function parseId(value: string): number {
	const parsed = itemId.safeParse(value);
	if (!parsed.success) error(400, `Ongeldig id "${value}"`);
	return parsed.data;
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

export interface Location {
	gemeentecode: string;
	buurtcode: string | null;
}

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
		if (!gemeentecode) validationError([{ field: 'buurtcode', message: `buurt ${place.buurtcode} is onbekend` }]);
		return { gemeentecode, buurtcode: place.buurtcode };
	}
	if (place.point) {
		const [lon, lat] = place.point.coordinates;
		const found = await investments.buurtAt(db, lon, lat);
		if (!found) validationError([{ field: 'point', message: 'ligt in geen enkele bekende buurt' }]);
		return { gemeentecode: found.gemeentecode, buurtcode: found.buurtcode };
	}
	if (place.outline) {
		const gemeentecode = await investments.gemeenteOfOutline(db, place.outline);
		if (!gemeentecode) validationError([{ field: 'outline', message: 'ligt in geen enkele bekende gemeente' }]);
		return { gemeentecode, buurtcode: null };
	}
	validationError([{ field: 'buurtcode', message: 'geef een buurtcode, een punt of een omtrek' }]);
}

/** Signed in and allowed to write something (not a viewer): 401 or 403 before the body is even read. */
export function requireEditing(user: User | null): User {
	const signedIn = requireUser(user);
	if (!canEditAnything(signedIn)) error(403, 'U heeft alleen leesrechten');
	return signedIn;
}

/** The user as the audit names them. */
export function actorOf(user: User): Actor {
	return { id: user.id, name: user.name };
}

/**
 * 409 `{ error, current }` when the write was based on another version than the item has now (`expected` given);
 * the UI then offers to reload. Call it after lockForWrite, so that two writes from one read cannot both pass.
 */
export function requireVersion<T extends { version: number }>(current: T, expected: number | undefined, what: string): void {
	if (expected === undefined || expected === current.version) return;
	error(409, {
		message: `${what} is intussen gewijzigd (nu versie ${current.version}, u ging uit van versie ${expected}); laad het opnieuw en breng uw wijziging opnieuw aan`,
		current
	});
}

/** `?version=N` of a DELETE. */
export const deleteQuery = z.object({ version: z.coerce.number().int('verwacht een heel getal').positive().optional() });
