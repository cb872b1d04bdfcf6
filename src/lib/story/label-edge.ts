// Which area names would run over the edge of the slide's map: MapLibre draws a label whose point is in view even
// when half its text is not, so a name at the window's edge is cut ("elose oord"). The player leaves those out
// after each camera move. An estimate from the text's length, in the label layer's sizes (CSS pixels).

export interface LabelPoint {
	code: string;
	name: string;
	/** Where the label's point is on the map, in CSS pixels from the top left. */
	x: number;
	y: number;
	/** Moved below an investment's circle (the label layer's text-offset of 1.9 em). */
	shift?: boolean;
}

/** Average advance of a letter of the label font, in ems; the label layer wraps at 9 ems (text-max-width). */
const EM_PER_LETTER = 0.55;
const MAX_WIDTH_EM = 9;
const LINE_HEIGHT_EM = 1.2;
const SHIFT_EM = 1.9;

/** The codes of the labels that would not fit inside a map of width × height at the given text size. */
export function labelsOverEdge(points: readonly LabelPoint[], width: number, height: number, size: number, margin = 2): string[] {
	return points
		.filter((p) => {
			const ems = p.name.length * EM_PER_LETTER;
			const lines = Math.max(1, Math.ceil(ems / MAX_WIDTH_EM));
			const halfWidth = (Math.min(ems, MAX_WIDTH_EM) * size) / 2 + margin;
			const halfHeight = (lines * LINE_HEIGHT_EM * size) / 2 + margin;
			const cy = p.y + (p.shift ? SHIFT_EM * size : 0);
			return p.x - halfWidth < 0 || p.x + halfWidth > width || cy - halfHeight < 0 || cy + halfHeight > height;
		})
		.map((p) => p.code);
}
