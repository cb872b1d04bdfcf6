// Which panels of the map page are open: the controls on one side, the area card on the other, the legend.
// Kept per browser (localStorage), so that a user who closed the controls finds them closed on the next visit;
// a first visit opens what helps a newcomer without pushing the map under 70 % of the window (see defaultPanels).

export interface PanelsOpen {
	/** The controls: level, theme, weights, overlays, period. */
	controls: boolean;
	/** The area card with the register of the area and the table of areas in view. */
	card: boolean;
	/** The legend on the map (its sections fold on their own). */
	legend: boolean;
}

export const PANELS_STORAGE_KEY = 'wijkbeeld.panelen';

/** Below this width the page is a phone layout: the map first, panels as sheets that slide up. */
export const PHONE_MAX_WIDTH = 767;
/** From this width both side panels fit beside a map that keeps at least 70 % of the window. */
export const BOTH_PANELS_MIN_WIDTH = 1700;

/**
 * What a first visit opens. On a phone only the map (and the folded legend). On a laptop one side panel:
 * the area card when a link names an area (that is what the link is about), else the controls (where to start).
 * On a wide screen both.
 */
export function defaultPanels(width: number, hasSelection: boolean): PanelsOpen {
	if (width <= PHONE_MAX_WIDTH) return { controls: false, card: false, legend: false };
	if (width >= BOTH_PANELS_MIN_WIDTH) return { controls: true, card: true, legend: true };
	return { controls: !hasSelection, card: hasSelection, legend: true };
}

/** The stored choice, or null when there is none or it cannot be read (another shape, a broken value). */
export function readStoredPanels(text: string | null): PanelsOpen | null {
	if (!text) return null;
	try {
		const value = JSON.parse(text) as Partial<PanelsOpen>;
		if (typeof value !== 'object' || value === null) return null;
		if (![value.controls, value.card, value.legend].every((v) => typeof v === 'boolean')) return null;
		return { controls: value.controls!, card: value.card!, legend: value.legend! };
	} catch {
		return null;
	}
}

/** The panels' state for the page; `restore` runs in the browser once the page is there. */
export class MapPanels {
	controls = $state(true);
	card = $state(true);
	legend = $state(true);
	/** A phone layout: panels are sheets, and only one is open at a time. */
	phone = $state(false);

	restore(storage: Pick<Storage, 'getItem'> | null, width: number, hasSelection: boolean) {
		this.phone = width <= PHONE_MAX_WIDTH;
		// A phone always opens on the map: a sheet left open on the last visit would hide it.
		const stored = this.phone ? null : readStoredPanels(storage?.getItem(PANELS_STORAGE_KEY) ?? null);
		const open = stored ?? defaultPanels(width, hasSelection);
		this.controls = open.controls;
		this.card = open.card;
		this.legend = open.legend;
	}

	toggle(panel: keyof PanelsOpen, storage: Pick<Storage, 'setItem'> | null = null) {
		const next = !this[panel];
		if (this.phone && next) {
			// One sheet at a time on a phone.
			this.controls = false;
			this.card = false;
			if (panel !== 'legend') this.legend = false;
		}
		this[panel] = next;
		if (!this.phone) storage?.setItem(PANELS_STORAGE_KEY, JSON.stringify(this.snapshot()));
	}

	open(panel: keyof PanelsOpen, storage: Pick<Storage, 'setItem'> | null = null) {
		if (!this[panel]) this.toggle(panel, storage);
	}

	snapshot(): PanelsOpen {
		return { controls: this.controls, card: this.card, legend: this.legend };
	}
}
