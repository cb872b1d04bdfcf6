// From what the main page has loaded to what an export needs: the view, the file names, and which register
// items belong on an area card. Plain functions, so the component stays a thin control.
import type { AreaDetail, GemeenteSummary } from '../domain/areas';
import type { ClassMethodName } from '../domain/theme-state';
import type { MapLevel } from '../map/style';
import type { Choropleth } from '../map/choropleth';
import type { ThemeData } from '../server/monitor';
import type { PageFormat } from './layout';
import type { ViewForExport } from './meta';
import { exportFileName } from './naming';

/** The part of the main page's data an export reads. */
export interface PageDataForExport {
	gemeente: GemeenteSummary | null;
	selected: AreaDetail | null;
	level: MapLevel;
	monitor: ThemeData | null;
	theme: { methode: ClassMethodName };
}

export function viewForExport(data: PageDataForExport & { gemeente: GemeenteSummary }, choropleth: Choropleth | null): ViewForExport {
	const selected = data.selected;
	return {
		gemeente: { code: data.gemeente.code, name: data.gemeente.name },
		area: selected ? { code: selected.code, name: selected.name, level: selected.level, year: selected.year } : null,
		level: data.level,
		monitor: data.monitor && choropleth ? data.monitor : null,
		method: data.theme.methode,
		choropleth: data.monitor && choropleth ? choropleth : null,
		boundaryYear: selected?.year ?? data.gemeente.year ?? null
	};
}

function areaWord(view: ViewForExport): string | null {
	return view.area && view.area.code !== view.gemeente.code ? view.area.name : null;
}

/** wijkbeeld-hengelo-de-noork-urgentie-2024.png, …-a4.png, …-a4-liggend.png */
export function imageFileName(view: ViewForExport, format: PageFormat): string {
	const subject = view.monitor ? (view.monitor.kind === 'urgentie' ? 'urgentie' : view.monitor.title) : null;
	return exportFileName({
		gemeente: view.gemeente.name,
		area: areaWord(view),
		subject,
		year: view.monitor?.year ?? null,
		variant: format.fileVariant,
		extension: 'png'
	});
}

/** wijkbeeld-hengelo-de-noork-gebiedskaart-2024.pdf */
export function cardFileName(view: ViewForExport, year: number | null): string {
	return exportFileName({ gemeente: view.gemeente.name, area: areaWord(view), subject: 'gebiedskaart', year, extension: 'pdf' });
}

/** The buurten that make up an area, from the buurt features of its gemeente (code, wijkcode, stadsdeelcode). */
export function buurtenOf(
	code: string,
	buurten: { properties: { code: string; wijkcode?: string | null; stadsdeelcode?: string | null; gemeentecode: string } }[]
): Set<string> {
	return new Set(
		buurten
			.map((b) => b.properties)
			.filter((b) => b.code === code || b.wijkcode === code || b.stadsdeelcode === code || b.gemeentecode === code)
			.map((b) => b.code)
	);
}

/**
 * The register items on an area's card: those touching one of its buurten. On the card of a gemeente every
 * item of the gemeente, also one whose area is not drawn yet (a focusgebied can exist before its outline).
 */
export function onCard<T>(items: T[], area: { code: string; level: string }, buurtcodes: Set<string>, codesOf: (item: T) => string[]): T[] {
	if (area.level === 'gemeente') return items;
	return items.filter((item) => codesOf(item).some((code) => buurtcodes.has(code)));
}
