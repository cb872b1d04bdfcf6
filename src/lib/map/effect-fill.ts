// The fill of the effect page's map: the programme's buurten, the spillover ring around them and the comparison
// buurten each in their own colour, every other buurt pale (same shape as koppelkansen-fill.ts).
import type { ExpressionSpecification } from 'maplibre-gl';

export const EFFECT_MAP_COLOURS = {
	area: '#1d4f91',
	ring: '#c2a5cf',
	comparison: '#fdb863',
	other: 'rgba(255,255,255,0.35)'
} as const;

export function effectFill(groups: { area: string[]; ring: string[]; comparison: string[] }): ExpressionSpecification | string {
	const pairs: string[] = [];
	const seen = new Set<string>();
	for (const [key, codes] of [['area', groups.area], ['ring', groups.ring], ['comparison', groups.comparison]] as const) {
		for (const code of codes) {
			if (seen.has(code)) continue;
			seen.add(code);
			pairs.push(code, EFFECT_MAP_COLOURS[key]);
		}
	}
	// A match expression needs at least one label.
	if (pairs.length === 0) return EFFECT_MAP_COLOURS.other;
	return ['match', ['get', 'code'], ...pairs, EFFECT_MAP_COLOURS.other] as unknown as ExpressionSpecification;
}
