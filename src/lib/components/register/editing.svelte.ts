// The edit in progress on the main map: which item, its form as typed, and what the map is asked to do for it
// (pick buurten, draw an outline, place a point). The form components bind to it, AreaMap reports its clicks
// to it (onMapEvent), and save/remove talk to the register's JSON API, whose field errors land here.
import type { Investment, Programme, Signal } from '$lib/domain/register';
import {
	investmentBody,
	investmentDraft,
	programmeBody,
	programmeDraft,
	readFailure,
	signalBody,
	signalDraft,
	type FieldError,
	type InvestmentDraft,
	type ProgrammeDraft,
	type SignalDraft
} from '$lib/domain/register-form';
import {
	EMPTY_SKETCH,
	addVertex,
	finishSketch,
	sketchPolygon,
	undoVertex,
	type DraftArea,
	type LngLat,
	type MapEdit,
	type MapEditEvent,
	type Sketch
} from '$lib/map/drawing';
import type { RegisterItemRef, RegisterKind } from '$lib/map/register-layers';

export type MapMode = 'buurten' | 'outline' | 'point';

export type EditTarget =
	| { kind: 'programme'; item: Programme | null }
	| { kind: 'investment'; item: Investment | null }
	| { kind: 'signal'; item: Signal | null };

const API: Record<RegisterKind, string> = { programme: '/api/programmes', investment: '/api/investments', signal: '/api/signals' };

export interface EditDefaults {
	gemeentecode: string;
	/** Buurten to start a new item on (the selected area's). */
	buurtcodes?: string[];
	/** A partner writes for its own organisation. */
	partner?: string;
	today?: string;
}

export class RegisterEditing {
	target = $state<EditTarget | null>(null);
	gemeentecode = $state('');
	programme = $state<ProgrammeDraft | null>(null);
	investment = $state<InvestmentDraft | null>(null);
	signal = $state<SignalDraft | null>(null);
	mapMode = $state<MapMode | null>(null);
	sketch = $state<Sketch>(EMPTY_SKETCH);
	/** Why the outline could not be finished. */
	sketchProblem = $state<string | null>(null);
	errors = $state<FieldError[]>([]);
	/** A refusal or failure of the whole form (403, 409, network). */
	failure = $state<string | null>(null);
	/** Someone else changed the item since this form opened (409): the form offers to reload. */
	stale = $state(false);
	busy = $state(false);
	/** What a screen reader hears after a map click or a step of the drawing. */
	announcement = $state('');

	get open(): boolean {
		return this.target !== null;
	}

	get isNew(): boolean {
		return !!this.target && this.target.item === null;
	}

	/** The programme's area as the form has it now, for the map to show. */
	get draftArea(): DraftArea | null {
		return this.programme ? { buurtcodes: this.programme.buurtcodes, outline: this.programme.outline } : null;
	}

	/** What AreaMap is asked to do. */
	get mapEdit(): MapEdit | null {
		switch (this.mapMode) {
			case 'buurten':
				return { kind: 'buurten' };
			case 'outline':
				return { kind: 'outline', sketch: this.sketch };
			case 'point': {
				const place = this.investment?.place ?? this.signal?.place;
				return { kind: 'point', point: (place?.point?.coordinates as LngLat | undefined) ?? null };
			}
			default:
				return null;
		}
	}

	start(target: EditTarget, defaults: EditDefaults) {
		this.target = target;
		this.gemeentecode = target.item?.gemeentecode ?? defaults.gemeentecode;
		this.errors = [];
		this.failure = null;
		this.mapMode = null;
		this.sketch = EMPTY_SKETCH;
		this.sketchProblem = null;
		this.programme = target.kind === 'programme' ? programmeDraft(target.item, this.gemeentecode, defaults.buurtcodes ?? []) : null;
		this.investment =
			target.kind === 'investment'
				? investmentDraft(target.item, { partner: defaults.partner, buurtcode: defaults.buurtcodes?.length === 1 ? defaults.buurtcodes[0] : '' })
				: null;
		this.signal =
			target.kind === 'signal'
				? signalDraft(target.item, { buurtcode: defaults.buurtcodes?.length === 1 ? defaults.buurtcodes[0] : '', today: defaults.today })
				: null;
	}

	close() {
		this.target = null;
		this.programme = this.investment = this.signal = null;
		this.mapMode = null;
		this.sketch = EMPTY_SKETCH;
		this.errors = [];
		this.failure = null;
	}

	setMapMode(mode: MapMode | null) {
		this.mapMode = mode;
		this.sketchProblem = null;
		if (mode === 'outline') {
			this.sketch = EMPTY_SKETCH;
			this.announcement =
				'Omtrek tekenen: klik op de kaart voor elk hoekpunt, of zet een hoekpunt in het midden van de kaart. Dubbelklik of Enter rondt af, Backspace haalt het laatste punt weg, Escape annuleert.';
		} else if (mode === 'buurten') {
			this.announcement = 'Buurten kiezen: klik op een buurt om hem toe te voegen of weg te halen.';
		} else if (mode === 'point') {
			this.announcement = 'Punt kiezen: klik op de kaart, of kies het midden van de kaart.';
		}
	}

	toggleBuurt(code: string) {
		if (!this.programme) return;
		const picked = this.programme.buurtcodes;
		this.programme.buurtcodes = picked.includes(code) ? picked.filter((c) => c !== code) : [...picked, code].sort();
	}

	/** What the map reports while editing. */
	onMapEvent(event: MapEditEvent, buurtName: (code: string) => string = (c) => c) {
		switch (event.type) {
			case 'buurt': {
				if (!this.programme) return;
				const had = this.programme.buurtcodes.includes(event.code);
				this.toggleBuurt(event.code);
				this.announcement = `${buurtName(event.code)} ${had ? 'weggehaald' : 'toegevoegd'}; ${this.programme.buurtcodes.length} buurten gekozen.`;
				return;
			}
			case 'vertex':
				this.sketch = addVertex(this.sketch, event.at);
				this.sketchProblem = null;
				this.announcement = `Hoekpunt ${this.sketch.vertices.length} gezet.`;
				return;
			case 'undo':
				this.sketch = undoVertex(this.sketch);
				this.announcement = `Laatste punt weggehaald; nog ${this.sketch.vertices.length} hoekpunten.`;
				return;
			case 'point': {
				const place = this.investment?.place ?? this.signal?.place;
				if (!place) return;
				place.point = { type: 'Point', coordinates: event.at };
				place.mode = 'punt';
				place.changed = true;
				this.mapMode = null;
				this.announcement = 'Punt gekozen.';
				return;
			}
			case 'finish':
				if (this.mapMode === 'outline') this.finishOutline();
				else {
					this.mapMode = null;
					this.announcement = this.programme ? `${this.programme.buurtcodes.length} buurten gekozen.` : '';
				}
				return;
			case 'cancel':
				if (this.mapMode === 'outline') this.announcement = 'Tekenen geannuleerd; de omtrek is niet veranderd.';
				this.mapMode = null;
				this.sketch = EMPTY_SKETCH;
				this.sketchProblem = null;
				return;
		}
	}

	finishOutline() {
		const result = finishSketch(this.sketch);
		if (!result.ok) {
			this.sketchProblem = result.message;
			this.announcement = result.message;
			return;
		}
		if (this.programme) this.programme.outline = sketchPolygon(result.sketch);
		this.sketch = EMPTY_SKETCH;
		this.mapMode = null;
		this.announcement = `Omtrek getekend met ${result.sketch.vertices.length} hoekpunten.`;
	}

	/** Saves the item; the saved item on success, null when the API refused (the errors are then here). */
	async save(): Promise<RegisterItemRef | null> {
		const target = this.target;
		if (!target || this.busy) return null;
		const built =
			target.kind === 'programme'
				? programmeBody(this.programme!, this.gemeentecode)
				: target.kind === 'investment'
					? investmentBody(this.investment!)
					: signalBody(this.signal!);
		this.errors = built.errors;
		this.failure = built.errors.length ? 'Controleer de velden hieronder.' : null;
		if (built.errors.length) return null;
		this.busy = true;
		this.stale = false;
		try {
			const url = target.item ? `${API[target.kind]}/${target.item.id}` : API[target.kind];
			// The version the form started from: a change by someone else in between is refused (409), not overwritten.
			const sent = target.item ? { ...built.body, version: target.item.version } : built.body;
			const response = await fetch(url, {
				method: target.item ? 'PUT' : 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(sent)
			});
			const body = await response.json().catch(() => null);
			if (!response.ok) {
				const failure = readFailure(response.status, body);
				this.errors = failure.errors;
				this.failure = failure.message;
				this.stale = response.status === 409 && !!body?.current;
				return null;
			}
			return { kind: target.kind, id: Number(body.id) };
		} catch {
			this.failure = 'De server is niet bereikbaar; probeer het opnieuw.';
			return null;
		} finally {
			this.busy = false;
		}
	}
}

/** Why a delete did not happen; `stale` when someone else changed the item since it was loaded (409). */
export interface DeleteRefusal {
	message: string;
	stale: boolean;
}

/**
 * Deletes an item as it was loaded (`?version=`): a change by someone else in between is refused (409), not
 * deleted unseen. Null on success, else the API's refusal in Dutch.
 */
export async function deleteItem(ref: RegisterItemRef, version: number): Promise<DeleteRefusal | null> {
	try {
		const response = await fetch(`${API[ref.kind]}/${ref.id}?version=${version}`, { method: 'DELETE' });
		if (response.ok) return null;
		const body = await response.json().catch(() => null);
		return { message: readFailure(response.status, body).message, stale: response.status === 409 };
	} catch {
		return { message: 'De server is niet bereikbaar; probeer het opnieuw.', stale: false };
	}
}

/** Undoes the newest change of an item (the delete just made); null on success, else the refusal. */
export async function undoLatest(ref: RegisterItemRef, gemeentecode: string): Promise<string | null> {
	try {
		const list = await fetch(`/api/audit?gemeente=${gemeentecode}&entity=${ref.kind}&id=${ref.id}&limit=1`);
		const entries = await list.json().catch(() => null);
		if (!list.ok) return readFailure(list.status, entries).message;
		if (!Array.isArray(entries) || !entries[0]) return 'Er is geen wijziging gevonden om ongedaan te maken.';
		const response = await fetch(`/api/audit/${entries[0].id}/undo`, { method: 'POST' });
		if (response.ok) return null;
		return readFailure(response.status, await response.json().catch(() => null)).message;
	} catch {
		return 'De server is niet bereikbaar; probeer het opnieuw.';
	}
}
