// The area card as PDF pages after its map page: urgency (score, rank, domains, stapeling, what drives it),
// the programmes and partner investments that touch the area (with their contacts), and the indicators
// against the gemeente with their trend. What AreaCard.svelte shows on screen, laid out for paper.
import { LEVEL_LABELS } from '../domain/areas';
import { DOMAINS, DOMAIN_LABELS } from '../domain/monitor';
import { formatDutchNumber, formatNumber, formatValue } from '../domain/format';
import {
	DEFAULT_DRAWS,
	DEFAULT_TOP_N,
	STAPELING_EXPLANATION,
	STAPELING_THRESHOLD,
	robustnessExplanation
} from '../domain/urgency';
import {
	INVESTMENT_STATUS_LABELS,
	PHASE_LABELS,
	PROGRAMME_KIND_LABELS,
	PROGRAMME_STATUS_LABELS,
	THEME_LABELS,
	type Investment,
	type Programme
} from '../domain/register';
import type { AreaProfile } from '../server/monitor';
import { ACCENT, BADGE, INK, INK_SOFT, PAGE_FORMATS, RULE, pageUnits, type DrawOp, type PageLayout } from './layout';
import { SYNTHETIC_LABEL, attributionText, peildatumText, sourceText, type ExportMeta } from './meta';
import { Flow } from './flow';
import { wrapText, type Measure } from './text';

export interface CardContent {
	profile: AreaProfile;
	/** Programmes and investments touching the area. */
	programmes: Programme[];
	investments: Investment[];
	/** What the map page says too: title, link, source, peildatum, synthetic. */
	meta: ExportMeta;
}

const MARGIN = 42;
const SIZE = { h2: 16, h3: 12.5, body: 10.5, small: 9.5, table: 9.8 };

const shortDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function formatDate(iso: string | null): string | null {
	if (!iso) return null;
	const [y, m, d] = iso.split('-').map(Number);
	return shortDate.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "1 feb 2024 – 31 dec 2026", "vanaf 1 feb 2024", "periode onbekend". */
export function formatPeriod(start: string | null, end: string | null): string {
	const from = formatDate(start);
	const to = formatDate(end);
	if (from && to) return `${from} – ${to}`;
	if (from) return `vanaf ${from}`;
	if (to) return `tot ${to}`;
	return 'periode onbekend';
}

export function formatEuro(amount: number | null): string {
	return amount === null ? '–' : `€ ${formatDutchNumber(Math.round(amount), 0)}`;
}

/**
 * The content pages of the card, each a display list on A4 portrait; `pagesBefore` pages (the map) come
 * first, for the page numbers. Urgency, programmes and investments flow on from one page; the indicators
 * start a page of their own.
 */
export function layoutCardPages(content: CardContent, measure: Measure, pagesBefore = 1): PageLayout[] {
	const format = PAGE_FORMATS['a4-staand'];
	const { width: W, height: H } = pageUnits(format);
	const headerHeight = content.meta.synthetic ? 66 : 44;
	const footerHeight = 5 * SIZE.small * 1.3 + 10;
	const flow = new Flow({ x: MARGIN, top: MARGIN + headerHeight, bottom: H - MARGIN - footerHeight, width: W - 2 * MARGIN }, measure);
	const { profile } = content;
	const urgency = profile.urgency;
	const levelName = LEVEL_LABELS[profile.level].one;

	// Urgency first: it is why the area is on the table.
	if (urgency) {
		flow.heading(`Urgentie ${profile.year}`, SIZE.h2, 60);
		flow.text(
			urgency.rank !== null
				? `Rang ${urgency.rank} van ${urgency.of} ${LEVEL_LABELS[profile.level].many} in ${profile.gemeente.name} · urgentiescore ${formatNumber(urgency.score ?? 0, 2)}`
				: 'Geen urgentiescore (te weinig gegevens of te weinig inwoners).',
			{ size: SIZE.h3, weight: 'bold' }
		);
		flow.space(4);
		flow.text(`Stapeling: ${urgency.stapeling ?? '–'} van ${DOMAINS.length} domeinen met een score van ${formatNumber(STAPELING_THRESHOLD)} of hoger.`, { size: SIZE.body });
		flow.text(STAPELING_EXPLANATION, { size: SIZE.small, colour: INK_SOFT });
		if (urgency.topNShare !== null) {
			flow.space(4);
			flow.text(`Robuustheid: in ${Math.round(urgency.topNShare * 100)} % van de trekkingen in de top ${DEFAULT_TOP_N}.`, { size: SIZE.body });
			flow.text(robustnessExplanation(DEFAULT_TOP_N, DEFAULT_DRAWS), { size: SIZE.small, colour: INK_SOFT });
		}
		flow.space(4);
		flow.text(`Gewichten: ${DOMAINS.map((d) => `${DOMAIN_LABELS[d].toLowerCase()} ${formatNumber(urgency.weights[d])}`).join(', ')}.`, { size: SIZE.small, colour: INK_SOFT });

		flow.space(8);
		const domainMax = Math.max(1.5, ...DOMAINS.map((d) => Math.abs(urgency.domains[d] ?? 0)));
		flow.table({
			caption: 'Domeinscores (0 = gemiddelde buurt, hoger = urgenter)',
			size: SIZE.table,
			columns: [
				{ header: 'Domein', width: 0.22 },
				{ header: 'naar rechts: ongunstiger dan gemiddeld', width: 0.6, align: 'right' },
				{ header: 'Score', width: 0.18, align: 'right' }
			],
			rows: DOMAINS.map((d) => {
				const score = urgency.domains[d];
				return {
					cells: [DOMAIN_LABELS[d], '', score === null ? '–' : formatNumber(score, 2)],
					draw: [null, (cell) => domainBar(cell, score, domainMax), null]
				};
			})
		});

		if (urgency.drivers.length) {
			flow.heading('Wat de score bepaalt', SIZE.h3, 40);
			urgency.drivers.forEach((driver, i) => {
				flow.text(`${i + 1}. ${driver.explanation} (z ${formatNumber(driver.z, 2)})`, { size: SIZE.body, indent: 0 });
			});
		}
	} else {
		flow.heading(`Urgentie ${profile.year}`, SIZE.h2, 40);
		flow.text(
			profile.level === 'gemeente'
				? 'Een gemeente krijgt geen urgentiescore: de scores vergelijken de gebieden binnen de gemeente.'
				: 'Geen urgentiescore voor dit gebied.',
			{ size: SIZE.body }
		);
	}

	// What already runs here: programmes (with who to ask) and partner investments.
	flow.heading(`Programma's in ${profile.name}`, SIZE.h2, 40);
	if (content.programmes.length === 0) {
		flow.text(`Geen programma's bekend die deze ${levelName} raken.`, { size: SIZE.body, colour: INK_SOFT });
	}
	for (const p of content.programmes) {
		flow.space(4);
		flow.text(`${p.name}${p.synthetic ? ` (${SYNTHETIC_LABEL})` : ''}`, { size: SIZE.h3 - 1, weight: 'bold', keepWithNext: 30 });
		flow.text(
			[PROGRAMME_KIND_LABELS[p.kind], `fase ${PHASE_LABELS[p.phase as keyof typeof PHASE_LABELS] ?? p.phase}`, PROGRAMME_STATUS_LABELS[p.status], formatPeriod(p.startDate, p.endDate)].join(' · '),
			{ size: SIZE.body }
		);
		if (p.themes.length) flow.text(`Thema's: ${p.themes.map((t) => THEME_LABELS[t]).join(', ')}`, { size: SIZE.body });
		const contacts = [
			p.bestuurlijkOpdrachtgever && `bestuurlijk opdrachtgever ${p.bestuurlijkOpdrachtgever}`,
			p.ambtelijkOpdrachtgever && `ambtelijk opdrachtgever ${p.ambtelijkOpdrachtgever}`,
			p.programmeManager && `programmamanager ${p.programmeManager}`
		].filter(Boolean);
		if (contacts.length) flow.text(`Contact: ${contacts.join('; ')}`, { size: SIZE.body });
		if (p.budgetLines.length) {
			const total = p.budgetLines.reduce((sum, b) => sum + b.amount, 0);
			flow.text(`Budget: ${formatEuro(total)} (${p.budgetLines.map((b) => `${b.year} ${b.label} ${formatEuro(b.amount)}`).join('; ')})`, { size: SIZE.body });
		}
		if (p.notes.trim()) flow.text(p.notes.trim(), { size: SIZE.small, colour: INK_SOFT });
	}

	flow.heading(`Investeringen van partners en gemeente in ${profile.name}`, SIZE.h2, 60);
	if (content.investments.length === 0) {
		flow.text(`Geen investeringen bekend die deze ${levelName} raken.`, { size: SIZE.body, colour: INK_SOFT });
	} else {
		const total = content.investments.reduce((sum, i) => sum + (i.amountEur ?? 0), 0);
		const dwellings = content.investments.reduce((sum, i) => sum + (i.dwellings ?? 0), 0);
		flow.text(
			`${content.investments.length} ${content.investments.length === 1 ? 'investering' : 'investeringen'}, samen ${formatEuro(total)}${dwellings ? ` en ${formatDutchNumber(dwellings, 0)} woningen` : ''}${content.investments.some((i) => i.synthetic) ? ` · ${SYNTHETIC_LABEL}` : ''}.`,
			{ size: SIZE.body }
		);
		flow.space(4);
		flow.table({
			size: SIZE.table,
			columns: [
				{ header: 'Partner', width: 0.13 },
				{ header: 'Project', width: 0.22 },
				{ header: 'Maatregel', width: 0.18 },
				{ header: 'Periode', width: 0.15 },
				{ header: 'Woningen', width: 0.08, align: 'right' },
				{ header: 'Bedrag', width: 0.11, align: 'right' },
				{ header: 'Status', width: 0.13 }
			],
			rows: content.investments.map((i) => ({
				cells: [
					i.partner,
					i.projectName,
					i.measure,
					formatPeriod(i.startDate, i.endDate),
					i.dwellings === null ? '–' : formatDutchNumber(i.dwellings, 0),
					formatEuro(i.amountEur),
					INVESTMENT_STATUS_LABELS[i.status]
				]
			}))
		});
	}

	// Wijkbudgetten next to the programmes and investments (is the residents' money where the need is?), in a few
	// lines so that a buurt's register stays on one page.
	if (profile.wijkbudget && profile.wijkbudget.years.length) {
		const budget = profile.wijkbudget;
		const closed = budget.years.filter((y) => y.besteedAandeel !== null).at(-1);
		flow.heading('Wijkbudgetten (bewonersbudgetten)', SIZE.h3, 30);
		flow.text(
			budget.years
				.map((y) => `${y.jaar}: ${formatEuro(y.toegekendEur)}${y.besteedAandeel === null ? ' (loopt nog)' : ` (${formatDutchNumber(Math.round(y.besteedAandeel * 100), 0)} % besteed${y.onderbesteed ? ', onderbesteed' : ''})`}`)
				.join(' · ') +
				(closed?.perInwoner != null ? `. ${closed.jaar}: € ${formatNumber(closed.perInwoner, 2)} per inwoner` : '') +
				`${budget.trend ? `; trend ${budget.trend}` : ''}. Van ${budget.basis}.${budget.synthetic ? ` ${SYNTHETIC_LABEL}.` : ''}`,
			{ size: SIZE.small }
		);
	}

	// The indicators on a page of their own: the table a wijkanalyse copies from.
	flow.newPage();
	const compare = profile.level !== 'gemeente';
	const firstYear = profile.years[0];
	const lastYear = profile.years.at(-1);
	flow.heading(`Indicatoren ${profile.year}`, SIZE.h2, 60);
	flow.text(
		compare
			? `${profile.name} tegenover de gemeente ${profile.gemeente.name}, met het verloop ${firstYear}–${lastYear}.`
			: `${profile.name}, met het verloop ${firstYear}–${lastYear}.`,
		{ size: SIZE.body }
	);
	if (profile.suppressed) flow.text('Te weinig inwoners (minder dan 50): er worden geen waarden getoond.', { size: SIZE.body, weight: 'bold' });
	flow.space(6);
	// Of a StatLine topic (RIVM: 35 topics × 3 age groups) the page holds those that count in the urgency
	// score; the map, the card on screen and the API have them all.
	const printed = profile.indicators.filter((i) => !i.topic || i.scored);
	const groups = (['context', ...DOMAINS] as const)
		.map((domain) => ({ domain, indicators: printed.filter((i) => i.domain === domain) }))
		.filter((g) => g.indicators.length);
	const columns = compare
		? [
				{ header: 'Indicator', width: 0.46 },
				{ header: profile.name, width: 0.17, align: 'right' as const },
				{ header: profile.gemeente.name, width: 0.17, align: 'right' as const },
				{ header: `Verloop ${firstYear}–${lastYear}`, width: 0.2 }
			]
		: [
				{ header: 'Indicator', width: 0.6 },
				{ header: profile.name, width: 0.2, align: 'right' as const },
				{ header: `Verloop ${firstYear}–${lastYear}`, width: 0.2 }
			];
	flow.table({
		size: SIZE.table,
		columns,
		rows: groups.flatMap((g) => [
			{ cells: [DOMAIN_LABELS[g.domain], ...columns.slice(1).map(() => '')], group: true },
			...g.indicators.map((i) => {
				const value = i.suppressed ? 'te weinig inwoners' : formatValue(i.value, i.unit);
				const name = i.synthetic || i.valueYear === profile.year ? i.name : `${i.name} (${i.source})`;
				const cells = compare ? [name, value, formatValue(i.gemeente, i.unit), ''] : [name, value, ''];
				const draw = cells.map((_, c) => (c === cells.length - 1 && !i.suppressed ? (cell: { x: number; y: number; w: number; h: number }) => sparkline(cell, i.series) : null));
				return { cells, draw };
			})
		])
	});
	flow.space(8);
	if (printed.length < profile.indicators.length) {
		flow.text('Van de RIVM-onderwerpen staan hier de indicatoren die meetellen in de urgentiescore; alle onderwerpen en leeftijdsgroepen staan op de kaart.', { size: SIZE.small, colour: INK_SOFT });
	}
	if (profile.provenance?.note) flow.text(profile.provenance.note, { size: SIZE.small, colour: INK_SOFT });
	flow.text(sourceText(profile.source) || 'Bron gegevens: onbekend', { size: SIZE.small, colour: INK_SOFT });

	const total = flow.pages.length + pagesBefore;
	return flow.pages.map((ops, i) => ({
		format,
		width: W,
		height: H,
		ops: [...cardChrome(content.meta, pagesBefore + 1 + i, total, W, H, measure), ...ops],
		map: { x: 0, y: 0, w: 0, h: 0 },
		qr: { x: 0, y: 0, w: 0, h: 0 },
		legend: null
	}));
}

/** Header and footer of a card page (and of the voortgangsrapportage): what the card is, the demodata label, the small print, the page number. */
export function cardChrome(meta: ExportMeta, page: number, pages: number, W: number, H: number, measure: Measure): DrawOp[] {
	const ops: DrawOp[] = [{ op: 'rect', x: 0, y: 0, w: W, h: H, fill: '#ffffff' }];
	const titleSize = 12;
	ops.push({ op: 'text', x: MARGIN, y: MARGIN + titleSize, text: wrapText(meta.title, W - 2 * MARGIN - 120, measure, 'bold', titleSize, 1)[0], weight: 'bold', size: titleSize, colour: INK });
	ops.push({ op: 'text', x: W - MARGIN, y: MARGIN + titleSize, text: 'Wijkbeeld', weight: 'bold', size: titleSize, colour: ACCENT, align: 'right' });
	let y = MARGIN + titleSize + 8;
	if (meta.synthetic) {
		const size = 11;
		const width = measure(SYNTHETIC_LABEL, 'bold', size) + size * 1.1;
		ops.push({ op: 'rect', x: MARGIN, y, w: width, h: size * 1.9, fill: BADGE.fill, stroke: BADGE.border, lineWidth: 1.1 });
		ops.push({ op: 'text', x: MARGIN + size * 0.55, y: y + size * 1.3, text: SYNTHETIC_LABEL, weight: 'bold', size, colour: BADGE.text });
		y += size * 1.9 + 6;
	}
	ops.push({ op: 'rect', x: MARGIN, y, w: W - 2 * MARGIN, h: 0.75, fill: RULE });

	const small = SIZE.small;
	const lines = [
		sourceText(meta.source),
		peildatumText(meta),
		attributionText(meta),
		`Live: ${meta.link}`
	].filter(Boolean);
	const wrapped = lines.flatMap((l) => wrapText(l, W - 2 * MARGIN - 90, measure, 'regular', small, 2));
	const footerTop = H - MARGIN - wrapped.length * small * 1.3;
	ops.push({ op: 'rect', x: MARGIN, y: footerTop - 8, w: W - 2 * MARGIN, h: 0.75, fill: RULE });
	wrapped.forEach((line, i) => {
		ops.push({ op: 'text', x: MARGIN, y: footerTop + (i + 1) * small * 1.3 - small * 0.3, text: line, weight: 'regular', size: small, colour: INK_SOFT });
	});
	ops.push({ op: 'link', x: MARGIN, y: footerTop, w: W - 2 * MARGIN - 90, h: wrapped.length * small * 1.3, url: meta.link });
	ops.push({ op: 'text', x: W - MARGIN, y: H - MARGIN - small * 0.3, text: `pagina ${page} van ${pages}`, weight: 'regular', size: small, colour: INK_SOFT, align: 'right' });
	return ops;
}

/** A domain score as a bar from the middle (0): to the right is more urgent, orange from the stapeling threshold. */
function domainBar(cell: { x: number; y: number; w: number; h: number }, score: number | null, max: number): DrawOp[] {
	const middle = cell.x + cell.w / 2;
	const ops: DrawOp[] = [{ op: 'rect', x: middle - 0.4, y: cell.y, w: 0.8, h: cell.h, fill: INK_SOFT }];
	if (score === null) return ops;
	const length = (Math.abs(score) / max) * (cell.w / 2);
	const barHeight = cell.h * 0.7;
	ops.push({
		op: 'rect',
		x: score < 0 ? middle - length : middle,
		y: cell.y + (cell.h - barHeight) / 2,
		w: length,
		h: barHeight,
		fill: score >= STAPELING_THRESHOLD ? '#d95f0e' : '#9ab7d8'
	});
	return ops;
}

/** The trend of an indicator over the years: a line through the known values, a dot on the last one. */
function sparkline(cell: { x: number; y: number; w: number; h: number }, series: { year: number; value: number | null }[]): DrawOp[] {
	const known = series.filter((p): p is { year: number; value: number } => p.value !== null);
	if (known.length === 0 || series.length === 0) return [];
	const years = series.map((p) => p.year);
	const [minYear, maxYear] = [Math.min(...years), Math.max(...years)];
	const values = known.map((p) => p.value);
	const [low, high] = [Math.min(...values), Math.max(...values)];
	const x = (year: number) => cell.x + (maxYear === minYear ? cell.w / 2 : ((year - minYear) / (maxYear - minYear)) * cell.w);
	const y = (value: number) => cell.y + cell.h - (high === low ? cell.h / 2 : ((value - low) / (high - low)) * cell.h);
	// Through the known values, as the card on screen draws it (survey indicators exist only in even years).
	const ops: DrawOp[] = [];
	if (known.length > 1) ops.push({ op: 'polyline', points: known.map((p) => [x(p.year), y(p.value)]), colour: ACCENT, lineWidth: 1.1 });
	const last = known.at(-1)!;
	const r = 1.6;
	ops.push({ op: 'rect', x: x(last.year) - r, y: y(last.value) - r, w: 2 * r, h: 2 * r, fill: ACCENT });
	return ops;
}
