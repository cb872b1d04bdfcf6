import { describe, expect, it } from 'vitest';
import { investmentRuns, investmentsInArea, programmeRuns, programmesInArea, signalRuns, signalsInArea, touchesArea } from './register-area';

const programmes = [
	{ name: 'Wijkaanpak Noord', touchedBuurtcodes: ['BU01640202'], startDate: '2024-02-01', endDate: null },
	{ name: 'Pilot Driene', touchedBuurtcodes: ['BU01640203', 'BU01640400'], startDate: null, endDate: null },
	{ name: 'Focusgebied zonder omtrek', touchedBuurtcodes: [], startDate: '2025-01-01', endDate: '2030-12-31' }
];
const investments = [
	{ projectName: 'Warmtenet', buurtcodes: ['BU01640200'], startDate: '2025-01-01', endDate: '2028-12-31' },
	{ projectName: 'Complex 415', buurtcodes: ['BU01640202'], startDate: '2025-03-01', endDate: '2027-06-30' },
	{ projectName: 'Complex 412', buurtcodes: ['BU01640202'], startDate: '2024-09-01', endDate: '2026-12-31' },
	{ projectName: 'Buitenruimte', buurtcodes: ['BU01640202'], startDate: '2026-04-01', endDate: '2027-12-31' }
];

describe('what touches an area', () => {
	it('a buurt holds what lies in it', () => {
		expect(programmesInArea(programmes, ['BU01640202']).map((p) => p.name)).toEqual(['Wijkaanpak Noord']);
		expect(investmentsInArea(investments, ['BU01640202']).map((i) => i.projectName)).toEqual(['Complex 412', 'Complex 415', 'Buitenruimte']);
	});

	it('a wijk holds what lies in any of its buurten, once', () => {
		const noord = ['BU01640200', 'BU01640202', 'BU01640203'];
		expect(programmesInArea(programmes, noord).map((p) => p.name)).toEqual(['Pilot Driene', 'Wijkaanpak Noord']);
		expect(investmentsInArea(investments, noord)).toHaveLength(4);
	});

	it('a gemeente holds everything, also what is not drawn yet', () => {
		expect(programmesInArea(programmes, null).map((p) => p.name)).toEqual(['Pilot Driene', 'Wijkaanpak Noord', 'Focusgebied zonder omtrek']);
		expect(touchesArea([], null)).toBe(true);
		expect(touchesArea([], ['BU01640202'])).toBe(false);
	});

	it('lists signals newest first', () => {
		const signals = [
			{ id: 1, buurtcodes: ['BU01640202'], observedOn: '2025-02-12' },
			{ id: 2, buurtcodes: ['BU01640202'], observedOn: '2025-05-01' },
			{ id: 3, buurtcodes: ['BU01640203'], observedOn: '2025-06-01' }
		];
		expect(signalsInArea(signals, ['BU01640202']).map((s) => s.id)).toEqual([2, 1]);
	});

	it('runs in a quarter as the time control says', () => {
		const k1 = { year: 2026, q: 1 } as const;
		expect(investments.filter((i) => investmentRuns(i, k1)).map((i) => i.projectName)).toEqual(['Warmtenet', 'Complex 415', 'Complex 412']);
		expect(programmes.filter((p) => programmeRuns(p, { year: 2023, q: 1 })).map((p) => p.name)).toEqual(['Pilot Driene']);
		expect(signalRuns({ observedOn: '2025-02-12' }, { year: 2025, q: 1 })).toBe(true);
		expect(signalRuns({ observedOn: '2025-02-12' }, { year: 2025, q: 2 })).toBe(false);
	});
});
