// The JSON API as a client program sees it, against the running app.
import { expect, test } from '@playwright/test';

test.describe('HTTP API', () => {
	test('health names the database and PostGIS', async ({ request }) => {
		const response = await request.get('/api/health');
		expect(response.status()).toBe(200);
		const body = await response.json();
		expect(body.status).toBe('ok');
		expect(['pglite', 'postgres']).toContain(body.database);
		expect(body.postgis).toMatch(/^3\.\d+/);
	});

	test('lists the gemeenten that have buurten', async ({ request }) => {
		expect(await (await request.get('/api/gemeenten')).json()).toEqual([
			{ code: 'GM0153', name: 'Enschede' },
			{ code: 'GM0164', name: 'Hengelo' }
		]);
	});

	test('areas of a level as GeoJSON in WGS84 with the documented properties', async ({ request }) => {
		const body = await (await request.get('/api/areas?gemeente=GM0153&level=buurt')).json();
		expect(body.type).toBe('FeatureCollection');
		expect(body.features).toHaveLength(70);
		const twekkelerveld = body.features.find((f: { properties: { code: string } }) => f.properties.code === 'BU01530301');
		expect(twekkelerveld.properties).toMatchObject({
			code: 'BU01530301',
			name: 'Twekkelerveld',
			level: 'buurt',
			gemeentecode: 'GM0153',
			wijkcode: 'WK015303',
			stadsdeelcode: 'SD0153-noord'
		});
		const [lng, lat] = twekkelerveld.geometry.coordinates[0][0][0];
		expect(lng).toBeGreaterThan(6.7);
		expect(lat).toBeGreaterThan(52.1);
		expect((await (await request.get('/api/areas?gemeente=GM0164&level=wijk')).json()).features).toHaveLength(10);
	});

	test('one area with parents, children, area and bbox', async ({ request }) => {
		const body = await (await request.get('/api/areas/WK016402')).json();
		expect(body).toMatchObject({ code: 'WK016402', name: 'Wijk 02 Noord', level: 'wijk' });
		expect(body.parents).toEqual([{ code: 'GM0164', name: 'Hengelo', level: 'gemeente' }]);
		expect(body.children.map((c: { code: string }) => c.code)).toContain('BU01640202');
		expect(body.areaHa).toBeGreaterThan(0);
		expect(body.bbox).toHaveLength(4);
	});

	test('bad input is a 400 and an unknown code a 404, both as JSON { error }, never a stack trace', async ({ request }) => {
		for (const [path, status] of [
			['/api/areas/XX', 400],
			['/api/areas/BU99999999', 404],
			['/api/areas?gemeente=GM0164&level=straat', 400],
			['/api/areas?level=buurt', 400],
			['/api/areas?gemeente=GM0363', 404],
			['/api/search?q=' + 'x'.repeat(200), 400],
			['/api/bestaat-niet', 404]
		] as const) {
			const response = await request.get(path, { headers: { accept: 'text/html' } });
			expect(response.status(), path).toBe(status);
			expect(response.headers()['content-type'], path).toContain('application/json');
			const body = await response.json();
			expect(typeof body.error, path).toBe('string');
			expect(JSON.stringify(body), path).not.toMatch(/at .*\.js:\d+/);
		}
	});
});
