// The effect monitor against a real PostGIS: succesindicatoren chosen and audited, the nulmeting frozen against a
// later import, the comparison group matched over every gemeente without the area, its spillover ring and other
// programmes' buurten, the difference-in-differences on wave-style figures (2012, 2016, 2020) computed by hand, a
// programme that started after the last wave, the editors' changes to the group, undo, and the 409 of a stale edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as programmes from '../../src/lib/server/db/programmes';
import * as indicators from '../../src/lib/server/db/indicators';
import * as programmeMonitor from '../../src/lib/server/db/programme-monitor';
import { listAudit, undo } from '../../src/lib/server/db/undo';
import { changeComparison, chooseIndicators, effectReport, prepare } from '../../src/lib/server/effect';
import { aggregateBuurten } from '../../src/lib/domain/effect';
import { createPdf } from '../../src/lib/export/pdf';
import { layoutProgressReport } from '../../src/lib/export/progress-report';
import { fontFiles, pdfText } from '../../src/lib/export/test-support';
import type { Programme } from '../../src/lib/domain/register';
import { engine, freshDatabase } from './database';
import { loadTestAreas } from './test-areas';
import { programmeInput, testUser } from './register-fixture';

const GM = 'GM0997';
const code = (row: number, col: number) => `BU09970${row}0${col}`;
const OTHER = Array.from({ length: 6 }, (_, i) => `BU099601${String(i + 1).padStart(2, '0')}`);
const SOURCE = "RIVM/GGD'en/CBS, modelschatting";
const INDICATOR = 'test_eenzaam';

const AREA = [code(1, 1), code(1, 2)];
const RING = [code(1, 3), code(2, 1), code(2, 2)];
const OTHER_PROGRAMME = code(4, 5);
const SMALL = code(4, 4);
const NEAR_HERE = [code(2, 3), code(2, 4), code(2, 5), code(3, 1), code(3, 2), code(3, 5)];
const MISSING_2020 = code(3, 5);
const FAR = [code(1, 4), code(1, 5), code(3, 3), code(3, 4), code(4, 1), code(4, 2), code(4, 3)];
const NEAR = [...NEAR_HERE, ...OTHER];
// The changes 2016 → 2020 of the near buurten with both years: mean −1.
const CHANGES = [-1, -1, -1, -1, -1, 0, 0, 0, -2, -2, -2];

type Value = { areaCode: string; indicator: string; year: number; value: number; source: string; synthetic: boolean };
const v = (areaCode: string, indicator: string, year: number, value: number): Value => ({ areaCode, indicator, year, value, source: SOURCE, synthetic: false });

function waveValues(): Value[] {
	const out: Value[] = [];
	const both = (c: string, inwoners: number, before: number, after: number | null) => {
		for (const year of [2012, 2016, 2020]) out.push(v(c, 'inwoners', year, inwoners));
		out.push(v(c, INDICATOR, 2012, before + 1), v(c, INDICATOR, 2016, before));
		if (after !== null) out.push(v(c, INDICATOR, 2020, after));
	};
	// The area: 30 % of 1000 and 20 % of 3000 inhabitants = 22,5 % in 2016; 24 % and 18 % = 19,5 % in 2020 (−3).
	both(code(1, 1), 1000, 30, 24);
	both(code(1, 2), 3000, 20, 18);
	for (const c of RING) both(c, 1000, 25, 24);
	// Would match well and fell strongly, but another programme ran there: must not be in the group.
	both(OTHER_PROGRAMME, 4000, 22.5, 10);
	both(SMALL, 30, 22.5, 22.5);
	let k = 0;
	NEAR.forEach((c, i) => {
		const before = 22.5 + i * 0.1;
		both(c, 4000, before, c === MISSING_2020 ? null : before + CHANGES[k++]);
	});
	for (const c of FAR) both(c, 4000, 60, 60);
	return out;
}

describe(`effect monitor on ${engine}`, () => {
	let db: Db;
	let actor: { id: number; name: string };
	let programme: Programme;

	const choose = async (p: Programme, input: Parameters<typeof chooseIndicators>[3], version?: number) => {
		await prepare(db, p);
		return db.transaction((tx) => chooseIndicators(tx, actor, p, input, version));
	};

	beforeAll(async () => {
		db = await freshDatabase();
		await loadTestAreas(db, { code: GM, name: 'Effectstad' }, [1, 2, 3, 4].map((row) => ({
			code: `WK09970${row}`,
			name: `Wijk ${row}`,
			buurten: [1, 2, 3, 4, 5].map((col) => ({ code: code(row, col), name: `Buurt ${row}.${col}` }))
		})));
		await loadTestAreas(db, { code: 'GM0996', name: 'Verderop' }, [
			{ code: 'WK099601', name: 'Verre wijk', buurten: OTHER.map((c, i) => ({ code: c, name: `Verderop ${i + 1}` })) }
		], 2024, { x: 270_000, y: 475_000 });
		await indicators.upsertCatalogue(db, [
			{ code: 'inwoners', name: 'Inwoners', unit: 'aantal', domain: 'context', direction: 'context', weighting: 'som', source: SOURCE, synthetic: false },
			{ code: INDICATOR, name: 'Eenzaam (test)', unit: '%', domain: 'gezondheid', direction: 'hoger_is_urgenter', weighting: 'inwoners', source: SOURCE, synthetic: false }
		]);
		await indicators.upsertValues(db, waveValues());
		actor = await testUser(db);
		programme = await db.transaction((tx) =>
			programmes.create(tx, actor, programmeInput({ gemeentecode: GM, name: 'Effectproef', startDate: '2018-03-01', buurtcodes: AREA }))
		);
		await db.transaction((tx) =>
			programmes.create(tx, actor, programmeInput({ gemeentecode: GM, name: 'Buurtpilot', kind: 'pilot', startDate: '2017-01-01', endDate: '2019-12-31', buurtcodes: [OTHER_PROGRAMME] }))
		);
	});
	afterAll(() => db?.close());

	it('adds up an area of several buurten as monitor_values does for every wijk', async () => {
		const rows = await programmeMonitor.buurtValues(db, [INDICATOR]);
		for (const year of [2016, 2020]) {
			const wijken = await indicators.values(db, { gemeente: GM, level: 'wijk', year, indicator: INDICATOR });
			for (const wijk of wijken) {
				const row = Number(wijk.code.slice(-1));
				const buurten = [1, 2, 3, 4, 5].map((col) => {
					const find = (ind: string) => rows.find((r) => r.code === code(row, col) && r.indicator === ind && r.year === year)?.value ?? null;
					return { value: find(INDICATOR), inwoners: find('inwoners'), huishoudens: null };
				});
				expect(aggregateBuurten(buurten, 'inwoners'), `${wijk.code} ${year}`).toBeCloseTo(wijk.value!, 10);
			}
		}
	});

	it('freezes the nulmeting of the last wave before the start when the indicator is chosen, and audits the choice', async () => {
		const result = await choose(programme, [{ code: INDICATOR, richting: 'omlaag', doel: 15, doeljaar: 2028 }]);
		expect(result.status).toBe('ok');
		const setup = (await programmeMonitor.get(db, programme.id))!;
		expect(setup.version).toBe(1);
		expect(setup.indicators[0]).toMatchObject({ code: INDICATOR, richting: 'omlaag', doel: 15, doeljaar: 2028, chosenBy: actor.name });
		expect(setup.indicators[0].baseline).toMatchObject({ year: 2016, source: SOURCE, synthetic: false });
		expect(setup.indicators[0].baseline!.value).toBeCloseTo(22.5, 10);
		const [entry] = await listAudit(db, { gemeentecode: GM, entity: 'programme_monitor', entityId: programme.id, limit: 5 });
		expect(entry).toMatchObject({ action: 'create', userName: actor.name, before: null });
	});

	it('estimates the difference-in-differences against the matched group, with its placebo rank and reading', async () => {
		const report = (await effectReport(db, programme.id))!;
		expect(report.ring.map((b) => b.code)).toEqual(RING);
		expect(report.comparison.buurten.map((b) => b.code).sort()).toEqual([...NEAR].sort());
		const excluded = Object.fromEntries(report.comparison.excluded.map((e) => [e.code, e.reason]));
		for (const c of RING) expect(excluded[c]).toBe('grenst aan het gebied (spillover-ring)');
		expect(excluded[OTHER_PROGRAMME]).toBe('in een ander programma: Buurtpilot');
		expect(excluded[SMALL]).toBe('te weinig inwoners');

		const [effect] = report.indicators;
		expect(effect.baseline).toMatchObject({ year: 2016, label: `nulmeting 2016 (${SOURCE})` });
		expect(effect.latest).toMatchObject({ year: 2020, source: SOURCE });
		expect(effect.latest!.value).toBeCloseTo(19.5, 10);
		expect(effect.comparison.missing).toEqual([MISSING_2020]);
		expect(effect.comparison.codes).toHaveLength(11);
		// Area −3, group mean −1 → −2; placebos 0, +1,1 and −1,1: none as favourable, so rank 1 of 12.
		expect(effect.did!.areaChange).toBeCloseTo(-3, 10);
		expect(effect.did!.groupChange).toBeCloseTo(-1, 10);
		expect(effect.did!.estimate).toBeCloseTo(-2, 10);
		expect(effect.did!.placebo).toEqual({ rank: 1, n: 11, lessFavourable: 11 });
		expect(effect.reading).toBe(
			"Tussen 2016 en 2020 daalde Effectproef 2 punt meer dan 11 vergelijkbare buurten; bij 11 van de 11 placebo's was het verschil kleiner. Dat is de gewenste richting (omlaag). Dit is geen bewijs van oorzaak en gevolg."
		);
		// The ring fell 1 point, as much as the group: no sign of the problems moving next door.
		expect(effect.spillover.change).toBeCloseTo(-1, 10);
		expect(effect.spillover.comparedWithGroup).toBeCloseTo(0, 10);
		// From 22,5 towards 15: 3 of 7,5 points = 40 %.
		expect(effect.target!.progress).toBeCloseTo(0.4, 10);
		expect(effect.synthetic).toBe(false);
		expect(effect.label).toBeUndefined();
		// Balance before the start: area 22,5, group mean 22,5 + 0,55 (0,0 … 1,1), and the gemeente.
		const balance = report.comparison.balance.find((b) => b.code === INDICATOR)!;
		expect(balance.area).toBeCloseTo(22.5, 10);
		expect(balance.comparison).toBeCloseTo(23.05, 10);
		expect(balance.gemeente).not.toBeNull();
		expect(effect.series.map((p) => p.year)).toEqual([2012, 2016, 2020]);
	});

	it('writes the voortgangsrapportage as A4 text: nulmeting, reading, placebo rank, group, sources and the link back', async () => {
		const report = (await effectReport(db, programme.id))!;
		const pdf = await createPdf(fontFiles());
		const link = 'http://127.0.0.1:4413/programmas/1/effect';
		for (const layout of layoutProgressReport(report, { link, generatedAt: '2026-12-05T12:00:00Z' }, pdf.measure)) await pdf.addPage(layout);
		const text = (await pdfText(await pdf.save({ title: 'Voortgangsrapportage Effectproef' }))).join(' ');
		expect(text).toContain('Voortgangsrapportage Effectproef');
		expect(text).toContain(`nulmeting 2016 (${SOURCE}): 22,5 %`);
		expect(text).toContain('bij 11 van de 11 placebo');
		expect(text).toContain('placeborang 1 van 12');
		expect(text).toContain('Dit is geen bewijs van oorzaak en gevolg.');
		expect(text).toContain('Evenwicht vóór de start');
		expect(text).toContain('Verderop 1');
		expect(text).toContain('Buurt 1.3');
		expect(text).not.toContain('Demodata');
		expect(text.replace(/ /g, '')).toContain(link);
	});

	it('keeps the frozen nulmeting when a later import changes the figure', async () => {
		await indicators.upsertValues(db, [v(code(1, 1), INDICATOR, 2016, 40)]);
		const [effect] = (await effectReport(db, programme.id))!.indicators;
		expect(effect.baseline!.value).toBeCloseTo(22.5, 10);
		// The trend shows the figure as it is now: (40·1000 + 20·3000) / 4000 = 25.
		expect(effect.series.find((p) => p.year === 2016)!.area).toBeCloseTo(25, 10);
		// Choosing again after the start keeps the frozen nulmeting too.
		await choose(programme, [{ code: INDICATOR, richting: 'omlaag', doel: 15, doeljaar: 2028 }]);
		expect((await programmeMonitor.get(db, programme.id))!.indicators[0].baseline!.value).toBeCloseTo(22.5, 10);
		await indicators.upsertValues(db, [v(code(1, 1), INDICATOR, 2016, 30)]);
	});

	it('takes the nulmeting again on a new choice while the programme has not started, as newer figures come in', async () => {
		const future = await db.transaction((tx) =>
			programmes.create(tx, actor, programmeInput({ gemeentecode: GM, name: 'Toekomstige aanpak', startDate: '2099-01-01', buurtcodes: [code(3, 4)] }))
		);
		await choose(future, [{ code: INDICATOR, richting: 'omlaag' }]);
		expect((await programmeMonitor.get(db, future.id))!.indicators[0].baseline).toMatchObject({ year: 2020, value: 60 });
		await indicators.upsertValues(db, [v(code(3, 4), INDICATOR, 2024, 58)]);
		await choose(future, [{ code: INDICATOR, richting: 'omlaag' }]);
		expect((await programmeMonitor.get(db, future.id))!.indicators[0].baseline).toMatchObject({ year: 2024, value: 58 });
		await db.transaction((tx) => programmes.remove(tx, actor, future.id));
		await db.query('DELETE FROM indicator_values WHERE area_code = $1 AND year = 2024', [code(3, 4)]);
	});

	it('says when the next wave is expected for a programme that started after the last one', async () => {
		const later = await db.transaction((tx) =>
			programmes.create(tx, actor, programmeInput({ gemeentecode: GM, name: 'Late aanpak', startDate: '2021-05-01', buurtcodes: [code(3, 3)] }))
		);
		await choose(later, [{ code: INDICATOR, richting: 'omlaag' }]);
		const [effect] = (await effectReport(db, later.id))!.indicators;
		expect(effect.baseline).toMatchObject({ year: 2020, value: 60 });
		expect(effect.latest).toBeNull();
		expect(effect.did).toBeNull();
		expect(effect.next).toEqual({ year: 2024, every: 4 });
		expect(effect.reading).toBe(
			'Nog geen meting na de start (2021); de laatste meting is de nulmeting van 2020. De volgende meting wordt verwacht in 2024 (er wordt om de 4 jaar gemeten).'
		);
	});

	it('lets editors leave out and add comparison buurten with a reason, refuses the ring, and undoes it', async () => {
		await prepare(db, programme);
		const refused = await db.transaction((tx) => changeComparison(tx, actor, programme, [{ buurtcode: RING[0], change: 'toevoegen', reden: 'lijkt erop' }]));
		expect(refused).toMatchObject({ status: 'invalid', errors: [{ field: 'changes.0.buurtcode' }] });
		const done = await db.transaction((tx) =>
			changeComparison(tx, actor, programme, [
				{ buurtcode: OTHER[0], change: 'weglaten', reden: 'nieuwbouwwijk, niet vergelijkbaar' },
				{ buurtcode: FAR[6], change: 'toevoegen', reden: 'zelfde woningvoorraad' }
			])
		);
		expect(done.status).toBe('ok');
		const report = (await effectReport(db, programme.id))!;
		const codes = report.comparison.buurten.map((b) => b.code);
		expect(codes).not.toContain(OTHER[0]);
		expect(codes).toContain(FAR[6]);
		expect(report.comparison.buurten.find((b) => b.code === FAR[6])).toMatchObject({ how: 'toegevoegd', reason: 'zelfde woningvoorraad' });
		expect(report.comparison.excluded.find((e) => e.code === OTHER[0])!.reason).toBe('weggelaten: nieuwbouwwijk, niet vergelijkbaar');
		// Twelve matched again (the next nearest fills the gap: none is near, so a far one) plus the added one.
		expect(codes).toHaveLength(13);

		const [entry] = await listAudit(db, { gemeentecode: GM, entity: 'programme_monitor', entityId: programme.id, limit: 1 });
		expect(entry.action).toBe('update');
		await db.transaction((tx) => undo(tx, actor, entry.id));
		expect((await programmeMonitor.get(db, programme.id))!.comparisonChanges).toEqual([]);
	});

	it('refuses a stale version with the current state, and undoes the first choice entirely', async () => {
		const current = (await programmeMonitor.get(db, programme.id))!;
		const stale = await choose(programme, [{ code: INDICATOR, richting: 'omhoog' }], current.version - 1);
		expect(stale).toMatchObject({ status: 'conflict', current: { version: current.version } });
		expect((await programmeMonitor.get(db, programme.id))!.indicators[0].richting).toBe('omlaag');

		const entries = await listAudit(db, { gemeentecode: GM, entity: 'programme_monitor', entityId: programme.id, limit: 10 });
		const created = entries.find((e) => e.action === 'create')!;
		// The later update was undone already, so the first choice can be undone now.
		await db.transaction((tx) => undo(tx, actor, created.id));
		expect(await programmeMonitor.get(db, programme.id)).toBeNull();
		expect((await effectReport(db, programme.id))!.indicators).toEqual([]);
	});

	it('refuses an indicator that is not in the catalogue, naming the field', async () => {
		const result = await choose(programme, [{ code: INDICATOR, richting: 'omlaag' }, { code: 'bestaat_niet', richting: 'omhoog' }]);
		expect(result).toEqual({ status: 'invalid', errors: [{ field: 'indicators.1.code', message: 'bestaat_niet staat niet in de catalogus' }] });
	});
});
