// The indelingen routes' one way of failing: an IndelingError becomes the thrown `error()` of its status, with the
// problems per field (naming the buurten) as `errors`.
import { error } from '@sveltejs/kit';
import { IndelingError } from './indelingen';

export async function orFail<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (cause) {
		if (cause instanceof IndelingError) error(cause.status, { message: cause.message, ...(cause.errors.length ? { errors: cause.errors } : {}) });
		throw cause;
	}
}
