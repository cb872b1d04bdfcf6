// The export entry points, for the main page's "Exporteren" control and for story slides alike:
//   exportImage({ style, camera, meta, size })  → a PNG of exactly the format's pixel size
//   handoutPdf(pages)                           → an A4 PDF, one page per { style, camera, meta }
//   areaCardPdf({ style, camera, meta, content }) → the area card: its map page and the card's pages
//   progressReportPdf(report, { link, generatedAt }) → a programme's voortgangsrapportage (text and charts)
// Browser only (MapLibre, canvas); the layout and the PDF painting underneath are pure and tested in Node.
import type { StyleSpecification } from 'maplibre-gl';
import regularWoff from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import boldWoff from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import { loadMapFonts } from '../map/fonts';
import { canvasMeasure, paintCanvas } from './canvas-painter';
import { layoutCardPages, type CardContent } from './card';
import { layoutProgressReport, type ReportOptions } from './progress-report';
import type { EffectReport } from '../domain/effect';
import { PAGE_FORMATS, layoutExportPage, metresPerPixel, scaleBarOps, withMapOverlay, type PageFormatId, type PageLayout } from './layout';
import type { ExportMeta } from './meta';
import { createPdf, type PdfBuilder, type PdfFonts } from './pdf';
import { ExportError, renderMap, type ExportCamera } from './render-map';
import type { Measure } from './text';

export { ExportError, type ExportCamera };
export type { ExportMeta };

/** What a slide snapshot and "the current view" both are: a style with its data, a camera, and the meta. */
export interface ExportPage {
	style: StyleSpecification;
	camera: ExportCamera;
	meta: ExportMeta;
}

export interface ExportImageRequest extends ExportPage {
	size: PageFormatId;
}

export type Progress = (step: string) => void;

/** Lays out the page, renders the map into its place, adds the scale bar. */
async function composePage(page: ExportPage, formatId: PageFormatId, measure: Measure) {
	const format = PAGE_FORMATS[formatId];
	const layout = layoutExportPage(format, page.meta, measure);
	const rendered = await renderMap({
		style: page.style,
		camera: page.camera,
		width: layout.map.w,
		height: layout.map.h,
		pixelRatio: format.scale
	});
	const metresPerUnit = metresPerPixel(rendered.zoom, rendered.center.lat);
	return { layout: withMapOverlay(layout, scaleBarOps(layout.map, metresPerUnit, format)), map: rendered.canvas };
}

function canvasOf(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new ExportError('Deze browser kan geen afbeelding samenstellen.');
	return { canvas, ctx };
}

function pngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ExportError('De afbeelding kon niet worden opgeslagen (te groot voor deze browser?).'))), 'image/png')
	);
}

export async function exportImage(request: ExportImageRequest, onProgress: Progress = () => {}): Promise<{ blob: Blob; width: number; height: number }> {
	const format = PAGE_FORMATS[request.size];
	await loadMapFonts();
	const { canvas, ctx } = canvasOf(format.width, format.height);
	onProgress('Kaart tekenen…');
	const page = await composePage(request, request.size, canvasMeasure(ctx, format.scale));
	onProgress('Afbeelding samenstellen…');
	paintCanvas(ctx, page.layout, page.map);
	const blob = await pngBlob(canvas);
	return { blob, width: canvas.width, height: canvas.height };
}

let fontBytes: Promise<PdfFonts> | undefined;

function pdfFonts(): Promise<PdfFonts> {
	fontBytes ??= Promise.all(
		[regularWoff, boldWoff].map(async (url) => {
			const response = await fetch(url);
			if (!response.ok) throw new ExportError(`Het lettertype voor de PDF kon niet worden geladen (${response.status}).`);
			return new Uint8Array(await response.arrayBuffer());
		})
	).then(([regular, bold]) => ({ regular, bold }));
	fontBytes.catch(() => (fontBytes = undefined));
	return fontBytes;
}

async function addMapPage(pdf: PdfBuilder, page: ExportPage, formatId: PageFormatId): Promise<PageLayout> {
	const composed = await composePage(page, formatId, pdf.measure);
	const png = new Uint8Array(await (await pngBlob(composed.map)).arrayBuffer());
	await pdf.addPage(composed.layout, png);
	return composed.layout;
}

/** A story handout: one A4 page per slide (landscape by default, as slides are), in the given order. */
export async function handoutPdf(
	pages: ExportPage[],
	options: { title: string; format?: 'a4-liggend' | 'a4-staand'; onProgress?: Progress } = { title: 'Wijkbeeld' }
): Promise<Blob> {
	if (pages.length === 0) throw new ExportError('Er zijn geen dia’s om af te drukken.');
	const onProgress = options.onProgress ?? (() => {});
	const pdf = await createPdf(await pdfFonts());
	for (const [i, page] of pages.entries()) {
		onProgress(`Dia ${i + 1} van ${pages.length} tekenen…`);
		await addMapPage(pdf, page, options.format ?? 'a4-liggend');
	}
	onProgress('PDF opslaan…');
	const bytes = await pdf.save({
		title: options.title,
		subject: pages.some((p) => p.meta.synthetic) ? 'Demodata — geen echte cijfers' : undefined,
		keywords: ['Wijkbeeld', 'hand-out']
	});
	return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}

/** The area card: the map of the area on the first page, then urgency, register and indicators. */
export async function areaCardPdf(request: ExportPage & { content: CardContent }, onProgress: Progress = () => {}): Promise<Blob> {
	const pdf = await createPdf(await pdfFonts());
	onProgress('Kaart tekenen…');
	await addMapPage(pdf, request, 'a4-staand');
	onProgress('Gebiedskaart opbouwen…');
	for (const layout of layoutCardPages(request.content, pdf.measure, 1)) await pdf.addPage(layout);
	onProgress('PDF opslaan…');
	const bytes = await pdf.save({
		title: request.meta.title,
		subject: request.meta.synthetic ? `Gebiedskaart · Demodata — geen echte cijfers` : 'Gebiedskaart',
		keywords: ['Wijkbeeld', 'gebiedskaart', request.content.profile.code]
	});
	return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}

/** Hands a file to the browser as a download. */
export function download(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started from the URL; give it a moment before letting go of the file.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The voortgangsrapportage of a programme: text pages with charts, no map image (see progress-report.ts). */
export async function progressReportPdf(report: EffectReport, options: ReportOptions): Promise<Blob> {
	const pdf = await createPdf(await pdfFonts());
	for (const layout of layoutProgressReport(report, options, pdf.measure)) await pdf.addPage(layout);
	const bytes = await pdf.save({
		title: `Voortgangsrapportage ${report.programme.name}`,
		subject: report.synthetic ? 'Voortgangsrapportage · Demodata — geen echte cijfers' : 'Voortgangsrapportage',
		keywords: ['Wijkbeeld', 'voortgangsrapportage', String(report.programme.id)]
	});
	return new Blob([bytes as BlobPart], { type: 'application/pdf' });
}
