// How long the koppelkansen analysis and the candidate ranking take: for Hengelo (the real data directory with its
// seeded register) and for a national-size synthetic set — 15,000 buurten as a grid of 500 m squares with 200
// vertices each, in 100 gemeenten of 150 buurten (10 wijken of 15), the 17 indicators of the demo catalogue for every
// buurt, 5,000 investments (by buurt, by point and by outline), 300 programmes and 2,000 signals, all seeded. Also
// measures the choice between the derived table of neighbouring buurten (what koppelkansen() reads) and searching
// them in every analysis. Prints figures; asserts nothing.
//
//   npx tsx scripts/bench-koppelkansen.ts                         PGlite (in memory)
//   DATABASE_URL=postgres://… npx tsx scripts/bench-koppelkansen.ts   PostgreSQL, then PGlite, with ratios
//   BENCH_ENGINES=postgres DATABASE_URL=… npx tsx …               only PostgreSQL
//   BENCH_RUNS=5 (median of that many runs after a warm-up), WIJKBEELD_DATA_DIR (default ../shared/data)
//
// On PostgreSQL it works in a schema of its own (bench_koppelkansen_<pid>), dropped at the end.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openDatabase, quoteIdent, type Db } from '../src/lib/server/db/client';
import { migrate, MIGRATIONS_DIR } from '../src/lib/server/db/migrate';
import { importDefaults, importMonitorLong } from '../src/lib/server/import';
import { seedDemoInvestments } from '../src/lib/server/import/investments';
import { seedRegister } from '../src/lib/server/seed-register';
import { candidateData, koppelkansen } from '../src/lib/server/koppelkansen';
import { analyse } from '../src/lib/server/db/koppelkansen';
import { urgencyRanking } from '../src/lib/server/monitor';
import { DEFAULT_WEIGHTS, mulberry32 } from '../src/lib/domain/urgency';
import { DEFAULT_CRITERION_WEIGHTS, rankCandidates } from '../src/lib/domain/kandidaten';
import type { User } from '../src/lib/domain/roles';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DATA_DIR = resolve(process.env.WIJKBEELD_DATA_DIR ?? '../shared/data');
const PERIOD = { from: '2026-01-01', to: '2029-12-31' };
const STAFF: User = { id: 0, email: 'bench@wijkbeeld.local', name: 'Benchmark', role: 'admin', gemeentecode: null, organisation: null };

// The national grid: 10 × 10 gemeenten, each 15 buurten wide and 10 high (a row of 15 buurten is a wijk).
const GEMEENTEN_X = 10;
const GEMEENTEN_Y = 10;
const BUURTEN_X = 15;
const BUURTEN_Y = 10;
const CELL = 500;
const SEGMENT = 10; // 500 m sides cut every 10 m: 200 vertices per buurt
const INVESTMENTS = 5_000;
const PROGRAMMES = 300;
const SIGNALS = 2_000;

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median wall time in ms of `runs` runs after one warm-up. */
async function time(run: () => Promise<unknown>, runs = RUNS): Promise<number> {
	await run();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await run();
		times.push(performance.now() - start);
	}
	return median(times);
}

async function once(run: () => Promise<unknown>): Promise<number> {
	const start = performance.now();
	await run();
	return performance.now() - start;
}

type Figures = Map<string, number>;

async function open(engine: 'pglite' | 'postgres'): Promise<{ db: Db; done: () => Promise<void> }> {
	if (engine === 'pglite') {
		const db = await openDatabase({});
		return { db, done: () => db.close() };
	}
	const schema = `bench_koppelkansen_${process.pid}_${Date.now().toString(36)}`;
	const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, schema });
	return {
		db,
		done: async () => {
			await db.exec(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
			await db.close();
		}
	};
}

// ---------- Hengelo ----------

async function benchHengelo(engine: 'pglite' | 'postgres', figures: Figures) {
	const { db, done } = await open(engine);
	try {
		await migrate(db);
		const loading = await once(async () => {
			await importDefaults(db, DATA_DIR);
			await seedRegister(db, () => {});
			await seedDemoInvestments(db, DATA_DIR);
		});
		console.log(`  [${engine}] Hengelo and Enschede loaded in ${(loading / 1000).toFixed(1)} s`);
		const ranking = await urgencyRanking(db, { gemeente: 'GM0164', level: 'buurt', year: 2024, weights: DEFAULT_WEIGHTS, draws: 0 });
		const urgency = ranking.areas.map((a) => ({ code: a.code, value: a.score, stapeling: a.stapeling }));
		figures.set('Hengelo, 62 buurten: koppelkansen (urgency + SQL + explanations)', await time(() => koppelkansen(db, { gemeente: 'GM0164', level: 'buurt', ...PERIOD, domain: null, kind: null })));
		figures.set('Hengelo, 62 buurten: the SQL analysis alone', await time(() => analyse(db, { gemeente: 'GM0164', level: 'buurt', ...PERIOD, urgency, signalsSince: null })));
		figures.set('Hengelo, 62 buurten: the urgency ranking alone', await time(() => urgencyRanking(db, { gemeente: 'GM0164', level: 'buurt', year: 2024, weights: DEFAULT_WEIGHTS, draws: 0 })));
		figures.set('Hengelo, 10 wijken: koppelkansen', await time(() => koppelkansen(db, { gemeente: 'GM0164', level: 'wijk', ...PERIOD, domain: null, kind: null })));
		figures.set('Hengelo, 62 buurten: candidates (data + ranking, 500 draws)', await time(async () => {
			const data = await candidateData(db, { gemeente: 'GM0164', level: 'buurt', ...PERIOD, user: STAFF });
			rankCandidates(data.inputs, data.context, { weights: DEFAULT_CRITERION_WEIGHTS });
		}));
		const data = await candidateData(db, { gemeente: 'GM0164', level: 'buurt', ...PERIOD, user: STAFF });
		figures.set('Hengelo, 62 buurten: candidate ranking alone (in the browser, 500 draws)', await time(async () => rankCandidates(data.inputs, data.context, { weights: DEFAULT_CRITERION_WEIGHTS })));
	} finally {
		await done();
	}
}

// ---------- the national synthetic set ----------

const gemeenteCode = (g: number) => `GM9${String(g).padStart(3, '0')}`;
const buurtCode = (g: number, w: number, b: number) => `BU9${String(g).padStart(3, '0')}${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`;

/** Grid cell (x, y) of the whole country → its gemeente, wijk and buurt numbers. */
function cellOf(x: number, y: number) {
	const g = Math.floor(y / BUURTEN_Y) * GEMEENTEN_X + Math.floor(x / BUURTEN_X);
	return { g, w: y % BUURTEN_Y, b: x % BUURTEN_X };
}

// Built in SQL from generate_series: the geometry of 15,000 polygons is faster made in the database than sent to it.
const AREAS_SQL = `
WITH cells AS (
	SELECT x, y,
	       (y / ${BUURTEN_Y}) * ${GEMEENTEN_X} + (x / ${BUURTEN_X}) AS g, y % ${BUURTEN_Y} AS w, x % ${BUURTEN_X} AS b
	FROM generate_series(0, ${GEMEENTEN_X * BUURTEN_X - 1}) x, generate_series(0, ${GEMEENTEN_Y * BUURTEN_Y - 1}) y
), shaped AS (
	SELECT *, ST_Multi(ST_Segmentize(ST_MakeEnvelope(100000 + x * ${CELL}, 400000 + y * ${CELL}, 100000 + (x + 1) * ${CELL}, 400000 + (y + 1) * ${CELL}, 28992), ${SEGMENT})) AS g_rd
	FROM cells
), buurten AS (
	SELECT 'BU9' || lpad(g::text, 3, '0') || lpad(w::text, 2, '0') || lpad(b::text, 2, '0') AS code, 'buurt' AS level,
	       'Buurt ' || g || '-' || w || '-' || b AS name, 'GM9' || lpad(g::text, 3, '0') AS gemeentecode,
	       'WK9' || lpad(g::text, 3, '0') || lpad(w::text, 2, '0') AS wijkcode, g_rd
	FROM shaped
), wijken AS (
	SELECT wijkcode AS code, 'wijk' AS level, 'Wijk ' || wijkcode AS name, gemeentecode, NULL::text AS wijkcode,
	       ST_Multi(ST_Union(g_rd)) AS g_rd
	FROM buurten GROUP BY wijkcode, gemeentecode
), gemeenten AS (
	SELECT gemeentecode AS code, 'gemeente' AS level, 'Gemeente ' || gemeentecode AS name, gemeentecode, NULL::text AS wijkcode,
	       ST_Multi(ST_Envelope(ST_Collect(g_rd))) AS g_rd
	FROM buurten GROUP BY gemeentecode
), everything AS (
	SELECT * FROM buurten UNION ALL SELECT * FROM wijken UNION ALL SELECT * FROM gemeenten
)
INSERT INTO areas (code, year, level, name, gemeentecode, wijkcode, geom_rd, geom, label_point, area_ha, source)
SELECT code, 2024, level, name, gemeentecode, wijkcode, g_rd, ST_Transform(g_rd, 4326),
       ST_Transform(ST_PointOnSurface(g_rd), 4326), ST_Area(g_rd) / 10000, 'benchmark (synthetisch)'
FROM everything`;

async function loadNational(db: Db): Promise<void> {
	await db.exec(AREAS_SQL);
	const random = mulberry32(20261201);
	const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

	// The demo catalogue itself (17 indicators), and values for every buurt: a hidden deprivation per buurt moves the
	// urgent-positive indicators up and the others down, so the urgency has the structure real data has.
	const catalogue = await readFile(join(DATA_DIR, 'demo', 'monitor_indicatoren.csv'), 'utf8');
	const indicators = catalogue
		.trim()
		.split(/\r?\n/)
		.slice(1)
		.map((line) => line.split(';'))
		.map(([code, , unit, , richting]) => ({ code, unit, sign: richting === 'hoger_is_urgenter' ? 1 : richting === 'lager_is_urgenter' ? -1 : 0 }));
	const lines = ['gebiedscode;indicator;jaar;waarde'];
	for (let x = 0; x < GEMEENTEN_X * BUURTEN_X; x++) {
		for (let y = 0; y < GEMEENTEN_Y * BUURTEN_Y; y++) {
			const { g, w, b } = cellOf(x, y);
			const code = buurtCode(g, w, b);
			const latent = normal();
			const small = random() < 0.03;
			for (const { code: indicator, unit, sign } of indicators) {
				let value: number;
				if (indicator === 'inwoners') value = small ? 20 + Math.floor(random() * 29) : 800 + Math.floor(random() * 2500);
				else if (indicator === 'huishoudens') value = small ? 10 : 400 + Math.floor(random() * 1200);
				else value = Math.max(0, Math.round((unit === '%' ? 20 : 50) * (1 + 0.3 * (sign * latent + 0.7 * normal())) * 10) / 10);
				lines.push(`${code};${indicator};2024;${String(value).replace('.', ',')}`);
			}
		}
	}
	await importMonitorLong(db, { catalogue: { text: catalogue, file: 'monitor_indicatoren.csv' }, values: { text: lines.join('\n'), file: 'bench.csv' } }, { synthetic: true });

	const gemeenten = GEMEENTEN_X * GEMEENTEN_Y;
	const randomCell = () => ({ x: Math.floor(random() * GEMEENTEN_X * BUURTEN_X), y: Math.floor(random() * GEMEENTEN_Y * BUURTEN_Y) });
	const partners = ['Welbions', 'Domijn', 'Ons Huis', 'Woonstichting Noord', 'Wijkracht'];
	const investments = Array.from({ length: INVESTMENTS }, (_, i) => {
		const cell = randomCell();
		const { g, w, b } = cellOf(cell.x, cell.y);
		const startYear = 2024 + Math.floor(random() * 6);
		const startMonth = 1 + Math.floor(random() * 12);
		const months = 6 + Math.floor(random() * 31);
		const end = new Date(Date.UTC(startYear, startMonth - 1 + months, 0));
		const kind = random();
		// 85 % by buurtcode, 10 % by point only, 5 % by an outline of 300 m that spans neighbouring buurten.
		const px = 100000 + cell.x * CELL + 50 + random() * 400;
		const py = 400000 + cell.y * CELL + 50 + random() * 400;
		return {
			gemeentecode: gemeenteCode(g),
			partner: random() < 0.3 ? `Gemeente ${gemeenteCode(g)}` : partners[Math.floor(random() * partners.length)],
			project_name: `Project ${i}`,
			measure: ['renovatie', 'isolatie', 'warmtetransitie', 'openbare ruimte', 'sloop en nieuwbouw'][i % 5],
			buurtcode: kind < 0.85 ? buurtCode(g, w, b) : null,
			x: px,
			y: py,
			shape: kind < 0.85 ? 'none' : kind < 0.95 ? 'point' : 'outline',
			start_date: `${startYear}-${String(startMonth).padStart(2, '0')}-01`,
			end_date: end.toISOString().slice(0, 10),
			dwellings: random() < 0.5 ? Math.floor(random() * 300) : null,
			amount_eur: Math.round(Math.exp(Math.log(100_000) + random() * Math.log(100))),
			status: ['gepland', 'in_voorbereiding', 'in_uitvoering', 'afgerond', 'vervallen'][Math.floor(random() * 5)]
		};
	});
	await db.query(
		`INSERT INTO investments (gemeentecode, partner, project_name, measure, buurtcode, point, outline, start_date, end_date,
		   dwellings, amount_eur, status, synthetic, source)
		 SELECT r.gemeentecode, r.partner, r.project_name, r.measure, r.buurtcode,
		        CASE WHEN r.shape = 'point' THEN ST_Transform(ST_SetSRID(ST_MakePoint(r.x, r.y), 28992), 4326) END,
		        CASE WHEN r.shape = 'outline' THEN ST_Multi(ST_Transform(ST_MakeEnvelope(r.x - 150, r.y - 150, r.x + 150, r.y + 150, 28992), 4326)) END,
		        r.start_date::date, r.end_date::date, r.dwellings, r.amount_eur, r.status, true, 'benchmark'
		 FROM jsonb_to_recordset($1::text::jsonb) AS r(gemeentecode text, partner text, project_name text, measure text, buurtcode text,
		      x float8, y float8, shape text, start_date text, end_date text, dwellings int, amount_eur float8, status text)
		 WHERE r.shape <> 'none' OR r.buurtcode IS NOT NULL`,
		[JSON.stringify(investments)]
	);

	// Three programmes per gemeente: a run of 1–4 buurten in one wijk, one in ten drawn as an outline, one in ten not drawn.
	const programmes = Array.from({ length: PROGRAMMES }, (_, i) => {
		const g = i % gemeenten;
		const w = Math.floor(random() * BUURTEN_Y);
		const first = Math.floor(random() * (BUURTEN_X - 4));
		const count = 1 + Math.floor(random() * 4);
		const shape = random();
		const gx = (g % GEMEENTEN_X) * BUURTEN_X + first;
		const gy = Math.floor(g / GEMEENTEN_X) * BUURTEN_Y + w;
		return {
			gemeentecode: gemeenteCode(g),
			name: `Programma ${i}`,
			kind: ['wijkaanpak', 'focusgebied', 'gebiedsgerichte_aanpak', 'pilot'][i % 4],
			status: ['lopend', 'in_voorbereiding', 'in_evaluatie', 'afgerond'][Math.floor(random() * 4)],
			start_date: `${2023 + Math.floor(random() * 4)}-01-01`,
			buurtcodes: shape < 0.8 ? Array.from({ length: count }, (_, k) => buurtCode(g, w, first + k)) : [],
			outline: shape >= 0.8 && shape < 0.9 ? [100000 + gx * CELL, 400000 + gy * CELL, 100000 + (gx + count) * CELL, 400000 + (gy + 1) * CELL] : null
		};
	});
	await db.query(
		`INSERT INTO programmes (gemeentecode, name, kind, phase, start_date, status, buurtcodes, outline, synthetic, source)
		 SELECT r.gemeentecode, r.name, r.kind, 'uitvoeren', r.start_date::date, r.status,
		        ARRAY(SELECT jsonb_array_elements_text(r.buurtcodes)),
		        CASE WHEN r.outline IS NOT NULL THEN ST_Multi(ST_Transform(ST_MakeEnvelope((r.outline->>0)::float8, (r.outline->>1)::float8,
		             (r.outline->>2)::float8, (r.outline->>3)::float8, 28992), 4326)) END,
		        true, 'benchmark'
		 FROM jsonb_to_recordset($1::text::jsonb) AS r(gemeentecode text, name text, kind text, status text, start_date text, buurtcodes jsonb, outline jsonb)`,
		[JSON.stringify(programmes)]
	);

	const signals = Array.from({ length: SIGNALS }, (_, i) => {
		const { x, y } = randomCell();
		const { g, w, b } = cellOf(x, y);
		return { gemeentecode: gemeenteCode(g), buurtcode: buurtCode(g, w, b), observed_on: `${2024 + (i % 3)}-0${1 + (i % 9)}-15` };
	});
	await db.query(
		`INSERT INTO signals (gemeentecode, text, buurtcode, observed_on, domain, author_name, synthetic)
		 SELECT r.gemeentecode, 'Signaal', r.buurtcode, r.observed_on::date, 'sociaal', 'Benchmark', true
		 FROM jsonb_to_recordset($1::text::jsonb) AS r(gemeentecode text, buurtcode text, observed_on text)`,
		[JSON.stringify(signals)]
	);
}

/**
 * koppelkansen() as it would be without buurt_neighbours: the neighbours searched in every analysis (GiST + ST_Relate),
 * the alternative the derived table was chosen over.
 */
async function createOnTheFlyVariant(db: Db): Promise<void> {
	const migration = await readFile(join(MIGRATIONS_DIR, '006_create_koppelkansen.sql'), 'utf8');
	const fn = migration.slice(migration.indexOf('CREATE FUNCTION koppelkansen('));
	const start = fn.indexOf('adjacent_pairs AS (');
	const end = fn.indexOf('adjacent AS (', start);
	if (start < 0 || end < 0) throw new Error('koppelkansen(): the adjacent_pairs CTE was not found; update the benchmark');
	const variant =
		fn.slice(0, start).replace('CREATE FUNCTION koppelkansen(', 'CREATE FUNCTION koppelkansen_on_the_fly(') +
		`adjacent_pairs AS MATERIALIZED (
	SELECT a.code AS a, b.code AS b
	FROM areas a
	JOIN current_year c ON a.year = c.year
	JOIN areas b ON b.geom_rd && a.geom_rd AND b.year = a.year AND b.level = 'buurt' AND b.gemeentecode = p_gemeente AND a.code < b.code
	CROSS JOIN LATERAL (SELECT ST_Relate(a.geom_rd, b.geom_rd) AS m) r
	WHERE a.gemeentecode = p_gemeente AND a.level = 'buurt' AND (substr(r.m, 5, 1) = '1' OR substr(r.m, 1, 1) = '2')
),
` +
		fn.slice(end);
	await db.exec(variant);
}

async function benchNational(engine: 'pglite' | 'postgres', figures: Figures) {
	const { db, done } = await open(engine);
	try {
		await migrate(db);
		const loading = await once(() => loadNational(db));
		const [counts] = await db.query<{ buurten: number; investments: number; programmes: number; gemeenten: number }>(
			`SELECT (SELECT count(*)::int FROM areas WHERE level = 'buurt') AS buurten, (SELECT count(*)::int FROM investments) AS investments,
			        (SELECT count(*)::int FROM programmes) AS programmes, (SELECT count(DISTINCT gemeentecode)::int FROM areas) AS gemeenten`
		);
		console.log(
			`  [${engine}] national set: ${counts.buurten.toLocaleString('en')} buurten in ${counts.gemeenten} gemeenten, ` +
				`${counts.investments.toLocaleString('en')} investments, ${counts.programmes} programmes, ${SIGNALS.toLocaleString('en')} signals ` +
				`(generated and loaded in ${(loading / 1000).toFixed(1)} s)`
		);
		// The importers analyse what they load (src/lib/server/import/index.ts); the set here is inserted directly, so do the same.
		await db.exec('ANALYZE');
		// The neighbours of every gemeente, as the first analysis after the import derives them; later ones read them.
		const all = Array.from({ length: GEMEENTEN_X * GEMEENTEN_Y }, (_, g) => gemeenteCode(g));
		figures.set('neighbours: derive all 100 gemeenten (15,000 buurten), once after the import', await once(async () => {
			for (const code of all) await db.query('SELECT refresh_buurt_neighbours($1)', [code]);
		}));
		const sample = [0, 17, 42, 63, 99].map(gemeenteCode);
		const gemeente = sample[0];
		const ranking = await urgencyRanking(db, { gemeente, level: 'buurt', year: 2024, weights: DEFAULT_WEIGHTS, draws: 0 });
		const urgency = ranking.areas.map((a) => ({ code: a.code, value: a.score, stapeling: a.stapeling }));
		// The median over the sample of each gemeente's median: one gemeente is not the others' twin.
		const perGemeente = async (run: (code: string) => Promise<unknown>) => {
			const times: number[] = [];
			for (const code of sample) times.push(await time(() => run(code), Math.max(1, Math.ceil(RUNS / 2))));
			return median(times);
		};

		figures.set('national: one gemeente of 150 buurten, koppelkansen (median over 5 gemeenten)', await perGemeente((code) => koppelkansen(db, { gemeente: code, level: 'buurt', ...PERIOD, domain: null, kind: null })));
		figures.set('national: one gemeente, the SQL analysis alone', await time(() => analyse(db, { gemeente, level: 'buurt', ...PERIOD, urgency, signalsSince: null })));
		figures.set('national: one gemeente, the urgency ranking alone', await time(() => urgencyRanking(db, { gemeente, level: 'buurt', year: 2024, weights: DEFAULT_WEIGHTS, draws: 0 })));
		figures.set('national: one gemeente, 10 wijken, koppelkansen', await time(() => koppelkansen(db, { gemeente, level: 'wijk', ...PERIOD, domain: null, kind: null })));
		figures.set('national: one gemeente, candidates (data + ranking, 500 draws)', await perGemeente(async (code) => {
			const data = await candidateData(db, { gemeente: code, level: 'buurt', ...PERIOD, user: STAFF });
			rankCandidates(data.inputs, data.context, { weights: DEFAULT_CRITERION_WEIGHTS });
		}));
		let results = 0;
		figures.set('national: all 100 gemeenten in turn (15,000 buurten), koppelkansen, one pass', await once(async () => {
			for (const code of all) results += (await koppelkansen(db, { gemeente: code, level: 'buurt', ...PERIOD, domain: null, kind: null })).results.length;
		}));
		console.log(`  [${engine}] national pass: ${results.toLocaleString('en')} results`);

		// The derived table (what koppelkansen() reads) or a search in every analysis.
		figures.set('neighbours: freshness check before an analysis', await time(() => db.query('SELECT buurt_neighbours_fresh($1)', [gemeente])));
		figures.set('neighbours: rebuild one gemeente (first analysis after an import)', await time(() => db.query('SELECT refresh_buurt_neighbours($1)', [gemeente])));
		await createOnTheFlyVariant(db);
		const rules = JSON.stringify((await import('../src/lib/domain/koppelkansen')).KOPPELKANS_RULES);
		const call = (fn: string) => () =>
			db.query(`SELECT * FROM ${fn}($1, 'buurt', $2::date, $3::date, $4::text::jsonb, $5::text::jsonb, NULL) ORDER BY code`, [gemeente, PERIOD.from, PERIOD.to, JSON.stringify(urgency), rules]);
		figures.set('koppelkansen() SQL, one gemeente, neighbours from buurt_neighbours', await time(call('koppelkansen')));
		figures.set('koppelkansen() SQL, one gemeente, neighbours searched on the fly', await time(call('koppelkansen_on_the_fly')));
		const same = JSON.stringify(await call('koppelkansen')()) === JSON.stringify(await call('koppelkansen_on_the_fly')());
		console.log(`  [${engine}] both give the same answer: ${same ? 'yes' : 'NO'}`);
	} finally {
		await done();
	}
}

// ---------- run and print ----------

const engines = (process.env.BENCH_ENGINES ?? (process.env.DATABASE_URL ? 'postgres,pglite' : 'pglite')).split(',') as ('pglite' | 'postgres')[];
if (engines.includes('postgres') && !process.env.DATABASE_URL) throw new Error('BENCH_ENGINES names postgres: set DATABASE_URL');
console.log(`Koppelkansen benchmark: ${engines.join(' and ')}; median of ${RUNS} runs after a warm-up unless marked "one pass"/"once".\n`);
const results = new Map<string, Figures>();
for (const engine of engines) {
	const figures: Figures = new Map();
	await benchHengelo(engine, figures);
	await benchNational(engine, figures);
	results.set(engine, figures);
}

const labels = [...results.values().next().value!.keys()];
const width = Math.max(...labels.map((l) => l.length));
const format = (ms: number | undefined) => (ms === undefined ? ''.padStart(12) : `${ms < 10 ? ms.toFixed(2) : ms.toFixed(0)} ms`.padStart(12));
console.log(`\n${''.padEnd(width)} ${engines.map((e) => e.padStart(12)).join(' ')}${engines.length === 2 ? '   ratio' : ''}`);
for (const label of labels) {
	const values = engines.map((e) => results.get(e)!.get(label));
	const ratio = engines.length === 2 && values[0] && values[1] ? `   ${(values[1] / values[0]).toFixed(1)}×` : '';
	console.log(`${label.padEnd(width)} ${values.map(format).join(' ')}${ratio}`);
}
for (const engine of engines) {
	const f = results.get(engine)!;
	const one = f.get('national: one gemeente of 150 buurten, koppelkansen (median over 5 gemeenten)')!;
	const hengelo = f.get('Hengelo, 62 buurten: koppelkansen (urgency + SQL + explanations)')!;
	const fly = f.get('koppelkansen() SQL, one gemeente, neighbours searched on the fly')!;
	const table = f.get('koppelkansen() SQL, one gemeente, neighbours from buurt_neighbours')!;
	console.log(
		`\n[${engine}] one gemeente of the national set vs Hengelo: ${(one / hengelo).toFixed(1)}× (150 vs 62 buurten in a database of ` +
			`15,000 vs 132); searching the neighbours on the fly instead of reading buurt_neighbours: ${(fly / table).toFixed(1)}× the SQL time.`
	);
}
if (engines.length === 2) console.log(`\nratio = ${engines[1]} / ${engines[0]}`);
