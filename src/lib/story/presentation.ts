// What the keys of a presentation do, as plain state: which slide is shown and whether the screen is blanked.
// Presentation clickers send PageDown/PageUp (some → / ←, "b" or "." for a black screen, F5 to start).

export type PresentationAction =
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'first' }
	| { type: 'last' }
	| { type: 'goto'; index: number }
	| { type: 'blank' }
	| { type: 'exit' }
	| { type: 'fullscreen' };

export interface PresentationState {
	/** 0-based index of the slide shown. */
	index: number;
	count: number;
	/** The screen is black (B); the slide waits underneath. */
	blanked: boolean;
}

/** The action of a key (KeyboardEvent.key), or null for keys the presentation leaves alone. */
export function keyAction(key: string): PresentationAction | null {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowDown':
		case 'PageDown':
		case ' ':
		case 'Enter':
		case 'n':
		case 'N':
			return { type: 'next' };
		case 'ArrowLeft':
		case 'ArrowUp':
		case 'PageUp':
		case 'Backspace':
		case 'p':
		case 'P':
			return { type: 'previous' };
		case 'Home':
			return { type: 'first' };
		case 'End':
			return { type: 'last' };
		case 'b':
		case 'B':
		case '.':
			return { type: 'blank' };
		case 'Escape':
			return { type: 'exit' };
		case 'f':
		case 'F':
		case 'F5':
			return { type: 'fullscreen' };
		default:
			return null;
	}
}

export function initialState(count: number, start = 0): PresentationState {
	return { index: clamp(start, count), count, blanked: false };
}

function clamp(index: number, count: number): number {
	return Math.max(0, Math.min(count - 1, Number.isFinite(index) ? Math.trunc(index) : 0));
}

/**
 * The state after an action. While the screen is black, B or any navigation key brings the same slide back
 * first (as presentation software does): the room sees where the speaker left off before anything moves.
 */
export function reduce(state: PresentationState, action: PresentationAction): PresentationState {
	if (state.count === 0) return state;
	if (action.type === 'blank') return { ...state, blanked: !state.blanked };
	if (action.type === 'exit' || action.type === 'fullscreen') return state;
	if (state.blanked) return { ...state, blanked: false };
	switch (action.type) {
		case 'next':
			return { ...state, index: clamp(state.index + 1, state.count) };
		case 'previous':
			return { ...state, index: clamp(state.index - 1, state.count) };
		case 'first':
			return { ...state, index: 0 };
		case 'last':
			return { ...state, index: state.count - 1 };
		case 'goto':
			return { ...state, index: clamp(action.index, state.count) };
	}
}

/** "3 / 7" */
export function counterText(state: PresentationState): string {
	return state.count === 0 ? '0 / 0' : `${state.index + 1} / ${state.count}`;
}

/** What a screen reader hears when a slide has been drawn. */
export function slideAnnouncement(state: PresentationState, title: string): string {
	return `Dia ${state.index + 1} van ${state.count}: ${title}`;
}

/** The slide a URL asks for: `?dia=3` or `#3` (1-based), else the first. */
export function startIndex(value: string | null | undefined, count: number): number {
	const n = Number(String(value ?? '').replace(/^#/, ''));
	return Number.isInteger(n) && n >= 1 ? clamp(n - 1, count) : 0;
}
