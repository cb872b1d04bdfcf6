// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
			/** Validation failures: the problem per field (answered by the API as `errors`). */
			errors?: import('$lib/server/http').FieldError[];
			/** A 409 on a stale version: the item as it is now (answered by the API as `current`). */
			current?: unknown;
		}
		interface Locals {
			requestId: string;
			/** The signed-in user (hooks.server.ts), or null. */
			user: import('$lib/domain/roles').User | null;
		}
		/** adapter-node passes the Node request (work-limit.ts reads whether its client is still there). */
		interface Platform {
			req?: import('node:http').IncomingMessage;
		}
	}
}

export {};
