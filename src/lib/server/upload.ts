// Reading an uploaded file from a multipart request without trusting its size: a body over the limit, with or
// without a Content-Length (chunked), is never kept past the limit.
import { SHEET_UPLOAD_LIMIT } from '../domain/upload';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export type Upload =
	| { ok: true; name: string; bytes: Uint8Array; /** The form's other text fields (e.g. a checkbox). */ fields: Record<string, string> }
	| { ok: false; status: 400 | 413; message: string };

const tooLarge = (): Upload => ({
	ok: false,
	status: 413,
	message: `Het bestand is te groot: lees hoogstens ${SHEET_UPLOAD_LIMIT / 1024 / 1024} MB tegelijk in (splits het bestand)`
});

/**
 * The body, or null when it grows past `limit` bytes. Past the limit the rest is read and dropped (up to 16 MB more,
 * then the connection is cut): a client that is still sending gets the 413 instead of a reset connection.
 */
export async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit + DRAIN_LIMIT) {
			await reader.cancel();
			return null;
		}
		if (size <= limit) chunks.push(value);
	}
	if (size > limit) return null;
	const bytes = new Uint8Array(size);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.byteLength;
	}
	return bytes;
}

const DRAIN_LIMIT = 16 * 1024 * 1024;

/** The file in form field `field` of a multipart/form-data request, at most SHEET_UPLOAD_LIMIT bytes. */
export async function readUpload(request: Request, field = 'file'): Promise<Upload> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^multipart\/form-data\s*;/i.test(type)) {
		return { ok: false, status: 400, message: `Stuur het bestand als multipart/form-data in het veld "${field}"` };
	}
	const limit = SHEET_UPLOAD_LIMIT + MULTIPART_OVERHEAD;
	// Far too large by its own account: refused unread (the connection then closes). Somewhat too large: read and
	// dropped by readLimited, so that the client gets the 413 on a connection it can keep using.
	if (Number(request.headers.get('content-length') ?? 0) > limit + DRAIN_LIMIT) return tooLarge();
	if (!request.body) return { ok: false, status: 400, message: `Geen bestand ontvangen in het veld "${field}"` };
	let body: Uint8Array | null;
	try {
		body = await readLimited(request.body, limit);
	} catch (error) {
		// The server's own limit (adapter-node's BODY_SIZE_LIMIT) ends the stream with a 413 of its own.
		if ((error as { status?: number }).status === 413) return tooLarge();
		throw error;
	}
	if (!body) return tooLarge();
	let form: FormData;
	try {
		form = await new Response(body as BodyInit, { headers: { 'content-type': type } }).formData();
	} catch {
		return { ok: false, status: 400, message: 'Het formulier is geen geldig multipart/form-data' };
	}
	const file = form.get(field);
	if (!(file instanceof File)) return { ok: false, status: 400, message: `Geen bestand ontvangen in het veld "${field}"` };
	if (file.size > SHEET_UPLOAD_LIMIT) return tooLarge();
	const fields: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
	return { ok: true, name: file.name || 'upload', bytes: new Uint8Array(await file.arrayBuffer()), fields };
}
