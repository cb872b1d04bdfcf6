import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, csvField, koppelkansenCsv, koppelkansenFileName } from './koppelkansen-csv';
import type { KoppelkansResult } from './koppelkansen';

const result: KoppelkansResult = {
	rank: 1,
	code: 'BU01640202',
	name: 'De Noork',
	level: 'buurt',
	kind: 'koppelkans',
	kindLabel: 'Koppelkans',
	score: 3.67,
	scoreParts: [
		{ key: 'urgentie', label: 'Urgentie', points: 2.67, explanation: 'de urgentiescore (alle domeinen even zwaar)' },
		{ key: 'lopend_programma', label: 'Lopend programma', points: 1, explanation: 'een lopend programma (Wijkaanpak Noord)' }
	],
	urgency: { value: 2.67, class: 'hoog', domain: null, overall: 2.67, domains: { sociaal: 2, gezondheid: 2, veiligheid: 2, wonen: 2, duurzaamheid: 2 }, stapeling: 5 },
	reasons: [],
	explanation: 'De Noork — urgentie hoog; "Welbions"; Wijkaanpak Noord loopt → koppelkans',
	programmes: [{ id: 1, name: 'Wijkaanpak Noord', kind: 'wijkaanpak', status: 'lopend', phase: 'initieren', startDate: null, endDate: null, running: true, synthetic: false }],
	investments: [
		{ id: 1, partner: 'Welbions', municipal: false, projectName: 'x', measure: 'levensduurverlenging', buurtcode: 'BU01640202', buurtName: 'De Noork', neighbour: false, startDate: '2024-09-01', endDate: '2026-12-31', dwellings: 148, amountEur: null, status: 'gepland', large: true, coupled: true, synthetic: true },
		{ id: 2, partner: 'Gemeente Hengelo', municipal: true, projectName: 'y', measure: 'warmtetransitie', buurtcode: 'BU01640200', buurtName: 'Noord', neighbour: true, startDate: '2025-01-01', endDate: '2028-12-31', dwellings: null, amountEur: 3_500_000, status: 'gepland', large: true, coupled: true, synthetic: true }
	],
	neighbour: true,
	coupling: { parties: [], from: '2026-04-01', to: '2026-12-31' },
	wijkbudget: 'Wijkbudget 2024: € 2,49 per inwoner (gemeente € 3,10), 91 % besteed',
	synthetic: true,
	label: 'Demodata — geen echte cijfers'
};

describe('koppelkansenCsv', () => {
	it('writes Dutch headers and numbers, semicolons, a BOM and CRLF, and the demodata label on synthetic rows', () => {
		const csv = koppelkansenCsv([result, { ...result, rank: 2, synthetic: false, label: undefined, wijkbudget: undefined }]);
		expect(csv.startsWith('\uFEFFRang;Soort;Gebiedscode;Gebied;Score;')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines[3]).toBe('');
		expect(lines[0].split(';')).toEqual([...CSV_HEADERS]);
		expect(lines[1]).toBe(
			'1;Koppelkans;BU01640202;De Noork;3,67;2,67;hoog;Wijkaanpak Noord;Welbions levensduurverlenging 2024–2026 (148 woningen);' +
				'Noord: gemeente warmtetransitie 2025–2028 (€ 3,5 mln);april 2026 – december 2026;' +
				'"De Noork — urgentie hoog; ""Welbions""; Wijkaanpak Noord loopt → koppelkans";' +
				'Urgentie 2,67 (de urgentiescore (alle domeinen even zwaar)) + Lopend programma 1,00 (een lopend programma (Wijkaanpak Noord));' +
				'Wijkbudget 2024: € 2,49 per inwoner (gemeente € 3,10), 91 % besteed;' +
				'Demodata — geen echte cijfers'
		);
		expect(lines[2].endsWith(';;')).toBe(true);
	});

	it('turns cells a spreadsheet would run as a formula into text, and leaves numbers alone', () => {
		expect(csvField('=HYPERLINK("http://evil.example","klik")')).toBe('"\'=HYPERLINK(""http://evil.example"",""klik"")"');
		expect(csvField('+31 6 1234')).toBe("'+31 6 1234");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('-cmd|x')).toBe("'-cmd|x");
		expect(csvField('\t=1')).toBe("'\t=1");
		expect(csvField('-3,5')).toBe('-3,5');
		expect(csvField('+12%')).toBe('+12%');
		expect(csvField('Wijkaanpak Noord')).toBe('Wijkaanpak Noord');
	});

	it('quotes only what needs it, and names the file after gemeente, level and period', () => {
		expect(csvField('gewoon')).toBe('gewoon');
		expect(csvField('a;b')).toBe('"a;b"');
		expect(csvField('regel\neen')).toBe('"regel\neen"');
		expect(koppelkansenFileName("'s-Hertogenbosch", 'wijk', '2026-01-01', '2029-12-31')).toBe('koppelkansen-s-hertogenbosch-wijken-2026-01-01-tot-2029-12-31.csv');
	});
});
