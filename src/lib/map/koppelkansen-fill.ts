// The fill of the koppelkansen map: each area in the colour of the kind of its best-ranked result, pale without one.
import type { ExpressionSpecification } from 'maplibre-gl';
import { KIND_COLOURS, type KoppelkansKind } from '../domain/koppelkansen';

export function koppelkansenFill(kinds: ReadonlyMap<string, KoppelkansKind>): ExpressionSpecification | string {
	// A match expression needs at least one label: without results every area is simply pale.
	if (kinds.size === 0) return KIND_COLOURS.geen.fill;
	const pairs = [...kinds].flatMap(([code, kind]) => [code, KIND_COLOURS[kind].fill]);
	return ['match', ['get', 'code'], ...pairs, KIND_COLOURS.geen.fill] as unknown as ExpressionSpecification;
}
