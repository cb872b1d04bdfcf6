// A slide's saved map view is the main page's query string. This reads it strictly (unlike the page, which forgives
// what it cannot use, a story must not silently store a view that reopens differently) with the page's own parsers,
// and writes it back normalised: a fixed parameter order, defaults left out, so equal views are equal strings.
import { GEMEENTE_CODE, LEVELS, gemeenteOfCode, isAreaCode } from '../domain/areas';
import { readCamera, readViewState, viewStateSearch, type ViewState } from '../domain/view-state';
import { CLASS_METHODS, COMPARISONS, readThemeState, writeThemeState, type ThemeState } from '../domain/theme-state';
import { WeightsError, parseWeights } from '../domain/urgency';
import { FIRST_YEAR, LAST_YEAR, quarterKey, readQuarter, type Quarter } from '../domain/register';
import { DEFAULT_OVERLAYS, NO_OVERLAYS } from '../domain/register-state';

// The register's overlay parameters (`lagen`, `tijd`, `grootte`), read strictly with the meaning the page gives them
// (src/lib/domain/register-state.ts, which forgives what it cannot use).
export const OVERLAY_LAYERS = ['programmas', 'focusgebieden', 'investeringen', 'signalen'] as const;
export type OverlayLayer = (typeof OVERLAY_LAYERS)[number];
/** Signals are for signed-in staff only; a story can be shown to anyone, so a slide never carries them. */
export const STORY_LAYERS = ['programmas', 'focusgebieden', 'investeringen'] as const;
export type StoryLayer = (typeof STORY_LAYERS)[number];
/** The page's default overlays (`lagen` absent, register-state.ts DEFAULT_OVERLAYS): all but the signals. */
export const DEFAULT_STORY_LAYERS: readonly StoryLayer[] = DEFAULT_OVERLAYS.filter((l): l is StoryLayer => STORY_LAYERS.includes(l as StoryLayer));
/** `lagen=geen`: no overlays, as on the page. */
export const NO_LAYERS = NO_OVERLAYS;
export const SYMBOL_SIZES = ['bedrag', 'woningen'] as const;
export type SymbolSize = (typeof SYMBOL_SIZES)[number];
export const DEFAULT_SYMBOL_SIZE: SymbolSize = 'bedrag';

export const VIEW_PARAMETERS = ['gemeente', 'gebied', 'laag', 'kaart'] as const;
export const THEME_PARAMETERS = ['thema', 'indicator', 'jaar', 'methode', 'klassen', 'grenzen', 'vergelijk', 'sinds', 'gewichten'] as const;
export const REGISTER_PARAMETERS = ['lagen', 'tijd', 'grootte'] as const;
const KNOWN = new Set<string>([...VIEW_PARAMETERS, ...THEME_PARAMETERS, ...REGISTER_PARAMETERS]);

export interface SlideView {
	view: ViewState;
	theme: ThemeState;
	/** The overlays drawn, in STORY_LAYERS order. */
	layers: StoryLayer[];
	/** The quarter the overlays are filtered to; null for all periods. */
	quarter: Quarter | null;
	size: SymbolSize;
}

export interface ViewProblem {
	/** The query parameter the problem is about ("view" when it is about the whole string). */
	parameter: string;
	message: string;
}

export type SlideViewResult =
	| { ok: true; value: SlideView; search: string; notes: string[] }
	| { ok: false; problems: ViewProblem[] };

const YEAR = /^(19|20)\d{2}$/;

/** Accepts "?a=b", "a=b" and a whole URL of the main page ("https://…/?a=b"). */
function paramsOf(input: string): URLSearchParams | null {
	const trimmed = input.trim();
	if (/^https?:\/\//i.test(trimmed)) {
		try {
			const url = new URL(trimmed);
			return url.pathname === '/' ? url.searchParams : null;
		} catch {
			return null;
		}
	}
	if (trimmed.startsWith('/')) {
		const [path, query = ''] = trimmed.split('?');
		return path === '/' ? new URLSearchParams(query) : null;
	}
	return new URLSearchParams(trimmed.replace(/^\?/, ''));
}

/**
 * Reads a slide's view. `gemeenten` are the codes the app has loaded (unknown ones are refused when given).
 * The result's `search` is the normalised query string to store; `notes` say what was left out on purpose.
 */
export function parseSlideView(input: string, options: { gemeenten?: string[] } = {}): SlideViewResult {
	const params = paramsOf(input);
	if (!params) return { ok: false, problems: [{ parameter: 'view', message: 'is geen kaartbeeld van de hoofdpagina (verwacht "?gemeente=…")' }] };
	const problems: ViewProblem[] = [];
	const problem = (parameter: string, message: string) => problems.push({ parameter, message });
	const notes: string[] = [];

	const seen = new Set<string>();
	for (const key of params.keys()) {
		if (!KNOWN.has(key)) {
			problem(key, `onbekende parameter; een kaartbeeld kent alleen ${[...KNOWN].join(', ')}`);
		} else if (seen.has(key) && params.getAll(key).length > 1) {
			problem(key, 'staat meer dan eens in het kaartbeeld');
		}
		seen.add(key);
	}
	const get = (key: string) => params.get(key);

	// The place: gemeente, selected area, level, camera.
	const gemeenteParam = get('gemeente');
	const gebiedParam = get('gebied');
	if (!gemeenteParam && !gebiedParam) problem('gemeente', 'ontbreekt: een kaartbeeld hoort bij een gemeente');
	if (gemeenteParam !== null && !GEMEENTE_CODE.test(gemeenteParam)) problem('gemeente', `"${gemeenteParam}" is geen gemeentecode (GM0164)`);
	if (gebiedParam !== null && !isAreaCode(gebiedParam)) problem('gebied', `"${gebiedParam}" is geen gebiedscode (BU01640202, WK016402, SD0153-noord)`);
	const gemeente = gebiedParam && isAreaCode(gebiedParam) ? gemeenteOfCode(gebiedParam) : gemeenteParam;
	if (gemeenteParam && gebiedParam && isAreaCode(gebiedParam) && gemeenteOfCode(gebiedParam) !== gemeenteParam) {
		problem('gebied', `${gebiedParam} ligt niet in gemeente ${gemeenteParam}`);
	}
	if (gemeente && GEMEENTE_CODE.test(gemeente) && options.gemeenten && !options.gemeenten.includes(gemeente)) {
		problem('gemeente', `gemeente ${gemeente} is niet geladen`);
	}
	const laag = get('laag');
	if (laag !== null && !LEVELS.filter((l) => l !== 'gemeente').includes(laag as never)) {
		problem('laag', `"${laag}" is geen kaartlaag (stadsdeel, wijk of buurt)`);
	}
	const kaart = get('kaart');
	if (kaart !== null && !readCamera(kaart)) problem('kaart', `"${kaart}" is geen camerastand (zoom/breedte/lengte, bijvoorbeeld 13.2/52.26710/6.81230)`);

	// The theme: the same rules as the page's controls offer.
	const thema = get('thema');
	if (thema !== null && thema !== 'indicator' && thema !== 'urgentie') problem('thema', `"${thema}" is geen thema (indicator of urgentie)`);
	const indicator = get('indicator');
	if (indicator !== null && !/^[a-z0-9_]{1,64}$/i.test(indicator)) problem('indicator', `"${indicator}" is geen indicatorcode`);
	if (indicator !== null && thema === 'urgentie') problem('indicator', 'hoort niet bij het thema urgentie');
	for (const key of ['jaar', 'sinds'] as const) {
		const value = get(key);
		if (value !== null && !YEAR.test(value)) problem(key, `"${value}" is geen jaartal`);
	}
	const methode = get('methode');
	if (methode !== null && !CLASS_METHODS.includes(methode as never)) problem('methode', `"${methode}" is geen indeling (${CLASS_METHODS.join(', ')})`);
	const klassen = get('klassen');
	if (klassen !== null && !/^[3-7]$/.test(klassen)) problem('klassen', 'moet 3 tot en met 7 zijn');
	const grenzen = get('grenzen');
	if (grenzen !== null) {
		const bounds = grenzen.split(',').map(Number);
		if (methode !== 'handmatig') problem('grenzen', 'horen alleen bij de indeling handmatig');
		else if (grenzen === '' || bounds.some((n) => !Number.isFinite(n))) problem('grenzen', `"${grenzen}" zijn geen getallen gescheiden door komma's`);
		else if (bounds.some((n, i) => i > 0 && n <= bounds[i - 1])) problem('grenzen', 'moeten oplopen');
	}
	const vergelijk = get('vergelijk');
	if (vergelijk !== null && !COMPARISONS.includes(vergelijk as never)) problem('vergelijk', `"${vergelijk}" is geen vergelijking (${COMPARISONS.join(', ')})`);
	if (get('sinds') !== null && vergelijk !== 'trend') problem('sinds', 'hoort alleen bij vergelijk=trend');
	const gewichten = get('gewichten');
	if (gewichten !== null) {
		try {
			parseWeights(gewichten);
		} catch (error) {
			if (!(error instanceof WeightsError)) throw error;
			problem('gewichten', error.message);
		}
	}
	const themed = thema !== null || indicator !== null;
	for (const key of ['jaar', 'methode', 'klassen', 'grenzen', 'vergelijk', 'sinds', 'gewichten'] as const) {
		if (get(key) !== null && !themed) problem(key, 'hoort bij een thema; kies eerst thema=indicator of thema=urgentie');
	}

	// The register's overlays.
	// As on the page: absent means the default overlays, `geen` (or an empty value) none.
	const lagen = get('lagen');
	const layers = new Set<StoryLayer>(lagen === null ? DEFAULT_STORY_LAYERS : []);
	if (lagen !== null && lagen !== '' && lagen !== NO_LAYERS) {
		for (const name of lagen.split(',')) {
			if (name === 'signalen') notes.push('Signalen staan niet in verhalen: ze zijn alleen voor medewerkers van de gemeente.');
			else if (STORY_LAYERS.includes(name as StoryLayer)) layers.add(name as StoryLayer);
			else problem('lagen', `"${name}" is geen kaartlaag (${OVERLAY_LAYERS.join(', ')}, of ${NO_LAYERS})`);
		}
	}
	const tijd = get('tijd');
	const quarter = tijd === null ? null : readQuarter(tijd);
	if (tijd !== null && (!quarter || quarter.year < FIRST_YEAR || quarter.year > LAST_YEAR)) {
		problem('tijd', `"${tijd}" is geen kwartaal van ${FIRST_YEAR} tot en met ${LAST_YEAR} (schrijf 2025-K3)`);
	}
	const grootte = get('grootte');
	if (grootte !== null && !SYMBOL_SIZES.includes(grootte as SymbolSize)) problem('grootte', `"${grootte}" is geen symboolgrootte (bedrag of woningen)`);

	if (problems.length) return { ok: false, problems };

	const view = readViewState(params, gemeente ? [gemeente] : []);
	const value: SlideView = {
		view: { ...view, gebied: view.gebied === view.gemeente ? null : view.gebied },
		theme: readThemeState(params),
		layers: STORY_LAYERS.filter((l) => layers.has(l)),
		quarter: quarter ?? null,
		size: (grootte as SymbolSize | null) ?? DEFAULT_SYMBOL_SIZE
	};
	return { ok: true, value, search: slideViewSearch(value), notes };
}

/** The normalised query string of a slide's view: the page's own writers, then the overlays. */
export function slideViewSearch(slide: SlideView): string {
	const params = writeThemeState(slide.theme, new URLSearchParams(viewStateSearch(slide.view)));
	const layers = slide.layers.join(',');
	if (layers !== DEFAULT_STORY_LAYERS.join(',')) params.set('lagen', layers || NO_LAYERS);
	if (slide.quarter) params.set('tijd', quarterKey(slide.quarter));
	if (slide.layers.includes('investeringen') && slide.size !== DEFAULT_SYMBOL_SIZE) params.set('grootte', slide.size);
	// As the page writes its links: slashes, commas and colons stay readable.
	return `?${params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',').replaceAll('%3A', ':')}`;
}

/** The problems as one Dutch sentence, for an API error or a form. */
export function describeProblems(problems: ViewProblem[]): string {
	return problems.map((p) => (p.parameter === 'view' ? p.message : `${p.parameter}: ${p.message}`)).join('; ');
}
