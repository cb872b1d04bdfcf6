// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			/** The signed-in user (hooks.server.ts), or null. */
			user: import('$lib/domain/roles').User | null;
		}
	}
}

export {};
