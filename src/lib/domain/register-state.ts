// What the URL says about the register on the map: which overlays are on, which quarter the time control
// shows and how investment symbols are sized. Together with view-state.ts and theme-state.ts a copied link
// reopens the same map, and a story slide (issue 6) stores exactly this query string, so the format is stable:
//
//   lagen=programmas,focusgebieden,investeringen,signalen   the overlays that are on, in this order;
//                                                          absent: DEFAULT_OVERLAYS; `lagen=geen`: none
//   tijd=2025-K3                                            one quarter 2020–2032; absent: all periods
//   grootte=woningen                                        symbol size by dwellings; absent: by amount (bedrag)
//
// Values that cannot be used are dropped, not errors (as for the other view parameters).
import { readQuarter, quarterKey, type Quarter } from './register';

export const OVERLAYS = ['programmas', 'focusgebieden', 'investeringen', 'signalen'] as const;
export type Overlay = (typeof OVERLAYS)[number];

export const OVERLAY_LABELS: Record<Overlay, string> = {
	programmas: "Programma's",
	focusgebieden: 'Focusgebieden',
	investeringen: 'Investeringen',
	signalen: 'Signalen'
};

const NOUNS: Record<Overlay, [one: string, many: string]> = {
	programmas: ['programma', "programma's"],
	focusgebieden: ['focusgebied', 'focusgebieden'],
	investeringen: ['investering', 'investeringen'],
	signalen: ['signaal', 'signalen']
};

/** "1 programma", "9 investeringen" */
export function overlayCount(overlay: Overlay, count: number): string {
	return `${count} ${NOUNS[overlay][count === 1 ? 0 : 1]}`;
}

/** What the overlays that are on show: "2 programma's, 1 focusgebied, 9 investeringen". */
export function overlaySummary(lagen: readonly Overlay[], counts: Record<Overlay, number>): string {
	return lagen.length ? lagen.map((o) => overlayCount(o, counts[o])).join(', ') : 'geen kaartlagen aan';
}

/**
 * The first screen shows what runs where: programmes, focus areas and investments. Signals are left off: they
 * are for staff only, and a link a member of staff copies should open the same for everyone.
 */
export const DEFAULT_OVERLAYS: readonly Overlay[] = ['programmas', 'focusgebieden', 'investeringen'];

/** `lagen=geen`: every overlay off (an empty value is read the same way). */
export const NO_OVERLAYS = 'geen';

export const SIZE_MODES = ['bedrag', 'woningen'] as const;
export type SizeMode = (typeof SIZE_MODES)[number];
export const SIZE_MODE_LABELS: Record<SizeMode, string> = { bedrag: 'Bedrag', woningen: 'Woningen' };
export const DEFAULT_SIZE: SizeMode = 'bedrag';

export interface RegisterState {
	/** The overlays that are on, in the order of OVERLAYS. */
	lagen: Overlay[];
	/** The quarter the map shows; null: all periods. */
	tijd: Quarter | null;
	grootte: SizeMode;
}

export const DEFAULT_REGISTER_STATE: RegisterState = { lagen: [...DEFAULT_OVERLAYS], tijd: null, grootte: DEFAULT_SIZE };

/** Overlays in their canonical order, without duplicates. */
export function normaliseOverlays(overlays: Iterable<string>): Overlay[] {
	const wanted = new Set(overlays);
	return OVERLAYS.filter((o) => wanted.has(o));
}

function readOverlays(value: string | null): Overlay[] {
	if (value === null) return [...DEFAULT_OVERLAYS];
	const parts = value.split(',').map((p) => p.trim().toLowerCase());
	if (value.trim() === '' || parts.includes(NO_OVERLAYS)) return [];
	const known = normaliseOverlays(parts);
	// A value that names nothing we know (a typo, a layer of a later version) keeps the default view.
	return known.length ? known : [...DEFAULT_OVERLAYS];
}

export function readRegisterState(params: URLSearchParams): RegisterState {
	return {
		lagen: readOverlays(params.get('lagen')),
		tijd: readQuarter(params.get('tijd')),
		grootte: SIZE_MODES.find((m) => m === params.get('grootte')) ?? DEFAULT_SIZE
	};
}

function sameOverlays(a: readonly Overlay[], b: readonly Overlay[]): boolean {
	return a.length === b.length && a.every((o, i) => o === b[i]);
}

/** Adds the register's view to query parameters, leaving defaults out so links stay short. */
export function writeRegisterState(state: RegisterState, params: URLSearchParams): URLSearchParams {
	params.delete('lagen');
	params.delete('tijd');
	params.delete('grootte');
	const lagen = normaliseOverlays(state.lagen);
	if (!sameOverlays(lagen, DEFAULT_OVERLAYS)) params.set('lagen', lagen.length ? lagen.join(',') : NO_OVERLAYS);
	if (state.tijd) params.set('tijd', quarterKey(state.tijd));
	if (state.grootte !== DEFAULT_SIZE) params.set('grootte', state.grootte);
	return params;
}

/** The state with one overlay switched on or off. */
export function withOverlay(state: RegisterState, overlay: Overlay, on: boolean): RegisterState {
	const lagen = on ? [...state.lagen, overlay] : state.lagen.filter((o) => o !== overlay);
	return { ...state, lagen: normaliseOverlays(lagen) };
}
