// Drawing an outline on the map, as plain data: vertices are added by clicks (or at the centre of the map from
// the keyboard), the last one can be taken back, and finishing checks that the outline is a polygon PostGIS
// will take (three distinct corners at least, no edges that cross). AreaMap draws a sketch and reports clicks;
// the form keeps the sketch. Coordinates are WGS84 [lon, lat].

export type LngLat = [number, number];

export interface Sketch {
	vertices: LngLat[];
	/** Finished: the vertices form the outline. */
	closed: boolean;
}

export const EMPTY_SKETCH: Sketch = { vertices: [], closed: false };

const same = (a: LngLat, b: LngLat) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

export function addVertex(sketch: Sketch, point: LngLat): Sketch {
	if (sketch.closed) return sketch;
	const last = sketch.vertices.at(-1);
	// The two clicks of a double-click land on the same spot: one corner, not two.
	if (last && same(last, point)) return sketch;
	return { vertices: [...sketch.vertices, point], closed: false };
}

export function undoVertex(sketch: Sketch): Sketch {
	return { vertices: sketch.vertices.slice(0, -1), closed: false };
}

/** Whether segments p1–p2 and p3–p4 cross or touch (shared end points of neighbours excluded by the caller). */
function segmentsIntersect(p1: LngLat, p2: LngLat, p3: LngLat, p4: LngLat): boolean {
	const d = (a: LngLat, b: LngLat, c: LngLat) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
	const onSegment = (a: LngLat, b: LngLat, c: LngLat) =>
		Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);
	const d1 = d(p3, p4, p1);
	const d2 = d(p3, p4, p2);
	const d3 = d(p1, p2, p3);
	const d4 = d(p1, p2, p4);
	if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
	return (
		(d1 === 0 && onSegment(p3, p4, p1)) ||
		(d2 === 0 && onSegment(p3, p4, p2)) ||
		(d3 === 0 && onSegment(p1, p2, p3)) ||
		(d4 === 0 && onSegment(p1, p2, p4))
	);
}

/** Whether the closed ring through these vertices crosses itself. */
export function selfIntersects(vertices: readonly LngLat[]): boolean {
	const n = vertices.length;
	for (let i = 0; i < n; i++) {
		const a1 = vertices[i];
		const a2 = vertices[(i + 1) % n];
		for (let j = i + 1; j < n; j++) {
			// Neighbouring edges share a corner; that is not a crossing.
			if (j === i || (j + 1) % n === i || (i + 1) % n === j) continue;
			if (segmentsIntersect(a1, a2, vertices[j], vertices[(j + 1) % n])) return true;
		}
	}
	return false;
}

/** Twice the signed area (shoelace); 0 for corners on one line. */
function doubledArea(vertices: readonly LngLat[]): number {
	let sum = 0;
	for (let i = 0; i < vertices.length; i++) {
		const [x1, y1] = vertices[i];
		const [x2, y2] = vertices[(i + 1) % vertices.length];
		sum += x1 * y2 - x2 * y1;
	}
	return sum;
}

export type FinishResult = { ok: true; sketch: Sketch } | { ok: false; message: string };

/** Closes the outline, or says in Dutch why it cannot be one. */
export function finishSketch(sketch: Sketch): FinishResult {
	const vertices: LngLat[] = [];
	for (const v of sketch.vertices) if (!vertices.length || !same(vertices.at(-1)!, v)) vertices.push(v);
	if (vertices.length > 1 && same(vertices[0], vertices.at(-1)!)) vertices.pop();
	if (vertices.length < 3) return { ok: false, message: 'Een omtrek heeft minstens drie hoekpunten.' };
	if (Math.abs(doubledArea(vertices)) < 1e-12) return { ok: false, message: 'De hoekpunten liggen op één lijn; zet ze rondom het gebied.' };
	if (selfIntersects(vertices)) return { ok: false, message: 'De randen van de omtrek kruisen elkaar; haal punten weg of teken opnieuw.' };
	return { ok: true, sketch: { vertices, closed: true } };
}

/** The finished sketch as the API takes an outline: a GeoJSON Polygon with a closed ring. */
export function sketchPolygon(sketch: Sketch): { type: 'Polygon'; coordinates: LngLat[][] } {
	return { type: 'Polygon', coordinates: [[...sketch.vertices, sketch.vertices[0]]] };
}

/** The corners of an outline from the API (Polygon or MultiPolygon), to show and redraw: its outer rings. */
export function outlineRings(outline: { type: string; coordinates: unknown } | null): LngLat[][] {
	if (!outline) return [];
	const polygons = outline.type === 'Polygon' ? [outline.coordinates as LngLat[][]] : (outline.coordinates as LngLat[][][]);
	return polygons.map((rings) => rings[0].slice(0, -1));
}

/** What the map shows of a sketch: the area once there are three corners, the edges, and the corners. */
export function sketchFeatures(sketch: Sketch) {
	const { vertices, closed } = sketch;
	const features: { type: 'Feature'; properties: { part: string; index?: number }; geometry: { type: string; coordinates: unknown } }[] = [];
	if (vertices.length >= 3) {
		features.push({ type: 'Feature', properties: { part: 'area' }, geometry: { type: 'Polygon', coordinates: [[...vertices, vertices[0]]] } });
	}
	if (vertices.length >= 2) {
		features.push({
			type: 'Feature',
			properties: { part: 'edge' },
			geometry: { type: 'LineString', coordinates: closed ? [...vertices, vertices[0]] : vertices }
		});
	}
	vertices.forEach((v, index) => features.push({ type: 'Feature', properties: { part: 'corner', index }, geometry: { type: 'Point', coordinates: v } }));
	return { type: 'FeatureCollection' as const, features };
}

// ---------------------------------------------------------------------------------------------------------
// What the map is asked to do while the user edits an item, and what it reports back.

export type MapEdit =
	/** Picking the buurten of a programme: clicks on buurten toggle them. */
	| { kind: 'buurten' }
	/** Drawing an outline: clicks add corners. */
	| { kind: 'outline'; sketch: Sketch }
	/** Placing an investment or signal: a click chooses the point. */
	| { kind: 'point'; point: LngLat | null };

/** The area of a programme being edited, shown on the map while the form is open: its buurten and outline. */
export interface DraftArea {
	buurtcodes: readonly string[];
	outline: { type: string; coordinates: unknown } | null;
}

export type MapEditEvent =
	| { type: 'buurt'; code: string }
	| { type: 'vertex'; at: LngLat }
	| { type: 'point'; at: LngLat }
	| { type: 'undo' }
	| { type: 'finish' }
	| { type: 'cancel' };
