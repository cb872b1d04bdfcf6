// The words around a slide's map, built from what the page's own modules give (a choropleth, programmes,
// investments): the legend model, the text equivalent's rows, and the Dutch descriptions of overlay items.
// Pure, so that the snapshot builder, the player and the exports all say the same.
import type { Choropleth } from '../map/choropleth';
import { NO_DATA, SUPPRESSED } from '../domain/palettes';
import { formatNumber, formatValue } from '../domain/format';
import {
	INVESTMENT_STATUS_LABELS,
	MEASURE_CATEGORIES,
	MEASURE_CATEGORY_LABELS,
	PHASE_LABELS,
	PROGRAMME_KIND_LABELS,
	PROGRAMME_STATUS_LABELS,
	type InvestmentStatus,
	type MeasureCategory,
	type Phase,
	type ProgrammeKind,
	type ProgrammeStatus
} from '../domain/register';
import type { LegendEntry, LegendModel, SnapshotOverlayRow } from './snapshot';
import { PROGRAMME_COLOUR } from './slide-style';
import { SYMBOL_STYLE } from '../map/register-layers';

/** A class bound as the app's legend writes it: Dutch decimals, a real minus, a plus for differences. */
export function formatBound(value: number, signed: boolean): string {
	return signed && value > 0 ? `+${formatNumber(value)}` : formatNumber(value).replace('-', '−');
}

export interface LegendHeading {
	title: string;
	subtitle: string;
	method: string;
	unit: string;
	/** Differences and changes: bounds with a sign. */
	signed: boolean;
}

export interface OverlayCounts {
	/** Programmes drawn per kind; null when the slide has no programme layer. */
	programmes: Partial<Record<ProgrammeKind, number>> | null;
	investments: number | null;
	/** Investments drawn per measure category (their colour on the slide, as on the live map). */
	investmentCategories?: Partial<Record<MeasureCategory, number>>;
	/** What sizes the investment circles. */
	size: 'bedrag' | 'woningen';
}

/** How slide-style.ts dashes each programme kind. */
export const PROGRAMME_DASHES: Record<ProgrammeKind, 'solid' | 'dashed' | 'dotted'> = {
	wijkaanpak: 'solid',
	focusgebied: 'solid',
	gebiedsgerichte_aanpak: 'dashed',
	pilot: 'dotted'
};

export function overlayEntries(counts: OverlayCounts): LegendEntry[] {
	const entries: LegendEntry[] = [];
	if (counts.programmes !== null) {
		const kinds = (Object.keys(PROGRAMME_KIND_LABELS) as ProgrammeKind[]).filter((k) => (counts.programmes?.[k] ?? 0) > 0);
		for (const kind of kinds) {
			entries.push({ label: PROGRAMME_KIND_LABELS[kind], shape: 'outline', dash: PROGRAMME_DASHES[kind], colour: PROGRAMME_COLOUR, count: counts.programmes[kind]! });
		}
		if (kinds.length === 0) entries.push({ label: 'Programma’s (geen in deze periode)', shape: 'outline', dash: 'solid', colour: PROGRAMME_COLOUR, count: 0 });
	}
	if (counts.investments !== null) {
		const by = counts.size === 'woningen' ? 'aantal woningen' : 'bedrag';
		// A neutral circle for the sizing, then one colour per kind of measure.
		entries.push({ label: `Investering (grootte naar ${by})`, shape: 'circle', colour: '#ffffff', count: counts.investments });
		for (const category of MEASURE_CATEGORIES) {
			const count = counts.investmentCategories?.[category] ?? 0;
			if (count > 0) entries.push({ label: MEASURE_CATEGORY_LABELS[category], shape: 'circle', colour: SYMBOL_STYLE[category].fill, count });
		}
	}
	return entries;
}

/** The legend of a slide: the choropleth's classes (when it has one) and its overlays; null when there is neither. */
export function legendModel(choropleth: Choropleth | null, heading: LegendHeading | null, overlays: LegendEntry[]): LegendModel | null {
	if (!choropleth || !heading) {
		if (!overlays.length) return null;
		return { title: 'Op de kaart', subtitle: '', method: '', unit: '', classes: [], other: [], overlays };
	}
	const other: LegendEntry[] = [];
	if (choropleth.noData.count > 0) other.push({ label: NO_DATA.label, shape: 'fill', colour: NO_DATA.colour, count: choropleth.noData.count });
	if (choropleth.suppressed.count > 0) {
		// Shorter than the page's label: one line in the projector's legend.
		other.push({ label: 'Te weinig inwoners (< 50)', shape: 'hatched', colour: SUPPRESSED.background, count: choropleth.suppressed.count });
	}
	return {
		title: heading.title,
		subtitle: heading.subtitle,
		method: heading.method,
		unit: heading.unit,
		classes: choropleth.classes.map((c) => ({
			...c,
			label: `${formatBound(c.from, heading.signed)} – ${formatBound(c.to, heading.signed)}`
		})),
		other,
		overlays
	};
}

/** An area's value in the text equivalent. */
export function areaValueText(value: number | null, suppressed: boolean, unit: string): string {
	if (suppressed) return 'te weinig inwoners';
	if (value === null) return 'geen gegevens';
	return unit === 'standaardscore' ? formatNumber(value, 2).replace('-', '−') : formatValue(value, unit);
}

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "sep 2024" from an ISO date. */
export function monthYear(iso: string): string {
	const [year, month] = iso.split('-').map(Number);
	return `${MONTHS[month - 1]} ${year}`;
}

export function period(start: string | null, end: string | null): string {
	if (start && end) return `${monthYear(start)} – ${monthYear(end)}`;
	if (start) return `vanaf ${monthYear(start)}`;
	if (end) return `tot ${monthYear(end)}`;
	return 'periode onbekend';
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export interface ProgrammeProperties {
	name: string;
	kind: ProgrammeKind;
	phase: Phase;
	status: ProgrammeStatus;
	startDate: string | null;
	endDate: string | null;
	synthetic: boolean;
}

export interface InvestmentProperties {
	projectName: string;
	partner: string;
	measure: string;
	status: InvestmentStatus;
	startDate: string;
	endDate: string;
	amountEur: number | null;
	dwellings: number | null;
	synthetic: boolean;
}

export function programmeRow(p: ProgrammeProperties): SnapshotOverlayRow {
	const details = [PROGRAMME_KIND_LABELS[p.kind], `fase ${PHASE_LABELS[p.phase]?.toLowerCase() ?? p.phase}`, PROGRAMME_STATUS_LABELS[p.status]?.toLowerCase() ?? p.status, period(p.startDate, p.endDate)];
	return { kind: 'programme', name: p.name, details: details.join(' · '), synthetic: p.synthetic };
}

export function investmentRow(i: InvestmentProperties): SnapshotOverlayRow {
	const details = [
		i.partner,
		i.measure,
		i.dwellings !== null ? `${formatNumber(i.dwellings, 0)} woningen` : null,
		i.amountEur !== null ? euro.format(i.amountEur) : null,
		period(i.startDate, i.endDate),
		INVESTMENT_STATUS_LABELS[i.status]?.toLowerCase() ?? i.status
	].filter((d): d is string => d !== null);
	return { kind: 'investment', name: i.projectName, details: details.join(' · '), synthetic: i.synthetic };
}

/**
 * Circle radius (projector pixels) of an investment: the area grows with the amount or the dwellings (a square
 * root scale, so that a project twice as large looks twice as large), relative to the largest in the gemeente.
 */
export function investmentRadius(value: number | null, largest: number): number {
	const min = 12;
	const max = 40;
	if (value === null || !(largest > 0)) return min;
	return Math.round((min + (max - min) * Math.sqrt(Math.max(0, value) / largest)) * 10) / 10;
}
