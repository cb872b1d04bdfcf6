// The page of an export as a display list: where the title, the map, the legend, the QR code and the small
// print go, for a 16:9 image and for A4 (portrait and landscape). Pure: the same list is painted onto a
// canvas for a PNG (canvas-painter.ts) and into a PDF page (pdf.ts), so both look the same.
//
// Units: CSS pixels of the page at 96 dpi ("units"); a format's `scale` turns them into output pixels
// (A4 at 300 dpi: 300 / 96 = 3.125), and 0.75 turns them into PDF points.
import { SUPPRESSED } from '../domain/palettes';
import { SYNTHETIC_LABEL, attributionText, peildatumText, sourceText, type ExportMeta } from './meta';
import type { LegendEntry, LegendModel } from './legend';
import { qrMatrix, type QrMatrix } from './qr';
import { ellipsize, wrapText, type FontWeight, type Measure } from './text';

export const PAGE_FORMAT_IDS = ['hd', 'a4-staand', 'a4-liggend'] as const;
export type PageFormatId = (typeof PAGE_FORMAT_IDS)[number];

export interface PageFormat {
	id: PageFormatId;
	/** Output size in pixels. */
	width: number;
	height: number;
	/** Output pixels per unit. */
	scale: number;
	/** For the user: "1920 × 1080". */
	label: string;
	/** Added to the file name; empty for the default format. */
	fileVariant: string;
	orientation: 'landscape' | 'portrait';
	/** A4 formats map onto a PDF page. */
	paper: boolean;
}

const PRINT_SCALE = 300 / 96;

export const PAGE_FORMATS: Record<PageFormatId, PageFormat> = {
	// 1920 × 1080 drawn as a 1280 × 720 page at 1.5×: type and lines as on a large screen, not hair-thin.
	hd: { id: 'hd', width: 1920, height: 1080, scale: 1.5, label: '1920 × 1080', fileVariant: '', orientation: 'landscape', paper: false },
	'a4-staand': {
		id: 'a4-staand',
		width: 2480,
		height: 3508,
		scale: PRINT_SCALE,
		label: 'A4 staand, 300 dpi',
		fileVariant: 'a4',
		orientation: 'portrait',
		paper: true
	},
	'a4-liggend': {
		id: 'a4-liggend',
		width: 3508,
		height: 2480,
		scale: PRINT_SCALE,
		label: 'A4 liggend, 300 dpi',
		fileVariant: 'a4-liggend',
		orientation: 'landscape',
		paper: true
	}
};

/** The page in units. */
export function pageUnits(format: PageFormat): { width: number; height: number } {
	return { width: format.width / format.scale, height: format.height / format.scale };
}

export const INK = '#1b1f24';
export const INK_SOFT = '#4a525c';
export const RULE = '#c9ccd1';
export const ACCENT = '#1d4f91';
export const HIGHLIGHT = '#f2c14e';
export const BADGE = { fill: '#fff4cc', border: '#b58a00', text: '#1b1f24' };

export interface Rect {
	x: number;
	y: number;
	w: number;
	h: number;
}

export type DrawOp =
	| ({ op: 'rect'; fill?: string; stroke?: string; lineWidth?: number } & Rect)
	/** Diagonal hatching as on the map for "te weinig inwoners". */
	| ({ op: 'hatch'; background: string; line: string; spacing: number; lineWidth: number } & Rect)
	/** `y` is the baseline; `align: right` puts the end of the text at `x`. */
	| { op: 'text'; x: number; y: number; text: string; weight: FontWeight; size: number; colour: string; align?: 'left' | 'right' }
	| { op: 'polyline'; points: [number, number][]; colour: string; lineWidth: number }
	| { op: 'polygon'; points: [number, number][]; fill: string }
	/** Where the rendered map goes. */
	| ({ op: 'map' } & Rect)
	/** A QR code, quiet zone included, in a square box. */
	| { op: 'qr'; x: number; y: number; size: number; matrix: QrMatrix }
	/** A clickable area in a PDF (ignored on a raster). */
	| ({ op: 'link'; url: string } & Rect);

export interface PageLayout {
	format: PageFormat;
	width: number;
	height: number;
	ops: DrawOp[];
	map: Rect;
	qr: Rect;
	legend: Rect | null;
}

interface Typography {
	margin: number;
	gap: number;
	title: number;
	subtitle: number;
	badge: number;
	brand: number;
	legendTitle: number;
	legendText: number;
	body: number;
	small: number;
	sidebar: number;
	qr: number;
	/** A legend row's height in legend text sizes (1.75; less when a long legend must fit). */
	legendRow?: number;
}

const TYPE: Record<PageFormatId, Typography> = {
	// Sizes in units; at 1.5× the smallest text is 17 px, legend text 20 px.
	hd: { margin: 28, gap: 18, title: 30, subtitle: 16, badge: 16, brand: 18, legendTitle: 16, legendText: 13.5, body: 14, small: 11.5, sidebar: 320, qr: 124 },
	// Sizes in units; in points ×0.75: title 18 pt, legend 8.3 pt, small print 7.1 pt.
	'a4-staand': { margin: 42, gap: 14, title: 24, subtitle: 13, badge: 12.5, brand: 14, legendTitle: 12.5, legendText: 11, body: 11.5, small: 9.5, sidebar: 0, qr: 108 },
	'a4-liggend': { margin: 38, gap: 14, title: 24, subtitle: 13, badge: 12.5, brand: 14, legendTitle: 12.5, legendText: 11, body: 11.5, small: 9.5, sidebar: 300, qr: 108 }
};

/** Line height as a multiple of the font size. */
const LEADING = 1.3;

export interface LayoutOptions {
	/** Reuse a matrix computed before (the QR depends only on the link). */
	qr?: QrMatrix;
}

/** Lays out one export page: header, map, legend, slide text, QR code with link, small print. */
export function layoutExportPage(format: PageFormat, meta: ExportMeta, measure: Measure, options: LayoutOptions = {}): PageLayout {
	const t = TYPE[format.id];
	const { width: W, height: H } = pageUnits(format);
	const ops: DrawOp[] = [{ op: 'rect', x: 0, y: 0, w: W, h: H, fill: '#ffffff' }];
	const matrix = options.qr ?? qrMatrix(meta.link);

	// Header: brand and demodata badge on the right, title and subtitle on the left.
	const brand = brandOps(W - t.margin, t.margin, t.brand, measure);
	ops.push(...brand.ops);
	let rightBottom = brand.bottom;
	let rightWidth = brand.width;
	if (meta.synthetic) {
		const badge = badgeOps(W - t.margin, brand.bottom + t.gap * 0.6, t.badge, measure);
		ops.push(...badge.ops);
		rightBottom = badge.bottom;
		rightWidth = Math.max(rightWidth, badge.width);
	}
	const titleWidth = W - 2 * t.margin - rightWidth - 2 * t.gap;
	let y = t.margin;
	const titleLines = wrapText(meta.title, titleWidth, measure, 'bold', t.title, 2);
	for (const line of titleLines) {
		y += t.title;
		ops.push({ op: 'text', x: t.margin, y, text: line, weight: 'bold', size: t.title, colour: INK });
		y += t.title * (LEADING - 1);
	}
	if (meta.subtitle) {
		for (const line of wrapText(meta.subtitle, titleWidth, measure, 'regular', t.subtitle, 2)) {
			y += t.subtitle * 1.05;
			ops.push({ op: 'text', x: t.margin, y, text: line, weight: 'regular', size: t.subtitle, colour: INK_SOFT });
			y += t.subtitle * (LEADING - 1);
		}
	}
	const headerBottom = Math.max(y, rightBottom) + t.gap;

	// Footer: source, peildatum, attribution, the demodata notice; bottom up.
	const footer = footerLines(meta);
	const footerWrapped = footer.flatMap((line) => wrapText(line.text, W - 2 * t.margin, measure, line.weight, t.small, 2).map((text) => ({ ...line, text })));
	const footerHeight = footerWrapped.length * t.small * LEADING;
	const footerTop = H - t.margin - footerHeight;
	ops.push({ op: 'rect', x: t.margin, y: footerTop - t.gap * 0.6, w: W - 2 * t.margin, h: 0.75, fill: RULE });
	footerWrapped.forEach((line, i) => {
		ops.push({ op: 'text', x: t.margin, y: footerTop + (i + 1) * t.small * LEADING - t.small * 0.3, text: line.text, weight: line.weight, size: t.small, colour: line.colour });
	});

	const bodyTop = headerBottom;
	const bodyBottom = footerTop - t.gap * 1.4;
	const legendModel = meta.legend ?? null;

	if (format.orientation === 'landscape') {
		const sidebarX = W - t.margin - t.sidebar;
		const map: Rect = { x: t.margin, y: bodyTop, w: sidebarX - t.gap - t.margin, h: bodyBottom - bodyTop };
		// The QR block sits at the foot of the sidebar, the legend and the slide text share what is above it.
		// With a long legend and link the link moves beside the code, and as a last resort the code shrinks.
		const legendHeight = legendModel ? measureLegend(legendModel, t.sidebar, t, measure) : 0;
		const room = bodyBottom - bodyTop - legendHeight - t.gap;
		const below = qrBlockSize(meta.link, t.sidebar, t.qr, t, measure, 'below');
		const beside = qrBlockSize(meta.link, t.sidebar, t.qr, t, measure, 'beside');
		const fitting =
			below.height <= room
				? below
				: beside.height <= room
					? beside
					: qrBlockSize(meta.link, t.sidebar, Math.max(t.qr * 0.75, room - (beside.height - t.qr)), t, measure, 'beside');
		const linkBlock = qrBlock(meta.link, matrix, { x: sidebarX, width: t.sidebar, bottom: bodyBottom }, t, fitting);
		const legendType = legendModel ? fittingLegendType(legendModel, t.sidebar, linkBlock.top - t.gap - bodyTop, t, measure) : t;
		const legend = legendModel
			? legendOps(legendModel, { x: sidebarX, y: bodyTop, width: t.sidebar, maxBottom: linkBlock.top - t.gap }, legendType, measure)
			: null;
		const textTop = (legend?.bottom ?? bodyTop) + (legend ? t.gap : 0);
		const text = meta.text ? textOps(meta.text, { x: sidebarX, y: textTop, width: t.sidebar, maxBottom: linkBlock.top - t.gap }, t, measure) : [];
		ops.push({ op: 'map', ...map }, { op: 'rect', ...map, stroke: RULE, lineWidth: 1 });
		ops.push(...(legend?.ops ?? []), ...text, ...linkBlock.ops);
		return { format, width: W, height: H, ops, map, qr: linkBlock.qr, legend: legend?.rect ?? null };
	}

	// Portrait: the map across the page, below it the legend (left) and the text with the QR block (right).
	const columnWidth = (W - 2 * t.margin - t.gap * 2) / 2;
	const rightX = t.margin + columnWidth + t.gap * 2;
	// The map keeps at least three quarters of the body: a long legend closes up instead of pushing it up.
	const legendType = legendModel ? fittingLegendType(legendModel, columnWidth, (bodyBottom - bodyTop) * 0.25, t, measure) : t;
	const legendHeight = legendModel ? measureLegend(legendModel, columnWidth, legendType, measure) : 0;
	const qrSide = qrBlockSize(meta.link, columnWidth, t.qr, t, measure, 'beside');
	const textHeight = meta.text ? Math.min(t.body * LEADING * 6, wrapText(meta.text, columnWidth, measure, 'regular', t.body).length * t.body * LEADING) : 0;
	const blockHeight = Math.max(legendHeight, qrSide.height + (textHeight ? textHeight + t.gap : 0));
	const map: Rect = { x: t.margin, y: bodyTop, w: W - 2 * t.margin, h: bodyBottom - bodyTop - blockHeight - t.gap * 1.4 };
	const blockTop = map.y + map.h + t.gap * 1.4;
	ops.push({ op: 'map', ...map }, { op: 'rect', ...map, stroke: RULE, lineWidth: 1 });
	const legend = legendModel ? legendOps(legendModel, { x: t.margin, y: blockTop, width: columnWidth, maxBottom: bodyBottom }, legendType, measure) : null;
	if (legend) ops.push(...legend.ops);
	const linkBlock = qrBlock(meta.link, matrix, { x: rightX, width: columnWidth, bottom: bodyBottom }, t, qrSide);
	if (meta.text) ops.push(...textOps(meta.text, { x: rightX, y: blockTop, width: columnWidth, maxBottom: linkBlock.top - t.gap }, t, measure));
	ops.push(...linkBlock.ops);
	return { format, width: W, height: H, ops, map, qr: linkBlock.qr, legend: legend?.rect ?? null };
}

interface FooterLine {
	text: string;
	weight: FontWeight;
	colour: string;
}

function footerLines(meta: ExportMeta): FooterLine[] {
	const lines: FooterLine[] = [];
	const source = sourceText(meta.source);
	if (source) lines.push({ text: source, weight: 'regular', colour: INK_SOFT });
	lines.push({ text: peildatumText(meta), weight: 'regular', colour: INK_SOFT });
	lines.push({ text: attributionText(meta), weight: 'regular', colour: INK_SOFT });
	if (meta.synthetic) {
		lines.push({ text: `${SYNTHETIC_LABEL}: de waarden zijn verzonnen om Wijkbeeld te tonen en te testen.`, weight: 'bold', colour: INK });
	}
	return lines;
}

/** "■ Wijkbeeld", right-aligned at `right`. */
function brandOps(right: number, top: number, size: number, measure: Measure) {
	const textWidth = measure('Wijkbeeld', 'bold', size);
	const mark = size * 1.15;
	const width = mark + size * 0.45 + textWidth;
	const x = right - width;
	const baseline = top + size * 1.05;
	const top0 = baseline - mark * 0.88;
	const ops: DrawOp[] = [
		{ op: 'rect', x, y: top0, w: mark, h: mark, fill: ACCENT },
		// The logo's diagonal split, as in the app's header: the lower right half in the highlight colour.
		// The logo's diagonal split, as in the app's header: the lower right part in the highlight colour.
		{ op: 'polygon', points: [[x + mark, top0 + mark * 0.1], [x + mark, top0 + mark], [x + mark * 0.1, top0 + mark]], fill: HIGHLIGHT },
		{ op: 'text', x: right, y: baseline, text: 'Wijkbeeld', weight: 'bold', size, colour: INK, align: 'right' }
	];
	return { ops, bottom: baseline + size * 0.3, width };
}

function badgeOps(right: number, top: number, size: number, measure: Measure) {
	const pad = size * 0.55;
	const width = measure(SYNTHETIC_LABEL, 'bold', size) + 2 * pad;
	const height = size * 1.9;
	const ops: DrawOp[] = [
		{ op: 'rect', x: right - width, y: top, w: width, h: height, fill: BADGE.fill, stroke: BADGE.border, lineWidth: Math.max(1, size / 10) },
		{ op: 'text', x: right - width + pad, y: top + height / 2 + size * 0.36, text: SYNTHETIC_LABEL, weight: 'bold', size, colour: BADGE.text }
	];
	return { ops, bottom: top + height, width };
}

function legendRowHeight(t: Typography) {
	return t.legendText * (t.legendRow ?? 1.75);
}

/**
 * The legend's type for `room`: as designed, else with its rows closed up, else at the small print's size (never
 * smaller, so it stays readable); a long legend (a theme and the register's overlays) needs this.
 */
function fittingLegendType(model: LegendModel, width: number, room: number, t: Typography, measure: Measure): Typography {
	const candidates: Typography[] = [
		t,
		{ ...t, legendRow: 1.4 },
		{ ...t, legendRow: 1.3, legendText: t.small, legendTitle: Math.max(t.small, t.legendTitle * 0.85) }
	];
	return candidates.find((c) => measureLegend(model, width, c, measure) <= room) ?? { ...t, legendRow: 1.25, legendText: t.small, legendTitle: t.small };
}

function measureLegend(model: LegendModel, width: number, t: Typography, measure: Measure): number {
	return legendOps(model, { x: 0, y: 0, width, maxBottom: Infinity }, t, measure).bottom;
}

/** The legend: title, subtitle, a row per class (swatch, bounds, count), what is not coloured, the method. */
function legendOps(model: LegendModel, box: { x: number; y: number; width: number; maxBottom: number }, t: Typography, measure: Measure) {
	const ops: DrawOp[] = [];
	let y = box.y;
	for (const line of wrapText(model.title, box.width, measure, 'bold', t.legendTitle, 2)) {
		y += t.legendTitle;
		ops.push({ op: 'text', x: box.x, y, text: line, weight: 'bold', size: t.legendTitle, colour: INK });
		y += t.legendTitle * (LEADING - 1);
	}
	if (model.subtitle) {
		for (const line of wrapText(model.subtitle, box.width, measure, 'regular', t.legendText, 2)) {
			y += t.legendText;
			ops.push({ op: 'text', x: box.x, y, text: line, weight: 'regular', size: t.legendText, colour: INK_SOFT });
			y += t.legendText * (LEADING - 1);
		}
	}
	const entries: { label: string; colour: string; count: number | null; shape: LegendEntry['shape'] }[] = [
		...model.classes.map((c) => ({ label: c.label, colour: c.colour, count: c.count, shape: 'fill' as const })),
		...model.other,
		...model.overlays
	];
	const counted = entries.some((i) => i.count !== null);
	if (counted) {
		y += t.small * 1.2;
		ops.push({ op: 'text', x: box.x + box.width, y, text: 'aantal', weight: 'regular', size: t.small, colour: INK_SOFT, align: 'right' });
	} else {
		y += t.legendText * 0.4;
	}
	const row = legendRowHeight(t);
	const swatch = { w: t.legendText * 2, h: t.legendText * 1.2 };
	const countWidth = measure('0000', 'regular', t.legendText);
	const frame = (top: number): DrawOp => ({ op: 'rect', x: box.x, y: top, w: swatch.w, h: swatch.h, stroke: 'rgba(0,0,0,0.45)', lineWidth: 0.75 });
	for (const item of entries) {
		const top = y + (row - swatch.h) / 2;
		if (item.shape === 'hatched') {
			ops.push({ op: 'hatch', x: box.x, y: top, w: swatch.w, h: swatch.h, background: item.colour, line: SUPPRESSED.line, spacing: swatch.h / 2.2, lineWidth: Math.max(0.6, t.legendText / 14) }, frame(top));
		} else if (item.shape === 'outline') {
			ops.push({ op: 'rect', x: box.x + 1, y: top + 1, w: swatch.w - 2, h: swatch.h - 2, stroke: item.colour, lineWidth: Math.max(1.5, t.legendText / 6) });
		} else if (item.shape === 'circle') {
			const r = swatch.h * 0.45;
			const cx = box.x + swatch.w / 2;
			const cy = top + swatch.h / 2;
			const points = Array.from({ length: 24 }, (_, i) => [cx + r * Math.cos((i / 24) * 2 * Math.PI), cy + r * Math.sin((i / 24) * 2 * Math.PI)] as [number, number]);
			ops.push({ op: 'polygon', points, fill: item.colour });
		} else {
			ops.push({ op: 'rect', x: box.x, y: top, w: swatch.w, h: swatch.h, fill: item.colour }, frame(top));
		}
		const baseline = y + row / 2 + t.legendText * 0.36;
		const labelX = box.x + swatch.w + t.legendText * 0.6;
		const labelWidth = box.width - (labelX - box.x) - (item.count === null ? 0 : countWidth + t.legendText * 0.5);
		ops.push({ op: 'text', x: labelX, y: baseline, text: ellipsize(item.label, labelWidth, measure, 'regular', t.legendText), weight: 'regular', size: t.legendText, colour: INK });
		if (item.count !== null) {
			ops.push({ op: 'text', x: box.x + box.width, y: baseline, text: String(item.count), weight: 'regular', size: t.legendText, colour: INK_SOFT, align: 'right' });
		}
		y += row;
	}
	for (const line of wrapText(`Indeling: ${model.method}`, box.width, measure, 'regular', t.legendText, 2)) {
		y += t.legendText * LEADING;
		ops.push({ op: 'text', x: box.x, y, text: line, weight: 'regular', size: t.legendText, colour: INK_SOFT });
	}
	const bottom = y + t.legendText * 0.4;
	return { ops, bottom, rect: { x: box.x, y: box.y, w: box.width, h: bottom - box.y } };
}

function textOps(text: string, box: { x: number; y: number; width: number; maxBottom: number }, t: Typography, measure: Measure): DrawOp[] {
	const lineHeight = t.body * LEADING;
	const maxLines = Math.max(0, Math.floor((box.maxBottom - box.y) / lineHeight));
	if (maxLines === 0) return [];
	return wrapText(text, box.width, measure, 'regular', t.body, maxLines).map((line, i) => ({
		op: 'text' as const,
		x: box.x,
		y: box.y + (i + 1) * lineHeight - t.body * 0.3,
		text: line,
		weight: 'regular' as const,
		size: t.body,
		colour: INK
	}));
}

const QR_CAPTION = 'Bekijk deze kaart live';

interface QrBlockSize {
	placement: 'below' | 'beside';
	side: number;
	height: number;
	lines: string[];
}

/** The QR block's size: the code with the caption and the link below it, or beside it. */
function qrBlockSize(link: string, width: number, side: number, t: Typography, measure: Measure, placement: 'below' | 'beside'): QrBlockSize {
	if (placement === 'beside') {
		const lines = wrapText(link, width - side - t.gap, measure, 'regular', t.small);
		const textHeight = t.small * 1.3 + lines.length * t.small * LEADING + t.small * 0.4;
		return { placement, side, height: Math.max(side, textHeight), lines };
	}
	const lines = wrapText(link, width, measure, 'regular', t.small);
	return { placement, side, height: side + t.small * 1.4 + lines.length * t.small * LEADING + t.small * 0.4, lines };
}

/**
 * The QR code with a caption ("Bekijk deze kaart live") and the link as text, anchored at `bottom`. The
 * code is `qr` units square (29 mm on A4: a phone reads it at arm's length) unless space forces less.
 */
function qrBlock(link: string, matrix: QrMatrix, box: { x: number; width: number; bottom: number }, t: Typography, size: QrBlockSize) {
	const ops: DrawOp[] = [];
	const top = box.bottom - size.height;
	const qr: Rect = { x: box.x, y: top, w: size.side, h: size.side };
	ops.push({ op: 'qr', x: qr.x, y: qr.y, size: size.side, matrix });
	const textX = size.placement === 'beside' ? box.x + size.side + t.gap : box.x;
	let y = size.placement === 'beside' ? top + t.small * 1.3 : top + size.side + t.small * 1.4;
	ops.push({ op: 'text', x: textX, y, text: QR_CAPTION, weight: 'bold', size: t.small, colour: INK });
	for (const line of size.lines) {
		y += t.small * LEADING;
		ops.push({ op: 'text', x: textX, y, text: line, weight: 'regular', size: t.small, colour: ACCENT });
	}
	ops.push({ op: 'link', x: box.x, y: top, w: box.width, h: size.height, url: link });
	return { ops, top, qr };
}

// ---------------------------------------------------------------------------------------------------------
// Scale bar: drawn on the map once it is rendered (the scale depends on the camera the renderer settled on).

const NICE = [1, 2, 5];

/**
 * The longest round distance (1, 2 or 5 × 10ⁿ metres) that fits in `maxWidth` units, and its width.
 * `metresPerUnit` is the ground distance of one unit at the centre of the map.
 */
export function scaleBar(metresPerUnit: number, maxWidth: number): { metres: number; width: number; label: string } {
	if (!(metresPerUnit > 0) || !(maxWidth > 0)) throw new RangeError('Een schaalstok heeft een positieve schaal en breedte nodig.');
	const most = metresPerUnit * maxWidth;
	const power = 10 ** Math.floor(Math.log10(most));
	const metres = [...NICE].reverse().map((n) => n * power).find((m) => m <= most) ?? power;
	const label = metres >= 1000 ? `${String(metres / 1000).replace('.', ',')} km` : `${metres} m`;
	return { metres, width: metres / metresPerUnit, label };
}

/** Ground metres per CSS pixel of a web-mercator map with 512-pixel tiles (MapLibre), at a latitude. */
export function metresPerPixel(zoom: number, latitude: number): number {
	return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The ops of a scale bar in the lower left corner of the map. */
export function scaleBarOps(map: Rect, metresPerUnit: number, format: PageFormat): DrawOp[] {
	const t = TYPE[format.id];
	const bar = scaleBar(metresPerUnit, Math.min(map.w * 0.25, t.small * 14));
	const pad = t.small * 0.6;
	const height = t.small * 2.6;
	const x = map.x + pad;
	const y = map.y + map.h - pad - height;
	const width = bar.width + 2 * pad;
	const barY = y + height - pad;
	const thick = Math.max(1.2, t.small / 6);
	return [
		{ op: 'rect', x, y, w: width, h: height, fill: 'rgba(255,255,255,0.94)' },
		{ op: 'polyline', points: [[x + pad, barY - t.small * 0.5], [x + pad, barY], [x + pad + bar.width, barY], [x + pad + bar.width, barY - t.small * 0.5]], colour: INK, lineWidth: thick },
		{ op: 'text', x: x + pad, y: y + t.small * 1.15, text: bar.label, weight: 'regular', size: t.small, colour: INK }
	];
}

/**
 * The hatching of a rectangle as line segments along x + y = c ("/"), `spacing` apart, clipped to the
 * rectangle: the same pattern as the map's "te weinig inwoners", drawn by both painters.
 */
export function hatchSegments(rect: Rect, spacing: number): [[number, number], [number, number]][] {
	const segments: [[number, number], [number, number]][] = [];
	const top = rect.y;
	const bottom = rect.y + rect.h;
	for (let c = rect.x + rect.y + spacing / 2; c < rect.x + rect.w + bottom; c += spacing) {
		const x1 = Math.max(rect.x, c - bottom);
		const x2 = Math.min(rect.x + rect.w, c - top);
		if (x2 > x1) segments.push([[x1, c - x1], [x2, c - x2]]);
	}
	return segments;
}

/** Puts ops (a scale bar) right after the map, under the frame and everything else drawn over it. */
export function withMapOverlay(layout: PageLayout, overlay: DrawOp[]): PageLayout {
	const index = layout.ops.findIndex((o) => o.op === 'map');
	if (index < 0) return layout;
	return { ...layout, ops: [...layout.ops.slice(0, index + 1), ...overlay, ...layout.ops.slice(index + 1)] };
}
