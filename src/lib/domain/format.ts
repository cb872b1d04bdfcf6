// Numbers as Dutch readers expect them.
const hectares = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export function formatHectares(value: number): string {
	return `${hectares.format(value)} ha`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A value with at most `digits` decimals (default: 1 below 100, none above), Dutch separators. */
export function formatNumber(value: number, digits = Math.abs(value) >= 100 ? 0 : 1): string {
	let format = numberFormats.get(digits);
	if (!format) {
		format = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
		numberFormats.set(digits, format);
	}
	return format.format(value);
}

/** A value with its unit as the catalogue names it: "24,7 %", "167 x 1.000 euro", "1.432 inwoners". */
export function formatValue(value: number | null, unit: string): string {
	if (value === null) return '–';
	const number = formatNumber(value);
	if (unit === '%') return `${number} %`;
	if (unit === 'aantal') return number;
	return `${number} ${unit}`;
}

/** A signed difference: "+2,3" or "−1,0" (with a real minus sign). */
export function formatSigned(value: number): string {
	const text = formatNumber(Math.abs(value));
	return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
