// The QR code of the live link, as a matrix of modules that the painters draw themselves: crisp squares on
// whole pixels in a PNG, vector squares in a PDF (no raster QR to blur when printed or scaled).
import QRCode from 'qrcode';

/** The white margin a reader needs around the symbol, in modules (ISO/IEC 18004). */
export const QUIET_ZONE = 4;

export interface QrMatrix {
	/** Modules per side, without the quiet zone. */
	size: number;
	/** Row-major, 1 = dark. */
	data: Uint8Array;
}

/**
 * Error correction M (15 % may be damaged) suits a printed handout: a crease or a stain does not make it
 * unreadable, and the symbol stays small enough for a long link.
 */
export function qrMatrix(text: string): QrMatrix {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	return { size: modules.size, data: Uint8Array.from(modules.data) };
}

/** The dark modules as horizontal runs, so a painter draws a few hundred rectangles instead of thousands. */
export function darkRuns(matrix: QrMatrix): { row: number; col: number; length: number }[] {
	const runs: { row: number; col: number; length: number }[] = [];
	for (let row = 0; row < matrix.size; row++) {
		let col = 0;
		while (col < matrix.size) {
			if (!matrix.data[row * matrix.size + col]) {
				col++;
				continue;
			}
			const start = col;
			while (col < matrix.size && matrix.data[row * matrix.size + col]) col++;
			runs.push({ row, col: start, length: col - start });
		}
	}
	return runs;
}

/**
 * Where a QR code lands on a raster: whole pixels per module (a module split over pixel edges blurs and
 * can defeat a phone's reader), centred in the box the layout gave (in pixels), quiet zone included.
 */
export function qrPixelPlacement(box: { x: number; y: number; size: number }, modules: number) {
	const total = modules + 2 * QUIET_ZONE;
	const modulePx = Math.max(1, Math.floor(box.size / total));
	const sizePx = modulePx * total;
	const x = Math.round(box.x + (box.size - sizePx) / 2);
	const y = Math.round(box.y + (box.size - sizePx) / 2);
	return { x, y, modulePx, sizePx, symbolX: x + QUIET_ZONE * modulePx, symbolY: y + QUIET_ZONE * modulePx };
}
