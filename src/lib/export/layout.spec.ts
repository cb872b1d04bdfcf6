import { beforeAll, describe, expect, it } from 'vitest';
import {
	PAGE_FORMATS,
	PAGE_FORMAT_IDS,
	hatchSegments,
	layoutExportPage,
	metresPerPixel,
	pageUnits,
	scaleBar,
	scaleBarOps,
	withMapOverlay,
	type DrawOp,
	type PageLayout,
	type Rect
} from './layout';
import { qrPixelPlacement, QUIET_ZONE } from './qr';
import { createPdf } from './pdf';
import { fontFiles, sampleMeta } from './test-support';
import type { Measure } from './text';

// The app's font, as the PDF measures it: the layouts below are what a user gets.
let measure: Measure;
beforeAll(async () => {
	measure = (await createPdf(fontFiles())).measure;
}, 60_000);

const MM_PER_UNIT = 25.4 / 96;

/** The box of an op, for the overlap and bounds checks (text: from cap height to descender). */
function boxOf(op: DrawOp): Rect | null {
	switch (op.op) {
		case 'text': {
			const w = measure(op.text, op.weight, op.size);
			return { x: op.align === 'right' ? op.x - w : op.x, y: op.y - op.size * 0.8, w, h: op.size };
		}
		case 'qr':
			return { x: op.x, y: op.y, w: op.size, h: op.size };
		case 'polyline':
		case 'polygon':
		case 'link':
			return null;
		default:
			return op;
	}
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w - 0.01 && b.x < a.x + a.w - 0.01 && a.y < b.y + b.h - 0.01 && b.y < a.y + a.h - 0.01;
const inside = (a: Rect, b: Rect) => a.x >= b.x - 0.01 && a.y >= b.y - 0.01 && a.x + a.w <= b.x + b.w + 0.01 && a.y + a.h <= b.y + b.h + 0.01;

const LONG_TEXT =
	'De Noork scoort op vier van de vijf domeinen ongunstig: veel huishoudens met een laag inkomen, eenzaamheid en ' +
	'woningen met een slecht energielabel. Welbions renoveert hier vanaf 2024 twee complexen en de gemeente richt de buitenruimte opnieuw in.';

const variants: [string, ReturnType<typeof sampleMeta>][] = [
	['typical', sampleMeta()],
	['long title, slide text and link', sampleMeta({
		title: 'Huishoudens met een laag inkomen, verandering sinds 2020 — Bedrijventerrein Timmersveld, Hengelo',
		text: LONG_TEXT,
		link: `${sampleMeta().link}&methode=natuurlijke-grenzen&klassen=7&gewichten=sociaal:3,gezondheid:2,veiligheid:1,wonen:1,duurzaamheid:1`
	})],
	['no legend, not synthetic', sampleMeta({ legend: null, synthetic: false, source: '' })],
	// Seven classes and every kind of programme and measure of the register: the legend must close up, not overlap.
	['a long legend: seven classes and the register', sampleMeta({
		link: `${sampleMeta().link}&gebied=WK016402&laag=buurt&tijd=2026-K2&methode=natuurlijke-grenzen&klassen=7`,
		legend: {
			...sampleMeta().legend!,
			classes: Array.from({ length: 7 }, (_, i) => ({ from: i, to: i + 1, colour: '#fdbe85', count: 9, label: `${i} – ${i + 1}` })),
			overlays: ['Wijkaanpak', 'Gebiedsgerichte aanpak', 'Pilot', 'Focusgebied', 'Renovatie en levensduurverlenging', 'Isolatie en verduurzaming',
				'Sloop, nieuwbouw en transformatie', 'Warmtetransitie', 'Openbare ruimte', 'Overige maatregelen', 'Signalen'].map((label, i) => ({
				label,
				shape: i < 4 ? ('outline' as const) : ('circle' as const),
				colour: '#0072b2',
				count: i + 1
			}))
		}
	})]
];

describe('export page formats', () => {
	it('have the exact pixel sizes asked for: 1920 × 1080 and A4 at 300 dpi both ways', () => {
		expect([PAGE_FORMATS.hd.width, PAGE_FORMATS.hd.height]).toEqual([1920, 1080]);
		expect([PAGE_FORMATS['a4-staand'].width, PAGE_FORMATS['a4-staand'].height]).toEqual([2480, 3508]);
		expect([PAGE_FORMATS['a4-liggend'].width, PAGE_FORMATS['a4-liggend'].height]).toEqual([3508, 2480]);
		// 2480 px at 300 dpi is 210 mm, 3508 px is 297 mm (to the pixel).
		const a4 = pageUnits(PAGE_FORMATS['a4-staand']);
		expect(a4.width * MM_PER_UNIT).toBeCloseTo(210, 0);
		expect(a4.height * MM_PER_UNIT).toBeCloseTo(297, 0);
		expect(PAGE_FORMATS['a4-staand'].scale * 96).toBe(300);
	});
});

describe.each(PAGE_FORMAT_IDS)('the %s page', (id) => {
	const format = PAGE_FORMATS[id];
	const page = pageUnits(format);

	it.each(variants)('keeps everything on the page and nothing on top of the map or the QR code (%s)', (_, meta) => {
		const layout = layoutExportPage(format, meta, measure);
		const pageRect = { x: 0, y: 0, w: page.width, h: page.height };
		for (const op of layout.ops) {
			const box = boxOf(op);
			if (box) expect(inside(box, pageRect), `${op.op} ${JSON.stringify(box)} on the page`).toBe(true);
		}
		const others = layout.ops.filter((op) => op.op === 'text' || op.op === 'qr' || (op.op === 'rect' && op !== layout.ops[0] && !(op.stroke && !op.fill)));
		for (const op of others) {
			const box = boxOf(op)!;
			if (op.op !== 'qr') expect(overlaps(box, layout.qr), `${JSON.stringify(op)} clear of the QR code`).toBe(false);
			expect(overlaps(box, layout.map), `${JSON.stringify(op)} clear of the map`).toBe(false);
		}
	});

	it('gives the map most of the page', () => {
		const layout = layoutExportPage(format, sampleMeta({ text: LONG_TEXT }), measure);
		const share = (layout.map.w * layout.map.h) / (page.width * page.height);
		expect(share).toBeGreaterThan(format.orientation === 'portrait' ? 0.5 : 0.45);
	});

	it('keeps the map large beside a long legend (seven classes and the whole register), which closes up', () => {
		const layout = layoutExportPage(format, variants[3][1], measure);
		const share = (layout.map.w * layout.map.h) / (page.width * page.height);
		// Twenty legend rows below a portrait map at the small print's size still take a little more than a quarter.
		expect(share).toBeGreaterThan(0.45);
	});

	it('prints the title, the demodata label, the peildatum, the attribution and the link', () => {
		const layout = layoutExportPage(format, sampleMeta(), measure);
		const texts = layout.ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
		expect(texts.join(' ')).toContain('Urgentiescore — De Noork, Hengelo');
		expect(texts).toContain('Demodata — geen echte cijfers');
		expect(texts).toContain('Peildatum: gegevens 2024 · geëxporteerd op 14 maart 2025');
		expect(texts.some((t) => t.includes('CBS / Kadaster, Wijk- en Buurtkaart (via PDOK), CC BY 4.0'))).toBe(true);
		expect(texts.join(' ')).toContain('Indeling: Kwantielen (even veel gebieden per klasse)');
		expect(texts).toEqual(expect.arrayContaining(['−1,2 – −0,5', 'geen gegevens', 'te weinig inwoners']));
		const linkLines = layout.ops.filter((op) => op.op === 'text' && op.colour === '#1d4f91').map((op) => (op.op === 'text' ? op.text : ''));
		expect(linkLines.join('')).toBe(sampleMeta().link);
		expect(layout.ops.filter((op) => op.op === 'link').map((op) => (op.op === 'link' ? op.url : ''))).toEqual([sampleMeta().link]);
	});

	it('leaves out the demodata label when nothing is synthetic', () => {
		const layout = layoutExportPage(format, sampleMeta({ synthetic: false }), measure);
		expect(layout.ops.some((op) => op.op === 'text' && op.text.includes('geen echte cijfers'))).toBe(false);
	});

	it('uses type that can be read: at least 7 pt on paper, 17 px on screen', () => {
		const layout = layoutExportPage(format, sampleMeta(), measure);
		const smallest = Math.min(...layout.ops.flatMap((op) => (op.op === 'text' ? [op.size] : [])));
		if (format.paper) expect(smallest * 0.75).toBeGreaterThanOrEqual(7);
		else expect(smallest * format.scale).toBeGreaterThanOrEqual(17);
	});

	it('makes the QR code square, with whole pixels per module and room for the quiet zone', () => {
		const layout = layoutExportPage(format, sampleMeta(), measure);
		const qr = layout.ops.find((op) => op.op === 'qr')!;
		if (qr.op !== 'qr') throw new Error('no qr');
		const px = qrPixelPlacement({ x: qr.x * format.scale, y: qr.y * format.scale, size: qr.size * format.scale }, qr.matrix.size);
		expect(Number.isInteger(px.modulePx) && Number.isInteger(px.x) && Number.isInteger(px.y)).toBe(true);
		expect(px.modulePx).toBeGreaterThanOrEqual(3);
		expect(px.sizePx).toBeLessThanOrEqual(qr.size * format.scale);
		if (format.paper) expect(qr.size * MM_PER_UNIT).toBeGreaterThanOrEqual(25);
	});
});

describe('the QR placement on a raster', () => {
	it('centres the symbol in its box with a quiet zone of four modules', () => {
		const place = qrPixelPlacement({ x: 10.4, y: 20, size: 300 }, 41);
		expect(place.modulePx).toBe(Math.floor(300 / (41 + 2 * QUIET_ZONE)));
		expect(place.symbolX - place.x).toBe(QUIET_ZONE * place.modulePx);
		expect(place.x).toBe(Math.round(10.4 + (300 - place.sizePx) / 2));
	});
});

describe('the scale bar', () => {
	it('picks the longest round distance that fits', () => {
		expect(scaleBar(10, 120)).toEqual({ metres: 1000, width: 100, label: '1 km' });
		expect(scaleBar(3, 120)).toEqual({ metres: 200, width: 200 / 3, label: '200 m' });
		expect(scaleBar(30, 120).label).toBe('2 km');
		expect(scaleBar(0.5, 100)).toMatchObject({ metres: 50, label: '50 m' });
		expect(() => scaleBar(0, 100)).toThrow(RangeError);
	});

	it('knows the ground resolution of MapLibre at a zoom and latitude', () => {
		// 512-pixel tiles: at zoom 0 on the equator one pixel is 40,075 km / 512.
		expect(metresPerPixel(0, 0)).toBeCloseTo(78271.5, 0);
		expect(metresPerPixel(13, 52.27)).toBeCloseTo((78271.517 * Math.cos((52.27 * Math.PI) / 180)) / 8192, 3);
	});

	it('sits in the lower left corner of the map, right after it in the drawing order', () => {
		const format = PAGE_FORMATS.hd;
		const layout = layoutExportPage(format, sampleMeta(), measure);
		const bar = scaleBarOps(layout.map, 4, format);
		const merged: PageLayout = withMapOverlay(layout, bar);
		const mapIndex = merged.ops.findIndex((op) => op.op === 'map');
		expect(merged.ops.slice(mapIndex + 1, mapIndex + 1 + bar.length)).toEqual(bar);
		const background = bar[0] as Rect;
		expect(inside(background, layout.map)).toBe(true);
		expect(background.y + background.h).toBeGreaterThan(layout.map.y + layout.map.h * 0.8);
	});
});

describe('hatching', () => {
	it('stays inside its rectangle, at the spacing asked for', () => {
		const rect = { x: 10, y: 20, w: 30, h: 15 };
		const segments = hatchSegments(rect, 5);
		expect(segments.length).toBe(Math.floor((30 + 15) / 5));
		for (const [[x1, y1], [x2, y2]] of segments) {
			for (const [x, y] of [[x1, y1], [x2, y2]]) {
				expect(x).toBeGreaterThanOrEqual(10);
				expect(x).toBeLessThanOrEqual(40);
				expect(y).toBeGreaterThanOrEqual(20);
				expect(y).toBeLessThanOrEqual(35);
			}
			expect(x1 + y1).toBeCloseTo(x2 + y2);
		}
	});
});

describe('a story slide', () => {
	it("is drawn from the slide's meta as the stories branch publishes it (SlideMeta), overlays in the legend", () => {
		// The shape of SlideMeta in src/lib/story/snapshot.ts (stories branch); assigned as it is, not converted.
		const slideMeta = {
			title: 'Wijkaanpak Noord en de investeringen van Welbions',
			text: 'Welbions renoveert in De Noork twee complexen; de gemeente richt de buitenruimte opnieuw in.',
			subtitle: 'Urgentiescore · buurten · Hengelo · 2024',
			storyTitle: 'Wijkgericht werken in Hengelo',
			number: 4,
			count: 5,
			gemeente: { code: 'GM0164', name: 'Hengelo' },
			level: 'buurt' as const,
			selected: { code: 'BU01640202', name: 'De Noork', level: 'buurt' as const },
			layers: ['programmas', 'investeringen'],
			quarter: '2025-K3',
			quarterLabel: 'K3 2025',
			legend: {
				...sampleMeta().legend!,
				overlays: [
					{ label: 'Wijkaanpak Noord', shape: 'outline' as const, colour: '#1d4f91', count: 1 },
					{ label: 'Investeringen', shape: 'circle' as const, colour: '#6a3d9a', count: 3 }
				]
			},
			source: 'DEMODATA (synthetisch, geen echte cijfers)',
			attribution: 'Bron: CBS / Kadaster, Wijk- en Buurtkaart (via PDOK), CC BY 4.0',
			peiljaar: 2024,
			generatedAt: '2025-09-01T12:00:00Z',
			synthetic: true,
			syntheticLabel: 'Demodata — geen echte cijfers',
			link: sampleMeta().link,
			view: '?gemeente=GM0164&gebied=BU01640202',
			areas: [],
			overlays: []
		};
		const layout = layoutExportPage(PAGE_FORMATS['a4-liggend'], slideMeta, measure);
		const text = layout.ops.flatMap((op) => (op.op === 'text' ? [op.text] : [])).join(' ');
		expect(text).toContain('Wijkaanpak Noord en de investeringen van Welbions');
		expect(text).toContain('Welbions renoveert in De Noork');
		expect(text).toContain('Investeringen');
		expect(text).toContain('geëxporteerd op 1 september 2025');
		expect(layout.ops.some((op) => op.op === 'polygon' && op.fill === '#6a3d9a')).toBe(true);
		expect(layout.ops.some((op) => op.op === 'rect' && op.stroke === '#1d4f91' && !op.fill)).toBe(true);
	});
});
