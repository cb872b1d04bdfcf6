// The register's overlays in an export: what the live map draws over the areas (programmes, focus areas,
// investments, signals for staff) becomes legend lines with their counts, the period joins the subtitle, the
// register is named as a source, and demo items make the export say "Demodata — geen echte cijfers".
import type { Overlay } from '../domain/register-state';
import type { RegisterLegend } from '../map/register-layers';
import type { LegendEntry } from './legend';
import type { ExportMeta } from './meta';

export interface RegisterForExport {
	legend: RegisterLegend;
	/** The overlays switched on (and allowed: signals only for staff). */
	lagen: readonly Overlay[];
	/** "K3 2025" or "Alle perioden". */
	period: string;
	/** Whether any item of the register shown is demo data. */
	synthetic: boolean;
}

export const REGISTER_SOURCE = "Wijkbeeld-register (programma's, focusgebieden en investeringen)";

/** Legend lines for what the overlays draw in the period; kinds and categories without items are left out. */
export function registerEntries(register: RegisterForExport): LegendEntry[] {
	const { legend, lagen } = register;
	const entries: LegendEntry[] = [];
	if (lagen.includes('programmas')) {
		for (const kind of legend.programmes.kinds) {
			if (kind.count) entries.push({ label: kind.label, shape: 'outline', colour: kind.colour, count: kind.count });
		}
	}
	if (lagen.includes('focusgebieden') && legend.focus.total) {
		entries.push({ label: 'Focusgebied', shape: 'outline', colour: legend.focus.colour, count: legend.focus.total });
	}
	if (lagen.includes('investeringen')) {
		for (const category of legend.investments.categories) {
			if (category.count) entries.push({ label: category.label, shape: 'circle', colour: category.fill, count: category.count });
		}
	}
	if (lagen.includes('signalen') && legend.signals?.count) {
		entries.push({ label: 'Signalen', shape: 'circle', colour: legend.signals.fill, count: legend.signals.count });
	}
	return entries;
}

/** The export's meta with the register's overlays added; unchanged when no overlay shows anything. */
export function withRegister(meta: ExportMeta, register: RegisterForExport | null): ExportMeta {
	const overlays = register ? registerEntries(register) : [];
	if (!register || !overlays.length) return meta;
	return {
		...meta,
		// "register: K2 2026", "register: alle perioden"
		subtitle: [meta.subtitle, `register: ${register.period.replace(/^Alle/, 'alle')}`].filter(Boolean).join(' · '),
		legend: meta.legend ? { ...meta.legend, overlays: [...meta.legend.overlays, ...overlays] } : meta.legend,
		source: [meta.source, REGISTER_SOURCE].filter(Boolean).join('; '),
		synthetic: meta.synthetic || register.synthetic
	};
}
