// The StatLine record reader on the exact layout of RIVM's 50090NED (padded strings, "." for no value,
// 2020JJ00, margins) and on the bad inputs a real export can have.
import { describe, expect, it } from 'vitest';
import { StatLineReader, marginKind, periodYear, statLineNumber, topicsFromDataProperties, type StatLineValue } from './records';
import { RIVM_50090NED, KWB_85984NED } from './tables';
import { readFixture } from '../fixtures/golden';

const odataRecords = () => [
	...JSON.parse(readFixture('statline/odata-page-1.json')).value,
	...JSON.parse(readFixture('statline/odata-page-2.json')).value
] as Record<string, unknown>[];

function read(records: Record<string, unknown>[], options: Partial<ConstructorParameters<typeof StatLineReader>[0]> = {}) {
	const values: StatLineValue[] = [];
	const reader = new StatLineReader(
		{ file: 'rivm.json', table: RIVM_50090NED, gemeenten: new Set(['GM0164']), areas: new Set(['GM0164', 'WK016402', 'BU01640202', 'BU01640203']), ...options },
		(v) => values.push(v)
	);
	const ok = reader.header(Object.keys(records[0]));
	if (ok) records.forEach((r, i) => reader.record(r, i + 2));
	return { reader, values, ok };
}

describe('StatLine cells', () => {
	it('reads padded numbers, and blank or "." as no value', () => {
		expect(statLineNumber('    78.4')).toEqual({ value: 78.4 });
		expect(statLineNumber('       .')).toEqual({ value: null });
		expect(statLineNumber('        ')).toEqual({ value: null });
		expect(statLineNumber(null)).toEqual({ value: null });
		expect(statLineNumber(12)).toEqual({ value: 12 });
		expect(statLineNumber('abc')).toEqual({ error: 'geen getal: "abc"' });
		// StatLine never groups thousands and writes a decimal point: a comma is not a StatLine number.
		expect(statLineNumber('78,4')).toEqual({ error: 'geen getal: "78,4"' });
	});

	it('turns 2020JJ00 into 2020 and refuses other periods', () => {
		expect(periodYear('2020JJ00')).toEqual({ year: 2020 });
		expect(periodYear(' 2016JJ00 ')).toEqual({ year: 2016 });
		expect(periodYear('2020KW01')).toEqual({ error: 'geen jaarperiode: "2020KW01" (verwacht bijvoorbeeld 2020JJ00)' });
	});

	it('knows the point estimate and the bounds among the margins', () => {
		expect(marginKind('MW00000')).toBe('value');
		expect(marginKind('MOG0095')).toBe('lower');
		expect(marginKind('MBG0095')).toBe('upper');
		expect(marginKind('XX')).toBeNull();
	});
});

describe('StatLineReader', () => {
	it('reads the loaded gemeente and Nederland, with trimmed codes, one indicator per topic and age group', () => {
		const { reader, values, ok } = read(odataRecords());
		expect(ok).toBe(true);
		expect(reader.problems).toEqual([]);
		expect(reader.skipped).toBe(2); // Enschede's gemeente and buurt
		expect(new Set(values.map((v) => v.areaCode))).toEqual(new Set(['NL01', 'GM0164', 'WK016402', 'BU01640202', 'BU01640203']));
		const eenzaam = (code: string) => values.find((v) => v.areaCode === code && v.indicator === 'rivm_eenzaam_18plus');
		expect(eenzaam('NL01')).toEqual({ areaCode: 'NL01', indicator: 'rivm_eenzaam_18plus', year: 2020, value: 47 });
		expect(eenzaam('GM0164')?.value).toBe(49.3);
		const entry = reader.indicators.get('rivm_eenzaam_18plus')!;
		expect(entry).toMatchObject({
			name: 'Eenzaam (18 jaar en ouder)',
			unit: '%',
			domain: 'gezondheid',
			direction: 'hoger_is_urgenter',
			synthetic: false,
			topic: 'rivm_eenzaam',
			ageGroup: '18plus',
			urgency: false,
			waves: true,
			sourceMeta: { table: '50090NED', estimate: 'modelschatting', licence: 'CC BY 4.0' }
		});
		expect(reader.indicators.get('rivm_ernstig_eenzaam_18plus')?.urgency).toBe(true);
		expect(reader.indicators.size).toBe(Object.keys(RIVM_50090NED.topics).length);
	});

	it('keeps a cell without a value as null (to remove an earlier value of the same source)', () => {
		const { values } = read(odataRecords());
		// 2020 has no values for the three travel topics.
		expect(values.find((v) => v.areaCode === 'GM0164' && v.indicator === 'rivm_lopen_school_werk_18plus')?.value).toBeNull();
	});

	it('reads every area with gemeenten null (--alle) and checks codes for their form only', () => {
		const { values, reader } = read(odataRecords(), { gemeenten: null, areas: null });
		expect(reader.skipped).toBe(0);
		expect(values.some((v) => v.areaCode === 'BU01530301')).toBe(true);
	});

	it('reports a value that is not a number, a percentage over 100, a duplicate and an unknown area by row and column', () => {
		const records = odataRecords();
		const noork = records.findIndex((r) => String(r.WijkenEnBuurten).trim() === 'BU01640202');
		records[noork] = { ...records[noork], Eenzaam_28: '     abc', Roker_11: '   140.0' };
		records.push({ ...records[noork] });
		records.push({ ...records[noork], WijkenEnBuurten: 'BU01649999  ', Codering_3: 'BU01649999   ' });
		const { reader } = read(records);
		expect(reader.problems).toEqual([
			{ file: 'rivm.json', row: noork + 2, code: 'BU01640202', field: 'Roker_11', message: '140 ligt buiten 0–100 (eenheid %)' },
			{ file: 'rivm.json', row: noork + 2, code: 'BU01640202', field: 'Eenzaam_28', message: 'geen getal: "abc"' },
			{ file: 'rivm.json', row: 9, code: 'BU01640202', field: 'WijkenEnBuurten', message: 'BU01640202 (18 jaar en ouder) 2020 komt dubbel voor (ook rij 7)' },
			{ file: 'rivm.json', row: 10, code: 'BU01649999', field: 'WijkenEnBuurten', message: 'onbekend gebied BU01649999 (niet geladen; laad eerst de gebiedsindeling of gebruik --alle)' }
		]);
	});

	it('refuses a header without a topic of the table', () => {
		const records = odataRecords().map(({ Eenzaam_28: _gone, ...rest }) => rest);
		const { ok, reader } = read(records);
		expect(ok).toBe(false);
		expect(reader.problems).toEqual([
			{ file: 'rivm.json', row: 1, field: 'Eenzaam', message: 'onderwerp Eenzaam (Eenzaam) ontbreekt in de kopregel van tabel 50090NED' }
		]);
	});

	it('turns margins other than MW00000 into bounds and refuses unknown age groups and margins', () => {
		const records = odataRecords();
		const noork = records.find((r) => String(r.WijkenEnBuurten).trim() === 'BU01640202')!;
		const { values } = read([...records, { ...noork, Marges: 'MOG0095', Eenzaam_28: '    50.0' }]);
		expect(values.filter((v) => v.areaCode === 'BU01640202' && v.indicator === 'rivm_eenzaam_18plus')).toEqual([
			{ areaCode: 'BU01640202', indicator: 'rivm_eenzaam_18plus', year: 2020, value: expect.any(Number) },
			{ areaCode: 'BU01640202', indicator: 'rivm_eenzaam_18plus', year: 2020, value: 50, bound: 'lower' }
		]);
		const bad = read([...records, { ...noork, Leeftijd: 99999 }, { ...noork, Marges: 'ZZ' }]).reader.problems.map((p) => p.message);
		expect(bad).toEqual(['onbekende leeftijdsgroep "99999" (20300, 53115, 80200)', 'onbekende marge "ZZ" (MW00000, MOG… of MBG…)']);
	});

	it('reads a table without a period column for a given year (KWB), and names topics from DataProperties', () => {
		const values: StatLineValue[] = [];
		const reader = new StatLineReader({ file: 'kwb', table: KWB_85984NED, year: 2024, gemeenten: null, areas: null }, (v) => values.push(v));
		const keys = ['WijkenEnBuurten', ...Object.keys(KWB_85984NED.topics)];
		expect(reader.header(keys)).toBe(true);
		reader.record({ WijkenEnBuurten: 'GM0164    ', AantalInwoners: '83058' }, 2);
		expect(values.find((v) => v.indicator === 'kwb_inwoners')).toEqual({ areaCode: 'GM0164', indicator: 'kwb_inwoners', year: 2024, value: 83058 });
		expect(topicsFromDataProperties('85984NED', [{ Key: 'Woningvoorraad_35', Title: 'Woningvoorraad', Unit: 'aantal', Type: 'Topic' }, { Key: 'Gemeentenaam_1', Title: 'Gemeentenaam', Type: 'Topic' }])).toEqual({
			Woningvoorraad: { code: 'woningvoorraad', name: 'Woningvoorraad', unit: 'aantal', domain: 'context', direction: 'context', weighting: 'som' }
		});
	});
});
