// A slide as the player (projector mode, offline bundle) and the exports draw it: a complete MapLibre style with
// the slide's data inline, the camera, and what is said around the map (title, text, legend, source, link).
// The server builds these (src/lib/server/story-snapshots.ts); everything here is plain data, JSON-serialisable,
// so a snapshot can be sent to the browser, written into an offline bundle, or rendered off screen as an image.
// Keep this stable: the export renderer (src/lib/export/) consumes the same { style, camera, meta }.
import type { StyleSpecification } from 'maplibre-gl';
import type { AreaLevel } from '../domain/areas';

/** Where the map looks. `bounds` always; `center` + `zoom` only when the slide saved a camera the user moved to. */
export interface SnapshotCamera {
	/** [west, south, east, north] in WGS84: what must be in view. */
	bounds: [number, number, number, number];
	/** Padding around the bounds in CSS pixels, before the player adds the room its own panels take. */
	padding: number;
	/** Never zoom in further than this when fitting the bounds (a single buurt keeps its surroundings). */
	maxZoom: number;
	center?: [number, number];
	zoom?: number;
}

/** One class of the choropleth as the legend shows it. */
export interface LegendClass {
	from: number;
	to: number;
	colour: string;
	count: number;
	/** "12,5 – 18,0 %", formatted in Dutch, with a sign for differences. */
	label: string;
}

/** A line of the legend that is not a class: "geen gegevens", "te weinig inwoners", an overlay. */
export interface LegendEntry {
	label: string;
	/** fill: a swatch; hatched: the suppressed pattern; outline: a programme's border; circle: an investment. */
	shape: 'fill' | 'hatched' | 'outline' | 'circle';
	colour: string;
	/** For outlines: how the line is drawn (programme kinds differ by dash, not only by name). */
	dash?: 'solid' | 'dashed' | 'dotted';
	/** How many areas or items the map shows with it. */
	count: number;
}

/** The legend independent of any UI: what the projector, the bundle and an export draw the same way. */
export interface LegendModel {
	/** "Urgentiescore", or the indicator's name. */
	title: string;
	/** "standaardscore · 2024 · buurten" */
	subtitle: string;
	/** How the classes were made: "Kwantielen (even veel gebieden per klasse)". */
	method: string;
	unit: string;
	classes: LegendClass[];
	/** Areas without a value and areas with too few inhabitants (only those that occur). */
	other: LegendEntry[];
	/** The register's overlays on this slide (programmes, investments). */
	overlays: LegendEntry[];
}

/** A row of the text equivalent of the map: every area drawn, with its value. */
export interface SnapshotAreaRow {
	code: string;
	name: string;
	/** The formatted value ("23,4 %", "geen gegevens", "te weinig inwoners"), or null without a theme. */
	value: string | null;
	selected: boolean;
}

/** An overlay item in the text equivalent: a programme or an investment drawn on the slide. */
export interface SnapshotOverlayRow {
	kind: 'programme' | 'investment';
	name: string;
	/** "Wijkaanpak · initiëren · vanaf februari 2024", "Welbions · isolatie … · 148 woningen · € 6.200.000 · sep 2024 – dec 2026" */
	details: string;
	synthetic: boolean;
}

export interface SlideMeta {
	/** The slide's own title and text, as the editor wrote them. */
	title: string;
	text: string;
	/** What the map shows, in words: "Urgentiescore · buurten · Hengelo · 2024". */
	subtitle: string;
	storyTitle: string;
	/** 1-based position and the number of slides, for the counter "3 / 7". */
	number: number;
	count: number;
	gemeente: { code: string; name: string };
	level: Exclude<AreaLevel, 'gemeente'>;
	/** The selected area; the gemeente itself when nothing below it is selected. */
	selected: { code: string; name: string; level: AreaLevel };
	/** Overlays drawn, as the URL names them (`programmas`, `focusgebieden`, `investeringen`); never signals. */
	layers: string[];
	/** The quarter the overlays are filtered to ("2026-K2"), or null for all periods. */
	quarter: string | null;
	/** "K2 2026", or null. */
	quarterLabel: string | null;
	legend: LegendModel | null;
	/** "Bron: …": where the values come from, and the map's attribution (CBS / Kadaster). */
	source: string;
	attribution: string;
	/** The year of the monitor values shown, or null when the slide shows no values. */
	peiljaar: number | null;
	/** When the snapshot was made (ISO 8601): with peiljaar, the peildatum of an export. */
	generatedAt: string;
	/** True when anything on the slide is invented demo data; then `syntheticLabel` is set and must be shown. */
	synthetic: boolean;
	syntheticLabel: string | null;
	/** The absolute URL of the same view in the live app, and its query string (the slide's stored view). */
	link: string;
	view: string;
	/** The text equivalent of the map. */
	areas: SnapshotAreaRow[];
	overlays: SnapshotOverlayRow[];
}

export interface SlideSnapshot {
	/** The slide's id in the database (stable across reorders), for links and tests. */
	id: number;
	style: StyleSpecification;
	camera: SnapshotCamera;
	meta: SlideMeta;
}

/** A whole story, ready to play: what the projector page gets and what the offline bundle carries. */
export interface StorySnapshot {
	id: number;
	title: string;
	description: string;
	gemeente: { code: string; name: string };
	generatedAt: string;
	synthetic: boolean;
	syntheticLabel: string | null;
	attribution: string;
	slides: SlideSnapshot[];
}

/**
 * Layer ids every snapshot style uses, so that tests and the player can ask the map what it shows.
 * `areas-fill` carries the properties `code`, `name`, `level`, `fill`, `selected`, `suppressed`.
 */
export const SNAPSHOT_LAYERS = {
	background: 'background',
	context: 'context-fill',
	areasFill: 'areas-fill',
	areasSuppressed: 'areas-suppressed',
	areasLine: 'areas-line',
	wijkLine: 'wijk-line',
	gemeenteLine: 'gemeente-line',
	selectionLine: 'selection-line',
	programmesFill: 'programmes-fill',
	programmesLine: 'programmes-line',
	investments: 'investments-circle',
	labels: 'labels'
} as const;
