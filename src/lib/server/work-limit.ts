// A bound on expensive work per process: at most `concurrency` at a time, at most `maxQueue` waiting, the rest
// refused at once with 503 "druk". Work whose client has gone away (its request's signal aborted) leaves the queue
// without running, so a burst of abandoned page loads cannot starve the requests after it: on PGlite (one
// statement at a time) 100 abandoned map-page loads held the urgency API up for 10 s before this.
import { error } from '@sveltejs/kit';

export const BUSY_MESSAGE = 'De server is druk; probeer het over enkele seconden opnieuw';

export class WorkLimit {
	#running = 0;
	readonly #queue: { start: () => void; signal?: AbortSignal; gone: () => void }[] = [];

	constructor(
		readonly concurrency: number,
		readonly maxQueue: number
	) {}

	get running(): number {
		return this.#running;
	}

	get waiting(): number {
		return this.#queue.length;
	}

	/**
	 * Runs `work` when a place is free. Throws 503 when the queue is full, and (without running it) when `signal`
	 * aborts while it waits: nobody is there to read the answer.
	 */
	async run<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
		if (signal?.aborted) error(503, 'Het verzoek is afgebroken');
		if (this.#running >= this.concurrency) {
			if (this.#queue.length >= this.maxQueue) error(503, BUSY_MESSAGE);
			await new Promise<void>((resolve, reject) => {
				const waiter = {
					signal,
					start: () => {
						signal?.removeEventListener('abort', waiter.gone);
						resolve();
					},
					gone: () => {
						const i = this.#queue.indexOf(waiter);
						if (i >= 0) this.#queue.splice(i, 1);
						reject(Object.assign(new Error('aborted'), { aborted: true }));
					}
				};
				signal?.addEventListener('abort', waiter.gone, { once: true });
				this.#queue.push(waiter);
			}).catch((e) => {
				if ((e as { aborted?: boolean }).aborted) error(503, 'Het verzoek is afgebroken');
				throw e;
			});
		} else this.#running++;
		try {
			return await work();
		} finally {
			const next = this.#queue.shift();
			// The place passes on to the next waiter (running stays the same), or is freed.
			if (next) next.start();
			else this.#running--;
		}
	}
}

/**
 * The map page's load (areas, theme, area card, register): on PGlite every statement waits for the one before,
 * so two at a time is all the database can do anyway; 64 waiting covers 50 concurrent readers.
 */
export const mapPageWork = new WorkLimit(2, 64);
