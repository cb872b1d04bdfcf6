import { describe, expect, it } from 'vitest';
import { MapPanels, PANELS_STORAGE_KEY, defaultPanels, readStoredPanels } from './map-panels.svelte';

function memoryStorage(initial: Record<string, string> = {}) {
	const items = new Map(Object.entries(initial));
	return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('defaultPanels', () => {
	it('opens only the map on a phone', () => {
		expect(defaultPanels(390, true)).toEqual({ controls: false, card: false, legend: false });
	});
	it('opens the area card for a link to an area on a laptop, the controls otherwise', () => {
		expect(defaultPanels(1366, true)).toEqual({ controls: false, card: true, legend: true });
		expect(defaultPanels(1366, false)).toEqual({ controls: true, card: false, legend: true });
	});
	it('opens both side panels on a wide screen', () => {
		expect(defaultPanels(1920, true)).toEqual({ controls: true, card: true, legend: true });
	});
});

describe('readStoredPanels', () => {
	it('reads a stored choice and refuses anything else', () => {
		expect(readStoredPanels('{"controls":false,"card":true,"legend":false}')).toEqual({ controls: false, card: true, legend: false });
		expect(readStoredPanels('{"controls":"ja","card":true,"legend":false}')).toBeNull();
		expect(readStoredPanels('not json')).toBeNull();
		expect(readStoredPanels('null')).toBeNull();
		expect(readStoredPanels(null)).toBeNull();
	});
});

describe('MapPanels', () => {
	it('keeps a choice made on a laptop for the next visit', () => {
		const storage = memoryStorage();
		const panels = new MapPanels();
		panels.restore(storage, 1366, true);
		panels.toggle('controls', storage);
		expect(panels.snapshot()).toEqual({ controls: true, card: true, legend: true });
		const next = new MapPanels();
		next.restore(storage, 1366, false);
		expect(next.snapshot()).toEqual({ controls: true, card: true, legend: true });
	});

	it('ignores a broken stored value and falls back to the first-visit choice', () => {
		const panels = new MapPanels();
		panels.restore(memoryStorage({ [PANELS_STORAGE_KEY]: '{' }), 1366, false);
		expect(panels.snapshot()).toEqual({ controls: true, card: false, legend: true });
	});

	it('shows one sheet at a time on a phone and always opens there on the map', () => {
		const storage = memoryStorage({ [PANELS_STORAGE_KEY]: '{"controls":true,"card":true,"legend":true}' });
		const panels = new MapPanels();
		panels.restore(storage, 390, true);
		expect(panels.snapshot()).toEqual({ controls: false, card: false, legend: false });
		panels.toggle('controls', storage);
		panels.toggle('card', storage);
		expect(panels.snapshot()).toEqual({ controls: false, card: true, legend: false });
		// A phone does not overwrite the laptop's choice.
		expect(storage.items.get(PANELS_STORAGE_KEY)).toBe('{"controls":true,"card":true,"legend":true}');
	});
});
