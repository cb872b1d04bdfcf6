// The koppelkansen analysis (koppelkansen() of migration 006) on hand-built cases, on both engines: overlap in time,
// adjacency (a neighbour counts, two buurten away or a corner does not), no overlap, an investment in another
// gemeente, a programme that is not drawn, and every kind of result with its score worked out by hand.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as investments from '../../src/lib/server/db/investments';
import * as programmes from '../../src/lib/server/db/programmes';
import * as signals from '../../src/lib/server/db/signals';
import { analyse, ensureNeighbours } from '../../src/lib/server/db/koppelkansen';
import { loadTestAreas } from './test-areas';
import type { AreaFacts } from '../../src/lib/domain/koppelkansen';
import type { InvestmentInput, ProgrammeInput } from '../../src/lib/domain/register';
import { engine, freshDatabase } from './database';
import { rdPoint, rdRectangle, testUser } from './register-fixture';
import {
	AKKER,
	BEEK,
	BUURSTAD,
	CIRKEL,
	DUIN,
	ES,
	FLAT,
	GAARDE,
	HOEVE,
	KS,
	NOORDWIJK,
	OVERKANT,
	ZUIDWIJK,
	investment,
	loadKoppelstad,
	programme
} from './koppelkansen-fixture';

const PERIOD = { from: '2025-01-01', to: '2028-12-31' };

describe(`koppelkansen on ${engine}`, () => {
	let db: Db;
	let actor: { id: number; name: string };

	/** Urgency per buurt as the TypeScript scoring would hand it in; buurten not named score 0. */
	const urgency = (scores: Record<string, number | null>, stapeling = 2) =>
		[AKKER, BEEK, CIRKEL, DUIN, ES, FLAT, GAARDE, HOEVE].map((code) => ({ code, value: scores[code] ?? 0, stapeling }));

	const run = async (scores: Record<string, number | null>, options: { from?: string; to?: string; signalsSince?: string | null; stapeling?: number } = {}) => {
		const facts = await analyse(db, {
			gemeente: KS,
			level: 'buurt',
			from: options.from ?? PERIOD.from,
			to: options.to ?? PERIOD.to,
			urgency: urgency(scores, options.stapeling),
			signalsSince: options.signalsSince ?? null
		});
		return new Map(facts.map((f) => [f.code, f]));
	};
	const kinds = (f: AreaFacts | undefined) => f!.results.map((r) => r.kind);
	const result = (f: AreaFacts | undefined, kind: string) => f!.results.find((r) => r.kind === kind);

	const invest = (overrides: Partial<InvestmentInput> = {}, gemeente = KS) =>
		db.transaction((tx) => investments.create(tx, actor, gemeente, investment(overrides)));
	const plan = (overrides: Partial<ProgrammeInput> = {}) => db.transaction((tx) => programmes.create(tx, actor, programme(overrides)));

	beforeAll(async () => {
		db = await freshDatabase();
		await loadKoppelstad(db);
		actor = await testUser(db);
	});
	afterEach(async () => {
		await db.exec('DELETE FROM investments; DELETE FROM programmes; DELETE FROM signals');
	});
	afterAll(() => db?.close());

	it('reports every buurt of the gemeente, and nothing where nothing is planned and nothing is urgent', async () => {
		const facts = await run({});
		expect([...facts.keys()]).toEqual([AKKER, BEEK, CIRKEL, DUIN, ES, FLAT, GAARDE, HOEVE]);
		for (const f of facts.values()) expect(f).toMatchObject({ programmes: [], investments: [], coupling: null, results: [], signals: null });
	});

	it('finds a koppelkans where two parties invest in overlapping periods, strengthened by a running programme', async () => {
		const welbions = await invest({ partner: 'Welbions', startDate: '2025-01-01', endDate: '2026-12-31', dwellings: 60 });
		const gemeente = await invest({ partner: 'Gemeente Koppelstad', measure: 'buitenruimte', startDate: '2026-04-01', endDate: '2027-12-31', dwellings: null, amountEur: 500_000 });
		const wijkaanpak = await plan();
		const akker = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(kinds(akker)).toEqual(['koppelkans']);
		// 1.2 urgency + 0.5 for the second party + 0.25 for the one large investment (60 dwellings) + 0.5 running programme.
		expect(result(akker, 'koppelkans')!.score).toBeCloseTo(2.45, 10);
		expect(result(akker, 'koppelkans')!.components).toEqual([
			{ key: 'urgentie', points: 1.2 },
			{ key: 'partijen', points: 0.5, count: 2, near: 0 },
			{ key: 'grote_investeringen', points: 0.25, count: 1, near: 0 },
			{ key: 'lopend_programma', points: 0.5 }
		]);
		// They coincide from April to December 2026.
		expect(akker.coupling).toEqual({
			from: '2026-04-01',
			to: '2026-12-31',
			parties: [
				{ partner: 'Gemeente Koppelstad', direct: true },
				{ partner: 'Welbions', direct: true }
			]
		});
		expect(akker.investments.map((i) => [i.id, i.partner, i.municipal, i.large, i.coupled, i.neighbour])).toEqual([
			[welbions.id, 'Welbions', false, true, true, false],
			[gemeente.id, 'Gemeente Koppelstad', true, false, true, false]
		]);
		expect(akker.programmes).toEqual([
			expect.objectContaining({ id: wijkaanpak.id, name: 'Wijkaanpak Akker', status: 'lopend', running: true, startDate: '2024-02-01', endDate: null })
		]);

		// Without the programme it is still a koppelkans, half a point lower; below the threshold of 0.5 it is none.
		await db.transaction((tx) => programmes.remove(tx, actor, wijkaanpak.id));
		expect(result((await run({ [AKKER]: 1.2 })).get(AKKER), 'koppelkans')!.score).toBeCloseTo(1.95, 10);
		expect(kinds((await run({ [AKKER]: 0.49 })).get(AKKER))).toEqual([]);
		// The investments are there, also for an area that is not urgent.
		expect((await run({ [AKKER]: 0.49 })).get(AKKER)!.investments).toHaveLength(2);
	});

	it('does not couple investments that do not overlap in time, and leaves out those outside the period', async () => {
		await invest({ partner: 'Welbions', startDate: '2025-01-01', endDate: '2025-12-31' });
		await invest({ partner: 'Gemeente Koppelstad', startDate: '2026-01-01', endDate: '2027-12-31' });
		const akker = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(kinds(akker)).toEqual([]);
		expect(akker.coupling).toBeNull();
		expect(akker.investments.map((i) => i.coupled)).toEqual([false, false]);

		// Two that overlap each other, but only before the chosen period: not there at all; what remains is an
		// ongedekte urgentie (1.2 ≥ 1: high, no programme, nothing in the buurt).
		await db.exec('DELETE FROM investments');
		await invest({ partner: 'Welbions', startDate: '2023-01-01', endDate: '2024-06-30' });
		await invest({ partner: 'Gemeente Koppelstad', startDate: '2024-01-01', endDate: '2024-12-31' });
		const later = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(later.investments).toEqual([]);
		expect(kinds(later)).toEqual(['ongedekte_urgentie']);

		// A period that ends on the day the other begins still overlaps (both days count).
		await invest({ partner: 'Welbions', startDate: '2025-01-01', endDate: '2026-01-01' });
		await invest({ partner: 'Domijn', startDate: '2026-01-01', endDate: '2026-06-30' });
		expect((await run({ [AKKER]: 1.2 })).get(AKKER)!.coupling).toMatchObject({ from: '2026-01-01', to: '2026-01-01' });
	});

	it('counts an investment in a neighbouring buurt, not one two buurten away, nor one that only touches at a corner', async () => {
		await invest({ partner: 'Welbions', buurtcode: AKKER });
		const neighbour = await invest({ partner: 'Gemeente Koppelstad', buurtcode: BEEK, amountEur: 2_000_000 });
		let akker = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(kinds(akker)).toEqual(['koppelkans']);
		// The second party is only in the neighbour: it counts half (0.5 × 0.5); its large investment too (0.25 × 0.5).
		expect(result(akker, 'koppelkans')!.components).toEqual([
			{ key: 'urgentie', points: 1.2 },
			{ key: 'partijen', points: 0.25, count: 1, near: 1 },
			{ key: 'grote_investeringen', points: 0.125, count: 0, near: 1 }
		]);
		expect(akker.coupling!.parties).toEqual([
			{ partner: 'Welbions', direct: true },
			{ partner: 'Gemeente Koppelstad', direct: false }
		]);
		expect(akker.investments.find((i) => i.id === neighbour.id)).toMatchObject({ neighbour: true, buurtcode: BEEK, buurtName: 'Beek', coupled: true });

		// Es, below Akker, is a neighbour too.
		await db.transaction((tx) => investments.update(tx, actor, neighbour.id, KS, investment({ partner: 'Gemeente Koppelstad', projectName: 'Verplaatst', buurtcode: ES })));
		expect((await run({ [AKKER]: 1.2 })).get(AKKER)!.investments.map((i) => [i.buurtcode, i.neighbour])).toEqual([
			[AKKER, false],
			[ES, true]
		]);
		// Cirkel is two buurten away: not a neighbour, so no koppelkans.
		await db.transaction((tx) => investments.update(tx, actor, neighbour.id, KS, investment({ partner: 'Gemeente Koppelstad', projectName: 'Verplaatst', buurtcode: CIRKEL })));
		akker = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(akker.investments.map((i) => i.buurtcode)).toEqual([AKKER]);
		expect(kinds(akker)).toEqual([]);
		// Flat touches Akker only at its corner: not a neighbour either.
		await db.transaction((tx) => investments.update(tx, actor, neighbour.id, KS, investment({ partner: 'Gemeente Koppelstad', projectName: 'Verplaatst', buurtcode: FLAT })));
		akker = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(akker.investments.map((i) => i.buurtcode)).toEqual([AKKER]);
		expect(akker.coupling).toBeNull();
		// Two neighbours' investments without one in the area itself make no koppelkans for it.
		await db.exec('DELETE FROM investments');
		await invest({ partner: 'Welbions', buurtcode: BEEK });
		await invest({ partner: 'Gemeente Koppelstad', buurtcode: ES });
		akker = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(akker.investments.map((i) => i.neighbour)).toEqual([true, true]);
		expect(kinds(akker)).toEqual(['ongedekte_urgentie']);
	});

	it('places investments by point and by outline as the register does', async () => {
		// A point in Cirkel without a buurtcode, an outline mostly over Beek with a sliver (under 5 %) in Akker.
		await invest({ partner: 'Welbions', buurtcode: null, point: await rdPoint(db, 250_250, 475_050) });
		await invest({ partner: 'Domijn', buurtcode: null, outline: await rdRectangle(db, 250_098, 475_010, 250_190, 475_090) });
		const facts = await run({});
		expect(facts.get(CIRKEL)!.investments.filter((i) => !i.neighbour).map((i) => i.partner)).toEqual(['Welbions']);
		expect(facts.get(BEEK)!.investments.filter((i) => !i.neighbour).map((i) => i.partner)).toEqual(['Domijn']);
		expect(facts.get(AKKER)!.investments.map((i) => [i.partner, i.neighbour])).toEqual([['Domijn', true]]);
	});

	it('keeps investments of another gemeente out, also right across the border', async () => {
		await invest({ partner: 'Welbions', buurtcode: DUIN });
		// Buurstad's own investment in Overkant, which shares Duin's eastern edge.
		await invest({ partner: 'Gemeente Buurstad', buurtcode: OVERKANT, amountEur: 5_000_000 }, BUURSTAD);
		// And one recorded for Koppelstad whose outline lies wholly in Buurstad: no buurt of Koppelstad holds it.
		await invest({ partner: 'Gemeente Koppelstad', buurtcode: null, outline: await rdRectangle(db, 250_410, 475_010, 250_490, 475_090) });
		const duin = (await run({ [DUIN]: 1.5 })).get(DUIN)!;
		expect(duin.investments.map((i) => i.partner)).toEqual(['Welbions']);
		expect(duin.coupling).toBeNull();
		expect(kinds(duin)).toEqual([]);
		const everywhere = [...(await run({})).values()].flatMap((f) => f.investments.map((i) => i.partner));
		expect(everywhere).not.toContain('Gemeente Buurstad');
		expect(everywhere).not.toContain('Gemeente Koppelstad');
	});

	it('finds a gemiste koppeling: a large partner investment in an urgent buurt that no programme covers', async () => {
		await invest({ partner: 'Welbions', buurtcode: CIRKEL, amountEur: 2_500_000, dwellings: 10 });
		// A large investment of the gemeente itself is not a partner's.
		await invest({ partner: 'Gemeente Koppelstad', buurtcode: ES, amountEur: 3_000_000 });
		// Small: under € 1 mln and under 50 dwellings.
		await invest({ partner: 'Domijn', buurtcode: HOEVE, amountEur: 999_999, dwellings: 49 });
		// (Three buurten none of which borders another: each is judged on its own investment.)
		const facts = await run({ [CIRKEL]: 0.8, [ES]: 0.8, [HOEVE]: 0.8 });
		expect(result(facts.get(CIRKEL), 'gemiste_koppeling')).toEqual({
			kind: 'gemiste_koppeling',
			score: 1.3,
			components: [
				{ key: 'urgentie', points: 0.8 },
				{ key: 'grote_partnerinvesteringen', points: 0.5, count: 1 }
			]
		});
		expect(kinds(facts.get(ES))).toEqual([]);
		expect(kinds(facts.get(HOEVE))).toEqual([]);
	});

	it('lets only drawn, active programmes in the period cover an area', async () => {
		await invest({ partner: 'Welbions', buurtcode: CIRKEL, amountEur: 2_500_000 });
		// Not drawn yet: covers nothing. Ended: covers nothing. Starting after the period: covers nothing.
		await plan({ name: 'Nog niet ingetekend', buurtcodes: [], outline: null });
		await plan({ name: 'Afgerond', buurtcodes: [CIRKEL], status: 'afgerond', phase: 'evalueren' });
		await plan({ name: 'Later', buurtcodes: [CIRKEL], startDate: '2029-01-01' });
		let cirkel = (await run({ [CIRKEL]: 0.8 })).get(CIRKEL)!;
		expect(cirkel.programmes).toEqual([]);
		expect(kinds(cirkel)).toEqual(['gemiste_koppeling']);
		// Drawn as an outline over Cirkel, in preparation: it covers it, and the gemiste koppeling is gone.
		await plan({ name: 'Getekend', buurtcodes: [], outline: await rdRectangle(db, 250_210, 475_010, 250_290, 475_090), status: 'in_voorbereiding', phase: 'orienteren' });
		cirkel = (await run({ [CIRKEL]: 0.8 })).get(CIRKEL)!;
		expect(cirkel.programmes.map((p) => [p.name, p.running])).toEqual([['Getekend', false]]);
		expect(kinds(cirkel)).toEqual([]);
	});

	it('finds an ongedekte urgentie: high urgency, no programme and no investment in the buurt', async () => {
		// Hoeve: 1.4 with 3 domains stacked: 1.4 + 3 × 0.1. Gaarde: 0.9 is urgent but not high.
		const facts = await run({ [HOEVE]: 1.4, [GAARDE]: 0.9 }, { stapeling: 3 });
		expect(result(facts.get(HOEVE), 'ongedekte_urgentie')).toEqual({
			kind: 'ongedekte_urgentie',
			score: expect.closeTo(1.7, 10),
			components: [
				{ key: 'urgentie', points: 1.4 },
				{ key: 'stapeling', points: expect.closeTo(0.3, 10), count: 3 }
			]
		});
		expect(kinds(facts.get(GAARDE))).toEqual([]);
		// An investment in the neighbouring Gaarde leaves Hoeve uncovered; one in Hoeve itself does not.
		await invest({ partner: 'Welbions', buurtcode: GAARDE });
		expect(kinds((await run({ [HOEVE]: 1.4 })).get(HOEVE))).toEqual(['ongedekte_urgentie']);
		await invest({ partner: 'Welbions', buurtcode: HOEVE });
		expect(kinds((await run({ [HOEVE]: 1.4 })).get(HOEVE))).toEqual([]);
		// No score, no result: a buurt with too few inhabitants is not urgent.
		expect(kinds((await run({ [HOEVE]: null })).get(HOEVE))).toEqual([]);
	});

	it('can be several kinds at once: a koppelkans without a programme around a large partner investment', async () => {
		await invest({ partner: 'Welbions', buurtcode: BEEK, amountEur: 4_000_000 });
		await invest({ partner: 'Gemeente Koppelstad', buurtcode: BEEK });
		const beek = (await run({ [BEEK]: 0.7 })).get(BEEK)!;
		expect(kinds(beek)).toEqual(['koppelkans', 'gemiste_koppeling']);
	});

	it('analyses wijken through their buurten; a neighbouring buurt of another wijk counts as the buurman', async () => {
		await invest({ partner: 'Welbions', buurtcode: AKKER });
		await invest({ partner: 'Domijn', buurtcode: DUIN });
		await invest({ partner: 'Gemeente Koppelstad', buurtcode: ES });
		const facts = await analyse(db, {
			gemeente: KS,
			level: 'wijk',
			...PERIOD,
			urgency: [
				{ code: NOORDWIJK, value: 0.6, stapeling: 1 },
				{ code: ZUIDWIJK, value: 0.2, stapeling: 0 }
			],
			signalsSince: null
		});
		expect(facts.map((f) => f.code)).toEqual([NOORDWIJK, ZUIDWIJK]);
		const noord = facts[0];
		expect(noord.investments.map((i) => [i.partner, i.neighbour])).toEqual([
			['Domijn', false],
			['Welbions', false],
			['Gemeente Koppelstad', true]
		]);
		// Welbions and Domijn in the wijk itself: two parties; the gemeente in Es, next to Akker, a third at half.
		expect(result(noord, 'koppelkans')!.components).toContainEqual({ key: 'partijen', points: 0.75, count: 2, near: 1 });
		// Zuidwijk: the gemeente in Es; Welbions (Akker, above Es) and Domijn (Duin, above Hoeve) next door.
		expect(facts[1].investments.map((i) => [i.partner, i.neighbour])).toEqual([
			['Gemeente Koppelstad', false],
			['Domijn', true],
			['Welbions', true]
		]);
	});

	it('counts signals only when asked to, in the window', async () => {
		// Read before the transaction: PGlite has one session, so a query outside an open transaction waits for it.
		const inEs = await rdPoint(db, 250_050, 475_150);
		await db.transaction(async (tx) => {
			await signals.create(tx, actor, KS, { text: 'Overlast', buurtcode: AKKER, point: null, observedOn: '2024-05-01', domain: 'veiligheid' });
			await signals.create(tx, actor, KS, { text: 'Te oud', buurtcode: AKKER, point: null, observedOn: '2022-05-01', domain: 'veiligheid' });
			await signals.create(tx, actor, KS, { text: 'Met punt', buurtcode: null, point: inEs, observedOn: '2025-02-01', domain: 'sociaal' });
		});
		const none = await run({});
		expect([...none.values()].every((f) => f.signals === null)).toBe(true);
		const counted = await run({}, { signalsSince: '2023-01-01' });
		expect(counted.get(AKKER)!.signals).toBe(1);
		expect(counted.get(ES)!.signals).toBe(1);
		expect(counted.get(BEEK)!.signals).toBe(0);
	});

	it('says when a listed investment or programme is demo data', async () => {
		await db.transaction((tx) => investments.create(tx, actor, KS, investment({ buurtcode: BEEK }), { synthetic: true }));
		const facts = await run({});
		expect(facts.get(BEEK)!.synthetic).toBe(true);
		// Akker has it only as a neighbour's, but shows it: demo data too.
		expect(facts.get(AKKER)!.synthetic).toBe(true);
		expect(facts.get(HOEVE)!.synthetic).toBe(false);
		expect(facts.get(BEEK)!.investments[0].synthetic).toBe(true);
	});

	it('derives the neighbours once, and again when the outlines change', async () => {
		await run({});
		expect(await ensureNeighbours(db, KS)).toBe(false);
		const pairs = async () => (await db.query<{ a: string; b: string }>('SELECT a, b FROM buurt_neighbours WHERE gemeentecode = $1 ORDER BY a, b', [KS])).map((p) => `${p.a}-${p.b}`);
		// Side by side in each row, and one above the other; not Flat–Akker (a corner), nor Duin–Overkant (another gemeente).
		expect(await pairs()).toEqual([
			`${AKKER}-${BEEK}`,
			`${AKKER}-${ES}`,
			`${BEEK}-${CIRKEL}`,
			`${BEEK}-${FLAT}`,
			`${CIRKEL}-${DUIN}`,
			`${CIRKEL}-${GAARDE}`,
			`${DUIN}-${HOEVE}`,
			`${ES}-${FLAT}`,
			`${FLAT}-${GAARDE}`,
			`${GAARDE}-${HOEVE}`
		]);
		// Beek and Cirkel swap places: Cirkel is now Akker's neighbour, and the next analysis knows it.
		const swapped = [
			{ code: NOORDWIJK, name: 'Noordwijk', buurten: [{ code: AKKER, name: 'Akker' }, { code: CIRKEL, name: 'Cirkel' }, { code: BEEK, name: 'Beek' }, { code: DUIN, name: 'Duin' }] },
			{ code: ZUIDWIJK, name: 'Zuidwijk', buurten: [{ code: ES, name: 'Es' }, { code: FLAT, name: 'Flat' }, { code: GAARDE, name: 'Gaarde' }, { code: HOEVE, name: 'Hoeve' }] }
		];
		await loadTestAreas(db, { code: KS, name: 'Koppelstad' }, swapped);
		await invest({ partner: 'Welbions', buurtcode: AKKER });
		await invest({ partner: 'Gemeente Koppelstad', buurtcode: CIRKEL });
		const akker = (await run({ [AKKER]: 1.2 })).get(AKKER)!;
		expect(akker.investments.map((i) => [i.buurtcode, i.neighbour])).toEqual([[AKKER, false], [CIRKEL, true]]);
		expect(await pairs()).toContain(`${AKKER}-${CIRKEL}`);
		expect(await pairs()).not.toContain(`${AKKER}-${BEEK}`);
		expect(await ensureNeighbours(db, KS)).toBe(false);
		// Back as the other tests expect it.
		await loadKoppelstad(db);
	});
});
