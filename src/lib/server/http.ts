// Small helpers for the JSON API. Failures are thrown as SvelteKit `error()`s: the hook `apiErrors` turns them
// into `{ error }` (with `errors` per field for validation failures), and inside `db.transaction` a thrown error
// rolls the transaction back where a returned Response would commit.
import { error, json } from '@sveltejs/kit';
import type { z } from 'zod';

export interface FieldError {
	field: string;
	message: string;
}

/** A JSON `{ error }` answer, for the few places that answer an error without throwing (hooks). */
export function apiError(status: number, message: string): Response {
	return json({ error: message }, { status });
}

/** Throws a 400 with the problems per field, as forms show them next to their inputs. */
export function validationError(errors: FieldError[], message = 'Controleer de invoer'): never {
	error(400, { message: `${message}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors });
}

/** The query string parsed with a schema; the failure is a 400 that names the parameter. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
	const result = schema.safeParse(Object.fromEntries(url.searchParams));
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const name = issue.path.join('.') || 'query';
	error(400, `Ongeldige parameter ${name}: ${issue.message}`);
}
