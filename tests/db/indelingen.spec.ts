// Indelingen against a real PostGIS, on the shared data (Hengelo and Enschede, demo monitor, seeded register and demo
// wijkbudgetten): Enschede's imported stadsdelen are its geldend indeling; an indeling with a buurt missing, doubled or
// of another gemeente is refused naming the buurten; two Hengelo variants are compared; vaststellen turns the map's
// stadsdeel level, the monitor and the koppelkansen to it, and undoing it puts the previous one back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as areas from '../../src/lib/server/db/areas';
import * as indelingen from '../../src/lib/server/db/indelingen';
import * as service from '../../src/lib/server/indelingen';
import * as indicators from '../../src/lib/server/db/indicators';
import { koppelkansen } from '../../src/lib/server/koppelkansen';
import { areaBudget, overview, wijkbudgetIndicator } from '../../src/lib/server/wijkbudgetten';
import { themeData } from '../../src/lib/server/monitor';
import { DEFAULT_WEIGHTS } from '../../src/lib/domain/urgency';
import { listAudit, undo } from '../../src/lib/server/db/undo';
import { importDefaults } from '../../src/lib/server/import';
import { seedRegister } from '../../src/lib/server/seed-register';
import { seedDemoInvestments } from '../../src/lib/server/import/investments';
import { seedDemoWijkbudgetten } from '../../src/lib/server/import/wijkbudgetten';
import { readConfig } from '../../src/lib/server/config';
import type { User } from '../../src/lib/domain/roles';
import { engine, freshDatabase } from './database';

const HENGELO = 'GM0164';
const ENSCHEDE = 'GM0153';

/** Hengelo's buurten by wijk, as loaded. */
async function buurtenByWijk(db: Db): Promise<Map<string, string[]>> {
	const rows = await db.query<{ code: string; wijkcode: string }>(
		`SELECT code, wijkcode FROM areas WHERE gemeentecode = $1 AND level = 'buurt' AND year = 2024 ORDER BY code`,
		[HENGELO]
	);
	const map = new Map<string, string[]>();
	for (const r of rows) map.set(r.wijkcode, [...(map.get(r.wijkcode) ?? []), r.code]);
	return map;
}

async function refusal(promise: Promise<unknown>): Promise<service.IndelingError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(service.IndelingError);
	return error as service.IndelingError;
}

describe(`indelingen on ${engine}`, () => {
	let db: Db;
	let hengeloEditor: User;
	let enschedeEditor: User;
	let wijken: Map<string, string[]>;
	const of = (...codes: string[]) => codes.flatMap((c) => wijken.get(c) ?? []);

	// Hengelo's two variants, made of its CBS wijken (Hengelo has no published stadsdelen).
	const vier = () => [
		{ name: 'Centrum', buurtcodes: of('WK016400') },
		{ name: 'Noord', buurtcodes: of('WK016401', 'WK016402', 'WK016403') },
		{ name: 'Oost', buurtcodes: of('WK016404', 'WK016405') },
		{ name: 'Zuid-West', buurtcodes: of('WK016406', 'WK016407', 'WK016408', 'WK016409') }
	];
	const drie = () => [
		{ name: 'Noord', buurtcodes: of('WK016401', 'WK016402', 'WK016403') },
		{ name: 'Oost', buurtcodes: of('WK016400', 'WK016404', 'WK016405') },
		{ name: 'Zuid-West', buurtcodes: of('WK016406', 'WK016407', 'WK016408', 'WK016409') }
	];

	beforeAll(async () => {
		db = await freshDatabase();
		const dataDir = readConfig().dataDir;
		await importDefaults(db, dataDir);
		await seedRegister(db);
		await seedDemoInvestments(db, dataDir);
		await seedDemoWijkbudgetten(db, dataDir);
		const user = async (name: string, gemeentecode: string): Promise<User> => {
			const [row] = await db.query<{ id: number }>(
				`INSERT INTO users (email, name, role, gemeentecode) VALUES ($1, $2, 'editor', $3) RETURNING id`,
				[`${name.toLowerCase()}@test.local`, name, gemeentecode]
			);
			return { id: Number(row.id), email: `${name.toLowerCase()}@test.local`, name, role: 'editor', gemeentecode, organisation: null };
		};
		hengeloEditor = await user('Henk', HENGELO);
		enschedeEditor = await user('Els', ENSCHEDE);
		wijken = await buurtenByWijk(db);
	}, 120_000);
	afterAll(() => db?.close());

	it("holds Enschede's imported stadsdelen as its geldend indeling, read by stadsdelen and the map", async () => {
		const list = await indelingen.list(db, ENSCHEDE);
		expect(list.map((i) => [i.status, i.stadsdeelCount, i.buurtCount])).toEqual([['geldend', 5, 70]]);
		expect(list[0].geldendVanaf).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stadsdeel_buurten sb JOIN stadsdelen s ON s.code = sb.stadsdeelcode WHERE s.gemeentecode = $1`, [ENSCHEDE]);
		expect(n).toBe(70);
		const features = await areas.listFeatures(db, ENSCHEDE, 'stadsdeel');
		expect(features?.features.map((f) => f.properties.name).sort()).toEqual(['Centrum', 'Noord', 'Oost', 'West', 'Zuid']);
		expect(await indelingen.list(db, HENGELO)).toEqual([]);
	});

	it('refuses an indeling with a buurt missing, doubled or of another gemeente, naming the buurten', async () => {
		const [first, ...rest] = vier();
		// Missing: the Binnenstad's buurten are in no stadsdeel.
		let error = await refusal(service.create(db, hengeloEditor, { gemeentecode: HENGELO, name: 'Lek', stadsdelen: rest }));
		expect(error.status).toBe(400);
		const missing = error.errors.find((e) => e.message.startsWith('buurten zonder stadsdeel'));
		expect(missing?.buurtcodes?.sort()).toEqual(first.buurtcodes.sort());
		expect(missing?.message).toContain(first.buurtcodes[0]);

		// Doubled: the first Binnenstad buurt in Centrum and in Noord.
		const doubled = vier();
		doubled[1].buurtcodes.push(first.buurtcodes[0]);
		error = await refusal(service.create(db, hengeloEditor, { gemeentecode: HENGELO, name: 'Dubbel', stadsdelen: doubled }));
		expect(error.errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`buurten in meer dan één stadsdeel: .*\\(${first.buurtcodes[0]}\\) in Centrum en Noord`))]);

		// Another gemeente's buurt, and one that does not exist.
		const foreign = vier();
		foreign[0].buurtcodes.push('BU01530000', 'BU01649999');
		error = await refusal(service.create(db, hengeloEditor, { gemeentecode: HENGELO, name: 'Vreemd', stadsdelen: foreign }));
		expect(error.errors.map((e) => e.message)).toEqual([
			'onbekende buurten: BU01649999',
			'buurten van een andere gemeente (GM0153): City (BU01530000)'
		]);

		// An empty stadsdeel, and two names that make the same code.
		error = await refusal(
			service.create(db, hengeloEditor, { gemeentecode: HENGELO, name: 'Leeg', stadsdelen: [...vier(), { name: 'Leeg', buurtcodes: [] }, { name: 'centrum', buurtcodes: [] }] })
		);
		expect(error.errors.map((e) => e.message)).toEqual([
			'stadsdeel "Leeg" heeft geen buurten',
			'"centrum" heet (bijna) hetzelfde als "Centrum"',
			'stadsdeel "centrum" heeft geen buurten'
		]);
		expect(await indelingen.list(db, HENGELO)).toEqual([]);
	});

	it("lets only the gemeente's editors (and admins) make one", async () => {
		const error = await refusal(service.create(db, enschedeEditor, { gemeentecode: HENGELO, name: 'Van buiten', stadsdelen: vier() }));
		expect(error.status).toBe(403);
		expect(await indelingen.list(db, HENGELO)).toEqual([]);
	});

	let vierId: number;
	let drieId: number;

	it('stores two Hengelo variants as concepts, warning of a stadsdeel in pieces', async () => {
		const a = await service.create(db, hengeloEditor, { gemeentecode: HENGELO, name: 'Vier stadsdelen', stadsdelen: vier() });
		const b = await service.create(db, hengeloEditor, { gemeentecode: HENGELO, name: 'Drie stadsdelen', stadsdelen: drie() });
		vierId = a.indeling.id;
		drieId = b.indeling.id;
		expect(a.indeling).toMatchObject({ status: 'concept', geldendVanaf: null, year: 2024, gemeentecode: HENGELO });
		expect(a.indeling.stadsdelen.map((s) => [s.code, s.buurtcodes.length])).toEqual([
			['SD0164-centrum', of('WK016400').length],
			['SD0164-noord', of('WK016401', 'WK016402', 'WK016403').length],
			['SD0164-oost', of('WK016404', 'WK016405').length],
			['SD0164-zuid-west', of('WK016406', 'WK016407', 'WK016408', 'WK016409').length]
		]);
		for (const w of a.warnings) expect(w).toMatch(/^Stadsdeel .* ligt in \d+ losse delen$/);
		// Still nothing in force: the map shows no stadsdelen for Hengelo.
		expect((await areas.listFeatures(db, HENGELO, 'stadsdeel'))?.features).toEqual([]);
	});

	it('compares the variants per stadsdeel, and lists the buurten that move', async () => {
		const a = await service.vergelijking(db, hengeloEditor, vierId, drieId);
		const b = await service.vergelijking(db, hengeloEditor, drieId);
		const total = (v: service.Vergelijking) => v.stadsdelen.reduce((sum, s) => sum + s.inwoners, 0);
		// Every inhabitant and every buurt counted once, whatever the division.
		expect(total(a)).toBe(total(b));
		expect(total(a)).toBeGreaterThan(50_000);
		expect(a.stadsdelen.reduce((n, s) => n + s.buurten, 0)).toBe(62);
		expect(a.stadsdelen.reduce((n, s) => n + s.wijken, 0)).toBe(10);
		expect(a.synthetic).toBe(true);
		expect(a.label).toBe('Demodata — geen echte cijfers');
		// Both variants are made of whole wijken: their inhabitants are CBS's real figures per wijk (KWB 2024), not the
		// demo monitor's; the sum of Hengelo's wijken, 83,060 (CBS rounds wijken to 5).
		expect(a.stadsdelen.every((s) => s.inwonersUit === 'wijken')).toBe(true);
		expect(a.inwonersBron).toBe('CBS, Kerncijfers wijken en buurten 2024 (StatLine 85984NED) per wijk');
		expect(total(a)).toBe(83_060);
		// Staff see signals.
		expect(a.signalsShown).toBe(true);
		expect(a.stadsdelen.every((s) => s.signals !== null)).toBe(true);
		// Wijkbudgetten of one year are spread over the stadsdelen without loss.
		const budget = (v: service.Vergelijking) => v.stadsdelen.reduce((sum, s) => sum + s.budgetToegekendEur, 0);
		const [{ sum }] = await db.query<{ sum: number }>(`SELECT sum(toegekend_eur)::float8 AS sum FROM wijkbudgetten WHERE gemeentecode = $1 AND jaar = $2`, [HENGELO, a.budgetYear]);
		expect(budget(a)).toBeCloseTo(Number(sum), 0);
		expect(a.budgetYear).toBe(2024);
		// De Noork (wijk Noord) is urgent and has the running Wijkaanpak Noord.
		const noord = a.stadsdelen.find((s) => s.name === 'Noord')!;
		expect(noord.urgentBuurten).toBeGreaterThan(0);
		expect(noord.runningProgrammes).toBeGreaterThan(0);
		// The Binnenstad moves from Centrum to Oost; nothing else moves.
		expect(a.moved?.buurten.map((m) => [m.buurtcode, m.from, m.to])).toEqual(of('WK016400').map((c) => [c, 'Centrum', 'Oost']));
		// Three stadsdelen divide the inhabitants more evenly than four with a small Centrum.
		expect(b.evenness.inwonersSpreiding!).toBeLessThan(a.evenness.inwonersSpreiding!);
		// For the report: the figures as compared.
		for (const v of [a, b]) {
			console.log(`\n${v.indeling.name} (inwoners: ${v.inwonersBron}; budget ${v.budgetYear})`);
			for (const s of v.stadsdelen) {
				console.log(
					`  ${s.name}: ${s.buurten} buurten, ${s.wijken} wijken, ${Math.round(s.areaHa)} ha, ${s.inwoners} inw., urgentie ${s.meanUrgency?.toFixed(2)}, ` +
						`${s.urgentBuurten} urgent, ${s.stapelingBuurten} stapeling, ${s.runningProgrammes}/${s.programmes} programma's lopend, ` +
						`${s.investments} investeringen (€ ${Math.round(s.investmentEur)}), ${s.signals} signalen, budget € ${Math.round(s.budgetToegekendEur)} (€ ${s.budgetPerInwoner}/inw.), ${s.pieces} deel/delen`
				);
			}
			console.log(`  spreiding inwoners ${v.evenness.inwonersSpreiding?.toFixed(3)}, urgentie ${v.evenness.urgencySpread?.toFixed(2)}`);
		}
	});

	it("counts a stadsdeel that splits a wijk by its buurten's figures, and says which stadsdelen are demodata", async () => {
		const [binnenstad, ...rest] = of('WK016400');
		const split = vier().map((s) =>
			s.name === 'Centrum' ? { ...s, buurtcodes: rest } : s.name === 'Noord' ? { ...s, buurtcodes: [...s.buurtcodes, binnenstad] } : s
		);
		const made = await service.create(db, hengeloEditor, { gemeentecode: HENGELO, name: 'Gedeelde Binnenstad', stadsdelen: split });
		const v = await service.vergelijking(db, hengeloEditor, made.indeling.id);
		expect(v.stadsdelen.map((s) => [s.name, s.inwonersUit])).toEqual([
			['Centrum', 'buurten'],
			['Noord', 'buurten'],
			['Oost', 'wijken'],
			['Zuid-West', 'wijken']
		]);
		expect(v.inwonersBron).toMatch(/^Oost, Zuid-West: CBS, Kerncijfers wijken en buurten 2024 .* per wijk · Centrum, Noord \(een wijk gedeeld\): .*Demodata/);
		await service.remove(db, hengeloEditor, made.indeling.id);
	});

	it('hides signals from a viewer in the comparison', async () => {
		const v = await service.vergelijking(db, null, vierId);
		expect(v.signalsShown).toBe(false);
		expect(v.stadsdelen.every((s) => s.signals === null)).toBe(true);
	});

	it('puts a variant in force: the map, the monitor and the koppelkansen follow; the previous one becomes historisch', async () => {
		await service.vaststellen(db, hengeloEditor, vierId);
		const shown = async () => (await areas.listFeatures(db, HENGELO, 'stadsdeel'))?.features.map((f) => f.properties.name).sort();
		expect(await shown()).toEqual(['Centrum', 'Noord', 'Oost', 'Zuid-West']);
		const gemeente = (await areas.listGemeenten(db)).find((g) => g.code === HENGELO)!;
		expect(gemeente.hasStadsdelen).toBe(true);
		const matrix = await indicators.matrix(db, { gemeente: HENGELO, level: 'stadsdeel', year: 2024 });
		expect(matrix.areas.map((a) => a.name).sort()).toEqual(['Centrum', 'Noord', 'Oost', 'Zuid-West']);
		const k = await koppelkansen(db, { gemeente: HENGELO, level: 'stadsdeel', from: '2024-01-01', to: '2024-12-31', domain: null, kind: null });
		expect(k.areaCount).toBe(4);

		// The area card's wijkbudget follows too: stadsdeel Centrum is exactly wijk Binnenstad; a buurt shows its wijk's.
		const area = (code: string, level: 'wijk' | 'stadsdeel' | 'buurt' | 'gemeente') => ({ code, level, gemeentecode: HENGELO, year: 2024 });
		const centrum = await areaBudget(db, area('SD0164-centrum', 'stadsdeel'));
		const binnenstad = await areaBudget(db, area('WK016400', 'wijk'));
		const figures = (b: typeof centrum) => b?.years.map(({ gebiedscode: _code, ...rest }) => rest);
		expect(figures(centrum)).toEqual(figures(binnenstad));
		expect(binnenstad?.years.map((y) => y.jaar)).toEqual([2021, 2022, 2023, 2024, 2025]);
		expect(binnenstad?.years.at(-1)?.besteedAandeel).toBeNull();
		expect(binnenstad?.label).toBe('Demodata — geen echte cijfers');
		expect(figures(await areaBudget(db, area(of('WK016400')[0], 'buurt')))).toEqual(figures(binnenstad));
		const whole = await areaBudget(db, area(HENGELO, 'gemeente'));
		const [{ total }] = await db.query<{ total: number }>(`SELECT sum(toegekend_eur)::float8 AS total FROM wijkbudgetten WHERE gemeentecode = $1 AND jaar = 2024`, [HENGELO]);
		expect(whole?.years.find((y) => y.jaar === 2024)?.toegekendEur).toBeCloseTo(Number(total), 2);

		await service.vaststellen(db, hengeloEditor, drieId);
		expect(await shown()).toEqual(['Noord', 'Oost', 'Zuid-West']);
		const list = await indelingen.list(db, HENGELO);
		expect(list.map((i) => [i.name, i.status])).toEqual([
			['Drie stadsdelen', 'geldend'],
			['Vier stadsdelen', 'historisch']
		]);
		expect(list[1].geldendTot).not.toBeNull();
		// A geldend or historisch one cannot be changed, deleted or vastgesteld again.
		expect((await refusal(service.update(db, hengeloEditor, drieId, { name: 'x', stadsdelen: drie() }))).status).toBe(409);
		expect((await refusal(service.remove(db, hengeloEditor, vierId))).status).toBe(409);
		expect((await refusal(service.vaststellen(db, hengeloEditor, vierId))).status).toBe(409);
		expect((await refusal(service.vaststellen(db, enschedeEditor, drieId))).status).toBe(403);
	});

	it('undoes a vaststelling: the previous indeling is in force again', async () => {
		const [entry] = await listAudit(db, { gemeentecode: HENGELO, entity: 'indeling', entityId: drieId, limit: 1 });
		await db.transaction((tx) => undo(tx, { id: hengeloEditor.id, name: hengeloEditor.name }, entry.id));
		const list = await indelingen.list(db, HENGELO);
		expect(list.map((i) => [i.name, i.status, i.geldendTot])).toEqual([
			['Vier stadsdelen', 'geldend', null],
			['Drie stadsdelen', 'concept', null]
		]);
		expect((await areas.listFeatures(db, HENGELO, 'stadsdeel'))?.features.map((f) => f.properties.name).sort()).toEqual(['Centrum', 'Noord', 'Oost', 'Zuid-West']);
	});

	it("offers the wijkbudget per inhabitant as a theme of the map, a buurt showing its wijk's", async () => {
		expect(await wijkbudgetIndicator(db, HENGELO)).toMatchObject({ code: 'wijkbudget_per_inwoner', domain: 'context', synthetic: true });
		const theme = (level: 'wijk' | 'buurt') =>
			themeData(db, { gemeente: HENGELO, level, thema: 'indicator', indicator: 'wijkbudget_per_inwoner', year: 2024, vergelijk: 'waarde', sinds: null, weights: DEFAULT_WEIGHTS });
		const wijken = await theme('wijk');
		const page = await overview(db, HENGELO, 2024);
		expect(wijken?.values.map((v) => [v.code, v.value])).toEqual(page.wijken.map((w) => [w.code, w.figures?.perInwoner ?? null]));
		expect(wijken?.source).toContain('Demodata');
		const buurten = await theme('buurt');
		const noordBuurt = buurten?.values.find((v) => v.code === of('WK016402')[0]);
		expect(noordBuurt?.value).toBe(wijken?.values.find((v) => v.code === 'WK016402')?.value);
	});

	it('changes and deletes a concept, and undoes the delete', async () => {
		const changed = await service.update(db, hengeloEditor, drieId, { name: 'Drie stadsdelen (bijgesteld)', stadsdelen: drie() });
		expect(changed.indeling.name).toBe('Drie stadsdelen (bijgesteld)');
		await service.remove(db, hengeloEditor, drieId);
		expect(await indelingen.get(db, drieId)).toBeNull();
		const [entry] = await listAudit(db, { gemeentecode: HENGELO, entity: 'indeling', entityId: drieId, limit: 1 });
		expect(entry.action).toBe('delete');
		await db.transaction((tx) => undo(tx, { id: hengeloEditor.id, name: hengeloEditor.name }, entry.id));
		const back = await indelingen.get(db, drieId);
		expect(back?.stadsdelen.map((s) => s.name)).toEqual(['Noord', 'Oost', 'Zuid-West']);
		expect(back?.status).toBe('concept');
	});
});
