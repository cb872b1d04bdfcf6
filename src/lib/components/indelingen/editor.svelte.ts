// The state of drawing one indeling: the stadsdelen's names, which stadsdeel each buurt is in, the stadsdeel that
// clicks and the lasso put buurten into, and saving through the API. The rules are pure (domain/indeling-edit.ts).
import { assignmentOf, colourOf, stadsdelenOf, withoutStadsdeel, UNASSIGNED_COLOUR } from '$lib/domain/indeling-edit';
import type { Indeling, IndelingProblem } from '$lib/domain/indelingen';

export class IndelingEditor {
	name = $state('');
	names = $state<string[]>([]);
	assignment = $state<Record<string, number>>({});
	active = $state(0);
	lasso = $state(false);
	busy = $state(false);
	problems = $state<IndelingProblem[]>([]);
	warnings = $state<string[]>([]);
	message = $state<string | null>(null);
	dirty = $state(false);

	constructor(
		readonly indeling: Indeling,
		readonly buurten: { code: string; wijkcode: string }[]
	) {
		this.name = indeling.name;
		this.names = indeling.stadsdelen.map((s) => s.name);
		this.assignment = assignmentOf(indeling.stadsdelen);
	}

	get fill(): Record<string, string> {
		return Object.fromEntries(this.buurten.map((b) => [b.code, this.assignment[b.code] === undefined ? UNASSIGNED_COLOUR : colourOf(this.assignment[b.code])]));
	}

	get unassigned(): string[] {
		return this.buurten.filter((b) => this.assignment[b.code] === undefined).map((b) => b.code);
	}

	count(index: number): number {
		return Object.values(this.assignment).filter((i) => i === index).length;
	}

	assign(codes: string[], index = this.active) {
		if (index < 0 || index >= this.names.length) return;
		const next = { ...this.assignment };
		for (const code of codes) next[code] = index;
		this.assignment = next;
		this.dirty = true;
	}

	/** The stadsdeel all buurten of a wijk are in, or null when they are split or (partly) unassigned. */
	wijkStadsdeel(wijkcode: string): number | null {
		const indices = this.buurten.filter((b) => b.wijkcode === wijkcode).map((b) => this.assignment[b.code]);
		return indices.length > 0 && indices.every((i) => i === indices[0]) ? (indices[0] ?? null) : null;
	}

	assignWijk(wijkcode: string, index: number) {
		this.assign(this.buurten.filter((b) => b.wijkcode === wijkcode).map((b) => b.code), index);
	}

	addStadsdeel() {
		let n = this.names.length + 1;
		while (this.names.includes(`Stadsdeel ${n}`)) n++;
		this.names = [...this.names, `Stadsdeel ${n}`];
		this.active = this.names.length - 1;
		this.dirty = true;
	}

	removeStadsdeel(index: number) {
		this.assignment = withoutStadsdeel(this.assignment, index);
		this.names = this.names.filter((_, i) => i !== index);
		this.active = Math.min(this.active, this.names.length - 1);
		this.dirty = true;
	}

	rename(index: number, name: string) {
		this.names = this.names.map((n, i) => (i === index ? name : n));
		this.dirty = true;
	}

	/** Saves a concept (PUT); the server refuses an indeling with a buurt missing or doubled, naming them. */
	async save(): Promise<boolean> {
		this.busy = true;
		this.message = null;
		try {
			const response = await fetch(`/api/indelingen/${this.indeling.id}`, {
				method: 'PUT',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ name: this.name, stadsdelen: stadsdelenOf(this.names, this.assignment) })
			});
			const body = await response.json();
			if (!response.ok) {
				this.problems = body.errors ?? [{ field: 'indeling', message: body.error }];
				this.message = body.error;
				return false;
			}
			this.problems = [];
			this.warnings = body.warnings ?? [];
			this.dirty = false;
			this.message = 'Opgeslagen.';
			return true;
		} finally {
			this.busy = false;
		}
	}
}
