// Registers the app's own font under the names the map style asks for, so MapLibre draws labels
// with it (locally, through the browser) instead of fetching glyphs from a remote server.
import regular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import bold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import { LABEL_FONT, LABEL_FONT_BOLD } from './style';

let loaded: Promise<void> | undefined;

export function loadMapFonts(): Promise<void> {
	loaded ??= (async () => {
		const faces = [new FontFace(LABEL_FONT, `url(${regular})`), new FontFace(LABEL_FONT_BOLD, `url(${bold})`, { weight: '700' })];
		for (const face of faces) document.fonts.add(await face.load());
	})();
	return loaded;
}
