// Draws the register's map images — a symbol per measure category, the signal bubble, the selection ring and
// the hatching per kind of programme — on a canvas, in the browser, from the shapes and colours in
// register-layers.ts. Nothing is fetched: the images are made here and handed to map.addImage.
import { PROGRAMME_KINDS, type ProgrammeKind } from '../domain/register';
import {
	IMAGE_PX,
	KIND_STYLE,
	SELECTED_RING_IMAGE,
	SYMBOL_PX,
	SYMBOL_STYLE,
	hatchImage,
	symbolImage,
	symbolPath,
	type PatternName,
	type SymbolName
} from './register-layers';

export interface RegisterImage {
	id: string;
	image: ImageData;
	pixelRatio: number;
}

const HATCH_PX = 10;
const OUTLINE = '#1b1f24';

function canvas(size: number): CanvasRenderingContext2D {
	const element = document.createElement('canvas');
	element.width = size;
	element.height = size;
	return element.getContext('2d')!;
}

function symbol(name: SymbolName, ratio: number): ImageData {
	const size = IMAGE_PX * ratio;
	const ctx = canvas(size);
	const inset = ((IMAGE_PX - SYMBOL_PX) / 2) * ratio;
	ctx.translate(inset, inset);
	const path = new Path2D(symbolPath(SYMBOL_STYLE[name].shape, SYMBOL_PX * ratio));
	ctx.lineJoin = 'round';
	// A white halo first, so that the symbol stands out on any fill below it.
	ctx.strokeStyle = 'rgba(255,255,255,0.95)';
	ctx.lineWidth = 4.5 * ratio;
	ctx.stroke(path);
	ctx.fillStyle = SYMBOL_STYLE[name].fill;
	ctx.fill(path);
	ctx.strokeStyle = OUTLINE;
	ctx.lineWidth = 1.5 * ratio;
	ctx.stroke(path);
	return ctx.getImageData(0, 0, size, size);
}

/** A ring around the symbol of the selected item: dark with a white edge either side. */
function ring(ratio: number): ImageData {
	const size = IMAGE_PX * ratio;
	const ctx = canvas(size);
	const c = size / 2;
	const r = (IMAGE_PX / 2 - 2.5) * ratio;
	ctx.beginPath();
	ctx.arc(c, c, r, 0, 2 * Math.PI);
	ctx.strokeStyle = '#ffffff';
	ctx.lineWidth = 4.5 * ratio;
	ctx.stroke();
	ctx.strokeStyle = OUTLINE;
	ctx.lineWidth = 2.5 * ratio;
	ctx.stroke();
	return ctx.getImageData(0, 0, size, size);
}

/** A tile that repeats without seams: lines that leave one edge come back in at the other. */
function hatch(kind: ProgrammeKind, ratio: number): ImageData {
	const size = HATCH_PX * ratio;
	const ctx = canvas(size);
	const { colour, pattern } = KIND_STYLE[kind];
	ctx.strokeStyle = colour;
	ctx.fillStyle = colour;
	ctx.globalAlpha = 0.6;
	ctx.lineWidth = 1.4 * ratio;
	ctx.lineCap = 'square';
	const line = (x1: number, y1: number, x2: number, y2: number) => {
		ctx.beginPath();
		ctx.moveTo(x1 * size, y1 * size);
		ctx.lineTo(x2 * size, y2 * size);
		ctx.stroke();
	};
	const draw: Record<PatternName, () => void> = {
		diagonal: () => {
			line(0, 1, 1, 0);
			line(-0.5, 0.5, 0.5, -0.5);
			line(0.5, 1.5, 1.5, 0.5);
		},
		vertical: () => line(0.5, 0, 0.5, 1),
		dots: () => {
			ctx.beginPath();
			ctx.arc(size / 2, size / 2, 1.5 * ratio, 0, 2 * Math.PI);
			ctx.fill();
		},
		cross: () => {
			line(0, 1, 1, 0);
			line(0, 0, 1, 1);
		}
	};
	draw[pattern]();
	return ctx.getImageData(0, 0, size, size);
}

/** Every image the register layers use, at the screen's pixel ratio. */
export function createRegisterImages(pixelRatio: number): RegisterImage[] {
	const ratio = Math.max(1, Math.round(pixelRatio));
	return [
		...(Object.keys(SYMBOL_STYLE) as SymbolName[]).map((name) => ({ id: symbolImage(name), image: symbol(name, ratio), pixelRatio: ratio })),
		{ id: SELECTED_RING_IMAGE, image: ring(ratio), pixelRatio: ratio },
		...PROGRAMME_KINDS.map((kind) => ({ id: hatchImage(kind), image: hatch(kind, ratio), pixelRatio: ratio }))
	];
}
