import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './register';
import { describeAudit, fieldChanges, parseTimestamp, undoRefusal, whenLabel } from './audit-text';

const programme = {
	id: 7,
	gemeentecode: 'GM0164',
	name: 'Wijkaanpak Noord',
	kind: 'wijkaanpak',
	phase: 'initieren',
	startDate: '2024-02-01',
	endDate: null,
	themes: ['sociaal', 'veilig'],
	budgetLines: [{ year: 2024, label: 'Twee experimenten', amount: 100000 }],
	status: 'lopend',
	notes: '',
	buurtcodes: ['BU01640202'],
	outline: null,
	touchedBuurtcodes: ['BU01640202'],
	drawn: true,
	synthetic: false,
	updatedAt: '2025-01-01 10:00:00+00'
};

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
	id: 10,
	at: '2025-05-12 12:03:22.123456+00',
	userName: 'Redacteur Hengelo',
	entity: 'programme',
	entityId: 7,
	action: 'update',
	before: programme,
	after: programme,
	source: null,
	undoes: null,
	undoneBy: null,
	...over
});

const lookups = { buurtName: (code: string) => ({ BU01640202: 'De Noork', BU01640203: 'Klein Driene' })[code] };

describe('the audit trail in Dutch', () => {
	it('lists what changed field by field, in the users’ words', () => {
		const after = {
			...programme,
			phase: 'ontwerpen',
			endDate: '2030-12-31',
			themes: ['sociaal'],
			buurtcodes: ['BU01640202', 'BU01640203'],
			touchedBuurtcodes: ['BU01640202', 'BU01640203'],
			outline: { type: 'MultiPolygon', coordinates: [[[[6.81, 52.27], [6.82, 52.27], [6.82, 52.28], [6.81, 52.27]]]] },
			updatedAt: '2025-06-01 10:00:00+00'
		};
		expect(fieldChanges('programme', programme, after, lookups)).toEqual([
			{ field: 'phase', label: 'Fase', before: 'Initiëren', after: 'Ontwerpen' },
			{ field: 'endDate', label: 'Einde', before: '(leeg)', after: '31 december 2030' },
			{ field: 'themes', label: "Thema's", before: 'Sociaal, Veilig', after: 'Sociaal' },
			{ field: 'buurtcodes', label: 'Buurten', before: 'De Noork (BU01640202)', after: 'De Noork (BU01640202), Klein Driene (BU01640203)' },
			{ field: 'outline', label: 'Omtrek', before: '(leeg)', after: 'getekende omtrek (3 hoekpunten)' }
		]);
	});

	it('shows for a create what was filled in, and nothing for a timestamp-only change', () => {
		const created = fieldChanges('investment', null, {
			partner: 'Welbions',
			projectName: 'Complex 412',
			measure: 'isolatie',
			buurtcode: 'BU01640202',
			point: { type: 'Point', coordinates: [6.8131, 52.2701] },
			startDate: '2024-09-01',
			endDate: '2026-12-31',
			dwellings: 148,
			amountEur: 6200000,
			status: 'in_uitvoering',
			notes: '',
			buurtcodes: ['BU01640202']
		}, lookups);
		expect(created.map((c) => `${c.label}: ${c.after}`)).toEqual([
			'Partner: Welbions',
			'Project: Complex 412',
			'Maatregel: isolatie',
			'Buurt: De Noork (BU01640202)',
			'Punt: punt 52,27010 N, 6,81310 O',
			'Begin: 1 september 2024',
			'Einde: 31 december 2026',
			'Woningen: 148',
			'Bedrag: € 6.200.000',
			'Status: In uitvoering'
		]);
		expect(fieldChanges('programme', programme, { ...programme, updatedAt: 'later' })).toEqual([]);
	});

	it('describes an entry with its time in Dutch (Amsterdam time), who, what and which item', () => {
		const readable = describeAudit(entry({ action: 'delete', after: null }), lookups);
		expect(readable).toMatchObject({ when: '12 mei 2025 om 14:03', who: 'Redacteur Hengelo', entity: 'Programma', name: 'Wijkaanpak Noord', action: 'verwijderd' });
		expect(readable.changes.find((c) => c.label === 'Begroting')!.before).toBe('2024 Twee experimenten: € 100.000');
		expect(describeAudit(entry({ entity: 'signal', before: null, after: { text: 'x'.repeat(80) } })).name).toHaveLength(60);
		expect(describeAudit(entry({ entity: 'story', before: null, after: { title: 'Wijkgericht werken' } })).changes).toEqual([
			{ field: 'title', label: 'title', before: '(leeg)', after: 'Wijkgericht werken' }
		]);
		expect(parseTimestamp('2025-01-31 23:30:00+00').toISOString()).toBe('2025-01-31T23:30:00.000Z');
		expect(whenLabel('2025-01-31 23:30:00+00')).toBe('1 februari 2025 om 00:30');
	});

	it('offers undo only where the server allows it, and says why not', () => {
		const create = entry({ id: 1, action: 'create', before: null });
		const update = entry({ id: 2 });
		const undone = entry({ id: 3, undoneBy: 4 });
		const undo = entry({ id: 4, action: 'undo', undoes: 3 });
		const trail = [undo, undone, update, create];
		expect(undoRefusal(update, trail)).toBeNull();
		expect(undoRefusal(create, trail)).toBe('Daarna nog gewijzigd: maak eerst de latere wijziging ongedaan.');
		expect(undoRefusal(undone, trail)).toBe('Al ongedaan gemaakt.');
		expect(undoRefusal(undo, trail)).toBe('Dit is zelf een ongedaan gemaakte wijziging.');
		expect(undoRefusal(entry({ entity: 'user' }), [])).toMatch(/gebruikersbeheer/);
		expect(undoRefusal(entry({ entity: 'story' }), [])).toMatch(/kan hier niet/);
		// A later change to another item does not block.
		expect(undoRefusal(create, [entry({ id: 5, entityId: 8 }), create])).toBeNull();
	});
});
