// The effect of a programme as GET /api/programmes/{id}/effect, the effect page and the voortgangsrapportage show
// it: per succesindicator the frozen nulmeting, the latest measurement after the start, the comparison group of
// buurten matched on the values before the start, the difference-in-differences with its placebo rank, the
// spillover ring, the progress to the target and a reading. The rules are pure (domain/effect.ts); this module
// reads what they need and puts the pieces together. Also: choosing the succesindicatoren (freezing each nulmeting)
// and changing the comparison group, both audited (db/programme-monitor.ts).
import type { Db, Queryable } from './db/client';
import type { Actor } from './db/audit';
import * as programmes from './db/programmes';
import * as investments from './db/investments';
import * as indicators from './db/indicators';
import * as monitorStore from './db/programme-monitor';
import {
	COMPARISON_SIZE,
	aggregateBuurten,
	baselineLabel,
	baselineYear,
	chooseGroup,
	differenceInDifferences,
	latestYearAfter,
	mean,
	nextMeasurement,
	rankCandidates,
	reading,
	standardDeviation,
	startYearOf,
	targetProgress,
	type Baseline,
	type ComparisonChange,
	type MonitorSetup,
	type Series,
	type SuccesindicatorInput
} from '../domain/effect';
import type { BalanceRow, ComparisonBuurt, EffectIndicator, EffectReport, ExcludedBuurt, TrendPoint } from '../domain/effect';
import { SUPPRESSION_THRESHOLD, SYNTHETIC_LABEL, type Indicator } from '../domain/monitor';
import type { Investment, Programme } from '../domain/register';

// ---------------------------------------------------------------------------------------------------------
// Buurt values in memory.

interface Cell {
	value: number;
	source: string;
	synthetic: boolean;
}

/** buurt → indicator → year → value, with every buurt's name and gemeente. */
class BuurtTable {
	private cells = new Map<string, Map<string, Map<number, Cell>>>();

	constructor(rows: monitorStore.BuurtValueRow[]) {
		for (const r of rows) {
			let byIndicator = this.cells.get(r.code);
			if (!byIndicator) this.cells.set(r.code, (byIndicator = new Map()));
			let byYear = byIndicator.get(r.indicator);
			if (!byYear) byIndicator.set(r.indicator, (byYear = new Map()));
			byYear.set(Number(r.year), { value: Number(r.value), source: r.source, synthetic: r.synthetic });
		}
	}

	cell(code: string, indicator: string, year: number): Cell | null {
		return this.cells.get(code)?.get(indicator)?.get(year) ?? null;
	}

	value(code: string, indicator: string, year: number): number | null {
		return this.cell(code, indicator, year)?.value ?? null;
	}

	/**
	 * A buurt's weight (inhabitants, households) for a year as monitor_values() takes it (migration 014): that year's
	 * figure, else the nearest year's (the later of two equally near), so that a survey wave before the first
	 * population figure is still weighted.
	 */
	weight(code: string, indicator: 'inwoners' | 'huishoudens', year: number): number | null {
		const own = this.value(code, indicator, year);
		if (own !== null) return own;
		let best: { year: number; value: number } | null = null;
		for (const [y, c] of this.cells.get(code)?.get(indicator) ?? []) {
			const distance = Math.abs(y - year);
			if (!best || distance < Math.abs(best.year - year) || (distance === Math.abs(best.year - year) && y > best.year)) best = { year: y, value: c.value };
		}
		return best?.value ?? null;
	}

	/** Every year any buurt has a value of the indicator: its measurements. */
	years(indicator: string): number[] {
		const out = new Set<number>();
		for (const byIndicator of this.cells.values()) for (const y of byIndicator.get(indicator)?.keys() ?? []) out.add(y);
		return [...out].sort((a, b) => a - b);
	}

	/** A buurt's own series (its stored values). */
	series(code: string, indicator: string): Series {
		const out: Series = {};
		for (const [y, c] of this.cells.get(code)?.get(indicator) ?? []) out[y] = c.value;
		return out;
	}

	/**
	 * The series of a set of buurten by the monitor's rule: one buurt is its own stored value, several add up as in
	 * monitor_values; a year in which the set has fewer than 50 inhabitants is suppressed (left out).
	 */
	areaSeries(codes: string[], indicator: Pick<Indicator, 'code' | 'weighting'>): Series {
		const out: Series = {};
		for (const year of this.years(indicator.code)) {
			const inwoners = codes.map((c) => this.value(c, 'inwoners', year));
			const known = inwoners.filter((v): v is number => v !== null);
			if (known.length === codes.length && known.reduce((s, v) => s + v, 0) < SUPPRESSION_THRESHOLD) continue;
			const value =
				codes.length === 1
					? this.value(codes[0], indicator.code, year)
					: aggregateBuurten(
							codes.map((c) => ({
								value: this.value(c, indicator.code, year),
								inwoners: this.weight(c, 'inwoners', year),
								huishoudens: this.weight(c, 'huishoudens', year)
							})),
							indicator.weighting
						);
			if (value !== null) out[year] = value;
		}
		return out;
	}

	/** The distinct sources of a set of buurten's values of one year, and whether any is synthetic. */
	provenance(codes: string[], indicator: string, year: number): { source: string; synthetic: boolean } {
		const cells = codes.map((c) => this.cell(c, indicator, year)).filter((c): c is Cell => c !== null);
		return { source: [...new Set(cells.map((c) => c.source))].join('; '), synthetic: cells.some((c) => c.synthetic) };
	}
}

// ---------------------------------------------------------------------------------------------------------
// The report (its shape: domain/effect.ts).

interface Context {
	programme: Programme;
	setup: MonitorSetup | null;
	catalogue: Map<string, Indicator>;
	table: BuurtTable;
	buurten: Map<string, monitorStore.BuurtInfo>;
	own: string[];
	ring: string[];
}

async function loadContext(db: Queryable, programme: Programme, setup: MonitorSetup | null, extraIndicators: string[] = []): Promise<Context> {
	const codes = [...new Set([...(setup?.indicators.map((i) => i.code) ?? []), ...extraIndicators])];
	const [catalogue, rows, buurten] = await Promise.all([
		indicators.listCatalogue(db),
		monitorStore.buurtValues(db, codes),
		monitorStore.allBuurten(db)
	]);
	const own = programme.touchedBuurtcodes;
	const ring = await monitorStore.neighbours(db, programme.gemeentecode, own);
	return {
		programme,
		setup,
		catalogue: new Map(catalogue.map((c) => [c.code, c])),
		table: new BuurtTable(rows),
		buurten: new Map(buurten.map((b) => [b.code, b])),
		own,
		ring
	};
}

/** The nulmeting of one indicator for the programme's area as it is now (what gets frozen); null when there is none. */
function currentBaseline(ctx: Context, indicator: Indicator, now: string): Baseline | null {
	const startYear = startYearOf(ctx.programme.startDate);
	if (ctx.own.length === 0) return null;
	const series = ctx.table.areaSeries(ctx.own, indicator);
	const year = baselineYear(series, startYear);
	if (year === null) return null;
	const origin = ctx.table.provenance(ctx.own, indicator.code, year);
	return { year, value: series[year], source: origin.source || indicator.source, synthetic: origin.synthetic, frozenAt: now };
}

const inwonersIndicator = { code: 'inwoners', weighting: 'som' as const };

/** Before a write's transaction: what the write needs that cannot be done inside it (see prepareNeighbours). */
export async function prepare(db: Db, programme: Programme): Promise<void> {
	await monitorStore.prepareNeighbours(db, programme.gemeentecode);
}

export async function effectReport(db: Db, programmeId: number): Promise<EffectReport | null> {
	const programme = await programmes.get(db, programmeId);
	if (!programme) return null;
	await prepare(db, programme);
	const setup = await monitorStore.get(db, programmeId);
	const ctx = await loadContext(db, programme, setup);
	const startYear = startYearOf(programme.startDate);
	const chosen = (setup?.indicators ?? []).filter((i) => ctx.catalogue.has(i.code));
	const nameOf = (code: string) => ctx.buurten.get(code)?.name ?? code;

	// Per indicator: the nulmeting (frozen, or as it would be now) and its year; the year the matching looks at.
	const areaSeries = new Map(chosen.map((i) => [i.code, ctx.table.areaSeries(ctx.own, ctx.catalogue.get(i.code)!)]));
	const baselineYears = new Map(chosen.map((i) => [i.code, i.baseline?.year ?? baselineYear(areaSeries.get(i.code)!, startYear)]));
	const inwonersSeries = ctx.table.areaSeries(ctx.own, inwonersIndicator);
	const inwonersYear = baselineYear(inwonersSeries, startYear) ?? Object.keys(inwonersSeries).map(Number).at(-1) ?? null;

	// The period in which another programme disqualifies a buurt: from the earliest nulmeting to the latest measurement.
	const measured = chosen.flatMap((i) => ctx.table.years(i.code));
	const firstYear = Math.min(...[...baselineYears.values()].filter((y): y is number => y !== null), startYear ?? Infinity, inwonersYear ?? Infinity);
	const lastYear = Math.max(...measured, startYear ?? -Infinity, firstYear);
	const from = Number.isFinite(firstYear) ? `${firstYear}-01-01` : (programme.startDate ?? '2000-01-01');
	const to = Number.isFinite(lastYear) ? `${lastYear}-12-31` : '2100-12-31';
	const others = await monitorStore.buurtenOfOtherProgrammes(db, programme.id, from, to);

	// The pool: every buurt but the area, its ring and those of other programmes; then those with every feature.
	const own = new Set(ctx.own);
	const ringSet = new Set(ctx.ring);
	const excluded: ExcludedBuurt[] = [];
	const pool: string[] = [];
	for (const b of ctx.buurten.values()) {
		if (own.has(b.code)) continue;
		if (ringSet.has(b.code)) excluded.push({ code: b.code, name: b.name, reason: 'grenst aan het gebied (spillover-ring)' });
		else if (others.has(b.code)) excluded.push({ code: b.code, name: b.name, reason: `in een ander programma: ${others.get(b.code)}` });
		else pool.push(b.code);
	}
	const featureOf = (code: string): (number | null)[] => [
		inwonersYear === null ? null : ctx.table.value(code, 'inwoners', inwonersYear),
		...chosen.map((i) => {
			const y = baselineYears.get(i.code);
			return y === null || y === undefined ? null : ctx.table.value(code, i.code, y);
		})
	];
	const small = pool.filter((c) => {
		const n = inwonersYear === null ? null : ctx.table.value(c, 'inwoners', inwonersYear);
		return n !== null && n < SUPPRESSION_THRESHOLD;
	});
	for (const c of small) excluded.push({ code: c, name: nameOf(c), reason: 'te weinig inwoners' });
	const matchable = pool.filter((c) => !small.includes(c));
	const areaFeatures = [
		inwonersYear === null ? null : (inwonersSeries[inwonersYear] ?? null),
		...chosen.map((i) => {
			const y = baselineYears.get(i.code);
			return i.baseline?.value ?? (y === null || y === undefined ? null : (areaSeries.get(i.code)![y] ?? null));
		})
	];
	// Features the area itself lacks cannot be matched on: leave them out for everyone.
	const usable = areaFeatures.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
	const { ranked, unmatchable } = rankCandidates(
		usable.map((i) => areaFeatures[i]!),
		matchable.map((code) => ({ code, features: usable.map((i) => featureOf(code)[i]) }))
	);
	for (const c of unmatchable) excluded.push({ code: c, name: nameOf(c), reason: 'geen waarde vóór de start' });
	const changes = setup?.comparisonChanges ?? [];
	for (const c of changes.filter((c) => c.change === 'weglaten')) {
		excluded.push({ code: c.buurtcode, name: nameOf(c.buurtcode), reason: `weggelaten: ${c.reden}` });
	}
	const groupCodes = chooseGroup(ranked, changes);
	const distance = new Map(ranked.map((m) => [m.code, m.distance]));
	const added = new Map(changes.filter((c) => c.change === 'toevoegen').map((c) => [c.buurtcode, c.reden]));
	const group: ComparisonBuurt[] = groupCodes.map((code) => ({
		code,
		name: nameOf(code),
		gemeentecode: ctx.buurten.get(code)?.gemeentecode ?? '',
		distance: distance.get(code) ?? null,
		how: added.has(code) && !ranked.slice(0, COMPARISON_SIZE).some((m) => m.code === code) ? 'toegevoegd' : 'match',
		...(added.has(code) ? { reason: added.get(code) } : {})
	}));

	// The gemeente's own figures per year, as the monitor shows them.
	const gemeenteSeries = (await indicators.series(db, programme.gemeentecode)) ?? {};
	const gemeenteValue = (code: string, year: number) => gemeenteSeries[code]?.find((p) => p.year === year)?.value ?? null;

	const balanceRow = (code: string, name: string, unit: string, year: number | null | undefined, areaValue: number | null): BalanceRow | null => {
		if (year === null || year === undefined) return null;
		const values = groupCodes.map((c) => ctx.table.value(c, code, year)).filter((v): v is number => v !== null);
		const m = mean(values);
		const sd = standardDeviation(values);
		return {
			code,
			name,
			unit,
			year,
			area: areaValue,
			comparison: m,
			gemeente: gemeenteValue(code, year),
			standardisedDifference: areaValue !== null && m !== null && sd ? (areaValue - m) / sd : null
		};
	};
	const balance = [
		balanceRow('inwoners', 'Inwoners', 'aantal', inwonersYear, areaFeatures[0]),
		...chosen.map((i, k) => {
			const entry = ctx.catalogue.get(i.code)!;
			return balanceRow(i.code, entry.name, entry.unit, baselineYears.get(i.code), areaFeatures[k + 1]);
		})
	].filter((r): r is BalanceRow => r !== null);

	const ringNamed = ctx.ring.map((code) => ({ code, name: nameOf(code) }));
	const indicatorsOut: EffectIndicator[] = chosen.map((choice) => {
		const entry = ctx.catalogue.get(choice.code)!;
		const series = areaSeries.get(choice.code)!;
		const bYear = baselineYears.get(choice.code) ?? null;
		const baselineValue = choice.baseline?.value ?? (bYear !== null ? (series[bYear] ?? null) : null);
		const baselineOrigin = choice.baseline ?? (bYear !== null ? { ...ctx.table.provenance(ctx.own, choice.code, bYear), frozenAt: '' } : null);
		const lYear = latestYearAfter(series, startYear);
		const latestValue = lYear === null ? null : series[lYear];
		const members = groupCodes.map((code) => ({
			code,
			before: bYear === null ? null : ctx.table.value(code, choice.code, bYear),
			after: lYear === null ? null : ctx.table.value(code, choice.code, lYear)
		}));
		const outcome = differenceInDifferences({ before: baselineValue, after: latestValue }, members, choice.richting);
		const measuredYears = ctx.table.years(choice.code);
		const next = lYear === null ? nextMeasurement(measuredYears) : null;
		const ringSeries = ctx.ring.length ? ctx.table.areaSeries(ctx.ring, entry) : {};
		const ringBefore = bYear === null ? null : (ringSeries[bYear] ?? null);
		const ringAfter = lYear === null ? null : (ringSeries[lYear] ?? null);
		const ringChange = ringBefore !== null && ringAfter !== null ? ringAfter - ringBefore : null;
		const allYears = [...new Set([...measuredYears])].sort((a, b) => a - b);
		const trend: TrendPoint[] = allYears.map((year) => {
			const values = groupCodes.map((c) => ctx.table.value(c, choice.code, year)).filter((v): v is number => v !== null);
			return {
				year,
				area: series[year] ?? null,
				comparisonMean: mean(values),
				comparisonMin: values.length ? Math.min(...values) : null,
				comparisonMax: values.length ? Math.max(...values) : null,
				gemeente: gemeenteValue(choice.code, year),
				ring: ringSeries[year] ?? null
			};
		});
		const latestOrigin = lYear === null ? null : ctx.table.provenance(ctx.own, choice.code, lYear);
		const usedCells = [
			...(bYear !== null ? groupCodes.map((c) => ctx.table.cell(c, choice.code, bYear)) : []),
			...(lYear !== null ? groupCodes.map((c) => ctx.table.cell(c, choice.code, lYear)) : [])
		];
		const synthetic =
			entry.synthetic || (baselineOrigin?.synthetic ?? false) || (latestOrigin?.synthetic ?? false) || usedCells.some((c) => c?.synthetic);
		const baseline =
			bYear !== null && baselineValue !== null && baselineOrigin
				? {
						year: bYear,
						value: baselineValue,
						source: baselineOrigin.source || entry.source,
						synthetic: baselineOrigin.synthetic,
						frozenAt: choice.baseline?.frozenAt ?? '',
						label: baselineLabel({ year: bYear, source: baselineOrigin.source || entry.source, synthetic: baselineOrigin.synthetic })
					}
				: null;
		return {
			code: choice.code,
			name: entry.name,
			unit: entry.unit,
			source: entry.source,
			richting: choice.richting,
			chosenAt: choice.chosenAt,
			chosenBy: choice.chosenBy,
			baseline,
			latest: lYear === null || latestValue === null ? null : { year: lYear, value: latestValue, source: latestOrigin!.source || entry.source },
			comparison: {
				codes: outcome.ok ? outcome.result.used : outcome.used,
				missing: outcome.ok ? outcome.result.missing : outcome.missing,
				excluded,
				balance: balance.filter((r) => r.code === 'inwoners' || r.code === choice.code)
			},
			spillover: {
				codes: ctx.ring,
				before: ringBefore,
				after: ringAfter,
				change: ringChange,
				comparedWithGroup: ringChange !== null && outcome.ok ? ringChange - outcome.result.groupChange : null
			},
			did: outcome.ok
				? {
						estimate: outcome.result.estimate,
						areaChange: outcome.result.areaChange,
						groupChange: outcome.result.groupChange,
						placebo: { rank: outcome.result.placebo.rank, n: outcome.result.placebo.n, lessFavourable: outcome.result.placebo.lessFavourable }
					}
				: null,
			...(choice.doel !== null
				? {
						target: {
							value: choice.doel,
							year: choice.doeljaar,
							progress: baselineValue !== null && latestValue !== null ? targetProgress(baselineValue, latestValue, choice.doel) : null
						}
					}
				: {}),
			next,
			reading: reading({
				areaName: areaName(programme, ctx.own, nameOf),
				unit: entry.unit,
				richting: choice.richting,
				baselineYear: bYear,
				latestYear: lYear,
				outcome,
				next,
				startYear
			}),
			series: trend,
			synthetic,
			...(synthetic ? { label: SYNTHETIC_LABEL } : {})
		};
	});

	const phases = await monitorStore.phaseHistory(db, programme.id);
	const seen = new Map<number, Investment>();
	for (const code of ctx.own) {
		for (const i of await investments.list(db, { gemeentecode: programme.gemeentecode, buurtcode: code })) seen.set(i.id, i);
	}
	const investmentsOut = [...seen.values()]
		.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id)
		.map(({ id, partner, projectName, measure, startDate, endDate, amountEur, dwellings, status, buurtcode, synthetic }) => ({
			id, partner, projectName, measure, startDate, endDate, amountEur, dwellings, status, buurtcode, synthetic
		}));
	const synthetic = programme.synthetic || indicatorsOut.some((i) => i.synthetic) || investmentsOut.some((i) => i.synthetic);
	const sources = [
		...new Set([
			...indicatorsOut.flatMap((i) => [i.source, i.baseline?.source, i.latest?.source]).filter((s): s is string => Boolean(s)),
			...(programme.source && programme.source !== 'app' ? [programme.source] : [])
		])
	];
	return {
		programme: {
			id: programme.id,
			name: programme.name,
			kind: programme.kind,
			phase: programme.phase,
			status: programme.status,
			startDate: programme.startDate,
			endDate: programme.endDate,
			gemeentecode: programme.gemeentecode,
			synthetic: programme.synthetic,
			budgetLines: programme.budgetLines,
			source: programme.source,
			buurten: ctx.own.map((code) => ({ code, name: nameOf(code) })),
			...(programme.synthetic ? { label: SYNTHETIC_LABEL } : {})
		},
		version: setup?.version ?? 0,
		ring: ringNamed,
		comparison: { buurten: group, changes, excluded, balance, size: COMPARISON_SIZE },
		indicators: indicatorsOut,
		phases,
		investments: investmentsOut,
		sources,
		synthetic,
		...(synthetic ? { label: SYNTHETIC_LABEL } : {})
	};
}

/** The area as the reading names it: the programme's one buurt, or the programme's name for several. */
function areaName(programme: Programme, own: string[], nameOf: (code: string) => string): string {
	return own.length === 1 ? nameOf(own[0]) : programme.name;
}

// ---------------------------------------------------------------------------------------------------------
// Writes.

export type WriteOutcome =
	| { status: 'ok'; setup: MonitorSetup }
	| { status: 'conflict'; current: MonitorSetup }
	| { status: 'invalid'; errors: { field: string; message: string }[] };

/**
 * Sets the programme's succesindicatoren. A new indicator gets its nulmeting frozen now (when there is one). A kept
 * indicator keeps when it was chosen (so the record shows the choice was made before the results) and its nulmeting
 * once the programme has started; before the start, or when it had none, the nulmeting is taken again.
 */
export async function chooseIndicators(
	tx: Queryable,
	actor: Actor,
	programme: Programme,
	input: SuccesindicatorInput[],
	version?: number
): Promise<WriteOutcome> {
	const catalogue = new Map((await indicators.listCatalogue(tx)).map((c) => [c.code, c]));
	const errors = input
		.map((i, k) => (catalogue.has(i.code) ? null : { field: `indicators.${k}.code`, message: `${i.code} staat niet in de catalogus` }))
		.filter((e): e is { field: string; message: string } => e !== null);
	if (errors.length) return { status: 'invalid', errors };
	const current = await monitorStore.get(tx, programme.id);
	const ctx = await loadContext(tx, programme, current, input.map((i) => i.code));
	const now = new Date().toISOString();
	const kept = new Map((current?.indicators ?? []).map((i) => [i.code, i]));
	const startYear = startYearOf(programme.startDate);
	const started = programme.startDate !== null && programme.startDate <= now.slice(0, 10);
	const next = input.map((i) => {
		const old = kept.get(i.code);
		const fresh = currentBaseline(ctx, catalogue.get(i.code)!, now);
		// Frozen once the programme has started, as long as it is still a year before the start (the start date may
		// have moved). Before the start a newer measurement may still come in: the nulmeting follows it until then.
		const keep = old?.baseline && startYear !== null && old.baseline.year < startYear && (started || fresh === null || fresh.year === old.baseline.year);
		const baseline = keep ? old!.baseline : (fresh ?? old?.baseline ?? null);
		return {
			code: i.code,
			richting: i.richting,
			doel: i.doel ?? null,
			doeljaar: i.doeljaar ?? null,
			chosenAt: old && old.richting === i.richting ? old.chosenAt : now,
			chosenBy: old && old.richting === i.richting ? old.chosenBy : actor.name,
			baseline
		};
	});
	const result = await monitorStore.save(tx, actor, { programmeId: programme.id, indicators: next, comparisonChanges: current?.comparisonChanges ?? [] }, version);
	return result;
}

/**
 * Applies editors' changes to the comparison group (each buurt added or left out with a reason), replacing earlier
 * changes of the same buurten. A buurt of the programme or of its spillover ring cannot be added.
 */
export async function changeComparison(
	tx: Queryable,
	actor: Actor,
	programme: Programme,
	changes: ComparisonChange[],
	version?: number
): Promise<WriteOutcome> {
	const buurten = new Set((await monitorStore.allBuurten(tx)).map((b) => b.code));
	const own = new Set(programme.touchedBuurtcodes);
	const ring = new Set(await monitorStore.neighbours(tx, programme.gemeentecode, programme.touchedBuurtcodes));
	const errors: { field: string; message: string }[] = [];
	changes.forEach((c, k) => {
		const field = `changes.${k}.buurtcode`;
		if (!buurten.has(c.buurtcode)) errors.push({ field, message: `buurt ${c.buurtcode} is onbekend` });
		else if (c.change === 'toevoegen' && own.has(c.buurtcode)) errors.push({ field, message: `${c.buurtcode} hoort bij het programma zelf` });
		else if (c.change === 'toevoegen' && ring.has(c.buurtcode)) errors.push({ field, message: `${c.buurtcode} grenst aan het gebied (spillover-ring) en kan geen vergelijkingsbuurt zijn` });
	});
	if (errors.length) return { status: 'invalid', errors };
	const current = await monitorStore.get(tx, programme.id);
	const now = new Date().toISOString();
	const replaced = new Set(changes.map((c) => c.buurtcode));
	const next = [
		...(current?.comparisonChanges ?? []).filter((c) => !replaced.has(c.buurtcode)),
		...changes.map((c) => ({ ...c, at: now, by: actor.name }))
	].sort((a, b) => a.buurtcode.localeCompare(b.buurtcode));
	return monitorStore.save(tx, actor, { programmeId: programme.id, indicators: current?.indicators ?? [], comparisonChanges: next }, version);
}
