// Small geometry helpers for GeoJSON in WGS84 that the client needs without a GIS library.

export type BBox = [west: number, south: number, east: number, north: number];

/** The bounding box of a Polygon or MultiPolygon. */
export function bboxOf(geometry: { type: string; coordinates: unknown }): BBox {
	const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (value: unknown): void => {
		if (!Array.isArray(value)) return;
		if (typeof value[0] === 'number') {
			const [x, y] = value as number[];
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
			return;
		}
		value.forEach(visit);
	};
	visit(geometry.coordinates);
	return box;
}

export function intersects(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
