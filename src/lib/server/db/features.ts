// The GeoJSON the register's map layers get: plain shapes, with the item's facts in `properties`.

export interface MapGeometry {
	type: string;
	coordinates: unknown;
}

export interface MapPoint extends MapGeometry {
	type: 'Point';
	coordinates: [number, number];
}

export interface MapFeature<G extends MapGeometry = MapGeometry> {
	type: 'Feature';
	id: number;
	geometry: G;
	properties: Record<string, unknown>;
}

export interface MapCollection<G extends MapGeometry = MapGeometry> {
	type: 'FeatureCollection';
	features: MapFeature<G>[];
}
