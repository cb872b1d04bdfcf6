// Numbers as Dutch readers expect them.
const hectares = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export function formatHectares(value: number): string {
	return `${hectares.format(value)} ha`;
}
