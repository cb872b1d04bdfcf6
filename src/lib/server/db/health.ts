import type { Queryable } from './client';

export async function postgisVersion(db: Queryable): Promise<string> {
	const [row] = await db.query<{ version: string }>('SELECT postgis_lib_version() AS version');
	return row.version;
}
