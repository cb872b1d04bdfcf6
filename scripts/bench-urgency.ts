// How long the urgency ranking takes at gemeente and national scale, on synthetic data generated in memory
// (15,000 buurten × the 17 indicators of the demo catalogue × 5 years, seeded). Prints figures; asserts nothing.
// Run: npx tsx scripts/bench-urgency.ts

import { classify } from '../src/lib/domain/classify';
import type { Direction, Domain, Indicator } from '../src/lib/domain/monitor';
import { mulberry32, rankUrgency, type UrgencyArea, type UrgencyInput, type UrgencyOptions } from '../src/lib/domain/urgency';

const BUURTEN = 15_000;
const GEMEENTE_BUURTEN = 132;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const RUNS = 5;

// The demo catalogue (../shared/data/demo/monitor_indicatoren.csv), with a typical mean and spread per indicator
// and whether it rises (+1) or falls (−1) with the buurt's deprivation.
const CATALOGUE: [string, string, string, Domain | 'context', Direction, number, number, number][] = [
	['inwoners', 'Inwoners', 'aantal', 'context', 'context', 1500, 900, 0],
	['huishoudens', 'Huishoudens', 'aantal', 'context', 'context', 700, 400, 0],
	['p_65plus', 'Inwoners 65 jaar en ouder', '%', 'context', 'context', 20, 6, 0],
	['p_laag_inkomen', 'Huishoudens met laag inkomen', '%', 'sociaal', 'hoger_is_urgenter', 9, 4, 1],
	['p_bijstand', 'Personen met bijstandsuitkering (per 100 inw 18+)', '%', 'sociaal', 'hoger_is_urgenter', 4, 2.5, 1],
	['p_eenzaam', 'Volwassenen ernstig eenzaam', '%', 'sociaal', 'hoger_is_urgenter', 12, 3, 1],
	['cohesie', 'Sociale cohesie (schaalscore)', 'score 0-10', 'sociaal', 'lager_is_urgenter', 6.2, 0.6, -1],
	['p_overgewicht', 'Volwassenen met overgewicht', '%', 'gezondheid', 'hoger_is_urgenter', 50, 6, 1],
	['p_gezond', 'Ervaren gezondheid goed of zeer goed', '%', 'gezondheid', 'lager_is_urgenter', 77, 6, -1],
	['p_overlast', 'Ervaart veel overlast in de buurt', '%', 'veiligheid', 'hoger_is_urgenter', 10, 4, 1],
	['p_onveilig', 'Voelt zich weleens onveilig in de buurt', '%', 'veiligheid', 'hoger_is_urgenter', 30, 8, 1],
	['misdrijven', 'Geregistreerde misdrijven per 1.000 inwoners', 'per 1.000', 'veiligheid', 'hoger_is_urgenter', 45, 20, 1],
	['p_corporatie', 'Woningen in bezit van woningcorporatie', '%', 'wonen', 'context', 25, 15, 1],
	['woz', 'Gemiddelde WOZ-waarde woningen', 'x 1.000 euro', 'wonen', 'lager_is_urgenter', 330, 90, -1],
	['tevredenheid', 'Tevredenheid woonomgeving (rapportcijfer)', 'cijfer 1-10', 'wonen', 'lager_is_urgenter', 7.6, 0.5, -1],
	['p_label_efg', 'Woningen met energielabel E, F of G', '%', 'duurzaamheid', 'hoger_is_urgenter', 22, 9, 1],
	['p_energiearmoede', 'Huishoudens in energiearmoede', '%', 'duurzaamheid', 'hoger_is_urgenter', 7, 3, 1]
];

const INDICATORS: Indicator[] = CATALOGUE.map(([code, name, unit, domain, direction]) => ({
	code,
	name,
	unit,
	domain,
	direction,
	source: 'Benchmark (synthetisch)',
	synthetic: true,
	weighting: unit === 'aantal' ? 'som' : 'inwoners'
}));

function generate(): Map<number, UrgencyArea[]> {
	const random = mulberry32(20240201);
	// Box–Muller: a standard normal from two uniforms.
	const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
	const deprivation = Array.from({ length: BUURTEN }, normal);
	const small = Array.from({ length: BUURTEN }, () => random() < 0.03);
	const byYear = new Map<number, UrgencyArea[]>();
	YEARS.forEach((year, y) => {
		byYear.set(
			year,
			deprivation.map((latent, b) => {
				const values: Record<string, number | null> = {};
				for (const [code, , unit, , , mean, sd, sign] of CATALOGUE) {
					if (random() < 0.02) {
						values[code] = null; // a missing value now and then
						continue;
					}
					const value = mean + sd * (0.7 * sign * latent + 0.7 * normal()) + 0.02 * sd * y;
					values[code] = unit === 'aantal' ? Math.max(0, Math.round(value)) : Math.max(0, Math.round(value * 10) / 10);
				}
				if (small[b]) values.inwoners = 20 + Math.floor(random() * 29);
				return { code: `BU${String(b).padStart(8, '0')}`, name: `Buurt ${b}`, suppressed: small[b], values };
			})
		);
	});
	return byYear;
}

function inputFor(areas: UrgencyArea[]): UrgencyInput {
	const reference: Record<string, number[]> = {};
	const gemeente: Record<string, number | null> = {};
	for (const { code } of INDICATORS) {
		const values = areas.filter((a) => !a.suppressed).flatMap((a) => (a.values[code] === null ? [] : [a.values[code]!]));
		reference[code] = values;
		gemeente[code] = values.reduce((sum, v) => sum + v, 0) / values.length;
	}
	return { indicators: INDICATORS, reference, gemeente, areas };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Median wall time and median CPU time (user + system, this process) in ms of `runs` runs, after one warm-up
 * run. On a shared machine the CPU time is the steadier figure.
 */
function time(run: () => unknown, runs = RUNS): { wall: number; cpu: number } {
	run();
	const wall: number[] = [];
	const cpu: number[] = [];
	for (let i = 0; i < runs; i++) {
		const cpuStart = process.cpuUsage();
		const start = performance.now();
		run();
		wall.push(performance.now() - start);
		const used = process.cpuUsage(cpuStart);
		cpu.push((used.user + used.system) / 1000);
	}
	return { wall: median(wall), cpu: median(cpu) };
}

const format = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1).padStart(9)} ms`;

const generationStart = performance.now();
const data = generate();
const national = YEARS.map((year) => inputFor(data.get(year)!));
const gemeente = inputFor(data.get(2024)!.slice(0, GEMEENTE_BUURTEN));
console.log(
	`Synthetic data: ${BUURTEN.toLocaleString('en')} buurten × ${INDICATORS.length} indicators × ${YEARS.length} years ` +
		`(generated in ${(performance.now() - generationStart).toFixed(0)} ms). Median of ${RUNS} runs (3 for all years) after a warm-up.\n`
);

const rows: [string, { wall: number; cpu: number }][] = [];
function bench(label: string, input: UrgencyInput | UrgencyInput[], options: UrgencyOptions, runs = RUNS) {
	const inputs = Array.isArray(input) ? input : [input];
	const measured = time(() => inputs.forEach((i) => rankUrgency(i, options)), runs);
	rows.push([label, measured]);
	return measured;
}

bench(`gemeente, ${GEMEENTE_BUURTEN} buurten, 500 draws`, gemeente, { draws: 500 });
bench('national, 15,000 buurten, 1 year, 300 draws', national[4], { draws: 300 });
bench('national, 15,000 buurten, 1 year, 500 draws', national[4], { draws: 500 });
bench('national, 15,000 buurten, all 5 years, 500 draws each', national, { draws: 500 }, 3);
bench('national, 1 year, 500 draws, only the top 3 drivers per area', national[4], { draws: 500, drivers: 3 });
bench('national, 1 year, 0 draws (score and all drivers only)', national[4], { draws: 0 });
// The cost of the draws alone: the same ranking without drivers, with and without draws.
const gemeenteBase = bench('gemeente, 0 draws, no drivers', gemeente, { draws: 0, drivers: 0 });
const gemeenteDraws = bench('gemeente, 500 draws, no drivers', gemeente, { draws: 500, drivers: 0 });
const nationalBase = bench('national, 1 year, 0 draws, no drivers', national[4], { draws: 0, drivers: 0 });
const nationalDraws = bench('national, 1 year, 500 draws, no drivers', national[4], { draws: 500, drivers: 0 });

console.log(`${''.padEnd(62)} ${'wall'.padStart(12)} ${'cpu'.padStart(12)}`);
for (const [label, { wall, cpu }] of rows) console.log(`${label.padEnd(62)} ${format(wall)} ${format(cpu)}`);
console.log('');
const perDraw = (withDraws: { cpu: number; wall: number }, base: { cpu: number; wall: number }) =>
	`${((withDraws.wall - base.wall) / 500).toFixed(4)} ms wall, ${((withDraws.cpu - base.cpu) / 500).toFixed(4)} ms cpu`;
console.log(`per draw, gemeente (${GEMEENTE_BUURTEN} buurten):    ${perDraw(gemeenteDraws, gemeenteBase)}`);
console.log(`per draw, national (15,000 buurten):  ${perDraw(nationalDraws, nationalBase)}`);

// For comparison: the exact natural breaks of one indicator over all buurten (the map's costliest classification).
const woz = national[4].reference.woz;
const jenks = time(() => classify(woz, 'natuurlijke-grenzen', 7));
console.log(`\nclassify natuurlijke-grenzen, 7 classes, ${woz.length.toLocaleString('en')} values: ${format(jenks.wall)} wall ${format(jenks.cpu)} cpu`);
