import { describe, expect, it, vi } from 'vitest';
import type { AreaDetail } from '$lib/domain/areas';
import type { Investment, Programme } from '$lib/domain/register';
import type { User } from '$lib/domain/roles';
import { MapRegister, type MapRegisterSource } from './map-register.svelte';

const user = (role: User['role'], gemeentecode: string | null = null, organisation: string | null = null): User => ({
	id: 1,
	email: `${role}@wijkbeeld.test`,
	name: role,
	role,
	gemeentecode,
	organisation
});
const editor = user('editor', 'GM0164', 'Gemeente Hengelo');

const programme = { id: 7, version: 3, gemeentecode: 'GM0164', name: 'Wijkaanpak Noord', synthetic: false } as unknown as Programme;
const investment = (id: number, partner: string, measure: string) =>
	({ id, version: 1, gemeentecode: 'GM0164', partner, projectName: `Project ${id}`, measure, synthetic: true }) as unknown as Investment;

const area = (code: string, level: AreaDetail['level']) => ({ code, level, name: code }) as unknown as AreaDetail;

function flowFor(over: Partial<MapRegisterSource> = {}, api: { deleteItem?: ReturnType<typeof vi.fn>; undoLatest?: ReturnType<typeof vi.fn> } = {}) {
	const source: MapRegisterSource = {
		user: editor,
		gemeente: 'GM0164',
		selected: area('WK016402', 'wijk'),
		register: {
			programmes: [programme],
			investments: [investment(1, 'Welbions', 'isolatie'), investment(2, 'Domijn', 'zonnepanelen')],
			signals: null,
			buurten: [{ code: 'BU01640202', name: 'De Noork', wijkcode: 'WK016402' }],
			areaBuurtcodes: ['BU01640202', 'BU01640203']
		},
		...over
	};
	const refresh = vi.fn(async () => {});
	const flow = new MapRegister(() => source, { refresh, ...(api as object) });
	return { flow, refresh, source };
}

describe('MapRegister', () => {
	it('shows an item from the register as loaded, and nothing for an item that is gone', () => {
		const { flow } = flowFor();
		flow.show({ kind: 'investment', id: 2 });
		expect(flow.detail).toMatchObject({ kind: 'investment', item: { projectName: 'Project 2' } });
		flow.show({ kind: 'programme', id: 99 });
		expect(flow.detail).toBeNull();
		expect(flow.buurtName('BU01640202')).toBe('De Noork');
		expect(flow.buurtName('BU09999999')).toBe('BU09999999');
	});

	it('lets an editor create everything in their gemeente, a partner only investments, a visitor nothing', () => {
		expect(flowFor().flow.canCreate).toEqual({ programme: true, investment: true, signal: true });
		const partner = flowFor({ user: user('partner', null, 'Welbions') }).flow;
		expect(partner.canCreate).toEqual({ programme: false, investment: true, signal: false });
		expect(partner.fixedPartner).toBe('Welbions');
		expect(flowFor({ user: null }).flow.canCreate).toEqual({ programme: false, investment: false, signal: false });
		// Another gemeente's editor.
		expect(flowFor({ user: user('editor', 'GM0153', 'Gemeente Enschede') }).flow.canCreate.programme).toBe(false);
	});

	it('starts a programme on the buurten of the selected wijk, other items on the selected buurt only', () => {
		expect(flowFor().flow.startBuurten('programme')).toEqual(['BU01640202', 'BU01640203']);
		expect(flowFor().flow.startBuurten('investment')).toEqual([]);
		expect(flowFor({ selected: area('BU01640202', 'buurt') }).flow.startBuurten('signal')).toEqual(['BU01640202']);
		expect(flowFor({ selected: null }).flow.startBuurten('programme')).toEqual([]);
	});

	it('offers the partners and measures of the register, sorted, with the usual measures', () => {
		const { flow } = flowFor();
		expect(flow.partners).toEqual(['Domijn', 'Welbions']);
		expect(flow.measures).toContain('zonnepanelen');
		expect(flow.measures).toContain('sloop en nieuwbouw');
		expect(flow.synthetic).toBe(true);
	});

	it('keeps the panel on the form while an item is being created', () => {
		const { flow } = flowFor();
		flow.startCreate('programme', '2026-01-01');
		expect(flow.editing.open).toBe(true);
		flow.show({ kind: 'investment', id: 1 });
		expect(flow.selectedItem).toBeNull();
	});

	it('deletes, says so with an undo for an editor, and undoes', async () => {
		const deleteItem = vi.fn(async () => null);
		const undoLatest = vi.fn(async () => null);
		const { flow, refresh } = flowFor({}, { deleteItem, undoLatest });
		flow.show({ kind: 'programme', id: 7 });
		expect(await flow.remove()).toBeNull();
		// The version as loaded goes along, so that a change by someone else in between is refused (409).
		expect(deleteItem).toHaveBeenCalledWith({ kind: 'programme', id: 7 }, 3);
		expect(flow.selectedItem).toBeNull();
		expect(flow.version).toBe(1);
		expect(refresh).toHaveBeenCalledTimes(1);
		expect(flow.notice).toEqual({ text: '"Wijkaanpak Noord" is verwijderd.', undo: { kind: 'programme', id: 7, gemeentecode: 'GM0164' } });
		await flow.undoDelete();
		expect(undoLatest).toHaveBeenCalledWith({ kind: 'programme', id: 7, gemeentecode: 'GM0164' }, 'GM0164');
		expect(flow.selectedItem).toEqual({ kind: 'programme', id: 7 });
		expect(flow.notice).toEqual({ text: 'Het verwijderen is ongedaan gemaakt.', undo: null });
	});

	it('passes a refused delete on and changes nothing; a refused undo is said', async () => {
		const { flow, refresh } = flowFor({}, { deleteItem: vi.fn(async () => ({ message: 'U mag dit niet verwijderen.', stale: false })), undoLatest: vi.fn(async () => 'Te laat.') });
		flow.show({ kind: 'investment', id: 1 });
		expect(await flow.remove()).toEqual({ message: 'U mag dit niet verwijderen.', stale: false });
		expect(flow.selectedItem).toEqual({ kind: 'investment', id: 1 });
		expect(refresh).not.toHaveBeenCalled();
		flow.notice = { text: 'x', undo: { kind: 'investment', id: 1, gemeentecode: 'GM0164' } };
		await flow.undoDelete();
		expect(flow.notice).toEqual({ text: 'Ongedaan maken lukte niet: Te laat.', undo: null });
	});

	it('gives a partner no undo (only editors of the gemeente may undo)', async () => {
		const { flow } = flowFor({ user: user('partner', null, 'Welbions') }, { deleteItem: vi.fn(async () => null) });
		flow.show({ kind: 'investment', id: 1 });
		await flow.remove();
		expect(flow.notice?.undo).toBeNull();
	});
});
