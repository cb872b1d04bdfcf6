// Golden files for the wide monitor reader: every geo/fixtures/in/monitor/breed-*.csv is parsed (with 2024
// as the year of the import, for files without a jaar column) and compared with out/monitor-<name>.json.
import { describe, expect, it } from 'vitest';
import { parseWideValues } from './monitor-wide';
import { fixtureNames, matchGolden, readFixture } from './fixtures/golden';
import { monitorContext } from './fixtures/monitor-context';

const names = fixtureNames('.csv', 'monitor').filter((n) => n.startsWith('breed-'));

describe('parseWideValues golden files', () => {
	it('has fixtures for the awkward inputs', () => expect(names.length).toBeGreaterThanOrEqual(5));

	it.each(names)('%s', (name) => {
		const parsed = parseWideValues(readFixture(`monitor/${name}.csv`), `${name}.csv`, { ...monitorContext(), year: 2024 });
		matchGolden(`monitor-${name}`, {
			delimiter: parsed.delimiter,
			keyColumn: parsed.keyColumn,
			indicators: parsed.indicators,
			values: parsed.values,
			problems: parsed.problems.map(({ file: _file, ...rest }) => rest)
		});
	});
});

describe('parseWideValues', () => {
	const text = 'gebiedscode;inwoners\nBU01640202;1448\n';

	it('needs a jaar column or a year with the import', () => {
		expect(parseWideValues(text, 'w.csv', monitorContext()).problems).toEqual([
			{ file: 'w.csv', row: 1, field: 'jaar', message: 'kolom jaar ontbreekt en er is geen jaar bij de import opgegeven' }
		]);
		expect(parseWideValues(text, 'w.csv', { ...monitorContext(), year: 2023 }).values).toEqual([
			{ areaCode: 'BU01640202', indicator: 'inwoners', year: 2023, value: 1448, row: 2 }
		]);
	});

	it('checks the year given with the import', () => {
		expect(parseWideValues(text, 'w.csv', { ...monitorContext(), year: 1850 }).problems[0].message).toBe('jaar 1850 ligt niet tussen 1990 en volgend jaar');
	});

	it('takes the buurtcode as the key when a wijkcode column is there too', () => {
		const wide = 'wijkcode,buurtcode,jaar,inwoners\nWK016402,BU01640202,2023,1448\n';
		const parsed = parseWideValues(wide, 'w.csv', monitorContext());
		expect(parsed.keyColumn).toBe('buurtcode');
		expect(parsed.values.map((v) => v.areaCode)).toEqual(['BU01640202']);
	});
});
