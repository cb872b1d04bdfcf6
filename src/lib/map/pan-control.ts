// Buttons that move the map a step north, west, east or south, beside MapLibre's zoom buttons: moving the
// map then needs no dragging (WCAG 2.2, 2.5.7 Dragging Movements). The arrow keys on the focused map do the same.
import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

/** Room around a fitted area, in CSS pixels (MapLibre's PaddingOptions). */
export interface CameraPadding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** One step: a third of the shorter side of the map, so that part of what was in view stays in view. */
export function panStep(width: number, height: number): number {
	return Math.max(40, Math.round(Math.min(width, height) / 3));
}

const DIRECTIONS = [
	{ key: 'up', label: 'Kaart naar boven schuiven', arrow: '↑', dx: 0, dy: -1 },
	{ key: 'left', label: 'Kaart naar links schuiven', arrow: '←', dx: -1, dy: 0 },
	{ key: 'right', label: 'Kaart naar rechts schuiven', arrow: '→', dx: 1, dy: 0 },
	{ key: 'down', label: 'Kaart naar beneden schuiven', arrow: '↓', dx: 0, dy: 1 }
] as const;

export class PanControl implements IControl {
	#container: HTMLDivElement | undefined;

	onAdd(map: MapLibreMap): HTMLElement {
		const container = document.createElement('div');
		container.className = 'maplibregl-ctrl maplibregl-ctrl-group wijkbeeld-pan';
		for (const d of DIRECTIONS) {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = `wijkbeeld-pan-${d.key}`;
			button.setAttribute('aria-label', d.label);
			button.title = d.label;
			const arrow = document.createElement('span');
			arrow.setAttribute('aria-hidden', 'true');
			arrow.textContent = d.arrow;
			button.append(arrow);
			button.addEventListener('click', () => {
				const canvas = map.getCanvas();
				const step = panStep(canvas.clientWidth, canvas.clientHeight);
				// A move by a button is the user's own, as a drag is (it goes into the URL).
				map.panBy([d.dx * step, d.dy * step], { duration: 300 }, { originalEvent: new Event('click') });
			});
			container.append(button);
		}
		this.#container = container;
		return container;
	}

	onRemove(): void {
		this.#container?.remove();
		this.#container = undefined;
	}
}
