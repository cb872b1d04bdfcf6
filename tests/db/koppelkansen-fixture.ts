// Koppelstad (GM0997) for the koppelkansen tests: two wijken of four buurten, 100 m squares side by side, so
// that which buurten are neighbours is plain to see:
//
//   row 1 (WK099701 Noordwijk):  Akker  | Beek  | Cirkel | Duin  || Overkant (GM0996 Buurstad, across the border)
//   row 2 (WK099702 Zuidwijk):   Es     | Flat  | Gaarde | Hoeve
//
// Akker's neighbours are Beek and Es; Flat touches Akker only at a corner (not a neighbour); Cirkel is two buurten
// away from Akker. Overkant lies in another gemeente, right against Duin.
import type { Db } from '../../src/lib/server/db/client';
import type { InvestmentInput, ProgrammeInput } from '../../src/lib/domain/register';
import { loadTestAreas } from './test-areas';

export const KS = 'GM0997';
export const BUURSTAD = 'GM0996';
export const NOORDWIJK = 'WK099701';
export const ZUIDWIJK = 'WK099702';
export const AKKER = 'BU09970101';
export const BEEK = 'BU09970102';
export const CIRKEL = 'BU09970103';
export const DUIN = 'BU09970104';
export const ES = 'BU09970201';
export const FLAT = 'BU09970202';
export const GAARDE = 'BU09970203';
export const HOEVE = 'BU09970204';
export const OVERKANT = 'BU09960101';

export async function loadKoppelstad(db: Db): Promise<void> {
	await loadTestAreas(db, { code: KS, name: 'Koppelstad' }, [
		{
			code: NOORDWIJK,
			name: 'Noordwijk',
			buurten: [
				{ code: AKKER, name: 'Akker' },
				{ code: BEEK, name: 'Beek' },
				{ code: CIRKEL, name: 'Cirkel' },
				{ code: DUIN, name: 'Duin' }
			]
		},
		{
			code: ZUIDWIJK,
			name: 'Zuidwijk',
			buurten: [
				{ code: ES, name: 'Es' },
				{ code: FLAT, name: 'Flat' },
				{ code: GAARDE, name: 'Gaarde' },
				{ code: HOEVE, name: 'Hoeve' }
			]
		}
	]);
	// Directly east of Duin: shares Duin's eastern edge (x = 250,400).
	await loadTestAreas(db, { code: BUURSTAD, name: 'Buurstad' }, [{ code: 'WK099601', name: 'Buurwijk', buurten: [{ code: OVERKANT, name: 'Overkant' }] }], 2024, {
		x: 250_400,
		y: 475_000
	});
}

export function investment(overrides: Partial<InvestmentInput> = {}): InvestmentInput {
	return {
		partner: 'Welbions',
		projectName: `Project ${Math.random().toString(36).slice(2, 8)}`,
		measure: 'isolatie',
		buurtcode: AKKER,
		point: null,
		outline: null,
		startDate: '2025-01-01',
		endDate: '2026-12-31',
		dwellings: 20,
		amountEur: 400_000,
		status: 'gepland',
		notes: '',
		...overrides
	};
}

export function programme(overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
	return {
		gemeentecode: KS,
		name: 'Wijkaanpak Akker',
		kind: 'wijkaanpak',
		phase: 'initieren',
		startDate: '2024-02-01',
		endDate: null,
		themes: ['sociaal'],
		bestuurlijkOpdrachtgever: null,
		ambtelijkOpdrachtgever: null,
		programmeManager: null,
		budgetLines: [],
		status: 'lopend',
		notes: '',
		buurtcodes: [AKKER],
		outline: null,
		...overrides
	};
}
