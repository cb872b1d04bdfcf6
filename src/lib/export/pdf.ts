// PDF handouts with pdf-lib: every page is a display list (layout.ts) painted as vector text and shapes in the
// app's own font (embedded, so the text is selectable, searchable and prints sharp), the map as an image at
// 300 dpi, the QR code as vector squares and the link as a clickable link. Runs in the browser and in Node
// (the tests), so it gets the font files as bytes instead of fetching them.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFString, PageSizes, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { darkRuns, QUIET_ZONE } from './qr';
import { hatchSegments, type DrawOp, type PageLayout } from './layout';
import type { FontWeight, Measure } from './text';

export interface PdfFonts {
	/** Noto Sans regular and bold as WOFF or TTF bytes (not WOFF2: fontkit cannot subset that). */
	regular: Uint8Array;
	bold: Uint8Array;
}

export interface PdfInfo {
	title: string;
	subject?: string;
	keywords?: string[];
	/** The export's moment, for the document's creation date. */
	created?: Date;
}

/** Characters the font lacks, written so that a reader still understands them. */
const SUBSTITUTES: Record<string, string> = { '≥': '>=', '≤': '<=', '→': '->', '←': '<-', '≈': '~', '\u00a0': ' ', '\u202f': ' ' };

export interface PdfBuilder {
	/** Widths in the embedded font, for laying out pages before they are painted. */
	measure: Measure;
	addPage(layout: PageLayout, mapPng?: Uint8Array | null): Promise<void>;
	pageCount(): number;
	save(info: PdfInfo): Promise<Uint8Array>;
}

export async function createPdf(fonts: PdfFonts): Promise<PdfBuilder> {
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	const faces: Record<FontWeight, PDFFont> = {
		regular: await doc.embedFont(fonts.regular, { subset: true }),
		bold: await doc.embedFont(fonts.bold, { subset: true })
	};
	const supported = new Set(faces.regular.getCharacterSet());
	const clean = (text: string) =>
		[...text].map((c) => (supported.has(c.codePointAt(0)!) ? c : (SUBSTITUTES[c] ?? '?'))).join('');
	const measure: Measure = (text, weight, size) => faces[weight].widthOfTextAtSize(clean(text), size);

	return {
		measure,
		async addPage(layout, mapPng = null) {
			const size: [number, number] = layout.width > layout.height ? [PageSizes.A4[1], PageSizes.A4[0]] : [PageSizes.A4[0], PageSizes.A4[1]];
			const page = doc.addPage(size);
			const k = size[0] / layout.width;
			const image = mapPng ? await doc.embedPng(mapPng) : null;
			for (const op of layout.ops) paintOp(doc, page, op, k, size[1], faces, clean, image);
		},
		pageCount: () => doc.getPageCount(),
		async save(info) {
			doc.setTitle(clean(info.title), { showInWindowTitleBar: true });
			if (info.subject) doc.setSubject(clean(info.subject));
			if (info.keywords?.length) doc.setKeywords(info.keywords.map(clean));
			doc.setAuthor('Wijkbeeld');
			doc.setCreator('Wijkbeeld');
			doc.setProducer('Wijkbeeld (pdf-lib)');
			doc.setLanguage('nl-NL');
			const created = info.created ?? new Date();
			doc.setCreationDate(created);
			doc.setModificationDate(created);
			return doc.save();
		}
	};
}

/** '#rrggbb' or 'rgba(r,g,b,a)' as pdf-lib colour and opacity. */
export function pdfColour(colour: string): { colour: RGB; opacity: number } {
	const hex = /^#([0-9a-f]{6})$/i.exec(colour);
	if (hex) {
		const n = parseInt(hex[1], 16);
		return { colour: rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255), opacity: 1 };
	}
	const rgba = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(colour);
	if (rgba) {
		return { colour: rgb(Number(rgba[1]) / 255, Number(rgba[2]) / 255, Number(rgba[3]) / 255), opacity: rgba[4] === undefined ? 1 : Number(rgba[4]) };
	}
	throw new RangeError(`Onbekende kleur voor de PDF: "${colour}"`);
}

function paintOp(
	doc: PDFDocument,
	page: PDFPage,
	op: DrawOp,
	k: number,
	pageHeight: number,
	faces: Record<FontWeight, PDFFont>,
	clean: (text: string) => string,
	image: Awaited<ReturnType<PDFDocument['embedPng']>> | null
) {
	const X = (x: number) => x * k;
	const Y = (y: number) => pageHeight - y * k;
	switch (op.op) {
		case 'rect': {
			const fill = op.fill ? pdfColour(op.fill) : null;
			const stroke = op.stroke ? pdfColour(op.stroke) : null;
			page.drawRectangle({
				x: X(op.x),
				y: Y(op.y + op.h),
				width: op.w * k,
				height: op.h * k,
				...(fill ? { color: fill.colour, opacity: fill.opacity } : {}),
				...(stroke ? { borderColor: stroke.colour, borderOpacity: stroke.opacity, borderWidth: (op.lineWidth ?? 1) * k } : {})
			});
			return;
		}
		case 'hatch': {
			const background = pdfColour(op.background);
			const line = pdfColour(op.line);
			page.drawRectangle({ x: X(op.x), y: Y(op.y + op.h), width: op.w * k, height: op.h * k, color: background.colour });
			for (const [[x1, y1], [x2, y2]] of hatchSegments(op, op.spacing)) {
				page.drawLine({ start: { x: X(x1), y: Y(y1) }, end: { x: X(x2), y: Y(y2) }, thickness: op.lineWidth * k, color: line.colour });
			}
			return;
		}
		case 'text': {
			const text = clean(op.text);
			const font = faces[op.weight];
			const size = op.size * k;
			const width = font.widthOfTextAtSize(text, size);
			const { colour, opacity } = pdfColour(op.colour);
			page.drawText(text, { x: op.align === 'right' ? X(op.x) - width : X(op.x), y: Y(op.y), size, font, color: colour, opacity });
			return;
		}
		case 'polyline':
		case 'polygon': {
			const path = op.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'} ${x} ${y}`).join(' ') + (op.op === 'polygon' ? ' Z' : '');
			if (op.op === 'polygon') {
				const { colour, opacity } = pdfColour(op.fill);
				page.drawSvgPath(path, { x: 0, y: pageHeight, scale: k, color: colour, opacity });
			} else {
				const { colour, opacity } = pdfColour(op.colour);
				page.drawSvgPath(path, { x: 0, y: pageHeight, scale: k, borderColor: colour, borderOpacity: opacity, borderWidth: op.lineWidth });
			}
			return;
		}
		case 'map':
			if (image) page.drawImage(image, { x: X(op.x), y: Y(op.y + op.h), width: op.w * k, height: op.h * k });
			return;
		case 'qr': {
			const total = op.matrix.size + 2 * QUIET_ZONE;
			const module = op.size / total;
			page.drawRectangle({ x: X(op.x), y: Y(op.y + op.size), width: op.size * k, height: op.size * k, color: rgb(1, 1, 1) });
			const black = rgb(0, 0, 0);
			for (const run of darkRuns(op.matrix)) {
				const x = op.x + (QUIET_ZONE + run.col) * module;
				const y = op.y + (QUIET_ZONE + run.row) * module;
				// A hair of overlap, so that viewers' anti-aliasing shows no seams between neighbouring runs.
				page.drawRectangle({ x: X(x), y: Y(y + module) - 0.02, width: run.length * module * k, height: module * k + 0.04, color: black });
			}
			return;
		}
		case 'link': {
			const annotation = doc.context.obj({
				Type: 'Annot',
				Subtype: 'Link',
				Rect: [X(op.x), Y(op.y + op.h), X(op.x + op.w), Y(op.y)],
				Border: [0, 0, 0],
				A: { Type: 'Action', S: 'URI', URI: PDFString.of(op.url) }
			});
			page.node.addAnnot(doc.context.register(annotation));
			return;
		}
	}
}

