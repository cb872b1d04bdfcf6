// The register's edit forms as plain data: what the inputs hold (text, as typed), how that becomes the JSON the
// API takes, and how the API's field errors (`400 { errors: [{ field, message }] }`) find their input again.
// The API validates everything (register.ts' zod schemas); the form only turns Dutch numbers into numbers,
// and says so in Dutch when it cannot.
import {
	phasesFor,
	type Investment,
	type InvestmentStatus,
	type OutlineGeometry,
	type PointGeometry,
	type Programme,
	type ProgrammeKind,
	type ProgrammeStatus,
	type Signal,
	type SignalDomain
} from './register';
import { amountForInput, parseDutchNumber } from './register-format';

export interface FieldError {
	field: string;
	message: string;
}

/** The input a field error belongs to: `budgetLines.0.amount` keeps its row, `outline.coordinates.0` is the outline. */
export function fieldKey(path: string): string {
	const [head, second, third] = path.split('.');
	if (head === 'budgetLines' && second !== undefined) return third ? `budgetLines.${second}.${third}` : `budgetLines.${second}`;
	return head;
}

/** Field errors by input, several per input when the API gives several. */
export function errorsByField(errors: readonly FieldError[]): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const e of errors) (out[fieldKey(e.field)] ??= []).push(e.message);
	return out;
}

/** What an API answer says went wrong: field errors and/or one message (403, 409, …). */
export function readFailure(status: number, body: unknown): { errors: FieldError[]; message: string } {
	const b = (body ?? {}) as { error?: unknown; errors?: unknown };
	const errors = Array.isArray(b.errors)
		? b.errors.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
		: [];
	if (errors.length) return { errors, message: 'Controleer de velden hieronder.' };
	const message = typeof b.error === 'string' ? b.error : `Opslaan lukte niet (${status}).`;
	return { errors, message };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

function amount(text: string, field: string, errors: FieldError[]): number | null {
	if (text.trim() === '') return null;
	const n = parseDutchNumber(text);
	if (n === null) errors.push({ field, message: 'verwacht een bedrag als 271.000 of 1.234,50' });
	return n;
}

function wholeNumber(text: string, field: string, errors: FieldError[]): number | null {
	if (text.trim() === '') return null;
	const n = parseDutchNumber(text);
	if (n === null || !Number.isInteger(n)) errors.push({ field, message: 'verwacht een heel getal' });
	return n;
}

// ---------------------------------------------------------------------------------------------------------
// Programmes

export interface ProgrammeDraft {
	name: string;
	kind: ProgrammeKind;
	phase: string;
	startDate: string;
	endDate: string;
	themes: string[];
	bestuurlijkOpdrachtgever: string;
	ambtelijkOpdrachtgever: string;
	programmeManager: string;
	budgetLines: { year: string; label: string; amount: string }[];
	status: ProgrammeStatus;
	notes: string;
	buurtcodes: string[];
	outline: OutlineGeometry | null;
}

/** The form of an existing programme, or of a new one in `gemeentecode` (optionally on some buurten already). */
export function programmeDraft(programme: Programme | null, gemeentecode: string, buurtcodes: string[] = []): ProgrammeDraft {
	if (!programme) {
		return {
			name: '',
			kind: 'wijkaanpak',
			phase: phasesFor(gemeentecode)[0],
			startDate: '',
			endDate: '',
			themes: [],
			bestuurlijkOpdrachtgever: '',
			ambtelijkOpdrachtgever: '',
			programmeManager: '',
			budgetLines: [],
			status: 'in_voorbereiding',
			notes: '',
			buurtcodes: [...buurtcodes],
			outline: null
		};
	}
	return {
		name: programme.name,
		kind: programme.kind,
		phase: programme.phase,
		startDate: programme.startDate ?? '',
		endDate: programme.endDate ?? '',
		themes: [...programme.themes],
		bestuurlijkOpdrachtgever: programme.bestuurlijkOpdrachtgever ?? '',
		ambtelijkOpdrachtgever: programme.ambtelijkOpdrachtgever ?? '',
		programmeManager: programme.programmeManager ?? '',
		budgetLines: programme.budgetLines.map((b) => ({ year: String(b.year), label: b.label, amount: amountForInput(b.amount) })),
		status: programme.status,
		notes: programme.notes,
		buurtcodes: [...programme.buurtcodes],
		outline: programme.outline
	};
}

/** The JSON body of POST/PUT /api/programmes, or the numbers the form could not read. */
export function programmeBody(draft: ProgrammeDraft, gemeentecode: string): { body: Record<string, unknown>; errors: FieldError[] } {
	const errors: FieldError[] = [];
	const budgetLines = draft.budgetLines.map((line, i) => {
		// Both are required by the API; a blank one is said here in Dutch rather than as a type error there.
		if (line.year.trim() === '') errors.push({ field: `budgetLines.${i}.year`, message: 'vul een jaartal in' });
		if (line.amount.trim() === '') errors.push({ field: `budgetLines.${i}.amount`, message: 'vul een bedrag in' });
		const year = wholeNumber(line.year, `budgetLines.${i}.year`, errors);
		return { year, label: line.label.trim(), amount: amount(line.amount, `budgetLines.${i}.amount`, errors) };
	});
	return {
		errors,
		body: {
			gemeentecode,
			name: draft.name,
			kind: draft.kind,
			phase: draft.phase,
			startDate: orNull(draft.startDate),
			endDate: orNull(draft.endDate),
			themes: draft.themes,
			bestuurlijkOpdrachtgever: orNull(draft.bestuurlijkOpdrachtgever),
			ambtelijkOpdrachtgever: orNull(draft.ambtelijkOpdrachtgever),
			programmeManager: orNull(draft.programmeManager),
			budgetLines,
			status: draft.status,
			notes: draft.notes,
			buurtcodes: draft.buurtcodes,
			outline: draft.outline
		}
	};
}

// ---------------------------------------------------------------------------------------------------------
// Investments and signals: placed by buurt or by a point on the map.

export type PlaceMode = 'buurt' | 'punt';

export interface Place {
	mode: PlaceMode;
	buurtcode: string;
	point: PointGeometry | null;
	/** Whether the user changed the place; if not, what the item had (buurt, point and outline) is sent back. */
	changed: boolean;
	original: { buurtcode: string | null; point: PointGeometry | null; outline?: OutlineGeometry | null };
}

function placeOf(item: { buurtcode: string | null; point: PointGeometry | null; outline?: OutlineGeometry | null } | null, buurtcode: string): Place {
	if (!item) return { mode: 'buurt', buurtcode, point: null, changed: true, original: { buurtcode: null, point: null, outline: null } };
	return {
		mode: item.point ? 'punt' : 'buurt',
		buurtcode: item.buurtcode ?? '',
		point: item.point,
		changed: false,
		original: { buurtcode: item.buurtcode, point: item.point, outline: item.outline ?? null }
	};
}

function placeBody(place: Place, withOutline: boolean): Record<string, unknown> {
	if (!place.changed) return { ...place.original, ...(withOutline ? { outline: place.original.outline ?? null } : {}) };
	const outline = withOutline ? { outline: null } : {};
	return place.mode === 'buurt'
		? { buurtcode: orNull(place.buurtcode), point: null, ...outline }
		: { buurtcode: null, point: place.point, ...outline };
}

export interface InvestmentDraft {
	partner: string;
	projectName: string;
	measure: string;
	place: Place;
	startDate: string;
	endDate: string;
	dwellings: string;
	amount: string;
	status: InvestmentStatus;
	notes: string;
}

export function investmentDraft(item: Investment | null, defaults: { partner?: string; buurtcode?: string } = {}): InvestmentDraft {
	return {
		partner: item?.partner ?? defaults.partner ?? '',
		projectName: item?.projectName ?? '',
		measure: item?.measure ?? '',
		place: placeOf(item, defaults.buurtcode ?? ''),
		startDate: item?.startDate ?? '',
		endDate: item?.endDate ?? '',
		dwellings: item?.dwellings === null || item?.dwellings === undefined ? '' : String(item.dwellings),
		amount: amountForInput(item?.amountEur ?? null),
		status: item?.status ?? 'gepland',
		notes: item?.notes ?? ''
	};
}

export function investmentBody(draft: InvestmentDraft): { body: Record<string, unknown>; errors: FieldError[] } {
	const errors: FieldError[] = [];
	const body = {
		partner: draft.partner,
		projectName: draft.projectName,
		measure: draft.measure,
		...placeBody(draft.place, true),
		startDate: draft.startDate,
		endDate: draft.endDate,
		dwellings: wholeNumber(draft.dwellings, 'dwellings', errors),
		amountEur: amount(draft.amount, 'amountEur', errors),
		status: draft.status,
		notes: draft.notes
	};
	if (draft.place.changed && draft.place.mode === 'punt' && !draft.place.point) {
		errors.push({ field: 'point', message: 'kies een punt op de kaart' });
	}
	return { body, errors };
}

export interface SignalDraft {
	text: string;
	observedOn: string;
	domain: SignalDomain;
	place: Place;
}

export function signalDraft(item: Signal | null, defaults: { buurtcode?: string; today?: string } = {}): SignalDraft {
	return {
		text: item?.text ?? '',
		observedOn: item?.observedOn ?? defaults.today ?? '',
		domain: item?.domain ?? 'sociaal',
		place: placeOf(item, defaults.buurtcode ?? '')
	};
}

export function signalBody(draft: SignalDraft): { body: Record<string, unknown>; errors: FieldError[] } {
	const errors: FieldError[] = [];
	if (draft.place.changed && draft.place.mode === 'punt' && !draft.place.point) {
		errors.push({ field: 'point', message: 'kies een punt op de kaart' });
	}
	return { errors, body: { text: draft.text, observedOn: draft.observedOn, domain: draft.domain, ...placeBody(draft.place, false) } };
}

/** The form's label of a field the API names, for the error summary. */
export const FIELD_LABELS: Record<string, string> = {
	name: 'Naam',
	kind: 'Soort',
	phase: 'Fase',
	status: 'Status',
	startDate: 'Begin',
	endDate: 'Einde',
	themes: "Thema's",
	bestuurlijkOpdrachtgever: 'Bestuurlijk opdrachtgever',
	ambtelijkOpdrachtgever: 'Ambtelijk opdrachtgever',
	programmeManager: 'Programmamanager',
	budgetLines: 'Begroting',
	notes: 'Toelichting',
	buurtcodes: 'Buurten',
	outline: 'Omtrek',
	gemeentecode: 'Gemeente',
	partner: 'Partner',
	projectName: 'Projectnaam',
	measure: 'Maatregel',
	buurtcode: 'Buurt',
	point: 'Punt op de kaart',
	dwellings: 'Woningen',
	amountEur: 'Bedrag',
	text: 'Tekst',
	observedOn: 'Datum',
	domain: 'Domein'
};

/** "Begroting, regel 2, bedrag" for `budgetLines.1.amount`. */
export function fieldLabel(key: string): string {
	const m = /^budgetLines\.(\d+)(?:\.(\w+))?$/.exec(key);
	if (m) return `Begroting, regel ${Number(m[1]) + 1}${m[2] ? `, ${{ year: 'jaar', label: 'post', amount: 'bedrag' }[m[2]] ?? m[2]}` : ''}`;
	return FIELD_LABELS[key] ?? key;
}

/** The id of a field's input: `budgetLines.1.amount` → `veld-budgetLines-1-amount`. */
export function fieldId(key: string): string {
	return `veld-${key.replaceAll('.', '-')}`;
}
