import { describe, expect, it } from 'vitest';
import { counterText, initialState, keyAction, reduce, slideAnnouncement, startIndex, type PresentationAction } from './presentation';

const press = (state: ReturnType<typeof initialState>, ...keys: string[]) =>
	keys.reduce((s, key) => {
		const action = keyAction(key);
		return action ? reduce(s, action) : s;
	}, state);

describe('presentation keys', () => {
	it('maps the keys of a keyboard and of presentation clickers', () => {
		for (const key of ['ArrowRight', 'PageDown', ' ', 'ArrowDown']) expect(keyAction(key)).toEqual({ type: 'next' });
		for (const key of ['ArrowLeft', 'PageUp', 'ArrowUp']) expect(keyAction(key)).toEqual({ type: 'previous' });
		expect(keyAction('Home')).toEqual({ type: 'first' });
		expect(keyAction('End')).toEqual({ type: 'last' });
		for (const key of ['b', 'B', '.']) expect(keyAction(key)).toEqual({ type: 'blank' });
		expect(keyAction('Escape')).toEqual({ type: 'exit' });
		for (const key of ['f', 'F5']) expect(keyAction(key)).toEqual({ type: 'fullscreen' });
		expect(keyAction('Tab')).toBeNull();
		expect(keyAction('x')).toBeNull();
	});

	it('steps through the slides and stops at either end', () => {
		const start = initialState(7);
		expect(press(start, 'ArrowRight', 'PageDown').index).toBe(2);
		expect(press(start, 'ArrowLeft').index).toBe(0);
		expect(press(start, 'End').index).toBe(6);
		expect(press(start, 'End', 'ArrowRight').index).toBe(6);
		expect(press(start, 'End', 'PageUp', 'Home').index).toBe(0);
		expect(reduce(start, { type: 'goto', index: 4 }).index).toBe(4);
		expect(reduce(start, { type: 'goto', index: 40 }).index).toBe(6);
	});

	it('blanks with B; B again or any navigation key brings the same slide back before anything moves', () => {
		const on3 = press(initialState(7), 'ArrowRight', 'ArrowRight');
		const black = press(on3, 'b');
		expect(black).toEqual({ index: 2, count: 7, blanked: true });
		expect(press(black, 'B')).toEqual({ index: 2, count: 7, blanked: false });
		for (const key of ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Home', 'End']) {
			expect(press(black, key), key).toEqual({ index: 2, count: 7, blanked: false });
		}
		expect(press(black, 'ArrowRight', 'ArrowRight').index).toBe(3);
	});

	it('leaves the slide alone for exit and full screen (the player handles those)', () => {
		const state = initialState(3, 1);
		for (const action of [{ type: 'exit' }, { type: 'fullscreen' }] as PresentationAction[]) expect(reduce(state, action)).toBe(state);
	});

	it('says where the room is: counter, announcement, start from the URL', () => {
		const state = initialState(7, 2);
		expect(counterText(state)).toBe('3 / 7');
		expect(slideAnnouncement(state, 'Wijk Noord')).toBe('Dia 3 van 7: Wijk Noord');
		expect(counterText(initialState(0))).toBe('0 / 0');
		expect(startIndex('3', 7)).toBe(2);
		expect(startIndex('#5', 7)).toBe(4);
		expect(startIndex('99', 7)).toBe(6);
		expect(startIndex('0', 7)).toBe(0);
		expect(startIndex(null, 7)).toBe(0);
		expect(startIndex('drie', 7)).toBe(0);
	});
});
