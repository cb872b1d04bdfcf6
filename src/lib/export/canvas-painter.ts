// Paints a page layout (layout.ts) onto a 2D canvas of the output's exact pixel size, with the app's font.
import { LABEL_FONT, LABEL_FONT_BOLD } from '../map/style';
import { darkRuns, qrPixelPlacement } from './qr';
import { hatchSegments, type DrawOp, type PageLayout } from './layout';
import type { FontWeight, Measure } from './text';

/** The CSS font of a weight at a pixel size; the fallbacks only draw characters the app's font lacks (≥). */
export function canvasFont(weight: FontWeight, px: number): string {
	return weight === 'bold'
		? `700 ${px}px "${LABEL_FONT_BOLD}", "Noto Sans", sans-serif`
		: `400 ${px}px "${LABEL_FONT}", "Noto Sans", sans-serif`;
}

/** A Measure in units over a canvas context; `scale` is the output's pixels per unit. */
export function canvasMeasure(ctx: CanvasRenderingContext2D, scale: number): Measure {
	return (text, weight, size) => {
		ctx.font = canvasFont(weight, size * scale);
		return ctx.measureText(text).width / scale;
	};
}

export function paintCanvas(ctx: CanvasRenderingContext2D, layout: PageLayout, map: CanvasImageSource | null): void {
	const s = layout.format.scale;
	ctx.save();
	ctx.textBaseline = 'alphabetic';
	for (const op of layout.ops) paintOp(ctx, op, s, map);
	ctx.restore();
}

function paintOp(ctx: CanvasRenderingContext2D, op: DrawOp, s: number, map: CanvasImageSource | null) {
	switch (op.op) {
		case 'rect':
			if (op.fill) {
				ctx.fillStyle = op.fill;
				ctx.fillRect(op.x * s, op.y * s, op.w * s, op.h * s);
			}
			if (op.stroke) {
				ctx.strokeStyle = op.stroke;
				ctx.lineWidth = (op.lineWidth ?? 1) * s;
				ctx.strokeRect(op.x * s, op.y * s, op.w * s, op.h * s);
			}
			return;
		case 'hatch':
			ctx.fillStyle = op.background;
			ctx.fillRect(op.x * s, op.y * s, op.w * s, op.h * s);
			ctx.strokeStyle = op.line;
			ctx.lineWidth = op.lineWidth * s;
			// Clipped, so the square ends of the strokes do not poke out of the swatch.
			ctx.save();
			ctx.beginPath();
			ctx.rect(op.x * s, op.y * s, op.w * s, op.h * s);
			ctx.clip();
			ctx.beginPath();
			for (const [[x1, y1], [x2, y2]] of hatchSegments(op, op.spacing)) {
				ctx.moveTo(x1 * s, y1 * s);
				ctx.lineTo(x2 * s, y2 * s);
			}
			ctx.stroke();
			ctx.restore();
			return;
		case 'text':
			ctx.font = canvasFont(op.weight, op.size * s);
			ctx.fillStyle = op.colour;
			ctx.textAlign = op.align === 'right' ? 'right' : 'left';
			ctx.fillText(op.text, op.x * s, op.y * s);
			return;
		case 'polyline':
			ctx.strokeStyle = op.colour;
			ctx.lineWidth = op.lineWidth * s;
			ctx.lineJoin = 'round';
			ctx.lineCap = 'butt';
			ctx.beginPath();
			op.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * s, y * s) : ctx.lineTo(x * s, y * s)));
			ctx.stroke();
			return;
		case 'polygon':
			ctx.fillStyle = op.fill;
			ctx.beginPath();
			op.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * s, y * s) : ctx.lineTo(x * s, y * s)));
			ctx.closePath();
			ctx.fill();
			return;
		case 'map': {
			const x = Math.round(op.x * s);
			const y = Math.round(op.y * s);
			const w = Math.round((op.x + op.w) * s) - x;
			const h = Math.round((op.y + op.h) * s) - y;
			if (map) {
				ctx.imageSmoothingEnabled = true;
				ctx.imageSmoothingQuality = 'high';
				ctx.drawImage(map, x, y, w, h);
			}
			return;
		}
		case 'qr': {
			const place = qrPixelPlacement({ x: op.x * s, y: op.y * s, size: op.size * s }, op.matrix.size);
			ctx.fillStyle = '#ffffff';
			ctx.fillRect(place.x, place.y, place.sizePx, place.sizePx);
			ctx.fillStyle = '#000000';
			for (const run of darkRuns(op.matrix)) {
				ctx.fillRect(place.symbolX + run.col * place.modulePx, place.symbolY + run.row * place.modulePx, run.length * place.modulePx, place.modulePx);
			}
			return;
		}
		case 'link':
			return;
	}
}
