// Which areas of the shown level lie inside the selection, so the map can set them apart.
import type { AreaDetail } from '../domain/areas';
import type { MapLevel } from './style';

export interface AreaCollection {
	type: 'FeatureCollection';
	features: {
		type: 'Feature';
		id?: string;
		properties: {
			code: string;
			name: string;
			level: string;
			gemeentecode: string;
			wijkcode?: string;
			stadsdeelcode?: string;
			label: [number, number];
		};
		geometry: { type: string; coordinates: unknown };
	}[];
}

/** Codes of the shown areas inside the selected one; null when everything is (the whole gemeente). */
export function focusCodes(collection: AreaCollection, level: MapLevel, selected: AreaDetail | null): string[] | null {
	if (!selected || selected.level === 'gemeente') return null;
	const inside = collection.features.filter(({ properties: p }) => {
		if (p.code === selected.code) return true;
		if (level !== 'buurt') return level === 'wijk' && selected.children.some((c) => c.code === p.code);
		return selected.level === 'wijk' ? p.wijkcode === selected.code : p.stadsdeelcode === selected.code;
	});
	return inside.map((f) => f.properties.code);
}

/** A shorter label for the map: CBS wijk names carry a number ("Wijk 02 Noord") the panel still shows. */
export function mapLabel(name: string): string {
	return name.replace(/^Wijk \d+\s+/, '');
}
