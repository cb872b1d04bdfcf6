// Drawing an indeling on the map, as pure rules: which stadsdeel each buurt is in while it is being drawn, the
// colours the stadsdelen get, and which buurten a lasso catches. The editor (components/indelingen/editor.svelte.ts)
// keeps its state with these; the map only shows it.
import type { IndelingStadsdeel } from './indelingen';

/** Distinct colours for stadsdelen (Okabe–Ito and Tableau hues, readable under black labels). */
export const STADSDEEL_COLOURS = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#8fb0e0', '#b3de69', '#fdb462', '#bc80bd', '#ccebc5', '#ffed6f'];
/** A buurt in no stadsdeel yet. */
export const UNASSIGNED_COLOUR = '#ffffff';

export function colourOf(index: number): string {
	return STADSDEEL_COLOURS[index % STADSDEEL_COLOURS.length];
}

/** buurtcode → index of its stadsdeel in `stadsdelen`. */
export function assignmentOf(stadsdelen: Pick<IndelingStadsdeel, 'buurtcodes'>[]): Record<string, number> {
	const assignment: Record<string, number> = {};
	stadsdelen.forEach((s, i) => {
		for (const code of s.buurtcodes) assignment[code] = i;
	});
	return assignment;
}

/** The stadsdelen as the API takes them, buurten sorted by code; unassigned buurten are left out (the server names them). */
export function stadsdelenOf(names: string[], assignment: Record<string, number>): { name: string; buurtcodes: string[] }[] {
	return names.map((name, i) => ({
		name: name.trim(),
		buurtcodes: Object.keys(assignment)
			.filter((code) => assignment[code] === i)
			.sort()
	}));
}

/** Removes stadsdeel `index`: its buurten become unassigned, later stadsdelen move up one place. */
export function withoutStadsdeel(assignment: Record<string, number>, index: number): Record<string, number> {
	const next: Record<string, number> = {};
	for (const [code, i] of Object.entries(assignment)) {
		if (i === index) continue;
		next[code] = i > index ? i - 1 : i;
	}
	return next;
}

/** Whether a point lies inside a ring (ray casting; the ring need not be closed). */
export function pointInRing(point: [number, number], ring: [number, number][]): boolean {
	const [x, y] = point;
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/** The buurten whose label point lies inside the lasso. */
export function caughtByLasso(buurten: { code: string; label: [number, number] }[], lasso: [number, number][]): string[] {
	if (lasso.length < 3) return [];
	return buurten.filter((b) => pointInRing(b.label, lasso)).map((b) => b.code);
}

/** A name for a copy: "Kopie van X", or "Kopie 2 van X" when that is taken. */
export function copyName(name: string, taken: string[]): string {
	const base = name.replace(/^Kopie( \d+)? van /, '');
	for (let n = 1; ; n++) {
		const candidate = `${n === 1 ? 'Kopie' : `Kopie ${n}`} van ${base}`.slice(0, 120);
		if (!taken.includes(candidate)) return candidate;
	}
}
