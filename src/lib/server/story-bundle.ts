// The offline bundle of a story: a zip with index.html at its root that plays the story from a folder or a USB
// stick in a browser, with no server and no network. What Chromium allows from file:// decides its shape:
// - no <script type="module"> and no fetch(): the player is one classic (IIFE) script, the story's data a classic
//   script that sets `window.WIJKBEELD_VERHAAL`;
// - no worker from a file:// URL: MapLibre's worker source comes as a string (kaartwerker.js) and the player gives
//   it to setWorkerUrl as a blob: URL;
// - no font from a file:// URL: the label font comes as data: URLs (lettertype.js).
// The player files are built by `npm run build` (vite.player.config.ts) into build/player.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { StorySnapshot } from '../story/snapshot';
import { SYNTHETIC_LABEL } from '../domain/monitor';

export class PlayerMissingError extends Error {}

const MANIFEST = 'manifest.json';

/**
 * Where the built player is: WIJKBEELD_PLAYER_DIR, else build/player found upwards from this module (the built
 * server runs from build/server/…, the development server from src/lib/server), else ./build/player.
 */
export function playerDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env.WIJKBEELD_PLAYER_DIR) return resolve(env.WIJKBEELD_PLAYER_DIR);
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 8; i++) {
		for (const candidate of [join(dir, 'player'), join(dir, 'build', 'player')]) {
			if (existsSync(join(candidate, MANIFEST))) return candidate;
		}
		const up = dirname(dir);
		if (up === dir) break;
		dir = up;
	}
	return resolve('build', 'player');
}

interface PlayerFiles {
	files: string[];
	builtAt: string;
}

async function readPlayer(dir: string): Promise<Record<string, Uint8Array>> {
	let manifest: PlayerFiles;
	try {
		manifest = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
	} catch {
		throw new PlayerMissingError(`De speler voor offline pakketten is niet gebouwd (${dir} ontbreekt); voer npm run build uit`);
	}
	const entries = await Promise.all(manifest.files.map(async (name) => [name, new Uint8Array(await readFile(join(dir, name)))] as const));
	return Object.fromEntries(entries);
}

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A JS literal that is safe inside any script file (no line separators that old parsers choke on). */
const jsValue = (value: unknown) => JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const dateLabel = (date: Date) =>
	new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(date);

/**
 * The page's Content Security Policy: even from a folder, nothing may load from a network. Scripts and the
 * stylesheet come from the folder itself; the worker, font and images only as blob:/data: URLs.
 */
const CSP = [
	"default-src 'none'",
	"script-src 'self' file:",
	"style-src 'self' file: 'unsafe-inline'",
	'img-src data: blob:',
	'font-src data:',
	'worker-src blob: data:',
	'child-src blob: data:',
	'connect-src blob: data:',
	"base-uri 'none'",
	"form-action 'none'"
].join('; ');

export function indexHtml(story: StorySnapshot): string {
	const title = escapeHtml(`${story.title} — Wijkbeeld`);
	return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${title}</title>
<link rel="stylesheet" href="speler/wijkbeeld-speler.css">
<style>
html, body { margin: 0; height: 100%; background: #ffffff; }
#speler { position: fixed; inset: 0; }
.wb-bundle-error { margin: 2rem; font: 1.5rem/1.4 system-ui, sans-serif; }
</style>
</head>
<body>
<noscript><p class="wb-bundle-error">Dit verhaal heeft JavaScript nodig. Open het in een gewone browser (Chrome, Edge, Firefox).</p></noscript>
<main id="speler" aria-label="${escapeHtml(`Verhaal: ${story.title}`)}"></main>
<script src="verhaal.js"></script>
<script src="speler/lettertype.js"></script>
<script src="speler/kaartwerker.js"></script>
<script src="speler/wijkbeeld-speler.js"></script>
</body>
</html>
`;
}

export function readme(story: StorySnapshot, madeAt: Date): string {
	const lines = [
		`${story.title} — Wijkbeeld, offline pakket`,
		'',
		`Gemaakt op ${dateLabel(madeAt)} met de gegevens van dat moment (${story.slides.length} dia's, gemeente ${story.gemeente.name}).`,
		'',
		'Gebruik',
		'1. Pak het zip-bestand uit naar een map, bijvoorbeeld op een USB-stick (niet openen vanuit het zip-bestand zelf).',
		'2. Open index.html in Chrome, Edge of Firefox (dubbelklikken). Er is geen internet en geen server nodig.',
		'3. Toetsen: → of PageDown volgende dia, ← of PageUp vorige, Home eerste, End laatste,',
		'   B zwart scherm (B of een pijltoets terug), F volledig scherm, Esc volledig scherm uit.',
		'   Een presentatie-afstandsbediening (clicker) werkt zo ook.',
		'',
		story.synthetic ? `Let op: ${SYNTHETIC_LABEL}. Dit verhaal toont verzonnen voorbeeldwaarden.` : null,
		// The attribution may carry its own "Bron:" (snapshot.ts): never "Bron: Bron:".
		`Bron: ${story.attribution.replace(/^Bron:\s*/i, '').replace(/\.$/, '')}.`,
		'De live-link onder elke dia opent hetzelfde kaartbeeld in Wijkbeeld, als er wel netwerk is.'
	];
	return `${lines.filter((l) => l !== null).join('\r\n')}\r\n`;
}

/** A safe file name: "wijkbeeld-verhaal-12-wijkgericht-werken-in-hengelo.zip". */
export function bundleFileName(story: Pick<StorySnapshot, 'id' | 'title'>): string {
	const slug = story.title
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);
	return `wijkbeeld-verhaal-${story.id}${slug ? `-${slug}` : ''}.zip`;
}

/** The zip of a story's snapshots with the player. */
export async function buildBundle(story: StorySnapshot, options: { madeAt?: Date; dir?: string } = {}): Promise<Uint8Array> {
	const madeAt = options.madeAt ?? new Date();
	const player = await readPlayer(options.dir ?? playerDir());
	const data = { ...story, madeAt: madeAt.toISOString(), madeAtLabel: dateLabel(madeAt) };
	const files: Zippable = {
		'index.html': strToU8(indexHtml(story)),
		'LEESMIJ.txt': strToU8(readme(story, madeAt)),
		'verhaal.js': strToU8(`window.WIJKBEELD_VERHAAL=${jsValue(data)};\n`),
		speler: player
	};
	// zip dates are local time without a zone; the note inside says when exactly.
	return zipSync(files, { level: 6, mtime: madeAt });
}
