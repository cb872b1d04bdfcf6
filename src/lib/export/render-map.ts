// Renders a MapLibre style at an exact size, off screen, for an export.
//
// This is the one justified exception to "one owner of the map" (AreaMap.svelte): an export renderer,
// created for one export and removed right after. Drawing the export on the live map would resize the
// user's map under their hands, and the live canvas has the screen's size and pixel ratio, not the
// 300 dpi of a print. The input is a style (the live map's `getStyle()`, which carries its GeoJSON data
// inline, or a story slide's snapshot) and a camera.
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { loadMapFonts } from '../map/fonts';
import { provideAppImages } from '../map/app-images';

/** A camera as bounds to fit (the live view's extent) or as centre and zoom. */
export type ExportCamera =
	| { bounds: [number, number, number, number]; padding?: number; maxZoom?: number }
	| { center: [number, number]; zoom: number; bearing?: number; pitch?: number };

export interface RenderedMap {
	/** A 2D canvas with the map, `width × pixelRatio` by `height × pixelRatio` pixels. */
	canvas: HTMLCanvasElement;
	pixelRatio: number;
	zoom: number;
	center: { lng: number; lat: number };
}

export class ExportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ExportError';
	}
}

/** The largest drawing buffer side this browser's WebGL2 allows (SwiftShader in the tests: 8192). */
function maxDrawingSize(): number {
	const probe = document.createElement('canvas');
	const gl = probe.getContext('webgl2');
	if (!gl) throw new ExportError('Deze browser kan de kaart niet tekenen (WebGL2 ontbreekt).');
	const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
	const size = Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE), gl.getParameter(gl.MAX_RENDERBUFFER_SIZE), dims[0], dims[1]);
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return size;
}

/**
 * Renders `style` seen through `camera` into a canvas of `width × height` CSS pixels at `pixelRatio`.
 * Waits until the map is fully drawn (`idle`), at most `timeoutMs`. When the WebGL limit is below the
 * requested pixel size, the ratio is lowered to fit and the result is the smaller image (the caller scales it).
 */
export async function renderMap(options: {
	style: StyleSpecification;
	camera: ExportCamera;
	width: number;
	height: number;
	pixelRatio: number;
	timeoutMs?: number;
}): Promise<RenderedMap> {
	const { style, camera, width, height } = options;
	const timeoutMs = options.timeoutMs ?? 45_000;
	setWorkerUrl(workerUrl);
	await loadMapFonts();
	const limit = maxDrawingSize();
	const pixelRatio = Math.min(options.pixelRatio, limit / width, limit / height);

	const container = document.createElement('div');
	container.setAttribute('aria-hidden', 'true');
	// In the layout (MapLibre measures its container) but invisible and out of the way.
	Object.assign(container.style, {
		position: 'fixed',
		left: '0',
		top: '0',
		width: `${width}px`,
		height: `${height}px`,
		visibility: 'hidden',
		pointerEvents: 'none',
		zIndex: '-1'
	});
	document.body.append(container);

	let map: MapLibreMap | undefined;
	try {
		map = new MapLibreMap({
			container,
			style,
			...('bounds' in camera
				? { bounds: camera.bounds, fitBoundsOptions: { padding: camera.padding ?? 0, maxZoom: camera.maxZoom ?? 17 } }
				: { center: camera.center, zoom: camera.zoom, bearing: camera.bearing ?? 0, pitch: camera.pitch ?? 0 }),
			pixelRatio,
			maxCanvasSize: [limit, limit],
			interactive: false,
			attributionControl: false,
			// Labels appear at once instead of fading in: an idle map is then a finished picture.
			fadeDuration: 0,
			// Needed to copy the WebGL canvas after it has been presented.
			canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
			minZoom: 0,
			maxZoom: 20
		});
		const m = map;
		// The hatching of "te weinig inwoners" and the register's symbols are images the live map adds itself.
		provideAppImages(m, pixelRatio);
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new ExportError(`De kaart was na ${Math.round(timeoutMs / 1000)} seconden nog niet getekend.`)),
				timeoutMs
			);
			m.once('idle', () => {
				clearTimeout(timer);
				resolve();
			});
			m.on('error', (event) => {
				clearTimeout(timer);
				reject(new ExportError(`De kaart kon niet worden getekend: ${event.error?.message ?? 'onbekende fout'}`));
			});
		});
		const source = m.getCanvas();
		const canvas = document.createElement('canvas');
		canvas.width = source.width;
		canvas.height = source.height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new ExportError('Deze browser kan geen afbeelding samenstellen.');
		ctx.drawImage(source, 0, 0);
		const center = m.getCenter();
		return { canvas, pixelRatio: canvas.width / width, zoom: m.getZoom(), center: { lng: center.lng, lat: center.lat } };
	} finally {
		map?.remove();
		container.remove();
	}
}
