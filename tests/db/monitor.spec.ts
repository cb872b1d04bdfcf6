// Aggregation and suppression of the monitor (monitor_values() via indicators.ts), on both engines: a
// made-up gemeente small enough to check every figure by hand, then the demo monitor of Hengelo and Enschede.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as indicators from '../../src/lib/server/db/indicators';
import { importDefaults, importMonitorLong, importStadsdelen } from '../../src/lib/server/import';
import { readConfig } from '../../src/lib/server/config';
import { SYNTHETIC_LABEL } from '../../src/lib/domain/monitor';
import { urgencyRanking } from '../../src/lib/server/monitor';
import { DEFAULT_WEIGHTS } from '../../src/lib/domain/urgency';
import { engine, freshDatabase } from './database';
import { loadTestAreas } from './test-areas';

// Proefdorp (GM9999): wijk Oost with Akker (100 inhabitants, 50 households), Beek (300, 100) and Leeg (no
// figures at all); wijk West with Dorp (30, 10) and Hoek (15, 5) — two buurten too small to show, and
// together (45) a wijk too small to show as well. Stadsdelen: Noord = Akker + Dorp, Zuid = the rest.
const GM = 'GM9999';
const OOST = 'WK999901';
const WEST = 'WK999902';
const AKKER = 'BU99990101';
const BEEK = 'BU99990102';
const LEEG = 'BU99990103';
const DORP = 'BU99990201';
const HOEK = 'BU99990202';

const catalogue = `indicator;naam;eenheid;domein;richting;bron;weging
inwoners;Inwoners;aantal;context;context;Proefbron;
huishoudens;Huishoudens;aantal;context;context;Proefbron;
p_arm;Inwoners in armoede;%;sociaal;hoger_is_urgenter;Proefbron;
p_huur;Huurwoningen;%;wonen;context;Proefbron;
meldingen;Meldingen openbare ruimte;aantal;veiligheid;hoger_is_urgenter;Proefbron;
`;

// gebiedscode → indicator → [2022, 2023, 2024]; null is an empty cell (not available).
const figures: Record<string, Record<string, (number | null)[]>> = {
	[AKKER]: { inwoners: [100, 100, 100], huishoudens: [50, 50, 50], p_arm: [12, 10, null], p_huur: [null, 20, null], meldingen: [null, 5, null] },
	[BEEK]: { inwoners: [300, 300, 300], huishoudens: [100, 100, 100], p_arm: [32, 30, null], p_huur: [null, 50, null], meldingen: [null, 7, null] },
	[DORP]: { inwoners: [30, 30, 30], huishoudens: [10, 10, 10], p_arm: [null, 68, null], p_huur: [null, 62, null], meldingen: [null, null, null] },
	[HOEK]: { inwoners: [15, 15, 15], huishoudens: [5, 5, 5], p_arm: [null, null, null], p_huur: [null, 62, null], meldingen: [null, 1, null] },
	// A figure the source delivers for the wijk itself wins over the aggregate of its buurten.
	[OOST]: { p_arm: [null, null, 99] }
};

function valuesCsv(): string {
	const lines = ['gebiedscode;indicator;jaar;waarde'];
	for (const [code, byIndicator] of Object.entries(figures)) {
		for (const [indicator, perYear] of Object.entries(byIndicator)) {
			perYear.forEach((value, i) => lines.push(`${code};${indicator};${2022 + i};${value ?? ''}`));
		}
	}
	return `${lines.join('\n')}\n`;
}

describe(`monitor aggregation on ${engine}`, () => {
	let db: Db;
	const valueOf = async (level: 'buurt' | 'wijk' | 'stadsdeel' | 'gemeente', year: number, indicator: string) =>
		Object.fromEntries(
			(await indicators.values(db, { gemeente: GM, level, year, indicator })).map((v) => [v.code, v.suppressed ? 'te weinig inwoners' : v.value])
		);

	beforeAll(async () => {
		db = await freshDatabase();
		await loadTestAreas(db, { code: GM, name: 'Proefdorp' }, [
			{ code: OOST, name: 'Oost', buurten: [{ code: AKKER, name: 'Akker' }, { code: BEEK, name: 'Beek' }, { code: LEEG, name: 'Leeg' }] },
			{ code: WEST, name: 'West', buurten: [{ code: DORP, name: 'Dorp' }, { code: HOEK, name: 'Hoek' }] }
		]);
		await importStadsdelen(db, `buurtcode;stadsdeel\n${AKKER};Noord\n${DORP};Noord\n${BEEK};Zuid\n${LEEG};Zuid\n${HOEK};Zuid\n`, 'indeling.csv');
		await importMonitorLong(db, { catalogue: { text: catalogue, file: 'catalogus.csv' }, values: { text: valuesCsv(), file: 'waarden.csv' } });
	});
	afterAll(() => db?.close());

	it('derives the weighting of each indicator from the catalogue', async () => {
		const catalogueRows = await indicators.listCatalogue(db);
		expect(Object.fromEntries(catalogueRows.map((i) => [i.code, i.weighting]))).toEqual({
			inwoners: 'som',
			huishoudens: 'som',
			p_arm: 'inwoners',
			p_huur: 'huishoudens',
			meldingen: 'som'
		});
		// Context first, then the domains in the order of the municipal documents.
		expect(catalogueRows.map((i) => i.code)).toEqual(['huishoudens', 'inwoners', 'p_arm', 'meldingen', 'p_huur']);
	});

	it('shows every buurt, hides the small ones and leaves a buurt without figures empty', async () => {
		expect(await valueOf('buurt', 2023, 'p_arm')).toEqual({
			[AKKER]: 10,
			[BEEK]: 30,
			[LEEG]: null,
			[DORP]: 'te weinig inwoners',
			[HOEK]: 'te weinig inwoners'
		});
		// Suppression covers every figure of a small buurt, its inhabitants too.
		expect((await valueOf('buurt', 2023, 'inwoners'))[DORP]).toBe('te weinig inwoners');
	});

	it('weights shares of people by inhabitants over the buurten that have both', async () => {
		// Oost: (10·100 + 30·300) / 400 = 25; Leeg has neither value nor weight.
		// West has 45 inhabitants: suppressed, though Dorp has a value.
		expect(await valueOf('wijk', 2023, 'p_arm')).toEqual({ [OOST]: 25, [WEST]: 'te weinig inwoners' });
		// Proefdorp: (1000 + 9000 + 68·30) / (100 + 300 + 30) = 12040 / 430 = 28; Hoek has no value, so not its 15.
		expect(await valueOf('gemeente', 2023, 'p_arm')).toEqual({ [GM]: 28 });
	});

	it('weights shares of dwellings by households', async () => {
		// Oost: (20·50 + 50·100) / 150 = 40 (by inhabitants it would be 42.5).
		expect((await valueOf('wijk', 2023, 'p_huur'))[OOST]).toBe(40);
		// Proefdorp: (1000 + 5000 + 62·10 + 62·5) / 165 = 6930 / 165 = 42.
		expect((await valueOf('gemeente', 2023, 'p_huur'))[GM]).toBeCloseTo(42, 10);
	});

	it('sums counts over the buurten with a value, small buurten included', async () => {
		expect(await valueOf('wijk', 2023, 'meldingen')).toEqual({ [OOST]: 12, [WEST]: 'te weinig inwoners' });
		expect(await valueOf('gemeente', 2023, 'meldingen')).toEqual({ [GM]: 13 });
		expect(await valueOf('gemeente', 2023, 'inwoners')).toEqual({ [GM]: 445 });
		expect(await valueOf('wijk', 2023, 'huishoudens')).toEqual({ [OOST]: 150, [WEST]: 'te weinig inwoners' });
	});

	it('keeps a missing year missing, never zero', async () => {
		expect(await valueOf('wijk', 2022, 'p_huur')).toEqual({ [OOST]: null, [WEST]: 'te weinig inwoners' });
		expect(await valueOf('gemeente', 2022, 'meldingen')).toEqual({ [GM]: null });
		expect(await valueOf('gemeente', 2022, 'p_arm')).toEqual({ [GM]: (12 * 100 + 32 * 300) / 400 });
		// A year without any value at all: every area, no value.
		expect(await valueOf('wijk', 2019, 'inwoners')).toEqual({ [OOST]: null, [WEST]: null });
	});

	it('lets a figure stored for the wijk itself win over the aggregate', async () => {
		expect((await valueOf('wijk', 2024, 'p_arm'))[OOST]).toBe(99);
		expect((await valueOf('gemeente', 2024, 'p_arm'))[GM]).toBeNull();
	});

	it('aggregates stadsdelen through their buurten', async () => {
		const p = await valueOf('stadsdeel', 2023, 'p_arm');
		// Noord: (10·100 + 68·30) / 130; Zuid: only Beek has a value.
		expect(p['SD9999-noord']).toBeCloseTo(3040 / 130, 10);
		expect(p['SD9999-zuid']).toBe(30);
		expect((await valueOf('stadsdeel', 2023, 'inwoners'))['SD9999-zuid']).toBe(315);
	});

	it('gives the whole table of a level in one go', async () => {
		const m = await indicators.matrix(db, { gemeente: GM, level: 'wijk', year: 2023 });
		expect(m.indicators.map((i) => i.code)).toEqual(['huishoudens', 'inwoners', 'p_arm', 'meldingen', 'p_huur']);
		expect(m.indicators[0]).toEqual({
			code: 'huishoudens', name: 'Huishoudens', unit: 'aantal', domain: 'context', direction: 'context',
			source: 'Proefbron', weighting: 'som', synthetic: false, topic: null, topicName: null, ageGroup: null,
			ageGroupName: null, urgency: true, waves: false, sourceMeta: null
		});
		expect(m.areas).toEqual([
			{ code: OOST, name: 'Oost', inwoners: 400, suppressed: false, values: { huishoudens: 150, inwoners: 400, p_arm: 25, meldingen: 12, p_huur: 40 } },
			{ code: WEST, name: 'West', inwoners: null, suppressed: true, values: { huishoudens: null, inwoners: null, p_arm: null, meldingen: null, p_huur: null } }
		]);
	});

	it('gives the distribution urgency is measured against: buurten that are shown, and the gemeente', async () => {
		const ref = await indicators.reference(db, { gemeente: GM, year: 2023 });
		expect(ref.p_arm).toEqual({ gemeente: 28, buurten: [{ code: AKKER, value: 10 }, { code: BEEK, value: 30 }] });
		expect(ref.meldingen.gemeente).toBe(13);
		expect(Object.keys(ref).sort()).toEqual(['huishoudens', 'inwoners', 'meldingen', 'p_arm', 'p_huur']);
	});

	it('gives a series per indicator over every year of the gemeente, with gaps as null', async () => {
		const oost = await indicators.series(db, OOST);
		expect(oost!.p_huur).toEqual([
			{ year: 2022, value: null, suppressed: false },
			{ year: 2023, value: 40, suppressed: false },
			{ year: 2024, value: null, suppressed: false }
		]);
		expect(oost!.p_arm.map((p) => p.value)).toEqual([27, 25, 99]);
		const dorp = await indicators.series(db, DORP);
		expect(dorp!.p_arm.every((p) => p.value === null && p.suppressed)).toBe(true);
		// A buurt without any figure still gets every year of the gemeente, all gaps.
		expect((await indicators.series(db, LEEG))!.p_arm).toEqual([2022, 2023, 2024].map((year) => ({ year, value: null, suppressed: false })));
		expect(await indicators.series(db, 'BU99999999')).toBeNull();
		expect(await indicators.years(db, GM)).toEqual([2022, 2023, 2024]);
	});

	it('says where the values come from, and labels synthetic ones', async () => {
		expect(await indicators.provenance(db, { gemeente: GM, year: 2023, indicator: 'p_arm' })).toEqual([
			{ indicator: 'p_arm', year: 2023, source: 'Proefbron', synthetic: false }
		]);
		await importMonitorLong(
			db,
			{ values: { text: `gebiedscode;indicator;jaar;waarde\n${AKKER};p_arm;2021;11\n`, file: 'demo.csv' } },
			{ synthetic: true, source: 'DEMODATA' }
		);
		const values2021 = await indicators.indicatorValues(db, { gemeente: GM, level: 'wijk', year: 2021, indicator: 'p_arm' });
		expect(values2021!.meta).toEqual({ indicator: 'p_arm', source: 'DEMODATA', year: 2021, synthetic: true, label: SYNTHETIC_LABEL });
		// One invented value is enough to label the indicator everywhere.
		expect((await indicators.listCatalogue(db)).find((i) => i.code === 'p_arm')!.synthetic).toBe(true);
		expect(await indicators.indicatorValues(db, { gemeente: GM, level: 'wijk', year: 2021, indicator: 'onbekend' })).toBeNull();
	});
});

describe(`the demo monitor on ${engine}`, () => {
	let db: Db;
	beforeAll(async () => {
		db = await freshDatabase();
		await importDefaults(db, readConfig().dataDir);
	});
	afterAll(() => db?.close());

	it('loads the demo catalogue and every value, labelled synthetic, next to the real figures', async () => {
		const catalogueRows = await indicators.listCatalogue(db);
		// 17 demo indicators, 105 RIVM (35 topics × 3 age groups) and 8 KWB 2024.
		expect(catalogueRows.filter((i) => i.synthetic)).toHaveLength(17);
		const real = catalogueRows.filter((i) => !i.synthetic);
		expect(real.filter((i) => i.code.startsWith('rivm_'))).toHaveLength(105);
		expect(real.filter((i) => i.code.startsWith('kwb_'))).toHaveLength(8);
		expect(real.every((i) => i.sourceMeta !== null)).toBe(true);
		const [counts] = await db.query<{ n: number; synthetic: number }>(
			'SELECT count(*)::int AS n, count(*) FILTER (WHERE synthetic)::int AS synthetic FROM indicator_values'
		);
		// 11,220 rows minus the empty ones (suppressed buurten, survey indicators in odd years, energiearmoede before 2022).
		expect(counts.synthetic).toBe(8164);
		// The real figures: RIVM for Hengelo, Enschede and Nederland, KWB 2024 for their wijken and gemeenten.
		expect(counts.n - counts.synthetic).toBe(30_842);
		expect(await indicators.years(db, 'GM0164')).toEqual([2012, 2016, 2020, 2021, 2022, 2023, 2024]);
	});

	it('adds Hengelo up to its CBS population of 2023 (82,311) within the rounding of its 62 buurten', async () => {
		const [hengelo] = await indicators.values(db, { gemeente: 'GM0164', level: 'gemeente', year: 2023, indicator: 'inwoners' });
		expect(hengelo.code).toBe('GM0164');
		expect(Math.abs(hengelo.value! - 82_311)).toBeLessThanOrEqual(62 * 2.5);
		const [enschede] = await indicators.values(db, { gemeente: 'GM0153', level: 'gemeente', year: 2023, indicator: 'inwoners' });
		expect(Math.abs(enschede.value! - 161_235)).toBeLessThanOrEqual(70 * 2.5);
	});

	it('explains De Noork from its drivers, with gezondheid on RIVM 2020 and the rest on demodata', async () => {
		const ranking = await urgencyRanking(db, { gemeente: 'GM0164', level: 'buurt', year: 2024, weights: DEFAULT_WEIGHTS, draws: 0 });
		expect(ranking.provenance.source).toBe('Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata');
		const noork = ranking.areas.find((a) => a.code === 'BU01640202')!;
		expect(noork.rank).toBeLessThanOrEqual(5);
		expect(noork.domains.gezondheid).toBeGreaterThan(0.5);
		expect(noork.drivers.reduce((sum, d) => sum + d.contribution, 0)).toBeCloseTo(noork.score!, 10);
		const health = noork.drivers.filter((d) => d.domain === 'gezondheid');
		expect(health).toHaveLength(6);
		expect(health.every((d) => d.indicator.startsWith('rivm_') && d.source === 'RIVM 2020, modelschatting' && d.year === 2020)).toBe(true);
		expect(noork.drivers.filter((d) => d.domain !== 'gezondheid').every((d) => d.synthetic && d.source === 'demodata 2024')).toBe(true);
	});

	it('has values for De Noork, and survey indicators only in even years', async () => {
		const m2024 = await indicators.matrix(db, { gemeente: 'GM0164', level: 'buurt', year: 2024 });
		expect(m2024.areas).toHaveLength(62);
		const noork = m2024.areas.find((a) => a.code === 'BU01640202')!;
		expect(noork).toMatchObject({ name: 'De Noork', suppressed: false });
		expect(Object.keys(noork.values)).toHaveLength(130);
		// Every demo indicator has a 2024 value; RIVM's waves are not in 2024 (the score takes 2020, see statline-import).
		const demo = new Set(m2024.indicators.filter((i) => i.synthetic).map((i) => i.code));
		for (const [code, value] of Object.entries(noork.values)) if (demo.has(code)) expect(value).toEqual(expect.any(Number));
		expect(noork.values.rivm_eenzaam_18plus).toBeNull();
		const noork2023 = (await indicators.matrix(db, { gemeente: 'GM0164', level: 'buurt', year: 2023 })).areas.find((a) => a.code === 'BU01640202')!;
		expect(noork2023.values.p_eenzaam).toBeNull();
		expect(noork2023.values.p_laag_inkomen).toEqual(expect.any(Number));
	});

	it('hides the buurten with fewer than 50 inhabitants', async () => {
		const buurten = await indicators.values(db, { gemeente: 'GM0164', level: 'buurt', year: 2023, indicator: 'woz' });
		const suppressed = buurten.filter((b) => b.suppressed).map((b) => b.code);
		// Bedrijventerreinen and the like: 0 or 5 inhabitants in the demo data.
		expect(suppressed).toEqual(expect.arrayContaining(['BU01640103', 'BU01640500', 'BU01640503', 'BU01640600']));
		for (const b of buurten) if (b.suppressed) expect(b.value).toBeNull();
	});

	it('aggregates Enschede per stadsdeel and Hengelo per wijk', async () => {
		const stadsdelen = await indicators.values(db, { gemeente: 'GM0153', level: 'stadsdeel', year: 2024, indicator: 'p_laag_inkomen' });
		expect(stadsdelen.map((s) => s.code)).toEqual(['SD0153-centrum', 'SD0153-noord', 'SD0153-oost', 'SD0153-west', 'SD0153-zuid']);
		for (const s of stadsdelen) expect(s.value).toBeGreaterThan(0);
		const wijken = await indicators.values(db, { gemeente: 'GM0164', level: 'wijk', year: 2024, indicator: 'p_laag_inkomen' });
		expect(wijken).toHaveLength(10);
		// Wijk 02 Noord, with De Noork and Klein Driene, is poorer than the gemeente.
		const [gemeente] = await indicators.values(db, { gemeente: 'GM0164', level: 'gemeente', year: 2024, indicator: 'p_laag_inkomen' });
		expect(wijken.find((w) => w.code === 'WK016402')!.value).toBeGreaterThan(gemeente.value!);
	});
});
