// The story player: shows a story's snapshots one after another on a MapLibre map, with the slide's title, text,
// legend, counter and text equivalent beside it. One piece of code for the projector mode (/verhalen/{id}/presentatie),
// the preview on the story page and the offline bundle (which has no Svelte and no server), hence plain DOM.
// It owns its map (created here, removed in destroy()): the app's one-owner rule (AreaMap.svelte) is about the
// main page's live map; this player must run where that component cannot.
// The caller sets MapLibre's worker URL and registers the label font before creating a player.
import { AttributionControl, Map as MapLibreMap, type FitBoundsOptions } from 'maplibre-gl';
import { labelsOverEdge } from './label-edge';
import { provideAppImages } from '../map/app-images';
import type { LegendEntry, LegendModel, SlideSnapshot, StorySnapshot } from './snapshot';
import {
	counterText,
	initialState,
	keyAction,
	reduce,
	slideAnnouncement,
	type PresentationAction,
	type PresentationState
} from './presentation';

export interface PlayerOptions {
	root: HTMLElement;
	story: StorySnapshot;
	/** 0-based slide to open on. */
	start?: number;
	/** `present`: keys on the whole window, fullscreen, blanking. `preview`: a passive view the page steers. */
	mode?: 'present' | 'preview';
	/** Esc. Without it Esc only leaves full screen. */
	onexit?: () => void;
	/** After every change of slide (for the URL). */
	onchange?: (state: PresentationState) => void;
	/** Extra lines under the counter (the bundle's "gemaakt op …"). */
	footnote?: string;
}

export interface Player {
	readonly state: PresentationState;
	readonly map: MapLibreMap;
	dispatch(action: PresentationAction): void;
	/** Resolves when the current slide is fully drawn. */
	ready(): Promise<void>;
	destroy(): void;
}

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [key, value] of Object.entries(attrs)) {
		if (value === undefined || value === false) continue;
		if (key === 'class') el.className = String(value);
		else el.setAttribute(key, value === true ? '' : value);
	}
	for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
	return el;
}

function swatch(entry: { shape: LegendEntry['shape']; colour: string; dash?: LegendEntry['dash'] }): HTMLElement {
	const el = h('span', { class: `wb-swatch wb-swatch-${entry.shape}${entry.dash ? ` wb-dash-${entry.dash}` : ''}`, 'aria-hidden': 'true' });
	el.style.setProperty('--swatch', entry.colour);
	return el;
}

function legendElement(legend: LegendModel, subtitle: string): HTMLElement {
	const rows: HTMLElement[] = [
		...legend.classes.map((c) => h('li', {}, swatch({ shape: 'fill', colour: c.colour }), h('span', { class: 'wb-range' }, c.label), h('span', { class: 'wb-count' }, String(c.count)))),
		...[...legend.other, ...legend.overlays].map((e) => h('li', {}, swatch(e), h('span', { class: 'wb-range' }, e.label), h('span', { class: 'wb-count' }, String(e.count))))
	];
	return h(
		'section',
		{ class: 'wb-legend', 'aria-label': 'Legenda' },
		h('h2', { class: 'wb-legend-title' }, legend.title),
		subtitle ? h('p', { class: 'wb-legend-sub' }, subtitle) : null,
		h('ul', {}, ...rows),
		legend.method ? h('p', { class: 'wb-legend-meta' }, `Indeling: ${legend.method}`) : null
	);
}

/** The text equivalent of the map: the areas with their values and the overlay items. */
function tableElement(slide: SlideSnapshot): HTMLElement {
	const { meta } = slide;
	const withValues = meta.areas.some((a) => a.value !== null);
	const table = h(
		'table',
		{},
		h('caption', {}, `${meta.subtitle}: gebieden op de kaart`),
		h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Gebied'), withValues ? h('th', { scope: 'col' }, meta.legend?.title ?? 'Waarde') : null)),
		h('tbody', {}, ...meta.areas.map((a) => h('tr', {}, h('th', { scope: 'row' }, a.selected ? `${a.name} (geselecteerd)` : a.name), withValues ? h('td', {}, a.value ?? '') : null)))
	);
	const overlays = meta.overlays.length
		? h('ul', { 'aria-label': 'Programma’s en investeringen op de kaart' }, ...meta.overlays.map((o) => h('li', {}, `${o.name}: ${o.details}${o.synthetic ? ' (demodata)' : ''}`)))
		: null;
	return h('div', { class: 'wb-visually-hidden' }, table, overlays);
}

const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Keys typed into a control belong to that control. */
function ownedByControl(event: KeyboardEvent): boolean {
	const target = event.target as HTMLElement | null;
	if (!target || !(target instanceof HTMLElement)) return false;
	if (target.closest('input, textarea, select, [contenteditable="true"]')) return true;
	return (event.key === 'Enter' || event.key === ' ') && !!target.closest('button, a, summary');
}

export function createPlayer(options: PlayerOptions): Player {
	const { root, story } = options;
	const mode = options.mode ?? 'present';
	let state = initialState(story.slides.length, options.start ?? 0);
	let token = 0;
	let readyPromise: Promise<void> = Promise.resolve();
	let slowTimer: ReturnType<typeof setTimeout> | undefined;

	root.classList.add('wb-player', `wb-mode-${mode}`);
	root.dataset.slideReady = 'false';
	root.replaceChildren();

	const live = h('div', { class: 'wb-visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
	const storyTitle = h('p', { class: 'wb-story-title' }, story.title);
	// In the projector the slide's title is the page's heading; in a preview the story page has its own h1.
	const title = h(mode === 'preview' ? 'h2' : 'h1', { class: 'wb-title' });
	const text = h('p', { class: 'wb-text' });
	const subtitle = h('p', { class: 'wb-subtitle' });
	const legendSlot = h('div', { class: 'wb-legend-slot' });
	const synthetic = h('p', { class: 'wb-synthetic', role: 'note' });
	const counter = h('p', { class: 'wb-counter', 'aria-hidden': 'true' });
	const status = h('p', { class: 'wb-status', role: 'status' });
	const source = h('p', { class: 'wb-source' });
	const link = h('p', { class: 'wb-link' });
	const tableSlot = h('div');
	const previous = h('button', { type: 'button', class: 'wb-button' }, '← Vorige');
	const next = h('button', { type: 'button', class: 'wb-button' }, 'Volgende →');
	const fullscreen = h('button', { type: 'button', class: 'wb-button' }, 'Volledig scherm');
	const controls = h('div', { class: 'wb-controls', role: 'group', 'aria-label': 'Dia’s' }, previous, next, mode === 'present' ? fullscreen : null);
	const panel = h(
		'section',
		{ class: 'wb-panel', 'aria-labelledby': 'wb-slide-title' },
		h('div', { class: 'wb-head' }, storyTitle, counter),
		// The demodata label first: whatever else a long slide pushes down, this stays in view.
		synthetic,
		title,
		text,
		subtitle,
		legendSlot,
		tableSlot
	);
	title.id = 'wb-slide-title';
	const mapEl = h('div', { class: 'wb-map' });
	// Source, live link and the buttons sit in a bar below the map (not over it), so the panel keeps its room for the words.
	const foot = h('div', { class: 'wb-map-foot' }, status, source, link, options.footnote ? h('p', { class: 'wb-footnote' }, options.footnote) : null, controls);
	const stage = h('div', { class: 'wb-stage' }, mapEl, foot);
	const blank = h('div', { class: 'wb-blank', 'aria-hidden': 'true' });
	blank.hidden = true;
	root.append(panel, stage, blank, live);

	const first = story.slides[state.index];
	const map = new MapLibreMap({
		container: mapEl,
		style: first?.style ?? { version: 8, sources: {}, layers: [] },
		bounds: first?.camera.bounds,
		fitBoundsOptions: first ? { padding: first.camera.padding, maxZoom: first.camera.maxZoom } : undefined,
		...(first?.camera.center ? { center: first.camera.center, zoom: first.camera.zoom } : {}),
		attributionControl: false,
		interactive: mode === 'present',
		// The keys belong to the slides (a clicker's arrows must not pan the map); a mouse may still pan and zoom.
		keyboard: false,
		dragRotate: false,
		pitchWithRotate: false,
		touchPitch: false,
		maxZoom: 17,
		locale: { 'NavigationControl.ZoomIn': 'Inzoomen', 'NavigationControl.ZoomOut': 'Uitzoomen' }
	});
	map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
	const canvas = map.getCanvas();
	canvas.removeAttribute('tabindex');
	canvas.setAttribute('aria-hidden', 'true');
	mapEl.setAttribute('role', 'img');
	// The hatching of "te weinig inwoners" and the register's symbols are drawn by the app, not fetched.
	provideAppImages(map, window.devicePixelRatio || 1);

	function fitOptions(slide: SlideSnapshot, animate: boolean): FitBoundsOptions {
		return { padding: slide.camera.padding, maxZoom: slide.camera.maxZoom, duration: animate && !prefersReducedMotion() ? 1600 : 0 };
	}

	function moveCamera(slide: SlideSnapshot, animate: boolean) {
		const o = fitOptions(slide, animate);
		if (slide.camera.center && slide.camera.zoom !== undefined) {
			map.flyTo({ center: slide.camera.center, zoom: slide.camera.zoom, duration: o.duration, essential: false });
		} else {
			map.fitBounds(slide.camera.bounds, { ...o, linear: false });
		}
	}

	/** Until MapLibre says it is idle with everything loaded and no camera moving. */
	function drawn(): Promise<void> {
		return new Promise((resolve) => {
			const check = () => {
				if (map.isStyleLoaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
				else map.once('idle', check);
			};
			map.once('idle', check);
			map.triggerRepaint();
		});
	}

	/** Leaves out the area names that would be cut at the map's edge (label-edge.ts), after every camera move. */
	function keepLabelsInside() {
		const slide = story.slides[state.index];
		const data = (slide?.style.sources.labels as { data?: unknown } | undefined)?.data as
			| { features: { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }[] }
			| undefined;
		if (!data?.features || !map.getLayer('labels')) return;
		const sizes = JSON.stringify(map.getLayoutProperty('labels', 'text-size') ?? 16).match(/\d+(\.\d+)?/g) ?? ['16'];
		const points = data.features.map((f) => {
			const at = map.project(f.geometry.coordinates);
			return { code: String(f.properties.code), name: String(f.properties.name ?? ''), x: at.x, y: at.y, shift: f.properties.shift === true };
		});
		const container = map.getContainer();
		const hidden = labelsOverEdge(points, container.clientWidth, container.clientHeight, Math.max(...sizes.map(Number)));
		// Only when it changes: a new filter is itself a change of the style.
		const key = `${slide.id}:${hidden.join(',')}`;
		if (key === labelsKey) return;
		labelsKey = key;
		map.setFilter('labels', hidden.length ? ['!', ['in', ['get', 'code'], ['literal', hidden]]] : null);
	}
	let labelsKey = '';
	map.on('moveend', keepLabelsInside);
	map.on('styledata', () => {
		if (!map.isMoving()) keepLabelsInside();
	});

	function renderWords(slide: SlideSnapshot) {
		const { meta } = slide;
		title.textContent = meta.title;
		text.textContent = meta.text;
		text.hidden = !meta.text;
		// With a choropleth the legend carries what the map shows (its subtitle line), otherwise a line of its own does.
		const classes = !!meta.legend?.classes.length;
		subtitle.textContent = meta.subtitle;
		subtitle.hidden = classes;
		legendSlot.replaceChildren(...(meta.legend ? [legendElement(meta.legend, meta.legend.subtitle)] : []));
		synthetic.textContent = meta.syntheticLabel ?? '';
		synthetic.hidden = !meta.synthetic;
		source.textContent = meta.source;
		// The whole link is in the href (and in the text equivalent); shown is where it leads.
		link.replaceChildren(h('a', { href: meta.link }, `Live in Wijkbeeld: ${meta.link.replace(/^https?:\/\//, '').replace(/\/\?.*$/, '')}`));
		tableSlot.replaceChildren(tableElement(slide));
		mapEl.setAttribute('aria-label', `Kaart: ${meta.subtitle}`);
		root.dataset.slideIndex = String(state.index);
		root.dataset.slideId = String(slide.id);
		counter.textContent = counterText(state);
		previous.disabled = state.index === 0;
		next.disabled = state.index === state.count - 1;
	}

	function show(animate: boolean) {
		const slide = story.slides[state.index];
		if (!slide) return;
		const mine = ++token;
		root.dataset.slideReady = 'false';
		counter.classList.add('wb-pending');
		status.textContent = '';
		clearTimeout(slowTimer);
		slowTimer = setTimeout(() => {
			if (mine === token) status.textContent = 'De kaart wordt nog getekend…';
		}, 6000);
		renderWords(slide);
		map.setStyle(slide.style, { diff: true });
		moveCamera(slide, animate);
		readyPromise = drawn().then(() => {
			if (mine !== token) return;
			clearTimeout(slowTimer);
			status.textContent = '';
			counter.classList.remove('wb-pending');
			root.dataset.slideReady = 'true';
			live.textContent = slideAnnouncement(state, slide.meta.title);
		});
	}

	function setBlank(blanked: boolean) {
		blank.hidden = !blanked;
		root.dataset.blanked = String(blanked);
		live.textContent = blanked ? 'Scherm zwart. Druk op B om terug te keren.' : slideAnnouncement(state, story.slides[state.index]?.meta.title ?? '');
	}

	function toggleFullscreen() {
		if (document.fullscreenElement) void document.exitFullscreen();
		else void root.requestFullscreen?.().catch(() => undefined);
	}

	function dispatch(action: PresentationAction) {
		if (action.type === 'exit') {
			if (document.fullscreenElement) void document.exitFullscreen();
			else options.onexit?.();
			return;
		}
		if (action.type === 'fullscreen') {
			if (mode === 'present') toggleFullscreen();
			return;
		}
		const before = state;
		state = reduce(state, action);
		if (state.blanked !== before.blanked) setBlank(state.blanked);
		if (state.index !== before.index) {
			show(true);
			options.onchange?.(state);
		}
	}

	const onKey = (event: KeyboardEvent) => {
		if (event.altKey || event.ctrlKey || event.metaKey || ownedByControl(event)) return;
		const action = keyAction(event.key);
		if (!action) return;
		event.preventDefault();
		dispatch(action);
	};
	// After the window changes size (full screen on or off), the slide's area must still fit.
	let resizeTimer: ReturnType<typeof setTimeout> | undefined;
	const onResize = () => {
		clearTimeout(resizeTimer);
		resizeTimer = setTimeout(() => {
			const slide = story.slides[state.index];
			if (!slide) return;
			map.resize();
			moveCamera(slide, false);
		}, 150);
	};
	if (mode === 'present') {
		window.addEventListener('keydown', onKey);
		window.addEventListener('resize', onResize);
		document.addEventListener('fullscreenchange', onResize);
	}
	previous.addEventListener('click', () => dispatch({ type: 'previous' }));
	next.addEventListener('click', () => dispatch({ type: 'next' }));
	fullscreen.addEventListener('click', () => toggleFullscreen());

	if (first) {
		renderWords(first);
		root.dataset.slideReady = 'false';
		counter.classList.add('wb-pending');
		readyPromise = new Promise<void>((resolve) => map.once('load', () => resolve()))
			.then(drawn)
			.then(() => {
				if (token !== 0) return;
				counter.classList.remove('wb-pending');
				root.dataset.slideReady = 'true';
				live.textContent = slideAnnouncement(state, first.meta.title);
			});
	} else {
		title.textContent = 'Dit verhaal heeft nog geen dia’s';
		counter.textContent = counterText(state);
		previous.disabled = next.disabled = true;
	}

	return {
		get state() {
			return state;
		},
		map,
		dispatch,
		ready: () => readyPromise,
		destroy() {
			token++;
			clearTimeout(slowTimer);
			clearTimeout(resizeTimer);
			window.removeEventListener('keydown', onKey);
			window.removeEventListener('resize', onResize);
			document.removeEventListener('fullscreenchange', onResize);
			map.remove();
			root.replaceChildren();
		}
	};
}
