// The register as client and server both see it: programmes, investments and signals, their Dutch words,
// and the zod schemas that every write (form, API, import) goes through.
import { z } from 'zod';
import { BUURT_CODE, GEMEENTE_CODE } from './areas';

export const PROGRAMME_KINDS = ['wijkaanpak', 'focusgebied', 'gebiedsgerichte_aanpak', 'pilot'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const PROGRAMME_KIND_LABELS: Record<ProgrammeKind, string> = {
	wijkaanpak: 'Wijkaanpak',
	focusgebied: 'Focusgebied',
	gebiedsgerichte_aanpak: 'Gebiedsgerichte aanpak',
	pilot: 'Pilot'
};

/** The phases of "Slagkracht in de wijk" (Hengelo) and the stages of Enschede's gebiedscyclus. */
export const PHASES_SLAGKRACHT = ['orienteren', 'initieren', 'ontwerpen', 'uitvoeren', 'evalueren'] as const;
export const PHASES_GEBIEDSCYCLUS = ['gebiedsanalyse', 'afwegen_en_keuzes_maken', 'uitvoeren', 'monitoren'] as const;
export const PHASES = [...new Set([...PHASES_SLAGKRACHT, ...PHASES_GEBIEDSCYCLUS])] as [string, ...string[]];
export type Phase = (typeof PHASES_SLAGKRACHT)[number] | (typeof PHASES_GEBIEDSCYCLUS)[number];
export const PHASE_LABELS: Record<Phase, string> = {
	orienteren: 'Oriënteren',
	initieren: 'Initiëren',
	ontwerpen: 'Ontwerpen',
	uitvoeren: 'Uitvoeren',
	evalueren: 'Evalueren',
	gebiedsanalyse: 'Gebiedsanalyse',
	afwegen_en_keuzes_maken: 'Afwegen en keuzes maken',
	monitoren: 'Monitoren'
};
/** Which phase model a gemeente uses; a gemeente not listed uses Slagkracht in de wijk. */
export const PHASE_MODEL: Record<string, readonly Phase[]> = {
	GM0164: PHASES_SLAGKRACHT,
	GM0153: PHASES_GEBIEDSCYCLUS
};
export function phasesFor(gemeentecode: string): readonly Phase[] {
	return PHASE_MODEL[gemeentecode] ?? PHASES_SLAGKRACHT;
}

export const THEMES = ['sociaal', 'veilig', 'toekomstbestendig', 'gezondheid', 'wonen', 'duurzaamheid', 'openbare_ruimte'] as const;
export const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
	sociaal: 'Sociaal',
	veilig: 'Veilig',
	toekomstbestendig: 'Toekomstbestendig',
	gezondheid: 'Gezondheid',
	wonen: 'Wonen',
	duurzaamheid: 'Duurzaamheid',
	openbare_ruimte: 'Openbare ruimte'
};

export const PROGRAMME_STATUSES = ['in_voorbereiding', 'lopend', 'in_evaluatie', 'geevalueerd', 'afgerond', 'gestopt'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const PROGRAMME_STATUS_LABELS: Record<ProgrammeStatus, string> = {
	in_voorbereiding: 'In voorbereiding',
	lopend: 'Lopend',
	in_evaluatie: 'In evaluatie',
	geevalueerd: 'Geëvalueerd',
	afgerond: 'Afgerond',
	gestopt: 'Gestopt'
};

/**
 * Measures as partners write them, grouped into the categories the map draws with one symbol each.
 * An unknown measure is kept as written and drawn as "overig".
 */
export const MEASURE_CATEGORIES = ['renovatie', 'isolatie', 'sloop_nieuwbouw', 'warmtetransitie', 'openbare_ruimte', 'overig'] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];
export const MEASURE_CATEGORY_LABELS: Record<MeasureCategory, string> = {
	renovatie: 'Renovatie en levensduurverlenging',
	isolatie: 'Isolatie en verduurzaming',
	sloop_nieuwbouw: 'Sloop, nieuwbouw en transformatie',
	warmtetransitie: 'Warmtetransitie',
	openbare_ruimte: 'Openbare ruimte',
	overig: 'Overig'
};
/** The category of a measure as written in a spreadsheet ("isolatie en levensduurverlengende ingrepen"). */
export function measureCategory(measure: string): MeasureCategory {
	const m = measure.toLowerCase();
	if (/sloop|nieuwbouw|transformatie/.test(m)) return 'sloop_nieuwbouw';
	if (/warmte|aardgasvrij|gasvrij/.test(m)) return 'warmtetransitie';
	if (/openbare ruimte|buitenruimte|plein|groen|klimaatadaptatie/.test(m)) return 'openbare_ruimte';
	if (/isolatie|verduurzam|energie/.test(m)) return 'isolatie';
	if (/renovatie|levensduur|onderhoud/.test(m)) return 'renovatie';
	return 'overig';
}

export const INVESTMENT_STATUSES = ['in_voorbereiding', 'gepland', 'in_uitvoering', 'afgerond', 'vervallen'] as const;
export type InvestmentStatus = (typeof INVESTMENT_STATUSES)[number];
export const INVESTMENT_STATUS_LABELS: Record<InvestmentStatus, string> = {
	in_voorbereiding: 'In voorbereiding',
	gepland: 'Gepland',
	in_uitvoering: 'In uitvoering',
	afgerond: 'Afgerond',
	vervallen: 'Vervallen'
};

export const SIGNAL_DOMAINS = ['sociaal', 'gezondheid', 'veiligheid', 'wonen', 'duurzaamheid', 'openbare_ruimte', 'overig'] as const;
export type SignalDomain = (typeof SIGNAL_DOMAINS)[number];
export const SIGNAL_DOMAIN_LABELS: Record<SignalDomain, string> = {
	sociaal: 'Sociaal',
	gezondheid: 'Gezondheid',
	veiligheid: 'Veiligheid',
	wonen: 'Wonen',
	duurzaamheid: 'Duurzaamheid',
	openbare_ruimte: 'Openbare ruimte',
	overig: 'Overig'
};

export { SYNTHETIC_LABEL } from './monitor';

// ---------------------------------------------------------------------------------------------------------
// Geometry as the API takes and gives it: GeoJSON in WGS84.

/**
 * The most points an outline may have, all rings together. A hand-drawn outline has tens; every point costs
 * geometry work in the database on each write (a 20,000-point outline held PGlite for 40 s).
 */
export const MAX_OUTLINE_VERTICES = 2000;

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z
	.array(position)
	.min(4, 'een ring heeft minstens 4 punten')
	.max(MAX_OUTLINE_VERTICES, `een omtrek heeft hoogstens ${MAX_OUTLINE_VERTICES} punten`)
	.refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'een ring is gesloten: het laatste punt is het eerste');
const vertexCount = (rings: unknown[][]) => rings.reduce((n, r) => n + r.length, 0);
export const pointSchema = z.object({ type: z.literal('Point'), coordinates: position });
export const outlineSchema = z
	// By `type`, so that a problem inside a Polygon is reported as such, not as "Invalid input" of the union.
	.discriminatedUnion('type', [
		z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(100) }),
		z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(100)).min(1).max(100) })
	])
	.refine((g) => (g.type === 'Polygon' ? vertexCount(g.coordinates) : g.coordinates.reduce((n, p) => n + vertexCount(p), 0)) <= MAX_OUTLINE_VERTICES, {
		message: `een omtrek heeft hoogstens ${MAX_OUTLINE_VERTICES} punten`,
		path: ['coordinates']
	});
export type PointGeometry = z.infer<typeof pointSchema>;
export type OutlineGeometry = z.infer<typeof outlineSchema>;

/** A date as 2025-03-01, in the calendar and between 1900 and 2100 (year 0000 is no date PostgreSQL stores). */
export const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als 2025-03-01')
	.refine((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	}, 'bestaat niet in de kalender')
	.refine((s) => s >= '1900-01-01' && s <= '2100-12-31', 'verwacht een datum tussen 1900 en 2100');

/** Euro amounts as the database keeps them (numeric(14, 2)): below a trillion. */
const MAX_AMOUNT_EUR = 999_999_999_999.99;
const euros = z.number().finite().min(0, 'mag niet negatief zijn').max(MAX_AMOUNT_EUR, 'hoogstens € 999.999.999.999');
const buurtcode = z.string().regex(BUURT_CODE, 'verwacht een buurtcode als BU01640202');
const gemeentecode = z.string().regex(GEMEENTE_CODE, 'verwacht een gemeentecode als GM0164');
const text = (max: number) => z.string().trim().max(max, `hoogstens ${max} tekens`);
const requiredText = (max: number) => text(max).min(1, 'is verplicht');

export const budgetLineSchema = z.object({
	year: z.number().int().min(2000).max(2100),
	label: requiredText(200),
	amount: euros
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

/** A programme as written by a form or the API (the id is in the URL). */
export const programmeInputSchema = z
	.object({
		gemeentecode,
		name: requiredText(200),
		kind: z.enum(PROGRAMME_KINDS),
		phase: z.enum(PHASES),
		startDate: isoDate.nullable().default(null),
		endDate: isoDate.nullable().default(null),
		themes: z.array(z.enum(THEMES)).default([]),
		bestuurlijkOpdrachtgever: text(200).nullable().default(null),
		ambtelijkOpdrachtgever: text(200).nullable().default(null),
		programmeManager: text(200).nullable().default(null),
		budgetLines: z.array(budgetLineSchema).max(100).default([]),
		status: z.enum(PROGRAMME_STATUSES),
		notes: text(5000).default(''),
		buurtcodes: z.array(buurtcode).max(500).default([]),
		outline: outlineSchema.nullable().default(null)
	})
	.refine((p) => !p.startDate || !p.endDate || p.endDate >= p.startDate, {
		message: 'het einde ligt voor het begin',
		path: ['endDate']
	})
	.refine((p) => (phasesFor(p.gemeentecode) as readonly string[]).includes(p.phase), {
		message: 'deze fase hoort niet bij de fasering van deze gemeente',
		path: ['phase']
	});
export type ProgrammeInput = z.infer<typeof programmeInputSchema>;

export interface Programme extends ProgrammeInput {
	id: number;
	/** The buurten the programme touches: those picked, and those its outline covers. */
	touchedBuurtcodes: string[];
	/** Neither buurten nor an outline yet. */
	drawn: boolean;
	synthetic: boolean;
	/** Where the facts come from: 'app' (entered in Wijkbeeld), or the document the first start took them from. */
	source: string;
	/** Counts the writes that changed it (migration 009); a PUT or DELETE names the one it was based on. */
	version: number;
	updatedAt: string;
}

export const investmentInputSchema = z
	.object({
		partner: requiredText(200),
		projectName: requiredText(300),
		measure: requiredText(200),
		buurtcode: buurtcode.nullable().default(null),
		point: pointSchema.nullable().default(null),
		outline: outlineSchema.nullable().default(null),
		startDate: isoDate,
		endDate: isoDate,
		// A project of a million dwellings is a typing error; the database's integer would overflow at 2^31.
		dwellings: z.number().int('verwacht een heel getal').min(0, 'mag niet negatief zijn').max(1_000_000, 'hoogstens 1.000.000 woningen').nullable().default(null),
		amountEur: euros.nullable().default(null),
		status: z.enum(INVESTMENT_STATUSES),
		notes: text(2000).default('')
	})
	.refine((i) => i.endDate >= i.startDate, { message: 'het einde ligt voor het begin', path: ['endDate'] })
	.refine((i) => i.buurtcode || i.point || i.outline, {
		message: 'geef een buurtcode, een punt of een omtrek',
		path: ['buurtcode']
	});
export type InvestmentInput = z.infer<typeof investmentInputSchema>;

export interface Investment extends InvestmentInput {
	id: number;
	gemeentecode: string;
	category: MeasureCategory;
	/** The buurten the investment touches (its buurt, or those its point or outline lies in). */
	buurtcodes: string[];
	synthetic: boolean;
	source: string;
	version: number;
	updatedAt: string;
}

export const signalInputSchema = z
	.object({
		text: requiredText(2000),
		buurtcode: buurtcode.nullable().default(null),
		point: pointSchema.nullable().default(null),
		observedOn: isoDate,
		domain: z.enum(SIGNAL_DOMAINS)
	})
	.refine((s) => s.buurtcode || s.point, { message: 'geef een buurtcode of een punt', path: ['buurtcode'] });
export type SignalInput = z.infer<typeof signalInputSchema>;

/**
 * A write body with the version of the item it was based on (optional: a script that sends none overwrites
 * whatever is there, as before versions existed); a stale one is refused with 409.
 */
export function withVersion<S extends z.ZodType>(schema: S) {
	return z.intersection(schema, z.object({ version: z.number().int('verwacht een heel getal').positive().optional() }));
}

export interface Signal extends SignalInput {
	id: number;
	gemeentecode: string;
	buurtcodes: string[];
	authorName: string;
	synthetic: boolean;
	version: number;
}

export interface AuditEntry {
	id: number;
	at: string;
	userName: string;
	entity: 'programme' | 'investment' | 'signal' | 'user' | 'area_assessment' | 'story' | 'programme_monitor' | 'indeling' | 'wijkbudget';
	entityId: number;
	action: 'create' | 'update' | 'delete' | 'undo';
	before: unknown;
	after: unknown;
	source: string | null;
	undoes: number | null;
	undoneBy: number | null;
}

// ---------------------------------------------------------------------------------------------------------
// Time: quarters from 2020 to 2032, as the time control steps through them.

export const FIRST_YEAR = 2020;
export const LAST_YEAR = 2032;
export interface Quarter {
	year: number;
	q: 1 | 2 | 3 | 4;
}
export const QUARTER_PATTERN = /^(\d{4})-K([1-4])$/;

export function quarterKey(quarter: Quarter): string {
	return `${quarter.year}-K${quarter.q}`;
}
export function readQuarter(value: string | null | undefined): Quarter | null {
	const m = value ? QUARTER_PATTERN.exec(value) : null;
	if (!m) return null;
	const year = Number(m[1]);
	if (year < FIRST_YEAR || year > LAST_YEAR) return null;
	return { year, q: Number(m[2]) as Quarter['q'] };
}
export function allQuarters(): Quarter[] {
	const quarters: Quarter[] = [];
	for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) for (const q of [1, 2, 3, 4] as const) quarters.push({ year, q });
	return quarters;
}
/** First and last day of a quarter, as ISO dates. */
export function quarterRange(quarter: Quarter): { from: string; to: string } {
	const startMonth = (quarter.q - 1) * 3 + 1;
	const end = new Date(Date.UTC(quarter.year, startMonth + 2, 0));
	return { from: `${quarter.year}-${String(startMonth).padStart(2, '0')}-01`, to: end.toISOString().slice(0, 10) };
}
export function quarterLabel(quarter: Quarter): string {
	return `K${quarter.q} ${quarter.year}`;
}
/** Whether a period (end may be open) overlaps [from, to]. */
export function overlaps(start: string | null, end: string | null, from: string, to: string): boolean {
	return (start === null || start <= to) && (end === null || end >= from);
}
