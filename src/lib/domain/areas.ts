// The area hierarchy as client and server both see it: levels, codes and what an area looks like.

export const LEVELS = ['gemeente', 'stadsdeel', 'wijk', 'buurt'] as const;
export type AreaLevel = (typeof LEVELS)[number];

/** Dutch labels, singular and plural, as the users say them. */
export const LEVEL_LABELS: Record<AreaLevel, { one: string; many: string }> = {
	gemeente: { one: 'gemeente', many: 'gemeenten' },
	stadsdeel: { one: 'stadsdeel', many: 'stadsdelen' },
	wijk: { one: 'wijk', many: 'wijken' },
	buurt: { one: 'buurt', many: 'buurten' }
};

/** CBS codes (GM0164, WK016402, BU01640202) and municipal stadsdeel codes (SD0153-noord). */
export const AREA_CODE = /^(GM\d{4}|WK\d{6}|BU\d{8}|SD\d{4}-[a-z0-9-]+)$/;
export const GEMEENTE_CODE = /^GM\d{4}$/;
export const WIJK_CODE = /^WK\d{6}$/;
export const BUURT_CODE = /^BU\d{8}$/;
/** Nederland as StatLine tables name it (NL01, also NL00 in older tables). */
export const NATIONAL_CODE = /^NL\d{2}$/;
/** A region of a CBS StatLine table: Nederland, a gemeente, wijk or buurt (no municipal stadsdelen). */
export const REGION_CODE = /^(NL\d{2}|GM\d{4}|WK\d{6}|BU\d{8})$/;

export function isNationalCode(value: string): boolean {
	return NATIONAL_CODE.test(value);
}

export function isAreaCode(value: string): boolean {
	return AREA_CODE.test(value);
}

export function levelOfCode(code: string): AreaLevel | null {
	if (!AREA_CODE.test(code)) return null;
	switch (code.slice(0, 2)) {
		case 'GM':
			return 'gemeente';
		case 'SD':
			return 'stadsdeel';
		case 'WK':
			return 'wijk';
		default:
			return 'buurt';
	}
}

/** The gemeente an area code belongs to: the four digits after the prefix. */
export function gemeenteOfCode(code: string): string | null {
	return AREA_CODE.test(code) ? `GM${code.slice(2, 6)}` : null;
}

/** A stadsdeel code from its gemeente and name: SD0153 + "Noord" → SD0153-noord. */
export function stadsdeelCode(gemeentecode: string, name: string): string {
	const slug = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `SD${gemeentecode.slice(2)}-${slug}`;
}

/**
 * The level the map shows below a selected area (drilling down). Without stadsdelen a gemeente
 * drills straight to its wijken.
 */
export function childLevel(level: AreaLevel, hasStadsdelen: boolean): AreaLevel {
	switch (level) {
		case 'gemeente':
			return hasStadsdelen ? 'stadsdeel' : 'wijk';
		case 'stadsdeel':
			return 'wijk';
		default:
			return 'buurt';
	}
}

export interface AreaRef {
	code: string;
	name: string;
	level: AreaLevel;
}

export interface GemeenteSummary {
	code: string;
	name: string;
	year: number;
	hasStadsdelen: boolean;
	bbox: [number, number, number, number];
}

export interface AreaDetail extends AreaRef {
	year: number;
	gemeentecode: string;
	/** From the gemeente down to the direct parent. */
	parents: AreaRef[];
	/** The areas one level down. */
	children: AreaRef[];
	/** For a wijk the municipality splits over several stadsdelen: all of them. */
	stadsdelen?: AreaRef[];
	stadsdeelStatus: 'ingedeeld' | 'nog niet ingedeeld';
	areaHa: number;
	/** [west, south, east, north] in WGS84. */
	bbox: [number, number, number, number];
}
