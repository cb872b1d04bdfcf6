// Line breaking for exports: the canvas and the PDF have no layout engine, so the export breaks its own
// lines, with the same widths the painter will use (a `Measure` over the app's font).

export type FontWeight = 'regular' | 'bold';

/** The width of `text` at `size`, in the same units as `size`. */
export type Measure = (text: string, weight: FontWeight, size: number) => number;

const ELLIPSIS = '…';

/** Shortens `text` with an ellipsis until it fits `width`. */
export function ellipsize(text: string, width: number, measure: Measure, weight: FontWeight, size: number): string {
	if (measure(text, weight, size) <= width) return text;
	let low = 0;
	let high = text.length;
	// Binary search on the number of characters kept: widths grow with length.
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS, weight, size) <= width) low = mid;
		else high = mid - 1;
	}
	return low === 0 ? ELLIPSIS : text.slice(0, low).trimEnd() + ELLIPSIS;
}

/**
 * Breaks `text` into lines no wider than `width`: at spaces, and inside a word that is too long on its own
 * (a URL) after one of `/?&=-_.,` where possible, else anywhere. Explicit newlines are kept. With `maxLines`,
 * the last line kept ends in an ellipsis when text was left out.
 */
export function wrapText(
	text: string,
	width: number,
	measure: Measure,
	weight: FontWeight,
	size: number,
	maxLines = Infinity
): string[] {
	const lines: string[] = [];
	const fits = (s: string) => measure(s, weight, size) <= width;
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (fits(candidate)) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = '';
			let rest = word;
			while (!fits(rest)) {
				const cut = breakPoint(rest, fits);
				lines.push(rest.slice(0, cut));
				rest = rest.slice(cut);
			}
			line = rest;
		}
		lines.push(line);
	}
	while (lines.length > 1 && lines.at(-1) === '') lines.pop();
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const last = kept[maxLines - 1];
	kept[maxLines - 1] = fits(last + ELLIPSIS) ? last + ELLIPSIS : ellipsize(`${last} ${lines[maxLines]}`, width, measure, weight, size);
	return kept;
}

/** Where to cut a word that does not fit: the most characters that fit, after a URL separator if one is near. */
function breakPoint(word: string, fits: (s: string) => boolean): number {
	let most = 1;
	while (most < word.length && fits(word.slice(0, most + 1))) most++;
	for (let i = most; i > most / 2; i--) {
		if ('/?&=-_.,'.includes(word[i - 1])) return i;
	}
	return most;
}
