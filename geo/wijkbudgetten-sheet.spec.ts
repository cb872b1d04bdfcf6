import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWijkbudgetSheet } from './wijkbudgetten-sheet';
import { SheetError } from './investments-sheet';
import { readConfig } from '../src/lib/server/config';

const HEADER = 'gemeentecode;jaar;gebiedscode;soort;regeling;toegekend_eur;besteed_eur;aantal_initiatieven;organisatie;toelichting';
const sheet = (...lines: string[]) => ({ name: 'budget.csv', bytes: new TextEncoder().encode([HEADER, ...lines].join('\n')) });

describe('readWijkbudgetSheet', () => {
	it('reads the demo export: 200 rows, Dutch numbers, demodata, an open year without spending', async () => {
		const path = join(readConfig().dataDir, 'demo/wijkbudgetten_demo.csv');
		const { rows } = await readWijkbudgetSheet({ name: 'wijkbudgetten_demo.csv', bytes: await readFile(path) });
		expect(rows).toHaveLength(200);
		expect(rows.every((r) => r.problems.length === 0 && r.synthetic)).toBe(true);
		expect(rows[0].input).toEqual({
			gemeentecode: 'GM0153',
			jaar: 2021,
			gebiedscode: 'WK015300',
			soort: 'bewonersinitiatief',
			regeling: 'Wijkbudget bewonersinitiatieven',
			toegekendEur: 32000,
			besteedEur: 16896.35,
			aantalInitiatieven: 17,
			organisatie: 'Wijkraad Binnensingelgebied',
			toelichting: 'DEMODATA: bedragen zijn verzonnen'
		});
		expect(rows.filter((r) => r.input?.jaar === 2025).every((r) => r.input?.besteedEur === null)).toBe(true);
	});

	it('reports each bad cell at its row and column', async () => {
		const { rows } = await readWijkbudgetSheet(
			sheet(
				'GM0164;2024;WK016402;buurtbon;Buurtbudget;12.000,00;3.000,50;4;;',
				'GM0164;20x4;WK016402;buurtbon;Buurtbudget;12.000,00;;;;',
				'GM0164;2024;WK016402;subsidie;Buurtbudget;1,234.50;;;;',
				'GM0164;2024;XX016402;buurtbon;;-5;;2,5;;',
				'GM0164;2024;WK015302;buurtbon;Buurtbudget;100;900;;;',
				'GM0164;2024;WK016402;buurtbon;Buurtbudget;;;;;'
			)
		);
		expect(rows.map((r) => r.problems.map((p) => `${p.row}/${p.field}: ${p.message}`))).toEqual([
			[],
			['3/jaar: geen getal: "20x4" (schrijf bijvoorbeeld 1.234.500 of 52,2701)'],
			['4/toegekend_eur: geen getal: "1,234.50" (schrijf bijvoorbeeld 1.234.500 of 52,2701)', '4/soort: "subsidie" is onbekend; kies buurtbon, activiteitenbudget, bewonersinitiatief'],
			[
				'5/aantal_initiatieven: 2,5 is geen heel getal',
				'5/gebiedscode: gebiedscode geen wijk- of buurtcode (WK + 6 of BU + 8 cijfers)',
				'5/regeling: regeling is leeg',
				'5/toegekend_eur: toegekend_eur mag niet negatief zijn'
			],
			['6/besteed_eur: besteed (900) is veel meer dan toegekend (100); zijn de kolommen verwisseld?', '6/gebiedscode: gebiedscode hoort niet bij de gemeente'],
			['7/toegekend_eur: toegekend bedrag is leeg']
		]);
		expect(rows[0].input).toMatchObject({ toegekendEur: 12000, besteedEur: 3000.5, aantalInitiatieven: 4, organisatie: null });
	});

	it('refuses a file without the required columns, or not a sheet at all', async () => {
		await expect(readWijkbudgetSheet({ name: 'x.csv', bytes: new TextEncoder().encode('jaar;bedrag\n2024;5') })).rejects.toThrow(/kolom\(men\) ontbreken: gemeentecode, gebiedscode, soort, regeling, toegekend_eur/);
		await expect(readWijkbudgetSheet({ name: 'x.pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2]) })).rejects.toBeInstanceOf(SheetError);
	});
});
