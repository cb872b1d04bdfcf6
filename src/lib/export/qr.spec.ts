import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { darkRuns, qrMatrix, qrPixelPlacement } from './qr';
import { LINK } from './test-support';

describe('the QR code of the live link', () => {
	it('decodes to the link when drawn as the PNG painter draws it', () => {
		const matrix = qrMatrix(LINK);
		const size = 300;
		const place = qrPixelPlacement({ x: 0, y: 0, size }, matrix.size);
		const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
		for (const run of darkRuns(matrix)) {
			for (let dy = 0; dy < place.modulePx; dy++) {
				for (let dx = 0; dx < run.length * place.modulePx; dx++) {
					const x = place.symbolX + run.col * place.modulePx + dx;
					const y = place.symbolY + run.row * place.modulePx + dy;
					pixels.set([0, 0, 0], (y * size + x) * 4);
				}
			}
		}
		expect(jsQR(pixels, size, size)?.data).toBe(LINK);
	});

	it('groups dark modules into runs that cover exactly the dark modules', () => {
		const matrix = qrMatrix('https://wijkbeeld.example/');
		const covered = darkRuns(matrix).reduce((n, r) => n + r.length, 0);
		expect(covered).toBe(matrix.data.reduce((n, d) => n + d, 0));
	});
});
