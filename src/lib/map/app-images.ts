// The images our map styles name but no style carries: the hatching of "te weinig inwoners" (palettes.ts) and the
// register's symbols and hatchings (register-symbols.ts). A style taken from the live map (`getStyle()`) or a story
// snapshot refers to them by id only, so every other map that draws one — the export renderer, the story player —
// makes them on demand here. Nothing is fetched: they are drawn on a canvas in the browser.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SUPPRESSED, suppressedPattern } from '../domain/palettes';
import { createRegisterImages, type RegisterImage } from './register-symbols';

/** Resolves any of the app's images the map asks for, drawn at `pixelRatio` (rounded, at least 1). */
export function provideAppImages(map: MapLibreMap, pixelRatio: number): void {
	const ratio = Math.max(1, Math.round(pixelRatio));
	let register: Map<string, RegisterImage> | undefined;
	map.setMissingStyleImageResolver((id) => {
		if (map.hasImage(id)) return;
		if (id === SUPPRESSED.image) {
			map.addImage(id, suppressedPattern(ratio), { pixelRatio: ratio });
			return;
		}
		register ??= new Map(createRegisterImages(ratio).map((image) => [image.id, image]));
		const image = register.get(id);
		if (image) map.addImage(id, image.image, { pixelRatio: image.pixelRatio });
	});
}
