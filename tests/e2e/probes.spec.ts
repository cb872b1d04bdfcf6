// A black-box probe of the running app: attacks and bad inputs, each of which must get a clear 4xx (JSON
// `{ error }` on the API, never a 500 or a stack) and write nothing. "Nothing" is counted: the rows of the register
// and stories in both gemeenten, and the newest audit entry of each, before and after every probe.
// @db: runs on PostgreSQL too (scripts/test.js): the answers depend on the database's constraints and locks.
import { request as httpRequest } from 'node:http';
import { strToU8, zipSync } from 'fflate';
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { ORIGIN, USERS, signIn } from './auth-helpers';

const GEMEENTEN = ['GM0164', 'GM0153'];
const EVIL = 'https://evil.example';

async function as(playwright: { request: { newContext: typeof request.newContext } }, email: string | null): Promise<APIRequestContext> {
	const context = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { origin: ORIGIN } });
	if (email) await signIn(context, email);
	return context;
}

const programme = (overrides: Record<string, unknown> = {}) => ({
	gemeentecode: 'GM0164',
	name: 'Probe',
	kind: 'wijkaanpak',
	phase: 'initieren',
	startDate: '2024-02-01',
	status: 'lopend',
	buurtcodes: ['BU01640202'],
	...overrides
});

const investment = (overrides: Record<string, unknown> = {}) => ({
	partner: 'Welbions',
	projectName: 'Probe-investering',
	measure: 'isolatie',
	buurtcode: 'BU01640202',
	startDate: '2025-01-01',
	endDate: '2026-12-31',
	status: 'gepland',
	...overrides
});

/** A square outline around De Noork with `n` points. */
function outline(n: number) {
	const ring: [number, number][] = [];
	for (let i = 0; i < n - 1; i++) {
		const a = (2 * Math.PI * i) / (n - 1);
		ring.push([6.79 + 0.002 * Math.cos(a), 52.27 + 0.002 * Math.sin(a)]);
	}
	ring.push(ring[0]);
	return { type: 'Polygon', coordinates: [ring] };
}

let admin: APIRequestContext;

/** What is in the database, as far as the API shows it: counts, and the newest audit entry per gemeente. */
async function census(): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const g of GEMEENTEN) {
		for (const kind of ['programmes', 'investments', 'signals', 'stories']) {
			const response = await admin.get(`/api/${kind}?gemeente=${g}`);
			expect(response.status()).toBe(200);
			out[`${kind} ${g}`] = (await response.json()).length;
		}
		const [latest] = await (await admin.get(`/api/audit?gemeente=${g}&limit=1`)).json();
		out[`audit ${g}`] = latest?.id ?? 0;
	}
	return out;
}

/** Sends a body in chunks without a Content-Length (transfer-encoding: chunked), as a client hiding its size would. */
function chunkedUpload(path: string, cookie: string, megabytes: number): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL(path, ORIGIN);
		const boundary = 'grens';
		const req = httpRequest(
			{ host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', headers: { origin: ORIGIN, cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } },
			(res) => {
				let body = '';
				res.on('data', (d) => (body += d));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			}
		);
		// The server may answer and close before all is sent: that answer is what counts.
		req.on('error', (error) => (req.writableEnded ? undefined : reject(error)));
		req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.csv"\r\nContent-Type: text/csv\r\n\r\n`);
		const chunk = Buffer.alloc(1024 * 1024, 'a');
		let sent = 0;
		const pump = () => {
			while (sent < megabytes) {
				sent++;
				if (!req.write(chunk)) return void req.once('drain', pump);
			}
			req.end(`\r\n--${boundary}--\r\n`);
		};
		pump();
	});
}

interface Probe {
	name: string;
	send: () => Promise<APIResponse | { status: number; body: string }>;
	status: number;
	/** A part of the error message the user reads. */
	says?: RegExp;
}

test.describe('black-box probes: every attack gets a clear 4xx and writes nothing', () => {
	let editorHengelo: APIRequestContext;
	let editorEnschede: APIRequestContext;
	let partnerWelbions: APIRequestContext;
	let partnerDomijn: APIRequestContext;
	let viewer: APIRequestContext;
	let anonymous: APIRequestContext;
	const ids = { stale: 0, undone: 0, restored: 0, enschedeProgramme: 0, welbionsInvestment: 0, enschedeSignal: 0 };
	let partnerCookie = '';

	test.beforeAll(async ({ playwright }) => {
		admin = await as(playwright, USERS.admin);
		editorHengelo = await as(playwright, USERS.editorHengelo);
		editorEnschede = await as(playwright, USERS.editorEnschede);
		partnerWelbions = await as(playwright, USERS.partnerWelbions);
		partnerDomijn = await as(playwright, USERS.partnerDomijn);
		viewer = await as(playwright, USERS.viewer);
		anonymous = await as(playwright, null);
		partnerCookie = (await partnerWelbions.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');

		// Set-up writes happen here, before any census: an item one version on, an undone change, foreign items.
		const created = await (await admin.post('/api/programmes', { data: programme({ name: 'Probe versie' }) })).json();
		const moved = await admin.put(`/api/programmes/${created.id}`, { data: { ...programme({ name: 'Probe versie 2' }), version: created.version } });
		expect(moved.status()).toBe(200);
		ids.stale = created.id;
		const doomed = await (await admin.post('/api/programmes', { data: programme({ name: 'Probe weg' }) })).json();
		expect((await admin.delete(`/api/programmes/${doomed.id}`)).status()).toBe(200);
		const [deletion] = await (await admin.get(`/api/audit?gemeente=GM0164&entity=programme&id=${doomed.id}&limit=1`)).json();
		expect((await admin.post(`/api/audit/${deletion.id}/undo`)).status()).toBe(200);
		ids.undone = deletion.id;
		ids.restored = doomed.id;
		const enschede = await (await admin.post('/api/programmes', { data: programme({ gemeentecode: 'GM0153', phase: 'gebiedsanalyse', buurtcodes: ['BU01530301'], name: 'Probe Enschede' }) })).json();
		ids.enschedeProgramme = enschede.id;
		// A name of its own: after a failed probe Playwright starts a new worker, which runs this set-up again.
		const own = await partnerWelbions.post('/api/investments', { data: investment({ projectName: `Probe-investering ${Date.now()}` }) });
		expect(own.status(), await own.text()).toBe(201);
		ids.welbionsInvestment = (await own.json()).id;
		const signal = await admin.post('/api/signals', { data: { text: 'Probe: signaal in Enschede', buurtcode: 'BU01530301', observedOn: '2025-04-01', domain: 'overig' } });
		expect(signal.status()).toBe(201);
		ids.enschedeSignal = (await signal.json()).id;
	});

	// The other specs count what is on the map and in the lists: leave nothing behind.
	test.afterAll(async () => {
		for (const id of [ids.stale, ids.restored, ids.enschedeProgramme]) if (id) await admin.delete(`/api/programmes/${id}`);
		if (ids.welbionsInvestment) await admin.delete(`/api/investments/${ids.welbionsInvestment}`);
		if (ids.enschedeSignal) await admin.delete(`/api/signals/${ids.enschedeSignal}`);
	});

	const bomb = () => {
		const files = { '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(40 * 1024 * 1024) };
		return Buffer.from(zipSync(files, { level: 9 }));
	};

	const probes: Probe[] = [
		{ name: 'a zip bomb (40 MB of sheet in a few kB)', status: 413, says: /pakt uit tot|zip-bom/, send: () => partnerWelbions.post('/api/import/investments?dryRun=true', { multipart: { file: { name: 'bom.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bomb() } } }) },
		{ name: 'a chunked 20 MB upload without Content-Length', status: 413, says: /te groot/, send: () => chunkedUpload('/api/import/investments?dryRun=true', partnerCookie, 20) },
		{ name: 'an outline of 20,000 points (366 kB)', status: 413, says: /te groot/, send: () => partnerWelbions.post('/api/investments', { data: investment({ buurtcode: null, outline: outline(20_000), projectName: 'E2E groot' }) }) },
		{ name: 'an outline of 5,000 points', status: 400, says: /hoogstens 2000 punten/, send: () => partnerWelbions.post('/api/investments', { data: investment({ buurtcode: null, outline: outline(5_000), projectName: 'E2E groot' }) }) },
		{ name: 'an outline whose ring is not closed', status: 400, says: /gesloten/, send: () => partnerWelbions.post('/api/investments', { data: investment({ buurtcode: null, outline: { type: 'Polygon', coordinates: [[[6.79, 52.27], [6.8, 52.27], [6.8, 52.28], [6.79, 52.28]]] }, projectName: 'E2E open' }) }) },
		{ name: 'a cross-origin undo without body or Content-Type', status: 403, says: /evil\.example/, send: () => admin.post(`/api/audit/${ids.undone}/undo`, { headers: { origin: EVIL } }) },
		{ name: 'a cross-origin JSON PUT', status: 403, send: () => admin.put(`/api/programmes/${ids.stale}`, { headers: { origin: EVIL }, data: programme() }) },
		{ name: 'a cross-origin DELETE', status: 403, send: () => admin.delete(`/api/programmes/${ids.stale}`, { headers: { origin: EVIL } }) },
		{ name: 'a cross-site fetch by its Fetch Metadata', status: 403, says: /andere site/, send: () => admin.post('/api/programmes', { headers: { origin: ORIGIN, 'sec-fetch-site': 'cross-site' }, data: programme() }) },
		{ name: 'a cross-origin form post to the Wijzigingen undo action', status: 403, send: () => admin.post('/wijzigingen?/ongedaan', { headers: { origin: EVIL }, form: { id: String(ids.undone) } }) },
		{ name: 'JSON sent as text/plain', status: 415, says: /application\/json/, send: () => admin.post('/api/programmes', { headers: { 'content-type': 'text/plain' }, data: JSON.stringify(programme()) }) },
		{ name: 'a JSON write without Content-Type', status: 400, send: () => admin.fetch('/api/programmes', { method: 'POST', data: Buffer.from(JSON.stringify(programme())), headers: { 'content-type': '' } }) },
		{ name: 'a JSON body of 300 kB', status: 413, says: /te groot/, send: () => admin.post('/api/programmes', { data: programme({ notes: 'x'.repeat(300_000) }) }) },
		{ name: 'malformed JSON', status: 400, says: /JSON/, send: () => admin.post('/api/programmes', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"name": ') }) },
		{ name: 'path traversal in an id', status: 404, send: () => admin.get('/api/programmes/..%2F..%2Fetc%2Fpasswd') },
		{ name: 'a negative id', status: 404, send: () => admin.delete('/api/programmes/-1') },
		{ name: 'an id past the largest safe integer', status: 404, send: () => admin.put('/api/investments/99999999999999999999', { data: investment() }) },
		{ name: 'an id in exponent notation', status: 404, send: () => admin.delete('/api/signals/1e3') },
		{ name: 'path traversal in an area code', status: 404, send: () => admin.get('/api/areas/..%2F..%2Fpackage.json') },
		{ name: "another partner's investment", status: 403, says: /Domijn/, send: () => partnerDomijn.put(`/api/investments/${ids.welbionsInvestment}`, { data: investment({ partner: 'Domijn' }) }) },
		{ name: "deleting another partner's investment", status: 403, send: () => partnerDomijn.delete(`/api/investments/${ids.welbionsInvestment}`) },
		{ name: "another gemeente's programme", status: 403, says: /GM0153/, send: () => editorHengelo.put(`/api/programmes/${ids.enschedeProgramme}`, { data: programme({ gemeentecode: 'GM0153', phase: 'gebiedsanalyse', buurtcodes: ['BU01530301'] }) }) },
		{ name: "moving one's programme into another gemeente", status: 403, send: () => editorHengelo.put(`/api/programmes/${ids.stale}`, { data: programme({ gemeentecode: 'GM0153', phase: 'gebiedsanalyse', buurtcodes: ['BU01530301'] }) }) },
		{ name: "another gemeente's signals, listed", status: 403, says: /GM0153/, send: () => editorHengelo.get('/api/signals?gemeente=GM0153') },
		{ name: "another gemeente's signal, by id", status: 403, send: () => editorHengelo.get(`/api/signals/${ids.enschedeSignal}`) },
		{ name: "another gemeente's Wijzigingen", status: 403, send: () => editorHengelo.get('/api/audit?gemeente=GM0153') },
		{ name: 'a replayed undo', status: 409, says: /al ongedaan/, send: () => admin.post(`/api/audit/${ids.undone}/undo`) },
		{ name: 'an undo by someone not signed in', status: 401, send: () => anonymous.post(`/api/audit/${ids.undone}/undo`) },
		{ name: "an undo in another gemeente's Wijzigingen", status: 403, send: () => editorEnschede.post(`/api/audit/${ids.undone}/undo`) },
		{ name: 'a PUT based on a stale version', status: 409, says: /intussen gewijzigd/, send: () => admin.put(`/api/programmes/${ids.stale}`, { data: { ...programme({ name: 'E2E verloren' }), version: 1 } }) },
		{ name: 'a DELETE based on a stale version', status: 409, send: () => admin.delete(`/api/programmes/${ids.stale}?version=1`) },
		{ name: 'an amount of 1e12', status: 400, says: /amountEur/, send: () => partnerWelbions.post('/api/investments', { data: investment({ amountEur: 1e12, projectName: 'E2E biljoen' }) }) },
		{ name: '3e9 dwellings', status: 400, says: /dwellings/, send: () => partnerWelbions.post('/api/investments', { data: investment({ dwellings: 3e9, projectName: 'E2E woningen' }) }) },
		{ name: 'a year 0000 in a body', status: 400, says: /startDate/, send: () => partnerWelbions.post('/api/investments', { data: investment({ startDate: '0000-01-01', projectName: 'E2E jaar nul' }) }) },
		{ name: 'a year 0000 in a filter', status: 400, says: /from/, send: () => anonymous.get('/api/investments?gemeente=GM0164&from=0000-01-01') },
		{ name: 'draws past the limit', status: 400, says: /draws/, send: () => anonymous.get('/api/kandidaten?gemeente=GM0164&draws=100000') },
		{ name: 'topN past the limit', status: 400, says: /topN/, send: () => anonymous.get('/api/urgency?gemeente=GM0164&topN=1000') },
		{ name: 'a viewer writing', status: 403, send: () => viewer.post('/api/programmes', { data: programme() }) },
		{ name: 'a partner writing a signal', status: 403, send: () => partnerWelbions.post('/api/signals', { data: { text: 'x', buurtcode: 'BU01640202', observedOn: '2025-04-01', domain: 'overig' } }) },
		{ name: 'a map URL with 200 layers', status: 400, says: /Parameter lagen heeft te veel onderdelen \(200; hoogstens 10\)/, send: () => anonymous.get(`/?gemeente=GM0164&lagen=${Array(200).fill('x').join(',')}`) },
		{ name: 'a map URL with 100 class bounds', status: 400, says: /Parameter grenzen heeft te veel onderdelen \(100; hoogstens 20\)/, send: () => anonymous.get(`/?gemeente=GM0164&thema=urgentie&grenzen=${Array.from({ length: 100 }, (_, i) => i).join(',')}`) },
		{ name: 'a map URL of 9 kB', status: 400, says: /De zoekparameters zijn te lang/, send: () => anonymous.get(`/?gemeente=GM0164&lagen=${Array(1000).fill('signalen').join(',')}`) },
		{ name: 'urgency weights with 100 parts', status: 400, says: /Parameter weights heeft te veel onderdelen/, send: () => anonymous.get(`/api/urgency?gemeente=GM0164&weights=${Array(100).fill('sociaal:1').join(',')}`) },
		{ name: 'candidate weights (gewichten) with 100 parts', status: 400, says: /Parameter gewichten/, send: () => anonymous.get(`/kandidaten?gemeente=GM0164&gewichten=${Array(100).fill('urgentie:1').join(',')}`) },
		{ name: 'a period quarter (tijd) of 2 kB', status: 400, says: /Parameter tijd is te lang/, send: () => anonymous.get(`/?gemeente=GM0164&tijd=${'2026-K1'.repeat(300)}`) },
		{ name: 'a period end (to) of 2 kB', status: 400, says: /Parameter to is te lang/, send: () => anonymous.get(`/api/koppelkansen?gemeente=GM0164&to=${'2'.repeat(2000)}`) },
		{ name: 'a query string of 100 parameters', status: 400, says: /Te veel zoekparameters/, send: () => anonymous.get(`/api/areas?gemeente=GM0164&${Array.from({ length: 100 }, (_, i) => `p${i}=1`).join('&')}`) },
		{ name: 'a method the route does not have', status: 405, says: /DELETE is hier niet toegestaan/, send: () => admin.delete('/api/areas?gemeente=GM0164') }
	];

	for (const probe of probes) {
		test(probe.name, async () => {
			const before = await census();
			const response = await probe.send();
			const status = 'status' in response && typeof response.status === 'function' ? response.status() : (response as { status: number }).status;
			const text = 'text' in response && typeof response.text === 'function' ? await response.text() : (response as { body: string }).body;
			expect(status, text.slice(0, 300)).toBe(probe.status);
			if (probe.says) expect(text).toMatch(probe.says);
			expect(text).not.toMatch(/at .*\.(js|ts):\d+|Er ging iets mis/);
			expect(await census()).toEqual(before);
			// And the server is still there.
			expect((await anonymous.get('/api/health')).status()).toBe(200);
		});
	}

	test('a request id from outside is echoed only when it looks like one', async () => {
		const long = await anonymous.get('/api/health', { headers: { 'x-request-id': 'a'.repeat(8000) } });
		expect(long.headers()['x-request-id']).toMatch(/^[0-9a-f]{8}$/);
		const markup = await anonymous.get('/api/health', { headers: { 'x-request-id': '<script>alert(1)</script>' } });
		expect(markup.headers()['x-request-id']).toMatch(/^[0-9a-f]{8}$/);
		const proxy = await anonymous.get('/api/health', { headers: { 'x-request-id': 'proxy-7f3a.1' } });
		expect(proxy.headers()['x-request-id']).toBe('proxy-7f3a.1');
	});

	test('the sign-in page is safe against Object.prototype codes', async () => {
		for (const code of ['__proto__', 'valueOf', 'constructor']) {
			const page = await anonymous.get(`/aanmelden?fout=${code}`);
			expect(page.status()).toBe(200);
			expect(await page.text()).toContain('De aanmelding via Testprovider is mislukt');
		}
	});
});
