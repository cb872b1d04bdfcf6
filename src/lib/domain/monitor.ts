// The wijk- en buurtmonitor as client and server both see it: indicators, values and urgency.

/** The domains of urgency, in the order the municipal documents name them. */
export const DOMAINS = ['sociaal', 'gezondheid', 'veiligheid', 'wonen', 'duurzaamheid'] as const;
export type Domain = (typeof DOMAINS)[number];

export const DOMAIN_LABELS: Record<Domain | 'context', string> = {
	context: 'Context',
	sociaal: 'Sociaal',
	gezondheid: 'Gezondheid',
	veiligheid: 'Veiligheid',
	wonen: 'Wonen',
	duurzaamheid: 'Duurzaamheid'
};

/** Which way is urgent; `context` indicators describe an area but are not scored. */
export type Direction = 'hoger_is_urgenter' | 'lager_is_urgenter' | 'context';

/**
 * How buurt values add up to wijk, stadsdeel and gemeente: counts are summed, rates and averages are
 * weighted by the base they are a share of (inhabitants or households).
 */
export type Weighting = 'som' | 'inwoners' | 'huishoudens';

export const SUPPRESSION_THRESHOLD = 50;
export const SYNTHETIC_LABEL = 'Demodata — geen echte cijfers';

/** Where a real indicator comes from, as the source describes itself (StatLine tables). */
export interface SourceMeta {
	publisher: string;
	/** StatLine table, e.g. 50090NED. */
	table: string;
	title: string;
	licence: string;
	/** Model estimates are not counts: shown as "modelschatting" wherever the values appear. */
	estimate?: 'modelschatting';
	/** The line to show under a map, table or export. */
	attribution: string;
}

export interface Indicator {
	code: string;
	name: string;
	unit: string;
	domain: Domain | 'context';
	direction: Direction;
	/** Where the values come from, as the source names itself. */
	source: string;
	/** True when any stored value of this indicator is invented (demo data). */
	synthetic: boolean;
	weighting: Weighting;
	/** A StatLine topic that groups indicators differing only in age group ('rivm_eenzaam'), and its name. */
	topic?: string | null;
	topicName?: string | null;
	/** '18plus', '18tot65', '65plus' and '18 jaar en ouder', … */
	ageGroup?: string | null;
	ageGroupName?: string | null;
	/** Counts in the urgency score (in its domain, with its direction); default true. */
	urgency?: boolean;
	/** Published in waves: a year without a wave uses the latest wave before it. */
	waves?: boolean;
	sourceMeta?: SourceMeta | null;
}

export interface AreaValue {
	code: string;
	name: string;
	/** Null when missing or suppressed. */
	value: number | null;
	/** Fewer than 50 inhabitants: no value is shown ("te weinig inwoners"). */
	suppressed: boolean;
}

export interface IndicatorValues {
	meta: {
		indicator: string;
		source: string;
		/** The year of the values shown: the wave before the year asked for when that year has none. */
		year: number;
		requestedYear?: number;
		synthetic: boolean;
		/** RIVM's figures are model estimates, not counts. */
		estimate?: 'modelschatting';
		label?: string;
	};
	values: AreaValue[];
}

export type Weights = Record<Domain, number>;

export const WEIGHT_PRESETS: { id: string; name: string; weights: Weights }[] = [
	{ id: 'gelijk', name: 'Alle domeinen gelijk', weights: { sociaal: 1, gezondheid: 1, veiligheid: 1, wonen: 1, duurzaamheid: 1 } },
	{ id: 'sociaal', name: 'Nadruk op sociaal', weights: { sociaal: 3, gezondheid: 2, veiligheid: 1, wonen: 1, duurzaamheid: 1 } },
	{ id: 'veilig', name: 'Nadruk op veiligheid', weights: { sociaal: 1, gezondheid: 1, veiligheid: 3, wonen: 1, duurzaamheid: 1 } },
	{ id: 'fysiek', name: 'Wonen en duurzaamheid', weights: { sociaal: 1, gezondheid: 1, veiligheid: 1, wonen: 3, duurzaamheid: 3 } }
];
