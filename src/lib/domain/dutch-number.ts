// The one reader of numbers as Dutch people and Dutch spreadsheets write them, for files (monitor CSVs,
// partner spreadsheets, wijkbudgetten) and forms alike: `6.200.000`, `1.234,50`, `52,2701`, `€ 450 000`, `2.5`.
//
// A comma is the decimal separator. Dots (or spaces) between groups of three digits separate thousands. A
// single dot followed by other than three digits (`12.5`), or after a leading 0 (`0.125`), can only be a decimal point. The one case that
// depends on the source is a single dot followed by exactly three digits (`450.000`): Dutch for 450000,
// English for 450 — `singleDotGroup` says how the caller's source writes it.
// (StatLine's own cells always use a decimal point and no grouping: geo/statline/records.ts reads those.)

export interface DutchNumberOptions {
	/**
	 * `450.000`: 'thousands' (default; a Dutch sheet or form: 450000), 'refuse' (a file that also writes decimal
	 * points, such as the monitor's: a thousandfold error either way, so ask), 'decimal' (coordinates: 6.813°).
	 */
	singleDotGroup?: 'thousands' | 'refuse' | 'decimal';
	/** Advice added to the error: "laat de cel leeg als de waarde ontbreekt". */
	hint?: string;
}

export type ParsedNumber = { value: number | null } | { error: string };

const GROUPED_SPACES = /^[-+]?\d{1,3}([ \u00a0\u202f]\d{3})+(,\d+)?$/;

/** A number, null for an empty text, or the problem in Dutch. */
export function parseDutchNumber(text: string, options: DutchNumberOptions = {}): ParsedNumber {
	const shown = text.trim();
	let t = shown.replace(/^€\s*/, '').replace(/^([-+]?)€\s*/, '$1');
	if (t === '') return { value: null };
	// Spaces only as thousands separators ("1 234 500"); "12 5" is not a number.
	if (GROUPED_SPACES.test(t)) t = t.replace(/[ \u00a0\u202f]/g, '');
	const policy = options.singleDotGroup ?? 'thousands';
	let normal: string | null = null;
	if (/^[-+]?\d+(,\d+)?$/.test(t)) normal = t.replace(',', '.');
	else if (/^[-+]?[1-9]\d{0,2}\.\d{3}$/.test(t)) {
		if (policy === 'refuse') {
			const digits = t.replace('.', '');
			return { error: `dubbelzinnig getal "${t}": schrijf ${digits} (zonder punt) of ${t.replace('.', ',')} (decimale komma)` };
		}
		normal = policy === 'decimal' ? t : t.replace('.', '');
	} else if (policy !== 'decimal' && /^[-+]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
	else if (/^[-+]?\d+\.\d+$/.test(t)) normal = t;
	else if (/^[-+]?[.,]\d+$/.test(t)) normal = t.replace(/^([-+]?)[.,]/, '$10.');
	const value = normal === null ? NaN : Number(normal);
	if (!Number.isFinite(value)) {
		return { error: `geen getal: "${shown}"${options.hint ? ` (${options.hint})` : ''}` };
	}
	return { value };
}

/** For forms: the number, or null when the text is empty or not a number. */
export function dutchNumberOrNull(text: string): number | null {
	const parsed = parseDutchNumber(text);
	return 'value' in parsed ? parsed.value : null;
}
