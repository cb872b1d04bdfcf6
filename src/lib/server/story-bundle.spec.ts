import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PlayerMissingError, buildBundle, bundleFileName, indexHtml, readme } from './story-bundle';
import type { StorySnapshot } from '../story/snapshot';

const story = {
	id: 12,
	title: 'Wijk <Noord> & "De Noork"',
	description: '',
	gemeente: { code: 'GM0164', name: 'Hengelo' },
	generatedAt: '2026-05-01T10:00:00.000Z',
	synthetic: true,
	syntheticLabel: 'Demodata — geen echte cijfers',
	attribution: 'Bron: CBS / Kadaster, Wijk- en Buurtkaart (via PDOK), CC BY 4.0',
	slides: [{ id: 1, style: { version: 8, sources: {}, layers: [] }, camera: { bounds: [6, 52, 7, 53], padding: 48, maxZoom: 14 }, meta: { title: 'Een\u2028twee' } }]
} as unknown as StorySnapshot;

async function fakePlayer(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'wijkbeeld-speler-'));
	const files = ['wijkbeeld-speler.js', 'wijkbeeld-speler.css', 'kaartwerker.js', 'lettertype.js'];
	for (const f of files) await writeFile(join(dir, f), `/* ${f} */`);
	await writeFile(join(dir, 'manifest.json'), JSON.stringify({ files, builtAt: '2026-05-01T09:00:00Z' }));
	return dir;
}

describe('offline bundle', () => {
	it('has index.html at its root with classic scripts only, the story, the player and a note', async () => {
		const zip = await buildBundle(story, { madeAt: new Date('2026-05-01T10:00:00Z'), dir: await fakePlayer() });
		const files = unzipSync(zip);
		expect(Object.keys(files).sort()).toEqual([
			'LEESMIJ.txt',
			'index.html',
			'speler/',
			'speler/kaartwerker.js',
			'speler/lettertype.js',
			'speler/wijkbeeld-speler.css',
			'speler/wijkbeeld-speler.js',
			'verhaal.js'
		]);
		const html = strFromU8(files['index.html']);
		expect(html).not.toMatch(/type="module"/);
		expect(html).not.toMatch(/https?:\/\//);
		expect([...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual(['verhaal.js', 'speler/lettertype.js', 'speler/kaartwerker.js', 'speler/wijkbeeld-speler.js']);
		const data = strFromU8(files['verhaal.js']);
		expect(data.startsWith('window.WIJKBEELD_VERHAAL=')).toBe(true);
		// Line separators are escaped, so the script parses everywhere.
		expect(data).not.toMatch(/\u2028/);
		const parsed = JSON.parse(data.slice('window.WIJKBEELD_VERHAAL='.length, -2));
		expect(parsed).toMatchObject({ id: 12, madeAt: '2026-05-01T10:00:00.000Z', madeAtLabel: '1 mei 2026 om 12:00' });
		expect(parsed.slides[0].meta.title).toBe('Een\u2028twee');
		const note = strFromU8(files['LEESMIJ.txt']);
		expect(note).toMatch(/Gemaakt op 1 mei 2026 om 12:00/);
		expect(note).toMatch(/Demodata — geen echte cijfers/);
		expect(note).toMatch(/CBS \/ Kadaster/);
		// The attribution's own "Bron:" is not said twice.
		expect(note).not.toMatch(/Bron: Bron:/);
		expect(note).toMatch(/^Bron: CBS \/ Kadaster, Wijk- en Buurtkaart \(via PDOK\), CC BY 4\.0\.\r?$/m);
	});

	it('escapes the title in the page and makes a safe file name', () => {
		const html = indexHtml(story);
		expect(html).toContain('<title>Wijk &lt;Noord&gt; &amp; &quot;De Noork&quot; — Wijkbeeld</title>');
		expect(html).not.toContain('<Noord>');
		expect(bundleFileName(story)).toBe('wijkbeeld-verhaal-12-wijk-noord-de-noork.zip');
		expect(bundleFileName({ id: 3, title: 'Één' })).toBe('wijkbeeld-verhaal-3-een.zip');
		expect(readme({ ...story, synthetic: false }, new Date())).not.toMatch(/Demodata/);
	});

	it('says how to build the player when it is missing', async () => {
		await expect(buildBundle(story, { dir: join(tmpdir(), 'bestaat-niet') })).rejects.toThrow(PlayerMissingError);
	});
});
