// What every export says besides the map: title, subtitle, legend, source, peildatum, the demodata label
// and the link back to the live view. `ExportMeta` is the contract shared with story slides: a slide snapshot
// is `{ style, camera, meta }` and renders through the same code as "the current view".
import { LEVEL_LABELS, type AreaLevel } from '../domain/areas';
import { SYNTHETIC_LABEL } from '../domain/monitor';
import { CLASS_METHOD_LABELS, type ClassMethodName } from '../domain/theme-state';
import { ATTRIBUTION } from '../map/style';
import { areasLegend, choroplethLegend, type LegendModel } from './legend';

export { SYNTHETIC_LABEL, ATTRIBUTION };

/**
 * What an export prints besides the map. The field names follow the story slides' `SlideMeta`
 * (src/lib/story/snapshot.ts on the stories branch), so a slide's meta can be exported as it is.
 */
export interface ExportMeta {
	title: string;
	subtitle?: string;
	/** A slide's short text. */
	text?: string;
	legend?: LegendModel | null;
	/** Where the values come from; the map's attribution (CBS / Kadaster) is printed as well. */
	source: string;
	/** The map's attribution; ATTRIBUTION when not given. */
	attribution?: string;
	/** The year of the data shown (monitor values, else the boundaries); null when the export shows no dated data. */
	peiljaar: number | null;
	/** When the export (or the slide's snapshot) was made, ISO 8601: the day printed with the peiljaar. */
	generatedAt: string;
	/** Values from the demo data: the export says "Demodata — geen echte cijfers", prominently. */
	synthetic: boolean;
	/** The absolute URL of the same live view (also printed as a QR code). */
	link: string;
}

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });

/** An ISO 8601 moment as the reader's calendar day: "14 maart 2025". */
export function formatExportDate(moment: string): string {
	const date = new Date(moment);
	if (!/^\d{4}-\d{2}-\d{2}/.test(moment) || Number.isNaN(date.getTime())) throw new RangeError(`Geen datum: "${moment}"`);
	return longDate.format(date);
}

/** "Peildatum: gegevens 2024 · geëxporteerd op 14 maart 2025" */
export function peildatumText(meta: Pick<ExportMeta, 'peiljaar' | 'generatedAt'>): string {
	const data = meta.peiljaar === null ? 'gegevens zonder jaartal' : `gegevens ${meta.peiljaar}`;
	return `Peildatum: ${data} · geëxporteerd op ${formatExportDate(meta.generatedAt)}`;
}

/** "Bron gegevens: …" for the footer, without saying "Bron" twice. */
export function sourceText(source: string): string {
	const own = source.trim().replace(/^Bron:\s*/i, '');
	return own ? `Bron gegevens: ${own}` : '';
}

/** "Kaart: CBS / Kadaster, … CC BY 4.0. Gemaakt met Wijkbeeld." */
export function attributionText(meta: Pick<ExportMeta, 'attribution'>): string {
	return `Kaart: ${(meta.attribution || ATTRIBUTION).replace(/^Bron:\s*/i, '').replace(/\.$/, '')}. Gemaakt met Wijkbeeld.`;
}

export interface ViewForExport {
	gemeente: { code: string; name: string };
	/** The selected area; null (or the gemeente itself) for the whole gemeente. */
	area: { code: string; name: string; level: AreaLevel; year?: number } | null;
	/** The level the map draws. */
	level: Exclude<AreaLevel, 'gemeente'>;
	/** The thematic map as the page loaded it; null when no theme is chosen. */
	monitor: {
		kind: 'indicator' | 'urgentie';
		title: string;
		unit: string;
		comparison: string | null;
		year: number;
		synthetic: boolean;
		source: string;
		diverging: boolean;
	} | null;
	method: ClassMethodName;
	choropleth: {
		classes: { from: number; to: number; colour: string; count: number }[];
		noData: { colour: string; count: number };
		suppressed: { colour: string; count: number };
	} | null;
	/** The year of the boundaries on the map. */
	boundaryYear: number | null;
}

/** The place an export is about: "De Noork, Hengelo", or just "Hengelo". */
export function placeName(view: Pick<ViewForExport, 'gemeente' | 'area'>): string {
	const area = view.area && view.area.code !== view.gemeente.code ? view.area : null;
	return area ? `${area.name}, ${view.gemeente.name}` : view.gemeente.name;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The legend's method line: a diverging scale is not classified by the chosen method. */
export function methodLabel(view: Pick<ViewForExport, 'monitor' | 'method'>): string {
	return view.monitor?.diverging ? 'gelijke stappen rond 0' : CLASS_METHOD_LABELS[view.method];
}

/** The meta of an export of the current view, from what the page already shows. */
export function viewMeta(view: ViewForExport, link: string, generatedAt: string): ExportMeta {
	const place = placeName(view);
	const levelName = LEVEL_LABELS[view.level].many;
	const monitor = view.monitor;
	if (monitor && view.choropleth) {
		const measure = monitor.comparison ?? monitor.unit;
		const subtitle = [measure, String(monitor.year), levelName].filter(Boolean).join(' · ');
		return {
			title: `${monitor.title} — ${place}`,
			subtitle: `${capitalise(levelName)} · ${monitor.year}${monitor.comparison ? ` · ${monitor.comparison}` : ''}`,
			legend: choroplethLegend({
				title: monitor.title,
				subtitle,
				method: methodLabel(view),
				unit: monitor.unit,
				...view.choropleth,
				signed: monitor.diverging
			}),
			source: monitor.source,
			peiljaar: monitor.year,
			generatedAt,
			synthetic: monitor.synthetic,
			link
		};
	}
	const selected = view.area && view.area.code !== view.gemeente.code ? view.area : null;
	return {
		title: place,
		subtitle: `${capitalise(levelName)}${view.boundaryYear ? ` · gebiedsindeling ${view.boundaryYear}` : ''}`,
		legend: areasLegend({ levelName: capitalise(levelName), selectedName: selected?.name ?? null }),
		source: '',
		peiljaar: view.boundaryYear,
		generatedAt,
		synthetic: false,
		link
	};
}
