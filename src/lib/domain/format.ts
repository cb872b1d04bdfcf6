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

/** A value with its unit as the catalogue names it, or a dash when there is none: "24,7 %", "€ 167.000". */
export function formatValue(value: number | null, unit: string): string {
	return value === null ? '–' : formatIndicatorValue(value, unit);
}

const oneDecimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/**
 * Dutch number with at most `decimals` (0 or 1) decimals, as Intl 'nl-NL' writes it ("1.234,5", "-3,3"; only
 * −0 differs: it is written "0", where Intl writes "-0"). Values
 * that need no rounding (monitor values mostly have one decimal) are written directly: Intl costs about a
 * microsecond a call, which at 15,000 buurten × 14 indicators × 2 values dominated a national ranking. The spec
 * checks both paths give the same text.
 */
export function formatDutchNumber(value: number, decimals: 0 | 1): string {
	const tenths = Math.round(value * 10);
	if (tenths / 10 === value && Math.abs(value) < 1e12 && (decimals === 1 || tenths % 10 === 0)) {
		const absolute = Math.abs(tenths);
		const whole = String(Math.floor(absolute / 10)).replace(/\B(?=(\d{3})+$)/g, '.');
		const decimal = absolute % 10;
		return `${tenths < 0 ? '-' : ''}${whole}${decimal === 0 ? '' : `,${decimal}`}`;
	}
	return (decimals === 1 ? oneDecimal : wholeNumber).format(value);
}

/** An indicator value as a Dutch reader expects it: "24,7 %", "1.234", "€ 245.000", "45,2 per 1.000". */
export function formatIndicatorValue(value: number, unit: string): string {
	switch (unit) {
		case '%':
			return `${formatDutchNumber(value, 1)} %`;
		case 'aantal':
			return formatDutchNumber(value, 0);
		case 'x 1.000 euro':
			return `€ ${formatDutchNumber(Math.round(value * 1000), 0)}`;
	}
	// Scale scores ("score 0-10", "cijfer 1-10") carry their scale in the indicator name already.
	if (unit === '' || /^(score|cijfer)\b/.test(unit)) return formatDutchNumber(value, 1);
	return `${formatDutchNumber(value, 1)} ${unit}`;
}


/** A signed difference: "+2,3" or "−1,0" (with a real minus sign). */
export function formatSigned(value: number): string {
	const text = formatNumber(Math.abs(value));
	return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
