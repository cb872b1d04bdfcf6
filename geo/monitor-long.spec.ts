// Golden files for the long-format monitor readers: every geo/fixtures/in/monitor/catalogus-*.csv and
// waarden-*.csv is parsed and compared with geo/fixtures/out/monitor-<name>.json (`REGEN=1` rewrites them).
// Values are read against the demo catalogue and a few loaded areas (fixtures/monitor-context.ts).
import { describe, expect, it } from 'vitest';
import { parseCatalogue, parseLongValues } from './monitor-long';
import { parseNumber, parseYear } from './monitor-common';
import { fixtureNames, matchGolden, readFixture } from './fixtures/golden';
import { monitorContext } from './fixtures/monitor-context';

const names = fixtureNames('.csv', 'monitor');
const withoutFile = <T extends { file?: string }>(problems: T[]) => problems.map(({ file: _file, ...rest }) => rest);

describe('parseCatalogue golden files', () => {
	const catalogues = names.filter((n) => n.startsWith('catalogus-'));
	it('has fixtures for good and bad catalogues', () => expect(catalogues.length).toBeGreaterThanOrEqual(4));

	it.each(catalogues)('%s', (name) => {
		const { indicators, problems, delimiter } = parseCatalogue(readFixture(`monitor/${name}.csv`), `${name}.csv`);
		matchGolden(`monitor-${name}`, { delimiter, indicators, problems: withoutFile(problems) });
	});

	it('marks every indicator synthetic when the import says so', () => {
		const text = 'indicator;naam;eenheid;domein;richting;bron\nx;X;%;sociaal;context;Gemeente\n';
		expect(parseCatalogue(text, 'c.csv').indicators[0].synthetic).toBe(false);
		expect(parseCatalogue(text, 'c.csv', { synthetic: true }).indicators[0].synthetic).toBe(true);
	});
});

describe('parseLongValues golden files', () => {
	const files = names.filter((n) => n.startsWith('waarden-'));
	it('has fixtures for the awkward inputs', () => expect(files.length).toBeGreaterThanOrEqual(8));

	it.each(files)('%s', (name) => {
		const { values, problems, delimiter } = parseLongValues(readFixture(`monitor/${name}.csv`), `${name}.csv`, monitorContext());
		matchGolden(`monitor-${name}`, { delimiter, values, problems: withoutFile(problems) });
	});

	it('checks only the form of area codes when the loaded areas are not given', () => {
		const text = 'gebiedscode;indicator;jaar;waarde\nBU09999999;inwoners;2023;10\n';
		const { values, problems } = parseLongValues(text, 'w.csv', { ...monitorContext(), areas: undefined });
		expect(problems).toEqual([]);
		expect(values).toEqual([{ areaCode: 'BU09999999', indicator: 'inwoners', year: 2023, value: 10, row: 2 }]);
	});
});

describe('parseNumber', () => {
	it.each([
		['12.5', 12.5],
		['12,5', 12.5],
		[' 7 ', 7],
		['-3,25', -3.25],
		['1.234,5', 1234.5],
		['6.200.000', 6200000],
		[',5', 0.5],
		['0.125', 0.125],
		['12.50', 12.5],
		['1448', 1448],
		['', null],
		['   ', null]
	])('%j → %j', (text, value) => {
		expect(parseNumber(text)).toEqual({ value });
	});

	it.each(['n.v.t.', 'x', '.', '-', '12,5%', '1e3', 'NaN', 'Infinity', '1.2.3,4,5', '12 5', '1,234.5'])('refuses %j', (text) => {
		expect(parseNumber(text)).toHaveProperty('error');
	});

	it('refuses a number that may be Dutch or English thousands', () => {
		expect(parseNumber('161.235')).toEqual({ error: 'dubbelzinnig getal "161.235": schrijf 161235 (zonder punt) of 161,235 (decimale komma)' });
	});
});

describe('parseYear', () => {
	it('takes four digits between 1990 and next year', () => {
		expect(parseYear('2023')).toEqual({ year: 2023 });
		expect(parseYear(2020)).toEqual({ year: 2020 });
		expect(parseYear('1989')).toHaveProperty('error');
		expect(parseYear(String(new Date().getFullYear() + 2))).toHaveProperty('error');
		expect(parseYear('23')).toEqual({ error: 'geen jaartal: "23"' });
	});
});
