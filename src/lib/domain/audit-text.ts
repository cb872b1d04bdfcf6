// The audit trail in readable Dutch: who changed what when, field by field from before to after, and whether
// a change can still be undone (the same rules as the server's undo, src/lib/server/db/undo.ts, so that the
// page offers "Ongedaan maken" only where it will work; the server still decides).
import type { AuditEntry } from './register';
import {
	INVESTMENT_STATUS_LABELS,
	PHASE_LABELS,
	PROGRAMME_KIND_LABELS,
	PROGRAMME_STATUS_LABELS,
	SIGNAL_DOMAIN_LABELS,
	THEME_LABELS
} from './register';
import { ROLE_LABELS } from './roles';
import { dateLabel, formatEuro } from './register-format';

export const ENTITY_LABELS: Record<AuditEntry['entity'], string> = {
	programme: 'Programma',
	investment: 'Investering',
	signal: 'Signaal',
	user: 'Gebruiker',
	area_assessment: 'Gebiedsbeoordeling',
	story: 'Verhaal',
	programme_monitor: 'Succesindicatoren en vergelijkingsgroep',
	indeling: 'Indeling (stadsdelen)',
	wijkbudget: 'Wijkbudget'
};

export const ACTION_LABELS: Record<AuditEntry['action'], string> = {
	create: 'aangemaakt',
	update: 'gewijzigd',
	delete: 'verwijderd',
	undo: 'ongedaan gemaakt'
};

type Formatter = (value: unknown, lookups?: AuditLookups) => string;

export interface AuditLookups {
	/** The name of a buurt, when known: "De Noork". */
	buurtName?: (code: string) => string | undefined;
	gemeenteName?: (code: string) => string | undefined;
}

const EMPTY = '(leeg)';
const text = (max = 160): Formatter => (v) => {
	if (v === null || v === undefined || v === '') return EMPTY;
	const s = String(v);
	return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};
const label = (labels: Record<string, string>): Formatter => (v) => (v === null || v === undefined || v === '' ? EMPTY : (labels[String(v)] ?? String(v)));
const date: Formatter = (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateLabel(v) : v ? String(v) : EMPTY);
const money: Formatter = (v) => (typeof v === 'number' ? formatEuro(v) : EMPTY);
const count: Formatter = (v) => (typeof v === 'number' ? v.toLocaleString('nl-NL') : EMPTY);
const yesNo: Formatter = (v) => (v ? 'ja' : 'nee');
const list = (labels: Record<string, string>): Formatter => (v) =>
	Array.isArray(v) && v.length ? v.map((x) => labels[String(x)] ?? String(x)).join(', ') : EMPTY;
const buurt: Formatter = (v, l = {}) => {
	if (typeof v !== 'string' || v === '') return EMPTY;
	const name = l.buurtName?.(v);
	return name ? `${name} (${v})` : v;
};
const buurten: Formatter = (v, l = {}) => (Array.isArray(v) && v.length ? v.map((c) => buurt(c, l)).join(', ') : EMPTY);
const gemeente: Formatter = (v, l = {}) => (typeof v === 'string' ? (l.gemeenteName?.(v) ?? v) : EMPTY);
const coordinate = (n: number) => n.toFixed(5).replace('.', ',');
const point: Formatter = (v) => {
	const c = (v as { coordinates?: [number, number] } | null)?.coordinates;
	return c ? `punt ${coordinate(c[1])} N, ${coordinate(c[0])} O` : EMPTY;
};
const outline: Formatter = (v) => {
	const g = v as { type?: string; coordinates?: unknown[] } | null;
	if (!g?.coordinates) return EMPTY;
	const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[][][];
	const corners = polygons.reduce((sum, rings) => sum + Math.max(0, (rings[0]?.length ?? 1) - 1), 0);
	return `getekende omtrek (${corners} hoekpunten${polygons.length > 1 ? `, ${polygons.length} delen` : ''})`;
};
const budget: Formatter = (v) =>
	Array.isArray(v) && v.length
		? v.map((b: { year: number; label: string; amount: number }) => `${b.year} ${b.label}: ${formatEuro(b.amount)}`).join('; ')
		: EMPTY;
// The succesindicatoren of a programme as a list ("p_laag_inkomen omlaag, doel 18 in 2028, nulmeting 2023: 21,4").
const succesindicatoren: Formatter = (v) =>
	Array.isArray(v) && v.length
		? v
				.map((i: { code: string; richting: string; doel: number | null; doeljaar: number | null; baseline: { year: number; value: number } | null }) =>
					[
						`${i.code} ${i.richting}`,
						i.doel !== null ? `doel ${i.doel.toLocaleString('nl-NL')}${i.doeljaar ? ` in ${i.doeljaar}` : ''}` : null,
						i.baseline ? `nulmeting ${i.baseline.year}: ${i.baseline.value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}` : null
					]
						.filter(Boolean)
						.join(', ')
				)
				.join('; ')
		: EMPTY;
const comparisonChanges: Formatter = (v, l = {}) =>
	Array.isArray(v) && v.length
		? v.map((c: { buurtcode: string; change: string; reden: string }) => `${buurt(c.buurtcode, l)} ${c.change === 'toevoegen' ? 'toegevoegd' : 'weggelaten'} (${c.reden})`).join('; ')
		: EMPTY;

/** The fields a reader cares about, per kind of item, in the order the forms show them. */
const FIELDS: Record<string, [key: string, label: string, format: Formatter][]> = {
	programme: [
		['name', 'Naam', text()],
		['kind', 'Soort', label(PROGRAMME_KIND_LABELS)],
		['gemeentecode', 'Gemeente', gemeente],
		['phase', 'Fase', label(PHASE_LABELS)],
		['status', 'Status', label(PROGRAMME_STATUS_LABELS)],
		['startDate', 'Begin', date],
		['endDate', 'Einde', date],
		['themes', "Thema's", list(THEME_LABELS)],
		['bestuurlijkOpdrachtgever', 'Bestuurlijk opdrachtgever', text()],
		['ambtelijkOpdrachtgever', 'Ambtelijk opdrachtgever', text()],
		['programmeManager', 'Programmamanager', text()],
		['budgetLines', 'Begroting', budget],
		['buurtcodes', 'Buurten', buurten],
		['outline', 'Omtrek', outline],
		['notes', 'Toelichting', text()],
		['synthetic', 'Demodata', yesNo]
	],
	investment: [
		['partner', 'Partner', text()],
		['projectName', 'Project', text()],
		['measure', 'Maatregel', text()],
		['gemeentecode', 'Gemeente', gemeente],
		['buurtcode', 'Buurt', buurt],
		['point', 'Punt', point],
		['outline', 'Omtrek', outline],
		['startDate', 'Begin', date],
		['endDate', 'Einde', date],
		['dwellings', 'Woningen', count],
		['amountEur', 'Bedrag', money],
		['status', 'Status', label(INVESTMENT_STATUS_LABELS)],
		['notes', 'Toelichting', text()],
		['source', 'Bron', text()],
		['synthetic', 'Demodata', yesNo]
	],
	signal: [
		['text', 'Tekst', text()],
		['observedOn', 'Datum', date],
		['domain', 'Domein', label(SIGNAL_DOMAIN_LABELS)],
		['buurtcode', 'Buurt', buurt],
		['point', 'Punt', point],
		['authorName', 'Opgetekend door', text()]
	],
	programme_monitor: [
		['indicators', 'Succesindicatoren', succesindicatoren],
		['comparisonChanges', 'Vergelijkingsgroep', comparisonChanges]
	],
	user: [
		['name', 'Naam', text()],
		['email', 'E-mail', text()],
		['role', 'Rol', label(ROLE_LABELS)],
		['gemeentecode', 'Gemeente', gemeente],
		['organisation', 'Organisatie', text()],
		['active', 'Actief', yesNo]
	]
};

/** Fields that are derived or bookkeeping: a change in them alone is not worth a line. */
const IGNORED = new Set(['id', 'updatedAt', 'touchedBuurtcodes', 'drawn', 'category', 'buurtcodes', 'label', 'createdAt', 'lastSeenAt', 'authorId']);

export interface FieldChange {
	field: string;
	label: string;
	before: string;
	after: string;
}

export interface ReadableEntry {
	id: number;
	/** "12 mei 2025 om 14:03" */
	when: string;
	who: string;
	entity: string;
	/** What the item is called: the programme's name, the project, the start of the signal's text. */
	name: string;
	action: string;
	/** Field by field, before → after (for a create: what it got; for a delete: what it had). */
	changes: FieldChange[];
	source: string | null;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' ? (v as Record<string, unknown>) : null);

function fieldsOf(entity: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
	// (A programme's buurtcodes are what the user picked and are listed; an investment's are derived and are not.)
	const known = FIELDS[entity];
	if (known) return known;
	// A kind of item this page does not know yet (an area assessment, a story): its plain fields as they are.
	const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => !IGNORED.has(k));
	return keys.map((k): [string, string, Formatter] => [k, k, (v) => (typeof v === 'object' && v !== null ? text()(JSON.stringify(v)) : text()(v))]);
}

/** The changed fields between two states; with one side missing (create, delete), every field with a value. */
export function fieldChanges(entity: string, beforeValue: unknown, afterValue: unknown, lookups: AuditLookups = {}): FieldChange[] {
	const before = asRecord(beforeValue);
	const after = asRecord(afterValue);
	const changes: FieldChange[] = [];
	for (const [key, fieldLabel, format] of fieldsOf(entity, before, after)) {
		const b = before?.[key];
		const a = after?.[key];
		if (JSON.stringify(b ?? null) === JSON.stringify(a ?? null)) continue;
		const beforeText = before ? format(b, lookups) : EMPTY;
		const afterText = after ? format(a, lookups) : EMPTY;
		// A create lists what was filled in, a delete what there was; empty fields add nothing.
		if ((!before || !after) && (before ? beforeText : afterText) === EMPTY) continue;
		if (beforeText === afterText) continue;
		changes.push({ field: key, label: fieldLabel, before: beforeText, after: afterText });
	}
	return changes;
}

/** PostgreSQL's timestamptz as text ("2025-05-12 14:03:22.123456+00") as a Date. */
export function parseTimestamp(at: string): Date {
	const iso = at.trim().replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
	return new Date(iso);
}

const WHEN = new Intl.DateTimeFormat('nl-NL', {
	timeZone: 'Europe/Amsterdam',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit'
});

export function whenLabel(at: string): string {
	const date = parseTimestamp(at);
	if (Number.isNaN(date.getTime())) return at;
	const parts = Object.fromEntries(WHEN.formatToParts(date).map((p) => [p.type, p.value]));
	return `${parts.day} ${parts.month} ${parts.year} om ${parts.hour}:${parts.minute}`;
}

function nameOf(entity: string, item: Record<string, unknown> | null): string {
	if (!item) return '';
	switch (entity) {
		case 'programme':
			return String(item.name ?? '');
		case 'investment':
			return [item.projectName, item.partner].filter(Boolean).join(' — ');
		case 'signal':
			return text(60)(item.text);
		case 'user':
			return String(item.name ?? item.email ?? '');
		case 'wijkbudget':
			return [item.regeling, item.gebiedscode, item.jaar].filter(Boolean).join(' — ');
		default:
			return String(item.name ?? item.title ?? '');
	}
}

export function describeAudit(entry: AuditEntry, lookups: AuditLookups = {}): ReadableEntry {
	const before = asRecord(entry.before);
	const after = asRecord(entry.after);
	return {
		id: entry.id,
		when: whenLabel(entry.at),
		who: entry.userName,
		entity: ENTITY_LABELS[entry.entity] ?? entry.entity,
		name: nameOf(entry.entity, after ?? before) || `#${entry.entityId}`,
		action: ACTION_LABELS[entry.action],
		changes: fieldChanges(entry.entity, before, after, lookups),
		source: entry.source
	};
}

const UNDOABLE = new Set(['programme', 'investment', 'signal', 'programme_monitor', 'indeling', 'wijkbudget']);

/**
 * Why this change cannot be undone, as the server would say it; null when it can. `entries` is the trail it
 * comes from, newest first, so a later change of the same item is in it whenever the entry is.
 */
export function undoRefusal(entry: AuditEntry, entries: readonly AuditEntry[]): string | null {
	if (entry.action === 'undo') return 'Dit is zelf een ongedaan gemaakte wijziging.';
	if (entry.undoneBy !== null) return 'Al ongedaan gemaakt.';
	if (entry.entity === 'user') return 'Wijzigingen van gebruikers maakt u ongedaan in het gebruikersbeheer.';
	if (!UNDOABLE.has(entry.entity)) return 'Dit soort wijziging kan hier niet ongedaan worden gemaakt.';
	const later = entries.some(
		(e) => e.entity === entry.entity && e.entityId === entry.entityId && e.id > entry.id && e.action !== 'undo' && e.undoneBy === null
	);
	if (later) return 'Daarna nog gewijzigd: maak eerst de latere wijziging ongedaan.';
	return null;
}
