// oidc-provider ships no types; this declares the little of it the test provider uses.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	export interface InteractionDetails {
		uid: string;
		prompt: { name: string; details: Record<string, unknown> };
		params: Record<string, unknown>;
	}

	export default class Provider {
		constructor(issuer: string, configuration: Record<string, unknown>);
		callback(): (req: IncomingMessage, res: ServerResponse) => void;
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
		interactionFinished(req: IncomingMessage, res: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
		Grant: new (properties: { accountId: string; clientId: string }) => {
			addOIDCScope(scope: string): void;
			save(): Promise<string>;
		};
		on(event: string, listener: (...args: unknown[]) => void): void;
	}
}
