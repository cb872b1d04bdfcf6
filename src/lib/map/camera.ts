// The room the camera leaves around a fitted area (MapLibre's fitBounds padding): what lies on the map's
// edges — the panel toggles at the top left, the zoom and pan buttons at the top right, the scale and the
// attribution at the bottom, the legend in the lower left corner — so that the selected area is never under them.
import type { CameraPadding } from './pan-control';

interface Size {
	width: number;
	height: number;
}

/** Room for the map's own buttons and lines on each side, in CSS pixels. */
const EDGES: CameraPadding = { top: 52, right: 56, bottom: 34, left: 20 };
const GAP = 12;

/**
 * The padding for a map of `map` size with a legend of `legend` size in its lower left corner. The legend's
 * room is taken from the side where it costs the map the least: beside it (left) when it is tall and narrow,
 * above the bottom when it is wide and low. No room is ever more than what leaves a third of the map.
 */
export function cameraPadding(map: Size, legend: Size, phone = false): CameraPadding {
	const edges = phone ? { ...EDGES, top: 16, right: 48 } : EDGES;
	if (!map.width || !map.height) return edges;
	const maxLeft = Math.max(edges.left, Math.floor(map.width / 3));
	const maxBottom = Math.max(edges.bottom, Math.floor(map.height / 3));
	if (!legend.width || !legend.height) return edges;
	const left = Math.min(maxLeft, Math.max(edges.left, legend.width + GAP));
	const bottom = Math.min(maxBottom, Math.max(edges.bottom, legend.height + GAP));
	// The area left for the selection either way; take the larger.
	const besideLegend = (map.width - left - edges.right) * (map.height - edges.top - edges.bottom);
	const aboveLegend = (map.width - edges.left - edges.right) * (map.height - edges.top - bottom);
	return besideLegend >= aboveLegend ? { ...edges, left } : { ...edges, bottom };
}
