// What the URL says about the thematic map: which indicator (or the urgency score), which year, how the
// values are classified and compared. Together with view-state.ts a copied link reopens the same map.

export const CLASS_METHODS = ['quantielen', 'gelijke-intervallen', 'natuurlijke-grenzen', 'handmatig'] as const;
export type ClassMethodName = (typeof CLASS_METHODS)[number];

export const CLASS_METHOD_LABELS: Record<ClassMethodName, string> = {
	quantielen: 'Kwantielen (even veel gebieden per klasse)',
	'gelijke-intervallen': 'Gelijke intervallen',
	'natuurlijke-grenzen': 'Natuurlijke grenzen (Jenks)',
	handmatig: 'Handmatige grenzen'
};

/** Plain values, the difference with the gemeente, or the change since an earlier year. */
export const COMPARISONS = ['waarde', 'verschil', 'trend'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export interface ThemeState {
	/** `indicator`: a choropleth of one indicator; `urgentie`: the urgency score; null: areas only. */
	thema: 'indicator' | 'urgentie' | null;
	indicator: string | null;
	jaar: number | null;
	methode: ClassMethodName;
	klassen: number;
	/** Manual class bounds (inner bounds, ascending), for `handmatig`. */
	grenzen: number[] | null;
	vergelijk: Comparison;
	/** The earlier year of a trend. */
	sinds: number | null;
	/** Domain weights as `sociaal:2,veiligheid:1`; null: all equal. */
	gewichten: string | null;
}

export const DEFAULT_THEME: ThemeState = {
	thema: null,
	indicator: null,
	jaar: null,
	methode: 'quantielen',
	klassen: 5,
	grenzen: null,
	vergelijk: 'waarde',
	sinds: null,
	gewichten: null
};

const year = (value: string | null) => (value && /^(19|20)\d{2}$/.test(value) ? Number(value) : null);

export function readThemeState(params: URLSearchParams): ThemeState {
	const thema = params.get('thema');
	const rawIndicator = params.get('indicator');
	const indicator = rawIndicator && /^[a-z0-9_]{1,64}$/i.test(rawIndicator) ? rawIndicator : null;
	const methode = CLASS_METHODS.find((m) => m === params.get('methode')) ?? DEFAULT_THEME.methode;
	const klassen = Number(params.get('klassen'));
	const grenzen = params
		.get('grenzen')
		?.split(',')
		.map(Number)
		.filter((n) => Number.isFinite(n));
	const gewichten = params.get('gewichten');
	return {
		thema: thema === 'indicator' || thema === 'urgentie' ? thema : indicator ? 'indicator' : null,
		indicator,
		jaar: year(params.get('jaar')),
		methode,
		klassen: Number.isInteger(klassen) && klassen >= 3 && klassen <= 7 ? klassen : DEFAULT_THEME.klassen,
		grenzen: methode === 'handmatig' && grenzen?.length ? grenzen : null,
		vergelijk: COMPARISONS.find((c) => c === params.get('vergelijk')) ?? 'waarde',
		sinds: year(params.get('sinds')),
		gewichten: gewichten && /^[a-z]+:\d+(\.\d+)?(,[a-z]+:\d+(\.\d+)?)*$/.test(gewichten) ? gewichten : null
	};
}

/** Adds the theme to query parameters, leaving defaults out so links stay short. */
export function writeThemeState(theme: ThemeState, params: URLSearchParams): URLSearchParams {
	if (!theme.thema) return params;
	params.set('thema', theme.thema);
	if (theme.thema === 'indicator' && theme.indicator) params.set('indicator', theme.indicator);
	if (theme.jaar) params.set('jaar', String(theme.jaar));
	if (theme.methode !== DEFAULT_THEME.methode) params.set('methode', theme.methode);
	if (theme.klassen !== DEFAULT_THEME.klassen) params.set('klassen', String(theme.klassen));
	if (theme.methode === 'handmatig' && theme.grenzen?.length) params.set('grenzen', theme.grenzen.join(','));
	if (theme.vergelijk !== 'waarde') params.set('vergelijk', theme.vergelijk);
	if (theme.vergelijk === 'trend' && theme.sinds) params.set('sinds', String(theme.sinds));
	if (theme.gewichten) params.set('gewichten', theme.gewichten);
	return params;
}
