import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE, WorkLimit } from './work-limit';

const deferred = () => {
	let resolve!: () => void;
	const promise = new Promise<void>((r) => (resolve = r));
	return { promise, resolve };
};
const statusOf = (e: unknown) => (isHttpError(e) ? `${e.status} ${e.body.message}` : String(e));

describe('WorkLimit', () => {
	it('runs at most `concurrency` at a time, in order, and refuses with 503 when the queue is full', async () => {
		const limit = new WorkLimit(2, 1);
		const order: number[] = [];
		const gates = [deferred(), deferred(), deferred()];
		const runs = gates.map((gate, i) =>
			limit.run(undefined, async () => {
				order.push(i);
				await gate.promise;
				return i;
			})
		);
		await Promise.resolve();
		expect(order).toEqual([0, 1]);
		expect(limit.waiting).toBe(1);
		const refused = await limit.run(undefined, async () => 'x').catch(statusOf);
		expect(refused).toBe(`503 ${BUSY_MESSAGE}`);
		gates[0].resolve();
		await runs[0];
		await new Promise((r) => setTimeout(r, 0));
		expect(order).toEqual([0, 1, 2]);
		gates[1].resolve();
		gates[2].resolve();
		expect(await Promise.all(runs)).toEqual([0, 1, 2]);
		expect(limit.running).toBe(0);
	});

	it('drops waiting work whose client has gone, without running it', async () => {
		const limit = new WorkLimit(1, 10);
		const gate = deferred();
		const first = limit.run(undefined, () => gate.promise);
		const gone = new AbortController();
		let ran = false;
		const abandoned = limit.run({ signal: gone.signal }, async () => {
			ran = true;
		});
		const later = limit.run(undefined, async () => 'later');
		expect(limit.waiting).toBe(2);
		gone.abort();
		expect(await abandoned.catch(statusOf)).toBe('503 Het verzoek is afgebroken');
		expect(limit.waiting).toBe(1);
		gate.resolve();
		await first;
		expect(await later).toBe('later');
		expect(ran).toBe(false);
		expect(limit.running).toBe(0);
		// Already gone before it asked: not even queued.
		expect(await limit.run({ signal: gone.signal }, async () => 'x').catch(statusOf)).toBe('503 Het verzoek is afgebroken');
	});

	it('does not run work whose connection closed before it got its turn (no abort signal fired)', async () => {
		const limit = new WorkLimit(1, 10);
		const gate = deferred();
		const first = limit.run(undefined, () => gate.promise);
		let closed = false;
		let ran = false;
		const late = limit.run({ gone: () => closed }, async () => {
			ran = true;
		});
		const after = limit.run({ gone: () => false }, async () => 'after');
		await new Promise((r) => setImmediate(r));
		closed = true;
		gate.resolve();
		await first;
		expect(await late.catch(statusOf)).toBe('503 Het verzoek is afgebroken');
		expect(await after).toBe('after');
		expect(ran).toBe(false);
		expect(limit.running).toBe(0);
		// Closed already when it asks: not run either.
		expect(await limit.run({ gone: () => true }, async () => 'x').catch(statusOf)).toBe('503 Het verzoek is afgebroken');
	});

	it('frees its place when the work fails', async () => {
		const limit = new WorkLimit(1, 1);
		await expect(limit.run(undefined, async () => Promise.reject(new Error('kapot')))).rejects.toThrow('kapot');
		expect(await limit.run(undefined, async () => 1)).toBe(1);
		expect(limit.running).toBe(0);
	});
});
