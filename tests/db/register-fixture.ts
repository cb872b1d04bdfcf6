// A made-up gemeente with five buurten and a neighbour, and a user to act as, for the register's db tests.
import type { Db } from '../../src/lib/server/db/client';
import type { InvestmentInput, ProgrammeInput, SignalInput } from '../../src/lib/domain/register';
import { loadTestAreas } from './test-areas';

export const GM = 'GM0999';
export const OTHER_GM = 'GM0998';

/**
 * Proefstad: row 0 = BU09990101..0103, row 1 = BU09990201..0202, each a 100 m square from RD (250000, 475000).
 * Buurenstad lies 10 km east, so that a point is never in both.
 */
export async function loadRegisterAreas(db: Db): Promise<void> {
	await loadTestAreas(db, { code: GM, name: 'Proefstad' }, [
		{ code: 'WK099901', name: 'Wijk Een', buurten: [{ code: 'BU09990101', name: 'Eerste' }, { code: 'BU09990102', name: 'Tweede' }, { code: 'BU09990103', name: 'Derde' }] },
		{ code: 'WK099902', name: 'Wijk Twee', buurten: [{ code: 'BU09990201', name: 'Vierde' }, { code: 'BU09990202', name: 'Vijfde' }] }
	]);
	await loadTestAreas(db, { code: OTHER_GM, name: 'Buurenstad' }, [
		{ code: 'WK099801', name: 'Buurwijk', buurten: [{ code: 'BU09980101', name: 'Buur' }] }
	], 2024, { x: 260_000, y: 475_000 });
}

/** A user to act as (audit and signals point at users). */
export async function testUser(db: Db, name = 'Tessa Test', role = 'editor'): Promise<{ id: number; name: string }> {
	const [row] = await db.query<{ id: number }>(
		`INSERT INTO users (email, name, role, gemeentecode) VALUES ($1, $2, $3, $4) RETURNING id`,
		[`${name.toLowerCase().replace(/\W+/g, '.')}@test.local`, name, role, GM]
	);
	return { id: Number(row.id), name };
}

/** A WGS84 GeoJSON polygon of an RD New rectangle, computed by PostGIS. */
export async function rdRectangle(db: Db, x1: number, y1: number, x2: number, y2: number) {
	const [row] = await db.query<{ g: string }>(
		`SELECT ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope($1, $2, $3, $4, 28992), 4326), 8) AS g`,
		[x1, y1, x2, y2]
	);
	return JSON.parse(row.g) as { type: 'Polygon'; coordinates: [number, number][][] };
}

/** A WGS84 GeoJSON point of an RD New coordinate. */
export async function rdPoint(db: Db, x: number, y: number) {
	const [row] = await db.query<{ g: string }>(`SELECT ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 28992), 4326), 8) AS g`, [x, y]);
	return JSON.parse(row.g) as { type: 'Point'; coordinates: [number, number] };
}

export function programmeInput(overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
	return {
		gemeentecode: GM,
		name: 'Wijkaanpak Proef',
		kind: 'wijkaanpak',
		phase: 'initieren',
		startDate: '2024-02-01',
		endDate: null,
		themes: ['sociaal', 'veilig'],
		bestuurlijkOpdrachtgever: 'Wethouder W.',
		ambtelijkOpdrachtgever: null,
		programmeManager: 'P. Manager',
		budgetLines: [{ year: 2024, label: 'wijkgericht werken', amount: 271000 }],
		status: 'lopend',
		notes: '',
		buurtcodes: ['BU09990101'],
		outline: null,
		...overrides
	};
}

export function investmentInput(overrides: Partial<InvestmentInput> = {}): InvestmentInput {
	return {
		partner: 'Welbions',
		projectName: 'Isolatie complex 12',
		measure: 'isolatie en levensduurverlengende ingrepen',
		buurtcode: 'BU09990201',
		point: null,
		outline: null,
		startDate: '2025-01-01',
		endDate: '2026-06-30',
		dwellings: 48,
		amountEur: 1250000,
		status: 'gepland',
		notes: '',
		...overrides
	};
}

export function signalInput(overrides: Partial<SignalInput> = {}): SignalInput {
	return {
		text: 'Veel zwerfvuil rond het winkelcentrum',
		buurtcode: 'BU09990102',
		point: null,
		observedOn: '2025-03-14',
		domain: 'openbare_ruimte',
		...overrides
	};
}
