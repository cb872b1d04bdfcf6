// Small helpers for the JSON API: errors as `{ error }`, and query strings parsed with zod.
import { json } from '@sveltejs/kit';
import type { z } from 'zod';

export function apiError(status: number, message: string): Response {
	return json({ error: message }, { status });
}

/** Parses the query string with a schema; the failure is a 400 that names the parameter. */
export function parseQuery<S extends z.ZodType>(
	url: URL,
	schema: S
): { ok: true; data: z.infer<S> } | { ok: false; response: Response } {
	const result = schema.safeParse(Object.fromEntries(url.searchParams));
	if (result.success) return { ok: true, data: result.data };
	const issue = result.error.issues[0];
	const name = issue.path.join('.') || 'query';
	return { ok: false, response: apiError(400, `Ongeldige parameter ${name}: ${issue.message}`) };
}
