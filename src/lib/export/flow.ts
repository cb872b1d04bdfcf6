// A small flow layout for text pages of a PDF (the area card): blocks are placed top down and go on to a
// new page when they do not fit; tables break between rows and repeat their header. The result is one
// display list per page, painted by pdf.ts like every other export page.
import { INK, INK_SOFT, RULE, type DrawOp } from './layout';
import { wrapText, type FontWeight, type Measure } from './text';

export interface FlowBox {
	x: number;
	top: number;
	bottom: number;
	width: number;
}

export const LEADING = 1.35;

export class Flow {
	readonly pages: DrawOp[][] = [[]];
	y: number;

	constructor(
		readonly box: FlowBox,
		readonly measure: Measure
	) {
		this.y = box.top;
	}

	get ops(): DrawOp[] {
		return this.pages[this.pages.length - 1];
	}

	/** Nothing has been placed on the current page yet. */
	get pageEmpty(): boolean {
		return this.y === this.box.top;
	}

	newPage(): void {
		this.pages.push([]);
		this.y = this.box.top;
	}

	/** Starts a new page unless `height` still fits on this one. */
	ensure(height: number): void {
		if (!this.pageEmpty && this.y + height > this.box.bottom) this.newPage();
	}

	space(height: number): void {
		if (!this.pageEmpty) this.y += height;
	}

	/** Lines of text, kept together up to `keep` lines at a page break (a heading with its first lines). */
	text(text: string, options: { size: number; weight?: FontWeight; colour?: string; indent?: number; width?: number; keepWithNext?: number }): void {
		const weight = options.weight ?? 'regular';
		const x = this.box.x + (options.indent ?? 0);
		const width = options.width ?? this.box.width - (options.indent ?? 0);
		const lines = wrapText(text, width, this.measure, weight, options.size);
		const lineHeight = options.size * LEADING;
		this.ensure(lineHeight * Math.min(lines.length, 2) + (options.keepWithNext ?? 0));
		for (const line of lines) {
			this.ensure(lineHeight);
			this.y += lineHeight;
			this.ops.push({ op: 'text', x, y: this.y - options.size * 0.3, text: line, weight, size: options.size, colour: options.colour ?? INK });
		}
	}

	heading(text: string, size: number, keepWithNext: number): void {
		this.space(size * 0.9);
		this.text(text, { size, weight: 'bold', keepWithNext });
		this.y += size * 0.25;
	}

	rule(colour = RULE): void {
		this.ops.push({ op: 'rect', x: this.box.x, y: this.y, w: this.box.width, h: 0.6, fill: colour });
	}

	/**
	 * A table: columns as fractions of the width, cells wrapped within them; a row never breaks over pages,
	 * the header is repeated on every page the table continues on. `draw` adds ops to a cell (a sparkline).
	 */
	table(table: FlowTable): void {
		const size = table.size;
		const pad = size * 0.35;
		const widths = table.columns.map((c) => c.width * this.box.width);
		const xs = widths.map((_, i) => this.box.x + widths.slice(0, i).reduce((a, b) => a + b, 0));
		const lineHeight = size * LEADING;
		const cellLines = (text: string, i: number, weight: FontWeight) => wrapText(text, widths[i] - 2 * pad, this.measure, weight, size);

		const drawRow = (cells: string[], weight: FontWeight, colour: string, fill?: string, extra?: FlowRow['draw']) => {
			const wrapped = cells.map((c, i) => cellLines(c, i, weight));
			const height = Math.max(1, ...wrapped.map((l) => l.length)) * lineHeight + 2 * pad;
			const top = this.y;
			if (fill) this.ops.push({ op: 'rect', x: this.box.x, y: top, w: this.box.width, h: height, fill });
			wrapped.forEach((lines, i) => {
				const column = table.columns[i];
				lines.forEach((line, j) => {
					const baseline = top + pad + (j + 1) * lineHeight - size * 0.33;
					const right = column.align === 'right';
					this.ops.push({ op: 'text', x: right ? xs[i] + widths[i] - pad : xs[i] + pad, y: baseline, text: line, weight, size, colour, align: right ? 'right' : 'left' });
				});
			});
			if (extra) {
				extra.forEach((draw, i) => {
					if (draw) this.ops.push(...draw({ x: xs[i] + pad, y: top + pad, w: widths[i] - 2 * pad, h: height - 2 * pad }));
				});
			}
			this.y = top + height;
			this.ops.push({ op: 'rect', x: this.box.x, y: this.y - 0.3, w: this.box.width, h: 0.6, fill: RULE });
		};
		const rowHeight = (cells: string[], weight: FontWeight) =>
			Math.max(1, ...cells.map((c, i) => cellLines(c, i, weight).length)) * lineHeight + 2 * pad;
		const header = table.columns.map((c) => c.header);
		const headerHeight = rowHeight(header, 'bold');

		if (table.caption) this.text(table.caption, { size: size * 1.05, weight: 'bold', keepWithNext: headerHeight + rowHeight(table.rows[0]?.cells ?? header, 'regular') });
		this.ensure(headerHeight + (table.rows[0] ? rowHeight(table.rows[0].cells, 'regular') : 0));
		drawRow(header, 'bold', INK);
		for (const [index, row] of table.rows.entries()) {
			const weight = row.group ? 'bold' : 'regular';
			const height = rowHeight(row.cells, weight);
			// A group heading is not left alone at the foot of a page.
			const next = row.group && table.rows[index + 1] ? rowHeight(table.rows[index + 1].cells, 'regular') : 0;
			if (this.y + height + next > this.box.bottom) {
				this.newPage();
				drawRow(header, 'bold', INK);
			}
			drawRow(row.cells, weight, row.group ? INK_SOFT : INK, row.group ? '#f1f2f4' : undefined, row.draw);
		}
	}
}

export interface FlowColumn {
	header: string;
	/** Share of the width, 0–1; the shares add up to 1. */
	width: number;
	align?: 'left' | 'right';
}

export interface FlowRow {
	cells: string[];
	/** A group heading row (a domain). */
	group?: boolean;
	/** Per column: extra drawing in the cell's box (e.g. a sparkline). */
	draw?: (((cell: { x: number; y: number; w: number; h: number }) => DrawOp[]) | null)[];
}

export interface FlowTable {
	caption?: string;
	size: number;
	columns: FlowColumn[];
	rows: FlowRow[];
}
