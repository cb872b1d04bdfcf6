import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import * as health from '$lib/server/db/health';

export async function GET() {
	const db = await getDb();
	return json({ status: 'ok', database: db.kind, postgis: await health.postgisVersion(db) });
}
