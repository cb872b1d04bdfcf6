// The register on the main map page: which item is shown, what the user may create or change there, and the
// flow of saving, deleting and undoing with the notice that follows. The page keeps the layout; this class
// keeps the state and the rules, so that unit tests can reach them (see map-register.spec.ts).
import type { AreaDetail } from '$lib/domain/areas';
import type { Investment, Programme, Signal } from '$lib/domain/register';
import { canReadSignals, canUndo, canWrite, type User } from '$lib/domain/roles';
import type { RegisterItemRef, RegisterKind } from '$lib/map/register-layers';
import type { DetailItem } from './RegisterItemDetails.svelte';
import { RegisterEditing, deleteItem, undoLatest, type DeleteRefusal } from './editing.svelte';

/** What the page's load gives of the register (register-map.ts), as far as this flow reads it. */
export interface MapRegisterData {
	programmes: Programme[];
	investments: Investment[];
	signals: Signal[] | null;
	buurten: { code: string; name: string; wijkcode: string | null }[];
	areaBuurtcodes: readonly string[] | null;
}

export interface MapRegisterSource {
	user: User | null;
	/** The gemeente the page shows. */
	gemeente: string;
	selected: AreaDetail | null;
	register: MapRegisterData | null;
}

/** The calls that reach the server; tests give their own. */
export interface MapRegisterApi {
	deleteItem: (ref: RegisterItemRef, version: number) => Promise<DeleteRefusal | null>;
	undoLatest: (ref: RegisterItemRef, gemeentecode: string) => Promise<string | null>;
	/** Loads the page's data again (SvelteKit's invalidateAll) after an edit. */
	refresh: () => Promise<void>;
}

export interface Notice {
	text: string;
	/** The item just deleted, when the user may undo that. */
	undo: (RegisterItemRef & { gemeentecode: string }) | null;
}

/** The measures offered for a new investment: the usual ones and every one already in the register. */
const USUAL_MEASURES = ['renovatie', 'isolatie', 'sloop en nieuwbouw', 'warmtetransitie', 'openbare ruimte'];

export class MapRegister {
	readonly editing = new RegisterEditing();
	selectedItem = $state<RegisterItemRef | null>(null);
	notice = $state<Notice | null>(null);
	/** Bumped after every edit, so that the map fetches the register again. */
	version = $state(0);

	readonly #source: () => MapRegisterSource;
	readonly #api: MapRegisterApi;

	constructor(source: () => MapRegisterSource, api: Partial<MapRegisterApi> & Pick<MapRegisterApi, 'refresh'>) {
		this.#source = source;
		this.#api = { deleteItem, undoLatest, ...api };
	}

	/** The page's data now (the deriveds below are lazy: first read after the constructor has run). */
	#now(): MapRegisterSource {
		return this.#source();
	}

	readonly signalsAllowed = $derived(canReadSignals(this.#now().user));
	readonly programmes = $derived(this.#now().register?.programmes ?? []);
	readonly investments = $derived(this.#now().register?.investments ?? []);
	readonly signals = $derived(this.#now().register?.signals ?? null);
	readonly synthetic = $derived([...this.programmes, ...this.investments, ...(this.signals ?? [])].some((i) => i.synthetic));

	/** The item shown in the panel, looked up in the register as loaded (gone after a delete elsewhere: null). */
	readonly detail = $derived.by<DetailItem | null>(() => {
		const ref = this.selectedItem;
		if (!ref) return null;
		if (ref.kind === 'programme') {
			const item = this.programmes.find((p) => p.id === ref.id);
			return item ? { kind: 'programme', item } : null;
		}
		if (ref.kind === 'investment') {
			const item = this.investments.find((i) => i.id === ref.id);
			return item ? { kind: 'investment', item } : null;
		}
		const item = this.signals?.find((s) => s.id === ref.id);
		return item ? { kind: 'signal', item } : null;
	});

	readonly canEditDetail = $derived.by(() => {
		const detail = this.detail;
		if (!detail) return false;
		return canWrite(this.#now().user, detail.kind, {
			gemeentecode: detail.item.gemeentecode,
			partner: detail.kind === 'investment' ? detail.item.partner : undefined
		});
	});

	readonly canCreate = $derived.by<Record<RegisterKind, boolean>>(() => {
		const { user, gemeente } = this.#now();
		return {
			programme: canWrite(user, 'programme', { gemeentecode: gemeente }),
			// A partner adds investments of their own organisation anywhere they work.
			investment: user?.role === 'partner' || canWrite(user, 'investment', { gemeentecode: gemeente, partner: '' }),
			signal: this.signalsAllowed && canWrite(user, 'signal', { gemeentecode: gemeente })
		};
	});

	/** A partner's investments are always their own organisation's. */
	readonly fixedPartner = $derived.by(() => {
		const user = this.#now().user;
		return user?.role === 'partner' ? user.organisation : null;
	});
	// Plain sets to sort once, not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly partners = $derived([...new Set(this.investments.map((i) => i.partner))].sort((a, b) => a.localeCompare(b, 'nl')));
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly measures = $derived([...new Set([...USUAL_MEASURES, ...this.investments.map((i) => i.measure)])].sort());

	buurtName = (code: string): string => this.#now().register?.buurten.find((b) => b.code === code)?.name ?? code;

	/** Shows an item in the panel (not while a form is open: the form keeps the panel). */
	show(item: RegisterItemRef) {
		if (this.editing.open) return;
		this.selectedItem = item;
		this.notice = null;
	}

	/** The buurten a new item starts on: the selected buurt, or for a programme the buurten of the selected wijk. */
	startBuurten(kind: RegisterKind): string[] {
		const { selected, register } = this.#now();
		if (!selected) return [];
		if (selected.level === 'buurt') return [selected.code];
		if (kind === 'programme' && selected.level === 'wijk') return [...(register?.areaBuurtcodes ?? [])];
		return [];
	}

	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- read once, for the form's first date
	startCreate(kind: RegisterKind, today = new Date().toISOString().slice(0, 10)) {
		this.selectedItem = null;
		this.notice = null;
		this.editing.start({ kind, item: null } as never, {
			gemeentecode: this.#now().gemeente,
			buurtcodes: this.startBuurten(kind),
			partner: this.fixedPartner ?? undefined,
			today
		});
	}

	startEdit() {
		const detail = this.detail;
		if (!detail) return;
		this.editing.start(detail as never, { gemeentecode: detail.item.gemeentecode });
	}

	async #refresh() {
		this.version++;
		await this.#api.refresh();
	}

	/** After the form saved: back to the item, with a word on what happened. */
	async saved(item: RegisterItemRef) {
		const wasNew = this.editing.isNew;
		this.editing.close();
		await this.#refresh();
		this.selectedItem = item;
		this.notice = { text: wasNew ? 'Opgeslagen: het staat nu op de kaart en in de lijst.' : 'De wijzigingen zijn opgeslagen.', undo: null };
	}

	/** Deletes the shown item as loaded (its version); the refusal, or null when it is gone. */
	async remove(): Promise<DeleteRefusal | null> {
		const detail = this.detail;
		if (!detail) return null;
		const ref = { kind: detail.kind, id: detail.item.id };
		const name = detail.kind === 'programme' ? detail.item.name : detail.kind === 'investment' ? detail.item.projectName : 'Het signaal';
		const gemeentecode = detail.item.gemeentecode;
		const refusal = await this.#api.deleteItem(ref, detail.item.version);
		if (refusal) return refusal;
		this.selectedItem = null;
		await this.#refresh();
		this.notice = { text: `"${name}" is verwijderd.`, undo: canUndo(this.#now().user, gemeentecode) ? { ...ref, gemeentecode } : null };
		return null;
	}

	async undoDelete() {
		const target = this.notice?.undo;
		if (!target) return;
		const refusal = await this.#api.undoLatest(target, target.gemeentecode);
		if (refusal) {
			this.notice = { text: `Ongedaan maken lukte niet: ${refusal}`, undo: null };
			return;
		}
		await this.#refresh();
		this.selectedItem = { kind: target.kind, id: target.id };
		this.notice = { text: 'Het verwijderen is ongedaan gemaakt.', undo: null };
	}
}
