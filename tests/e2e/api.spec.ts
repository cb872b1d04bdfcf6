// @db: runs on PostgreSQL too (scripts/test.js): what it checks depends on the database.
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

	test('the indicator catalogue and values are labelled as demo data where they are, and carry their source where real', async ({ request }) => {
		const catalogue = await (await request.get('/api/indicators')).json();
		// 17 demo indicators, 105 RIVM (35 topics × 3 age groups), 8 CBS KWB 2024.
		expect(catalogue.length).toBe(130);
		expect(catalogue.filter((i: { synthetic: boolean }) => i.synthetic)).toHaveLength(17);
		const eenzaam = catalogue.find((i: { code: string }) => i.code === 'rivm_eenzaam_18plus');
		expect(eenzaam).toMatchObject({ name: 'Eenzaam (18 jaar en ouder)', synthetic: false, topic: 'rivm_eenzaam', ageGroup: '18plus', sourceMeta: { table: '50090NED', estimate: 'modelschatting' } });
		expect(eenzaam.label).toBeUndefined();
		const real = await (await request.get('/api/indicators/rivm_eenzaam_18plus/values?gemeente=GM0164&level=wijk&year=2024')).json();
		expect(real.meta).toEqual({
			indicator: 'rivm_eenzaam_18plus',
			source: "RIVM/GGD'en/CBS, Gezondheid per wijk en buurt 2020 (StatLine 50090NED), modelschatting",
			year: 2020,
			requestedYear: 2024,
			synthetic: false,
			estimate: 'modelschatting'
		});
		const laagInkomen = catalogue.find((i: { code: string }) => i.code === 'p_laag_inkomen');
		expect(laagInkomen).toMatchObject({ domain: 'sociaal', direction: 'hoger_is_urgenter', synthetic: true, label: 'Demodata — geen echte cijfers' });

		const body = await (await request.get('/api/indicators/p_laag_inkomen/values?gemeente=GM0164&level=wijk&year=2024')).json();
		expect(body.meta).toMatchObject({ indicator: 'p_laag_inkomen', year: 2024, synthetic: true, label: 'Demodata — geen echte cijfers' });
		expect(body.values).toHaveLength(10);
		for (const v of body.values) expect(Object.keys(v).sort()).toEqual(['code', 'name', 'suppressed', 'value']);
		// Small buurten show no value, and say why.
		const buurten = await (await request.get('/api/indicators/p_laag_inkomen/values?gemeente=GM0164&level=buurt&year=2024')).json();
		const suppressed = buurten.values.filter((v: { suppressed: boolean }) => v.suppressed);
		expect(suppressed.length).toBeGreaterThan(0);
		for (const v of suppressed) expect(v.value).toBeNull();
	});

	test('the urgency ranking explains itself and follows the weights', async ({ request }) => {
		const equal = await (await request.get('/api/urgency?gemeente=GM0164&level=buurt&year=2024')).json();
		expect(equal[0]).toMatchObject({ rank: 1, synthetic: true, label: 'Demodata — geen echte cijfers' });
		expect(equal[0].provenance).toEqual({
			source: 'Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata',
			mixed: true,
			wave: 2020,
			note: 'Gemengd — Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata'
		});
		for (const d of equal[0].drivers) expect(d.source).toMatch(/^(RIVM 2020, modelschatting|demodata 2024)$/);
		expect(Object.keys(equal[0].domains).sort()).toEqual(['duurzaamheid', 'gezondheid', 'sociaal', 'veiligheid', 'wonen']);
		expect(equal[0].drivers[0].explanation).toMatch(/gemeente/);
		expect(equal[0].topNShare).toBeGreaterThanOrEqual(0);
		const sum = equal[0].drivers.reduce((s: number, d: { contribution: number }) => s + d.contribution, 0);
		expect(sum).toBeCloseTo(equal[0].score, 6);
		const onlyWonen = await (
			await request.get('/api/urgency?gemeente=GM0164&level=buurt&year=2024&weights=sociaal:0,gezondheid:0,veiligheid:0,duurzaamheid:0')
		).json();
		const order = (list: { code: string; rank: number | null }[]) => list.filter((a) => a.rank !== null).map((a) => a.code);
		expect(order(onlyWonen)).not.toEqual(order(equal));
		expect(onlyWonen[0].score).toBeCloseTo(onlyWonen[0].domains.wonen, 6);
	});

	test('the area card of De Noork', async ({ request }) => {
		const card = await (await request.get('/api/areas/BU01640202/profile?year=2024')).json();
		expect(card).toMatchObject({ code: 'BU01640202', name: 'De Noork', year: 2024, synthetic: true });
		expect(card.years).toEqual([2012, 2016, 2020, 2021, 2022, 2023, 2024]);
		const inwoners = card.indicators.find((i: { code: string }) => i.code === 'inwoners');
		expect(inwoners.series).toHaveLength(5);
		expect(inwoners).toMatchObject({ synthetic: true, source: 'demodata 2024' });
		const eenzaam = card.indicators.find((i: { code: string }) => i.code === 'rivm_eenzaam_18plus');
		expect(eenzaam).toMatchObject({ synthetic: false, estimate: 'modelschatting', source: 'RIVM 2020, modelschatting', valueYear: 2020 });
		expect(eenzaam.trend.map((t: { year: number }) => t.year)).toEqual([2012, 2016, 2020]);
		expect(eenzaam.trend[2]).toMatchObject({ gemeente: 49.3, nederland: 47 });
		expect(card.urgency.rank).toBeGreaterThanOrEqual(1);
		expect(card.urgency.stapeling).toBeGreaterThanOrEqual(0);
	});

	test('bad input is a 400 and an unknown code a 404, both as JSON { error }, never a stack trace', async ({ request }) => {
		for (const [path, status] of [
			['/api/areas/XX', 404],
			['/api/areas/BU99999999', 404],
			['/api/areas?gemeente=GM0164&level=straat', 400],
			['/api/areas?level=buurt', 400],
			['/api/areas?gemeente=GM0363', 404],
			['/api/search?q=' + 'x'.repeat(200), 400],
			['/api/urgency?gemeente=GM0164&weights=cultuur:2', 400],
			['/api/urgency?gemeente=GM0164&weights=sociaal:-1', 400],
			['/api/urgency?gemeente=GM0164&level=gemeente', 400],
			['/api/indicators/bestaat_niet/values?gemeente=GM0164', 404],
			['/api/indicators/p_bijstand/values?gemeente=GM0164&year=twintig', 400],
			['/api/areas/BU99999999/profile', 404],
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
