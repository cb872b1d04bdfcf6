// @db: runs on PostgreSQL too (scripts/test.js): what it checks depends on the database.
// The register's HTTP API against the running app with the real area data and the local sign-in: who may
// write what (401/403 on the server), field-level validation, lists by period and buurt, GeoJSON for the map,
// the audit trail and undo. The register starts with the seeded programmes and demo investments; each test makes
// the items it writes (named "E2E …") and looks at those.
import { expect, request, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { ORIGIN, USERS, signIn } from './auth-helpers';

const programme = (overrides: Record<string, unknown> = {}) => ({
	gemeentecode: 'GM0164',
	name: 'E2E wijkaanpak',
	kind: 'wijkaanpak',
	phase: 'initieren',
	startDate: '2024-02-01',
	status: 'lopend',
	themes: ['sociaal'],
	buurtcodes: ['BU01640202'],
	...overrides
});

const investment = (overrides: Record<string, unknown> = {}) => ({
	partner: 'Domijn',
	projectName: 'E2E renovatie',
	measure: 'renovatie',
	buurtcode: 'BU01640203',
	startDate: '2025-01-01',
	endDate: '2026-12-31',
	dwellings: 20,
	amountEur: 500000,
	status: 'gepland',
	...overrides
});

/** A request context of its own, signed in as `email` (or anonymous), sending the site's Origin as a browser does. */
async function as(playwright: { request: { newContext: typeof request.newContext } }, email: string | null): Promise<APIRequestContext> {
	const context = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { origin: ORIGIN } });
	if (email) await signIn(context, email);
	return context;
}

test.describe('register API', () => {
	test('anonymous and viewer cannot write; signals are for staff only', async ({ playwright }) => {
		const anonymous = await as(playwright, null);
		expect((await anonymous.post('/api/programmes', { data: programme() })).status()).toBe(401);
		expect((await anonymous.get('/api/signals?gemeente=GM0164')).status()).toBe(401);
		expect((await anonymous.get('/api/programmes?gemeente=GM0164')).status()).toBe(200);

		const viewer = await as(playwright, USERS.viewer);
		const forbidden = await viewer.post('/api/programmes', { data: programme() });
		expect(forbidden.status()).toBe(403);
		expect((await forbidden.json()).error).toMatch(/leesrechten/);
		expect((await viewer.post('/api/investments', { data: investment() })).status()).toBe(403);
		expect((await viewer.get('/api/signals?gemeente=GM0164')).status()).toBe(403);

		const partner = await as(playwright, USERS.partnerWelbions);
		expect((await partner.get('/api/signals?gemeente=GM0164')).status()).toBe(403);
		expect((await partner.post('/api/programmes', { data: programme() })).status()).toBe(403);
	});

	test('a partner writes only its own investments', async ({ playwright }) => {
		const editor = await as(playwright, USERS.editorHengelo);
		const domijn = await editor.post('/api/investments', { data: investment() });
		expect(domijn.status()).toBe(201);
		const domijnItem = await domijn.json();
		expect(domijnItem).toMatchObject({ gemeentecode: 'GM0164', partner: 'Domijn', buurtcodes: ['BU01640203'], category: 'renovatie' });

		const welbions = await as(playwright, USERS.partnerWelbions);
		expect((await welbions.put(`/api/investments/${domijnItem.id}`, { data: investment({ amountEur: 1 }) })).status()).toBe(403);
		// Nor by renaming the partner to itself.
		expect((await welbions.put(`/api/investments/${domijnItem.id}`, { data: investment({ partner: 'Welbions' }) })).status()).toBe(403);
		expect((await welbions.delete(`/api/investments/${domijnItem.id}`)).status()).toBe(403);
		expect((await welbions.post('/api/investments', { data: investment({ projectName: 'Namens Domijn' }) })).status()).toBe(403);

		// Its own: located by a point in De Noork, which is stored as the buurt.
		const own = await welbions.post('/api/investments', {
			data: investment({ partner: 'Welbions', projectName: 'E2E isolatie', measure: 'isolatie', buurtcode: null, point: { type: 'Point', coordinates: [6.8131, 52.2701] } })
		});
		expect(own.status()).toBe(201);
		const ownItem = await own.json();
		expect(ownItem).toMatchObject({ partner: 'Welbions', buurtcode: 'BU01640202', buurtcodes: ['BU01640202'] });
		const changed = await welbions.put(`/api/investments/${ownItem.id}`, {
			data: investment({ partner: 'Welbions', projectName: 'E2E isolatie', measure: 'isolatie', buurtcode: 'BU01640202', amountEur: 750000 })
		});
		expect(changed.status()).toBe(200);
		expect((await changed.json()).amountEur).toBe(750000);
		// ... but cannot hand it to another partner.
		expect((await welbions.put(`/api/investments/${ownItem.id}`, { data: investment({ partner: 'Domijn', projectName: 'E2E isolatie' }) })).status()).toBe(403);

		// On the map, as points; in the list filtered by period and buurt.
		const map = await (await welbions.get('/api/investments?gemeente=GM0164&format=geojson')).json();
		expect(map.type).toBe('FeatureCollection');
		const feature = map.features.find((f: { properties: { id: number } }) => f.properties.id === ownItem.id);
		expect(feature.geometry.type).toBe('Point');
		expect(feature.properties).toMatchObject({ projectName: 'E2E isolatie', partner: 'Welbions', category: 'isolatie', amountEur: 750000 });
		// The register also holds the seeded demo investments: look at this test's own items, and check that the
		// buurt filter keeps the demo items of De Noork and leaves out those elsewhere.
		const all = async (query: string) =>
			((await (await welbions.get(`/api/investments?gemeente=GM0164${query}`)).json()) as { projectName: string }[]).map((i) => i.projectName).sort();
		const names = async (query: string) => (await all(query)).filter((name) => name.startsWith('E2E '));
		const inDeNoork = await all('&buurt=BU01640202');
		expect(inDeNoork).toContain('De Noork complex 412 - levensduurverlenging');
		expect(inDeNoork).not.toContain('Klein Driene - dakisolatie en ventilatie');
		expect(await names('&buurt=BU01640202')).toEqual(['E2E isolatie']);
		expect(await names('&from=2027-01-01&to=2027-03-31')).toEqual([]);
		expect(await names('&from=2026-01-01&to=2026-03-31')).toEqual(['E2E isolatie', 'E2E renovatie']);
		expect((await welbions.get('/api/investments?gemeente=GM0164&from=2026-01-01&to=2025-01-01')).status()).toBe(400);

		// Clean up for the other tests.
		expect((await editor.delete(`/api/investments/${domijnItem.id}`)).status()).toBe(200);
		expect((await welbions.delete(`/api/investments/${ownItem.id}`)).status()).toBe(200);
	});

	test('validation errors name the field; unknown places are refused', async ({ playwright }) => {
		const editor = await as(playwright, USERS.editorHengelo);
		const bad = await editor.post('/api/programmes', { data: programme({ name: '', startDate: '2024-02-31', kind: 'iets' }) });
		expect(bad.status()).toBe(400);
		const body = await bad.json();
		expect(typeof body.error).toBe('string');
		expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'name', 'startDate']);

		const foreign = await editor.post('/api/programmes', { data: programme({ buurtcodes: ['BU01530301'] }) });
		expect(foreign.status()).toBe(400);
		expect((await foreign.json()).errors).toEqual([{ field: 'buurtcodes', message: expect.stringContaining('BU01530301') }]);

		const unknownBuurt = await editor.post('/api/investments', { data: investment({ buurtcode: 'BU01649999' }) });
		expect(unknownBuurt.status()).toBe(400);
		expect((await unknownBuurt.json()).errors[0].field).toBe('buurtcode');
		const outside = await editor.post('/api/investments', { data: investment({ buurtcode: null, point: { type: 'Point', coordinates: [4.9, 52.37] } }) });
		expect(outside.status()).toBe(400);
		expect((await outside.json()).errors[0].field).toBe('point');
		const endBeforeStart = await editor.post('/api/investments', { data: investment({ endDate: '2024-01-01' }) });
		expect((await endBeforeStart.json()).errors[0].field).toBe('endDate');
		const negative = await editor.post('/api/investments', { data: investment({ amountEur: -5 }) });
		expect((await negative.json()).errors[0].field).toBe('amountEur');
		const notJson = await editor.post('/api/programmes', { data: 'geen json', headers: { 'content-type': 'application/json' } });
		expect(notJson.status()).toBe(400);

		expect((await editor.get('/api/programmes/987654')).status()).toBe(404);
		expect((await editor.put('/api/programmes/987654', { data: programme() })).status()).toBe(404);
		expect((await editor.delete('/api/investments/987654')).status()).toBe(404);
		expect((await editor.get('/api/programmes/abc')).status()).toBe(404);
		expect((await editor.get('/api/programmes?gemeente=Hengelo')).status()).toBe(400);
	});

	test('an editor writes only in the own gemeente', async ({ playwright }) => {
		const editor = await as(playwright, USERS.editorHengelo);
		const other = await editor.post('/api/programmes', {
			data: programme({ gemeentecode: 'GM0153', phase: 'gebiedsanalyse', buurtcodes: ['BU01530301'] })
		});
		expect(other.status()).toBe(403);
		expect((await other.json()).error).toMatch(/GM0153/);
		expect((await editor.get('/api/audit?gemeente=GM0153')).status()).toBe(403);
	});

	test('an editor creates, changes and deletes a programme, sees it in the audit and undoes the delete', async ({ playwright }) => {
		const editor = await as(playwright, USERS.editorHengelo);
		const created = await editor.post('/api/programmes', { data: programme() });
		expect(created.status()).toBe(201);
		const item = await created.json();
		expect(item).toMatchObject({ name: 'E2E wijkaanpak', buurtcodes: ['BU01640202'], touchedBuurtcodes: ['BU01640202'], drawn: true, synthetic: false });
		expect(item.label).toBeUndefined();

		const updated = await editor.put(`/api/programmes/${item.id}`, { data: programme({ phase: 'ontwerpen', buurtcodes: ['BU01640202', 'BU01640203'] }) });
		expect(updated.status()).toBe(200);
		expect(await updated.json()).toMatchObject({ phase: 'ontwerpen', touchedBuurtcodes: ['BU01640202', 'BU01640203'] });

		const listed = await (await editor.get('/api/programmes?gemeente=GM0164&buurt=BU01640203')).json();
		expect(listed.map((p: { id: number }) => p.id)).toContain(item.id);
		const map = await (await editor.get('/api/programmes?gemeente=GM0164&format=geojson')).json();
		const area = map.features.find((f: { properties: { id: number } }) => f.properties.id === item.id);
		expect(area.geometry.type).toMatch(/Polygon/);
		expect(area.properties).toMatchObject({ name: 'E2E wijkaanpak', kind: 'wijkaanpak', phase: 'ontwerpen', status: 'lopend' });

		expect((await editor.delete(`/api/programmes/${item.id}`)).status()).toBe(200);
		expect((await editor.get(`/api/programmes/${item.id}`)).status()).toBe(404);

		const audit = await (await editor.get(`/api/audit?gemeente=GM0164&entity=programme&id=${item.id}`)).json();
		expect(audit.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
		expect(audit[0]).toMatchObject({ userName: 'Hanna Hengelo (redacteur)', entity: 'programme', entityId: item.id, after: null });
		expect(audit[0].before).toMatchObject({ id: item.id, phase: 'ontwerpen' });

		// Undo needs an editor of the gemeente.
		const welbions = await as(playwright, USERS.partnerWelbions);
		expect((await welbions.post(`/api/audit/${audit[0].id}/undo`)).status()).toBe(403);
		const enschede = await as(playwright, USERS.editorEnschede);
		expect((await enschede.post(`/api/audit/${audit[0].id}/undo`)).status()).toBe(403);

		const undone = await editor.post(`/api/audit/${audit[0].id}/undo`);
		expect(undone.status()).toBe(200);
		const result = await undone.json();
		expect(result.entry).toMatchObject({ action: 'undo', undoes: audit[0].id, entityId: item.id });
		expect(result.item).toMatchObject({ id: item.id, phase: 'ontwerpen' });
		const back = await editor.get(`/api/programmes/${item.id}`);
		expect(back.status()).toBe(200);
		expect(await back.json()).toMatchObject({ id: item.id, name: 'E2E wijkaanpak', phase: 'ontwerpen', touchedBuurtcodes: ['BU01640202', 'BU01640203'] });

		const twice = await editor.post(`/api/audit/${audit[0].id}/undo`);
		expect(twice.status()).toBe(409);
		expect((await twice.json()).error).toMatch(/al ongedaan/);
		// The create has a later change standing (the update): undoing it is refused.
		const create = audit[2];
		expect((await editor.post(`/api/audit/${create.id}/undo`)).status()).toBe(409);

		expect((await editor.delete(`/api/programmes/${item.id}`)).status()).toBe(200);
	});

	test('signals: an editor records one, staff read it, the map gets a point', async ({ playwright }) => {
		const editor = await as(playwright, USERS.editorHengelo);
		const created = await editor.post('/api/signals', {
			data: { text: 'E2E: losliggende stoeptegels', buurtcode: 'BU01640202', observedOn: '2025-04-01', domain: 'openbare_ruimte' }
		});
		expect(created.status()).toBe(201);
		const signal = await created.json();
		expect(signal).toMatchObject({ gemeentecode: 'GM0164', authorName: 'Hanna Hengelo (redacteur)', buurtcodes: ['BU01640202'], synthetic: false });

		const admin = await as(playwright, USERS.admin);
		const listed = await (await admin.get('/api/signals?gemeente=GM0164')).json();
		expect(listed.map((s: { id: number }) => s.id)).toContain(signal.id);
		const map = await (await admin.get('/api/signals?gemeente=GM0164&format=geojson')).json();
		expect(map.features.find((f: { properties: { id: number } }) => f.properties.id === signal.id).geometry.type).toBe('Point');

		const viewer = await as(playwright, USERS.viewer);
		expect((await viewer.get(`/api/signals/${signal.id}`)).status()).toBe(403);
		const partner = await as(playwright, USERS.partnerWelbions);
		expect((await partner.post('/api/signals', { data: { text: 'x', buurtcode: 'BU01640202', observedOn: '2025-04-01', domain: 'overig' } })).status()).toBe(403);
		const enschede = await as(playwright, USERS.editorEnschede);
		expect((await enschede.delete(`/api/signals/${signal.id}`)).status()).toBe(403);
		expect((await editor.delete(`/api/signals/${signal.id}`)).status()).toBe(200);
	});
});
