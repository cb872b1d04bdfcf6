// The indelingen routes' one way of answering: an IndelingError becomes its status with `{ error, errors }`.
import { json } from '@sveltejs/kit';
import { IndelingError } from './indelingen';

export async function answer<T>(work: () => Promise<T>, status = 200): Promise<Response> {
	try {
		const result = await work();
		return result === undefined ? new Response(null, { status: 204 }) : json(result, { status });
	} catch (error) {
		if (error instanceof IndelingError) {
			return json({ error: error.message, ...(error.errors.length ? { errors: error.errors } : {}) }, { status: error.status });
		}
		throw error;
	}
}
