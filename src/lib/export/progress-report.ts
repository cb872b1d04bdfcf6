// The voortgangsrapportage of a programme as A4 pages (real text, vector charts), through the export machinery the
// area card uses (Flow, the card's header and footer, pdf.ts): the succesindicatoren with their nulmeting, per
// indicator the reading, the estimate with its placebo rank, target progress, spillover and the trend as a chart and
// a table; the comparison group and its balance; phases, budget and investments; sources, demodata label and the
// link back to the live view.
import { CAUTION, COMPARISON_SIZE, type EffectReport } from '../domain/effect';
import { CHART_COLOURS, chartGeometry } from '../domain/effect-chart';
import { formatNumber, formatSigned, formatValue } from '../domain/format';
import { PHASE_LABELS, PROGRAMME_KIND_LABELS, PROGRAMME_STATUS_LABELS } from '../domain/register';
import { SYNTHETIC_LABEL } from '../domain/monitor';
import { cardChrome, formatEuro, formatPeriod } from './card';
import { Flow } from './flow';
import { INK, INK_SOFT, PAGE_FORMATS, RULE, pageUnits, type DrawOp, type PageLayout } from './layout';
import type { ExportMeta } from './meta';
import type { Measure } from './text';

const MARGIN = 42;
const SIZE = { h1: 18, h2: 14, h3: 11.5, body: 10, small: 8.8, table: 8.8 };

export interface ReportOptions {
	/** The live view's absolute URL. */
	link: string;
	/** ISO moment of the export. */
	generatedAt: string;
}

export function reportMeta(report: EffectReport, options: ReportOptions): ExportMeta {
	const years = report.indicators.flatMap((i) => i.series.map((p) => p.year));
	return {
		title: `Voortgangsrapportage ${report.programme.name}`,
		source: report.sources.join('; '),
		peiljaar: years.length ? Math.max(...years) : null,
		generatedAt: options.generatedAt,
		synthetic: report.synthetic,
		link: options.link
	};
}

export function layoutProgressReport(report: EffectReport, options: ReportOptions, measure: Measure): PageLayout[] {
	const format = PAGE_FORMATS['a4-staand'];
	const { width: W, height: H } = pageUnits(format);
	const meta = reportMeta(report, options);
	const headerHeight = meta.synthetic ? 66 : 44;
	const footerHeight = 5 * 9.5 * 1.3 + 10;
	const flow = new Flow({ x: MARGIN, top: MARGIN + headerHeight, bottom: H - MARGIN - footerHeight, width: W - 2 * MARGIN }, measure);
	const p = report.programme;
	const fmt = (v: number | null | undefined, unit: string) => formatValue(v ?? null, unit);

	flow.heading(p.name, SIZE.h1, 40);
	flow.text(
		`${PROGRAMME_KIND_LABELS[p.kind]} · fase ${PHASE_LABELS[p.phase as keyof typeof PHASE_LABELS] ?? p.phase} · ${PROGRAMME_STATUS_LABELS[p.status]} · ${formatPeriod(p.startDate, p.endDate)}`,
		{ size: SIZE.body }
	);
	flow.text(`Gebied: ${p.buurten.length ? p.buurten.map((b) => `${b.name} (${b.code})`).join(', ') : 'nog niet ingetekend'}`, { size: SIZE.body });
	flow.space(4);
	flow.text(
		`Vergeleken met ${COMPARISON_SIZE} buurten die vóór de start het meest op het gebied leken (gekozen indicatoren en inwoners), zonder buurten met een eigen programma en zonder de aangrenzende buurten (spillover-ring). ${CAUTION}`,
		{ size: SIZE.small, colour: INK_SOFT }
	);

	flow.heading('Succesindicatoren', SIZE.h2, 40);
	if (report.indicators.length === 0) flow.text('Er zijn nog geen succesindicatoren gekozen.', { size: SIZE.body });
	for (const i of report.indicators) {
		flow.text(
			`${i.name}: ${i.richting === 'omlaag' ? 'moet dalen' : 'moet stijgen'}${i.target ? `, doel ${fmt(i.target.value, i.unit)}${i.target.year ? ` in ${i.target.year}` : ''}` : ''} — ${i.baseline ? `${i.baseline.label}: ${fmt(i.baseline.value, i.unit)}` : 'nog geen nulmeting'}. Gekozen door ${i.chosenBy}.`,
			{ size: SIZE.body }
		);
	}

	for (const i of report.indicators) {
		flow.heading(i.name, SIZE.h2, 200);
		if (i.synthetic) flow.text(SYNTHETIC_LABEL, { size: SIZE.body, weight: 'bold' });
		flow.text(i.reading, { size: SIZE.h3 });
		flow.space(3);
		const facts = [
			`Laatste meting: ${i.latest ? `${fmt(i.latest.value, i.unit)} (${i.latest.year})` : `nog geen meting na de start${i.next ? `; volgende verwacht in ${i.next.year}` : ''}`}.`,
			i.did
				? `Verschil in verandering: ${formatSigned(i.did.estimate)} (gebied ${formatSigned(i.did.areaChange)}, vergelijkbare buurten gemiddeld ${formatSigned(i.did.groupChange)}); placeborang ${i.did.placebo.rank} van ${i.did.placebo.n + 1}.`
				: null,
			i.target && i.target.progress !== null ? `Doel: ${formatNumber(i.target.progress * 100, 0)} % van de weg vanaf de nulmeting afgelegd.` : null,
			i.spillover.change !== null
				? `Aangrenzende buurten: ${formatSigned(i.spillover.change)}${i.spillover.comparedWithGroup !== null ? ` (${formatSigned(i.spillover.comparedWithGroup)} ten opzichte van de vergelijkbare buurten)` : ''}.`
				: null,
			i.comparison.missing.length ? `Zonder meting in een van beide jaren, niet meegeteld: ${i.comparison.missing.join(', ')}.` : null,
			`Bron: ${i.source}.`
		].filter((s): s is string => s !== null);
		for (const f of facts) flow.text(f, { size: SIZE.small });
		// The chart: drawn into the flow as a block of its own.
		const chartHeight = 150;
		flow.ensure(chartHeight + 10);
		flow.space(4);
		flow.ops.push(...chartOps(report, i, { x: flow.box.x, y: flow.y, w: flow.box.width, h: chartHeight }, measure));
		flow.y += chartHeight + 4;
		flow.table({
			size: SIZE.table,
			columns: [
				{ header: 'Jaar', width: 0.16 },
				{ header: 'Gebied', width: 0.16, align: 'right' },
				{ header: 'Vergelijkbaar (gem.)', width: 0.18, align: 'right' },
				{ header: 'Laagste–hoogste', width: 0.2, align: 'right' },
				{ header: 'Gemeente', width: 0.15, align: 'right' },
				{ header: 'Aangrenzend', width: 0.15, align: 'right' }
			],
			rows: i.series.map((s) => ({
				cells: [
					`${s.year}${s.year === i.baseline?.year ? ' (nulmeting)' : ''}`,
					fmt(s.area, i.unit),
					fmt(s.comparisonMean, i.unit),
					s.comparisonMin === null ? '–' : `${fmt(s.comparisonMin, i.unit)} – ${fmt(s.comparisonMax, i.unit)}`,
					fmt(s.gemeente, i.unit),
					fmt(s.ring, i.unit)
				]
			}))
		});
	}

	flow.heading('Vergelijkingsgroep', SIZE.h2, 60);
	flow.table({
		size: SIZE.table,
		columns: [
			{ header: 'Buurt', width: 0.4 },
			{ header: 'Gemeente', width: 0.14 },
			{ header: 'Afstand', width: 0.12, align: 'right' },
			{ header: 'Gekozen', width: 0.34 }
		],
		rows: report.comparison.buurten.map((b) => ({
			cells: [`${b.name} (${b.code})`, b.gemeentecode, b.distance === null ? '–' : formatNumber(b.distance, 2), b.how === 'match' ? 'gelijkend' : `toegevoegd: ${b.reason ?? ''}`]
		}))
	});
	const left = report.comparison.changes.filter((c) => c.change === 'weglaten');
	if (left.length) flow.text(`Weggelaten door een redacteur: ${left.map((c) => `${c.buurtcode} (${c.reden})`).join('; ')}.`, { size: SIZE.small });
	flow.text(`Spillover-ring (aangrenzend, niet vergelijkbaar): ${report.ring.map((b) => b.name).join(', ') || '–'}.`, { size: SIZE.small });
	flow.space(6);
	flow.table({
		caption: 'Evenwicht vóór de start',
		size: SIZE.table,
		columns: [
			{ header: 'Kenmerk', width: 0.3 },
			{ header: 'Jaar', width: 0.1 },
			{ header: 'Gebied', width: 0.15, align: 'right' },
			{ header: 'Vergelijkbaar', width: 0.17, align: 'right' },
			{ header: 'Gemeente', width: 0.15, align: 'right' },
			{ header: 'Verschil (sd)', width: 0.13, align: 'right' }
		],
		rows: report.comparison.balance.map((b) => ({
			cells: [b.name, String(b.year), fmt(b.area, b.unit), fmt(b.comparison, b.unit), fmt(b.gemeente, b.unit), b.standardisedDifference === null ? '–' : formatSigned(b.standardisedDifference)]
		}))
	});

	flow.heading('Fasen, begroting en investeringen', SIZE.h2, 60);
	for (const ph of report.phases) flow.text(`Fase ${PHASE_LABELS[ph.phase as keyof typeof PHASE_LABELS] ?? ph.phase} vastgelegd ${ph.at.slice(0, 10)}`, { size: SIZE.small });
	for (const line of p.budgetLines) flow.text(`Begroting ${line.year}: ${line.label}, ${formatEuro(line.amount)}`, { size: SIZE.small });
	if (report.investments.length) {
		flow.table({
			size: SIZE.table,
			columns: [
				{ header: 'Project', width: 0.36 },
				{ header: 'Partner', width: 0.2 },
				{ header: 'Periode', width: 0.28 },
				{ header: 'Bedrag', width: 0.16, align: 'right' }
			],
			rows: report.investments.map((inv) => ({
				cells: [`${inv.projectName}${inv.synthetic ? ' (demodata)' : ''}`, inv.partner, formatPeriod(inv.startDate, inv.endDate), formatEuro(inv.amountEur)]
			}))
		});
	} else {
		flow.text('Geen investeringen in het gebied geregistreerd.', { size: SIZE.small });
	}

	const total = flow.pages.length;
	return flow.pages.map((ops, index) => ({
		format,
		width: W,
		height: H,
		ops: [...cardChrome(meta, index + 1, total, W, H, measure), ...ops],
		map: { x: 0, y: 0, w: 0, h: 0 },
		qr: { x: 0, y: 0, w: 0, h: 0 },
		legend: null
	}));
}

/** The trend chart of one indicator as display-list ops (the page's EffectChart, for paper). */
function chartOps(report: EffectReport, indicator: EffectReport['indicators'][number], box: { x: number; y: number; w: number; h: number }, measure: Measure): DrawOp[] {
	void measure;
	const investments = report.investments.map((i) => ({ startDate: i.startDate, endDate: i.endDate, label: i.projectName }));
	const g = chartGeometry(
		{
			series: indicator.series,
			startDate: report.programme.startDate,
			baselineYear: indicator.baseline?.year ?? null,
			investments,
			phases: report.phases.map((p) => ({ at: p.at, label: PHASE_LABELS[p.phase as keyof typeof PHASE_LABELS] ?? p.phase }))
		},
		{ width: box.w, height: box.h, left: 52, right: 8, top: 6, bottom: 34 }
	);
	const at = ([x, y]: [number, number]): [number, number] => [box.x + x, box.y + y];
	const ops: DrawOp[] = [];
	for (const t of g.yTicks) {
		ops.push({ op: 'rect', x: box.x + 52, y: box.y + g.y(t), w: box.w - 60, h: 0.4, fill: RULE });
		ops.push({ op: 'text', x: box.x + 48, y: box.y + g.y(t) + 3, text: formatValue(t, indicator.unit), weight: 'regular', size: 7.5, colour: INK_SOFT, align: 'right' });
	}
	for (const t of g.xTicks) ops.push({ op: 'text', x: box.x + g.x(t) - 9, y: box.y + box.h - 24, text: String(t), weight: 'regular', size: 7.5, colour: INK_SOFT });
	if (g.band.length) ops.push({ op: 'polygon', points: g.band.map(at), fill: 'rgba(253,184,99,0.35)' });
	const lines: [keyof typeof g.lines, string, number][] = [
		['gemeente', CHART_COLOURS.gemeente, 0.9],
		['ring', CHART_COLOURS.ring, 0.9],
		['comparisonMean', CHART_COLOURS.comparisonMean, 1.3],
		['area', CHART_COLOURS.area, 2]
	];
	for (const [key, colour, width] of lines) for (const part of g.lines[key]) if (part.length > 1) ops.push({ op: 'polyline', points: part.map(at), colour, lineWidth: width });
	if (g.baseline) {
		ops.push({ op: 'rect', x: box.x + g.baseline.x - 3, y: box.y + g.baseline.y - 3, w: 6, h: 6, stroke: CHART_COLOURS.area, lineWidth: 1.2 });
		ops.push({ op: 'text', x: box.x + g.baseline.x + 5, y: box.y + g.baseline.y - 5, text: 'nulmeting', weight: 'regular', size: 7.5, colour: INK });
	}
	if (g.start !== null) {
		ops.push({ op: 'rect', x: box.x + g.start - 0.5, y: box.y + 6, w: 1, h: box.h - 40, fill: CHART_COLOURS.start });
		ops.push({ op: 'text', x: box.x + g.start + 3, y: box.y + 14, text: 'start', weight: 'regular', size: 7.5, colour: CHART_COLOURS.start });
	}
	g.phases.forEach((phase, k) => {
		ops.push({ op: 'polygon', points: [[box.x + phase.x, box.y + 8], [box.x + phase.x - 3, box.y + 3], [box.x + phase.x + 3, box.y + 3]], fill: CHART_COLOURS.phase });
		ops.push({ op: 'text', x: box.x + phase.x + 4, y: box.y + 16 + (k % 3) * 8, text: phase.label, weight: 'regular', size: 7, colour: INK_SOFT });
	});
	g.investments.forEach((inv, k) => ops.push({ op: 'rect', x: box.x + inv.x0, y: box.y + box.h - 16 + (k % 3) * 4, w: Math.max(1.5, inv.x1 - inv.x0), h: 3, fill: CHART_COLOURS.investment }));
	// The key, in the colours of the lines.
	const keys: [string, string][] = [
		['gebied', CHART_COLOURS.area],
		['vergelijkbaar (gem.)', CHART_COLOURS.comparisonMean],
		['gemeente', CHART_COLOURS.gemeente],
		['aangrenzend', CHART_COLOURS.ring],
		['investeringen', CHART_COLOURS.investment]
	];
	let x = box.x + 52;
	for (const [label, colour] of keys) {
		ops.push({ op: 'rect', x, y: box.y + box.h - 5, w: 10, h: 2.5, fill: colour });
		ops.push({ op: 'text', x: x + 13, y: box.y + box.h - 2, text: label, weight: 'regular', size: 7.5, colour: INK });
		x += 13 + measure(label, 'regular', 7.5) + 12;
	}
	return ops;
}
