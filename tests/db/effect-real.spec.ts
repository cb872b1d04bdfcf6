// The effect monitor on the real RIVM figures that first start loads (waves 2012, 2016, 2020 for Hengelo and
// Enschede): a programme in Klein Driene that started between two waves, its nulmeting from the 2016 wave, and a
// difference-in-differences that can be recomputed by hand from the stored buurt values. Prints the worked example.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/db/client';
import * as programmes from '../../src/lib/server/db/programmes';
import { chooseIndicators, effectReport, prepare } from '../../src/lib/server/effect';
import { importDefaults } from '../../src/lib/server/import';
import { readConfig } from '../../src/lib/server/config';
import type { Programme } from '../../src/lib/domain/register';
import { engine, freshDatabase } from './database';
import { programmeInput, testUser } from './register-fixture';

const KLEIN_DRIENE = 'BU01640203';
const INDICATORS = ['rivm_eenzaam_18plus', 'rivm_ervaren_gezondheid_goed_18plus'] as const;

describe(`effect monitor on real RIVM figures (${engine})`, () => {
	let db: Db;
	let programme: Programme;

	beforeAll(async () => {
		db = await freshDatabase();
		await importDefaults(db, readConfig().dataDir);
		const actor = await testUser(db);
		programme = await db.transaction((tx) =>
			programmes.create(
				tx,
				actor,
				programmeInput({ gemeentecode: 'GM0164', name: 'Proef Klein Driene', startDate: '2018-03-01', buurtcodes: [KLEIN_DRIENE] })
			)
		);
		await prepare(db, programme);
		const chosen = await db.transaction((tx) =>
			chooseIndicators(tx, actor, programme, [
				{ code: INDICATORS[0], richting: 'omlaag' },
				{ code: INDICATORS[1], richting: 'omhoog' }
			])
		);
		expect(chosen.status).toBe('ok');
	}, 240_000);
	afterAll(() => db?.close());

	it('takes the nulmeting from the 2016 wave, measures 2020 against comparable buurten, and recomputes by hand', async () => {
		const report = (await effectReport(db, programme.id))!;
		expect(report.synthetic).toBe(false);
		expect(report.label).toBeUndefined();
		for (const code of INDICATORS) {
			const effect = report.indicators.find((i) => i.code === code)!;
			expect(effect.baseline).toMatchObject({ year: 2016, synthetic: false });
			expect(effect.baseline!.source).toMatch(/RIVM.*2016.*modelschatting/);
			expect(effect.latest?.year).toBe(2020);
			expect(effect.synthetic).toBe(false);
			expect(effect.label).toBeUndefined();
			// Klein Driene's own values, as stored from the RIVM files.
			const own = await db.query<{ year: number; value: number }>(
				`SELECT year, value::float8 AS value FROM indicator_values WHERE indicator = $1 AND area_code = $2 AND year IN (2016, 2020) ORDER BY year`,
				[code, KLEIN_DRIENE]
			);
			expect(own.map((r) => r.year)).toEqual([2016, 2020]);
			expect(effect.baseline!.value).toBeCloseTo(own[0].value, 6);
			expect(effect.latest!.value).toBeCloseTo(own[1].value, 6);
			// The group's mean change, from the stored values of the buurten the report compared with.
			const used = effect.comparison.codes.filter((c) => !effect.comparison.missing.includes(c));
			expect(used.length).toBeGreaterThanOrEqual(5);
			const group = await db.query<{ code: string; change: number }>(
				`SELECT area_code AS code, (max(value) FILTER (WHERE year = 2020) - max(value) FILTER (WHERE year = 2016))::float8 AS change
				 FROM indicator_values WHERE indicator = $1 AND area_code = ANY($2) AND year IN (2016, 2020)
				 GROUP BY area_code`,
				[code, used]
			);
			const groupChange = group.reduce((a, r) => a + Number(r.change), 0) / group.length;
			expect(group).toHaveLength(used.length);
			expect(effect.did).not.toBeNull();
			expect(effect.did!.areaChange).toBeCloseTo(own[1].value - own[0].value, 6);
			expect(effect.did!.groupChange).toBeCloseTo(groupChange, 6);
			expect(effect.did!.estimate).toBeCloseTo(own[1].value - own[0].value - groupChange, 6);
			expect(effect.did!.placebo.n).toBe(used.length);
			expect(effect.did!.placebo.rank).toBeGreaterThanOrEqual(1);
			expect(effect.did!.placebo.rank).toBeLessThanOrEqual(used.length + 1);
			// No buurt of the programme or of its ring in the group.
			for (const c of [KLEIN_DRIENE, ...report.ring.map((b) => b.code)]) expect(effect.comparison.codes).not.toContain(c);
			expect(effect.reading).toMatch(/Dit is geen bewijs van oorzaak en gevolg\.$/);
			// The ring of four buurten has a value in both waves: weighted by the nearest year's inhabitants (2020),
			// since the buurten's inhabitants start in 2020 (migration 014).
			expect(report.ring.length).toBeGreaterThan(1);
			expect(effect.spillover.before).not.toBeNull();
			expect(effect.spillover.change).toBeCloseTo(effect.spillover.after! - effect.spillover.before!, 10);
			console.log(
				`\n${effect.name}: nulmeting ${effect.baseline!.year} ${effect.baseline!.value} → ${effect.latest!.year} ${effect.latest!.value}; ` +
					`groep ${used.length} buurten (${effect.comparison.codes.join(', ')}), gemiddelde verandering ${groupChange.toFixed(2)}; ` +
					`schatting ${effect.did!.estimate.toFixed(2)}, placebo ${effect.did!.placebo.rank} van ${effect.did!.placebo.n + 1}; ring ${report.ring.map((b) => b.code).join(", ") || "geen"}: ${JSON.stringify(effect.spillover)}\n${effect.reading}`
			);
		}
	});

	it("gives a stadsdeel a value in the 2016 wave, its buurten weighted by the nearest year's inhabitants", async () => {
		const shown = await db.query<{ code: string; value: number | null }>(
			`SELECT code, value FROM monitor_values('GM0153', 'stadsdeel', 2016, 'rivm_eenzaam_18plus') ORDER BY code`
		);
		expect(shown.length).toBe(5);
		// By hand: each buurt's 2016 value weighted by its inhabitants of 2020, the nearest year with a figure.
		const byHand = await db.query<{ code: string; value: number }>(
			`SELECT sb.stadsdeelcode AS code, (sum(v.value * w.value) / sum(w.value))::float8 AS value
			 FROM stadsdeel_buurten sb
			 JOIN indicator_values v ON v.area_code = sb.buurtcode AND v.indicator = 'rivm_eenzaam_18plus' AND v.year = 2016
			 JOIN indicator_values w ON w.area_code = sb.buurtcode AND w.indicator = 'inwoners' AND w.year = 2020
			 WHERE sb.stadsdeelcode LIKE 'SD0153-%' AND v.value IS NOT NULL
			 GROUP BY sb.stadsdeelcode ORDER BY sb.stadsdeelcode`
		);
		expect(byHand.map((r) => r.code)).toEqual(shown.map((r) => r.code));
		for (const [i, row] of shown.entries()) expect(row.value, row.code).toBeCloseTo(byHand[i].value, 6);
	});
});
