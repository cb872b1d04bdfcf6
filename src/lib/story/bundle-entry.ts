// The offline bundle's player: a classic script (Chromium refuses module scripts and fetch() from file://) that
// plays the story inlined beside it as `window.WIJKBEELD_VERHAAL`, with the font inlined as data: URLs and
// MapLibre's worker given as a blob: URL made from its source (a worker cannot be loaded from a file:// URL).
// Built by vite.player.config.ts as part of `npm run build`; zipped with a story by src/lib/server/story-bundle.ts.
import { setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import './player.css';
import { createPlayer, type Player } from './player';
import { startIndex } from './presentation';
import { LABEL_FONT, LABEL_FONT_BOLD } from '../map/style';
import type { StorySnapshot } from './snapshot';

interface BundleGlobals {
	WIJKBEELD_VERHAAL?: StorySnapshot & { madeAt: string; madeAtLabel: string };
	WIJKBEELD_FONTS?: { regular: string; bold: string };
	WIJKBEELD_WORKER?: string;
	wijkbeeld?: { map: Player['map']; player: Player };
}

async function loadFonts(fonts: BundleGlobals['WIJKBEELD_FONTS']) {
	if (!fonts) return;
	const faces = [new FontFace(LABEL_FONT, `url(${fonts.regular})`), new FontFace(LABEL_FONT_BOLD, `url(${fonts.bold})`, { weight: '700' })];
	for (const face of faces) document.fonts.add(await face.load());
}

function fail(root: HTMLElement, message: string) {
	root.textContent = '';
	const p = document.createElement('p');
	p.className = 'wb-bundle-error';
	p.textContent = message;
	root.append(p);
}

async function start() {
	const globals = window as unknown as BundleGlobals;
	const root = document.getElementById('speler');
	if (!root) return;
	const story = globals.WIJKBEELD_VERHAAL;
	if (!story || !globals.WIJKBEELD_WORKER) {
		fail(root, 'Het verhaal kon niet worden geladen: open index.html in de uitgepakte map (niet in het zip-bestand zelf).');
		return;
	}
	setWorkerUrl(URL.createObjectURL(new Blob([globals.WIJKBEELD_WORKER], { type: 'text/javascript' })));
	// Without the font the labels fall back to the browser's own: still a working map, so go on.
	await loadFonts(globals.WIJKBEELD_FONTS).catch(() => undefined);
	const player = createPlayer({
		root,
		story,
		start: startIndex(location.hash, story.slides.length),
		mode: 'present',
		footnote: `Offline pakket, gemaakt op ${story.madeAtLabel}: de gegevens van dat moment.`,
		onchange: (state) => history.replaceState(null, '', `#${state.index + 1}`)
	});
	// Tests and the browser console reach the map here, as in the app.
	globals.wijkbeeld = { map: player.map, player };
}

void start();
