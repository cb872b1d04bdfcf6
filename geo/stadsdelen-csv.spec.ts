// Golden files for the stadsdelen reader: every geo/fixtures/in/*.csv is parsed and compared with
// geo/fixtures/out/<name>.json (`REGEN=1` rewrites them, see cbs-boundaries.spec.ts).
import { describe, expect, it } from 'vitest';
import { parseStadsdelen, readCsv } from './stadsdelen-csv';
import { fixtureNames, matchGolden, readFixture } from './fixtures/golden';

const names = fixtureNames('.csv');

describe('parseStadsdelen golden files', () => {
	it('has fixtures for the awkward inputs', () => {
		expect(names.length).toBeGreaterThanOrEqual(10);
	});

	it.each(names)('%s', (name) => {
		const text = readFixture(`${name}.csv`);
		const file = `${name}.csv`;
		const { assignments, problems } = parseStadsdelen(text, file);
		matchGolden(name, {
			delimiter: readCsv(text, file).delimiter,
			assignments,
			problems: problems.map(({ row, code, field, message }) => ({ row, code, field, message }))
		});
	});
});

describe('readCsv', () => {
	it('numbers rows as a spreadsheet does: empty lines count, line breaks inside quotes do not', () => {
		const text = 'buurtcode;stadsdeel\r\nBU01530000;"Centrum\r\n(binnen de singels)"\r\n\r\nBU01530001;Oost\r\n;\r\nBU01530002;West\r\n';
		const { records, rows, delimiter } = readCsv(text, 'x.csv');
		expect(delimiter).toBe(';');
		expect(records.map((r) => r.buurtcode)).toEqual(['BU01530000', 'BU01530001', '', 'BU01530002']);
		expect(rows).toEqual([2, 4, 5, 6]);
	});

	it('reads a header that has as many commas as semicolons as comma-separated', () => {
		expect(readCsv('a,b;c\n1,2;3\n', 'x.csv').records).toEqual([{ a: '1', 'b;c': '2;3' }]);
	});
});
