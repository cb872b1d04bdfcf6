// A bound on expensive work per process: at most `concurrency` at a time, at most `maxQueue` waiting, the rest
// refused at once with 503 "druk". Work whose client has gone away leaves the queue without running, so a burst of
// abandoned page loads cannot starve the requests after it: on PGlite (which runs its statements on the app's own
// thread) 100 map-page loads abandoned after 200 ms held the urgency API up for 7 to 10 s before this.
import type { IncomingMessage } from 'node:http';
import { error } from '@sveltejs/kit';

/** Whose work it is: the request's abort signal, and whether its connection is gone already. */
export interface Client {
	signal?: AbortSignal;
	gone?: () => boolean;
}

/**
 * The client of a request. A request read from a connection that was closed before the app got to it never
 * fires its abort signal (adapter-node listens for the close too late), so the Node request is asked as well.
 */
export function clientOf(request: Request, platform: { req?: IncomingMessage } | undefined): Client {
	const req = platform?.req;
	return { signal: request.signal, gone: () => request.signal.aborted || !!req?.destroyed || !!req?.socket?.destroyed };
}

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
	async run<T>(client: Client | undefined, work: () => Promise<T>): Promise<T> {
		const signal = client?.signal;
		// One turn of the event loop first, so that a connection closed meanwhile is seen as closed.
		if (client?.gone) await new Promise((resolve) => setImmediate(resolve));
		if (signal?.aborted || client?.gone?.()) error(503, 'Het verzoek is afgebroken');
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
			if (client?.gone?.()) {
				this.#release();
				error(503, 'Het verzoek is afgebroken');
			}
		} else this.#running++;
		try {
			return await work();
		} finally {
			this.#release();
		}
	}

	/** The place passes on to the next waiter (running stays the same), or is freed. */
	#release() {
		const next = this.#queue.shift();
		if (next) next.start();
		else this.#running--;
	}
}

/**
 * The map page's load (areas, theme, area card, register): on PGlite every statement waits for the one before,
 * so two at a time is all the database can do anyway; 64 waiting covers 50 concurrent readers.
 */
export const mapPageWork = new WorkLimit(2, 64);
