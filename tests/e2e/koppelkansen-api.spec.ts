// @db: runs on PostgreSQL too (scripts/test.js): what it checks depends on the database.
// The HTTP API of the koppelkansen and the candidate ranking against the running app: shapes, the demodata label,
// validation that names the parameter, the CSV file, who may read signals (and that others get nothing of them),
// and who may write an area assessment — audited and undoable.
import { expect, test } from '@playwright/test';
import type { APIRequestContext } from '@playwright/test';
import { ORIGIN, USERS, signIn } from './auth-helpers';

const PERIOD = 'from=2026-01-01&to=2029-12-31';

async function as(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, email: string | null) {
	const context = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { origin: ORIGIN } });
	if (email) await signIn(context, email);
	return context;
}

test.describe('koppelkansen API', () => {
	test('ranks the results with reasons, programmes, investments and the demodata label', async ({ request }) => {
		const response = await request.get(`/api/koppelkansen?gemeente=GM0164&${PERIOD}`);
		expect(response.status()).toBe(200);
		const results = await response.json();
		expect(results[0]).toMatchObject({
			rank: 1,
			code: 'BU01640202',
			name: 'De Noork',
			kind: 'koppelkans',
			level: 'buurt',
			synthetic: true,
			label: 'Demodata — geen echte cijfers',
			programmes: [expect.objectContaining({ name: 'Wijkaanpak Noord', running: true })],
			urgency: expect.objectContaining({ class: 'hoog', domain: null })
		});
		expect(results[0].reasons.at(-1)).toBe('Wijkaanpak Noord loopt');
		expect(results[0].explanation).toMatch(/^De Noork — urgentie hoog .* → koppelkans$/);
		expect(results[0].investments.map((i: { partner: string }) => i.partner)).toEqual(expect.arrayContaining(['Welbions', 'Gemeente Hengelo']));
		const sum = results[0].scoreParts.reduce((s: number, p: { points: number }) => s + p.points, 0);
		expect(sum).toBeCloseTo(results[0].score, 10);
		for (let i = 1; i < results.length; i++) expect(results[i].score).toBeLessThanOrEqual(results[i - 1].score);
		expect(new Set(results.map((r: { kind: string }) => r.kind))).toEqual(new Set(['koppelkans', 'gemiste_koppeling', 'ongedekte_urgentie']));

		// One kind, one domain, the wijk level.
		const missed = await (await request.get(`/api/koppelkansen?gemeente=GM0164&${PERIOD}&kind=gemiste_koppeling`)).json();
		expect(missed.length).toBeGreaterThan(0);
		expect(missed.every((r: { kind: string; programmes: unknown[] }) => r.kind === 'gemiste_koppeling' && r.programmes.length === 0)).toBe(true);
		const social = await (await request.get(`/api/koppelkansen?gemeente=GM0164&${PERIOD}&domain=sociaal`)).json();
		expect(social[0].urgency.domain).toBe('sociaal');
		const wijken = await (await request.get(`/api/koppelkansen?gemeente=GM0164&${PERIOD}&level=wijk`)).json();
		expect(wijken.every((r: { code: string }) => r.code.startsWith('WK0164'))).toBe(true);
		// Before any investment, only urgency without plans is left.
		const early = await (await request.get('/api/koppelkansen?gemeente=GM0164&from=2020-01-01&to=2020-12-31')).json();
		expect(new Set(early.map((r: { kind: string }) => r.kind))).toEqual(new Set(['ongedekte_urgentie']));
	});

	test('says what is wrong with a request', async ({ request }) => {
		const bad = async (query: string, status = 400) => {
			const response = await request.get(`/api/koppelkansen?${query}`);
			expect(response.status(), query).toBe(status);
			return (await response.json()).error as string;
		};
		expect(await bad('')).toMatch(/^Ongeldige parameter gemeente/);
		expect(await bad('gemeente=GM0164&kind=kans')).toMatch(/^Ongeldige parameter kind: verwacht een van koppelkans, gemiste_koppeling, ongedekte_urgentie/);
		expect(await bad('gemeente=GM0164&domain=cultuur')).toMatch(/^Ongeldige parameter domain/);
		expect(await bad('gemeente=GM0164&from=2026-02-30')).toMatch(/^Ongeldige parameter from: bestaat niet in de kalender/);
		expect(await bad('gemeente=GM0164&from=2028-01-01&to=2027-01-01')).toBe('Ongeldige parameter from: from ligt na to');
		expect(await bad('gemeente=GM0164&level=gemeente')).toMatch(/^Ongeldige parameter level/);
		expect(await bad('gemeente=GM0999', 404)).toBe('Gemeente GM0999 heeft geen gebieden in Wijkbeeld');
	});

	test('gives the same list as a CSV file', async ({ request }) => {
		for (const url of [`/api/koppelkansen.csv?gemeente=GM0164&${PERIOD}`, `/api/koppelkansen?gemeente=GM0164&${PERIOD}&format=csv`]) {
			const response = await request.get(url);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
			expect(response.headers()['content-disposition']).toBe('attachment; filename="koppelkansen-hengelo-buurten-2026-01-01-tot-2029-12-31.csv"');
			const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
			expect(lines[0]).toBe(
				"Rang;Soort;Gebiedscode;Gebied;Score;Urgentiescore;Urgentie;Programma's;Investeringen in het gebied;Investeringen in de buurman;Samen bezig;Toelichting;Opbouw van de score;Wijkbudget;Let op"
			);
			expect(lines[1]).toMatch(/^1;Koppelkans;BU01640202;De Noork;/);
			// De Noork lies in wijk Noord, whose demo wijkbudget the column gives (the last year with spending).
			expect(lines[1]).toMatch(/;Wijkbudget 2024: € \d+,\d\d per inwoner \(gemeente € \d+,\d\d\), \d+ % besteed[^;]*;Demodata — geen echte cijfers$/);
			expect(lines.slice(1).every((l) => l.endsWith(';Demodata — geen echte cijfers'))).toBe(true);
		}
		expect((await request.get('/api/koppelkansen.csv?gemeente=GM0164&kind=x')).status()).toBe(400);
	});
});

test.describe('kandidaten API', () => {
	test('ranks candidates with criteria that add up and their robustness; signals only for staff', async ({ playwright }) => {
		const anonymous = await as(playwright, null);
		const list = await (await anonymous.get(`/api/kandidaten?gemeente=GM0164&${PERIOD}`)).json();
		expect(list[0]).toMatchObject({ code: 'BU01640202', rank: 1, hasWijkaanpak: true, topN: 3, signalsIncluded: false, synthetic: true, label: 'Demodata — geen echte cijfers' });
		expect(list[0].topNShare).toBeGreaterThanOrEqual(0);
		for (const c of list.filter((x: { rank: number | null }) => x.rank !== null)) {
			expect(c.criteria.reduce((s: number, x: { contribution: number }) => s + x.contribution, 0)).toBeCloseTo(c.score, 8);
		}
		const signal = list[0].criteria.find((c: { criterion: string }) => c.criterion === 'signalen');
		expect(signal).toMatchObject({ weight: 0, value: 0, contribution: 0, available: false });
		// Nothing about signals leaks: the same answer whatever signal weight is asked for.
		const heavy = await (await anonymous.get(`/api/kandidaten?gemeente=GM0164&${PERIOD}&weights=signalen:5`)).json();
		expect(heavy).toEqual(list);
		expect(JSON.stringify(list)).not.toMatch(/\d+ signa(al|len) sinds/);

		const editor = await as(playwright, USERS.editorHengelo);
		const staff = await (await editor.get(`/api/kandidaten?gemeente=GM0164&${PERIOD}`)).json();
		expect(staff[0].signalsIncluded).toBe(true);
		const noork = staff.find((c: { code: string }) => c.code === 'BU01640202');
		expect(noork.criteria.find((c: { criterion: string }) => c.criterion === 'signalen')).toMatchObject({ available: true, weight: 1 });
		expect(noork.criteria.find((c: { criterion: string }) => c.criterion === 'signalen').explanation).toMatch(/^\d+ signa(al|len) sinds 1 januari 2024/);

		// Weights, presets, excluding existing wijkaanpakken, another top group.
		const excluded = await (await anonymous.get(`/api/kandidaten?gemeente=GM0164&${PERIOD}&existing=uitsluiten&topN=5&preset=bestuurlijke-opdracht&weights=actief:0`)).json();
		expect(excluded.find((c: { code: string }) => c.code === 'BU01640202')).toMatchObject({ rank: null, note: 'Heeft al een aanpak (Wijkaanpak Noord): uitgesloten' });
		expect(excluded[0]).toMatchObject({ rank: 1, topN: 5 });
		expect(excluded[0].criteria.map((c: { weight: number }) => c.weight)).toEqual([2, 0, 2, 2, 0]);

		const bad = await anonymous.get('/api/kandidaten?gemeente=GM0164&weights=wonen:2');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).error).toMatch(/^Ongeldige parameter weights: Onbekend criterium "wonen"/);
		const onlySignals = await anonymous.get('/api/kandidaten?gemeente=GM0164&weights=urgentie:0,investeringen:0,prioriteit:0,actief:0');
		expect(onlySignals.status()).toBe(400);
		expect((await onlySignals.json()).error).toMatch(/Signalen tellen voor u niet mee/);
		await anonymous.dispose();
		await editor.dispose();
	});
});

test.describe('area assessment API', () => {
	const body = { priority: true, priorityNote: 'Collegeprogramma', residents: 'enkele', residentsNote: '', partners: null, partnersNote: '' };

	test('anyone reads it; only editors of the gemeente and admins write it, audited and undoable', async ({ playwright }) => {
		const anonymous = await as(playwright, null);
		expect(await (await anonymous.get('/api/areas/BU01640403/assessment')).json()).toMatchObject({ id: null, areaCode: 'BU01640403', gemeentecode: 'GM0164', priority: false, residents: 'onbekend' });
		expect((await anonymous.put('/api/areas/BU01640403/assessment', { data: body })).status()).toBe(401);
		for (const email of [USERS.viewer, USERS.partnerWelbions, USERS.editorEnschede]) {
			const other = await as(playwright, email);
			expect((await other.put('/api/areas/BU01640403/assessment', { data: body })).status(), email).toBe(403);
			await other.dispose();
		}

		const editor = await as(playwright, USERS.editorHengelo);
		const invalid = await editor.put('/api/areas/BU01640403/assessment', { data: { ...body, residents: 'misschien', priority: 'ja' } });
		expect(invalid.status()).toBe(400);
		expect((await invalid.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(['priority', 'residents']);
		expect((await editor.put('/api/areas/BU01649999/assessment', { data: body })).status()).toBe(404);
		expect((await editor.put('/api/areas/GM0164/assessment', { data: body })).status()).toBe(400);

		const saved = await editor.put('/api/areas/BU01640403/assessment', { data: body });
		expect(saved.status()).toBe(200);
		const { assessment, auditId } = await saved.json();
		expect(assessment).toMatchObject({ areaCode: 'BU01640403', priority: true, priorityNote: 'Collegeprogramma', residents: 'enkele', updatedBy: 'Hanna Hengelo (redacteur)' });
		expect(auditId).toEqual(expect.any(Number));
		// The same again changes nothing.
		expect((await (await editor.put('/api/areas/BU01640403/assessment', { data: body })).json()).auditId).toBeNull();
		const audit = await (await editor.get(`/api/audit?gemeente=GM0164&entity=area_assessment&id=${assessment.id}`)).json();
		expect(audit.map((a: { action: string }) => a.action)).toEqual(['create']);
		// It counts in the ranking at once.
		const ranked = await (await anonymous.get(`/api/kandidaten?gemeente=GM0164&${PERIOD}`)).json();
		expect(ranked.find((c: { code: string }) => c.code === 'BU01640403').criteria.find((c: { criterion: string }) => c.criterion === 'prioriteit').value).toBe(1);

		const admin = await as(playwright, USERS.admin);
		expect((await admin.post(`/api/audit/${auditId}/undo`)).status()).toBe(200);
		expect(await (await anonymous.get('/api/areas/BU01640403/assessment')).json()).toMatchObject({ id: null, priority: false });
		await Promise.all([anonymous.dispose(), editor.dispose(), admin.dispose()]);
	});
});
