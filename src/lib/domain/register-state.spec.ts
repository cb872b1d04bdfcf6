import { describe, expect, it } from 'vitest';
import {
	DEFAULT_OVERLAYS,
	DEFAULT_REGISTER_STATE,
	overlaySummary,
	readRegisterState,
	withOverlay,
	writeRegisterState,
	type RegisterState
} from './register-state';

const read = (search: string) => readRegisterState(new URLSearchParams(search));
const write = (state: RegisterState, search = '') => writeRegisterState(state, new URLSearchParams(search)).toString();

describe('register state in the URL', () => {
	it('opens with programmes, focus areas and investments, all periods, sized by amount — and writes nothing for that', () => {
		expect(read('')).toEqual({ lagen: ['programmas', 'focusgebieden', 'investeringen'], tijd: null, grootte: 'bedrag' });
		expect(write(DEFAULT_REGISTER_STATE)).toBe('');
	});

	it('round-trips every overlay, a quarter and sizing by dwellings', () => {
		const state: RegisterState = {
			lagen: ['programmas', 'focusgebieden', 'investeringen', 'signalen'],
			tijd: { year: 2025, q: 3 },
			grootte: 'woningen'
		};
		const text = write(state);
		expect(decodeURIComponent(text)).toBe('lagen=programmas,focusgebieden,investeringen,signalen&tijd=2025-K3&grootte=woningen');
		expect(read(text)).toEqual(state);
	});

	it('writes the overlays in one order whatever order they were switched on in', () => {
		expect(decodeURIComponent(write({ ...DEFAULT_REGISTER_STATE, lagen: ['signalen', 'programmas'] }))).toBe('lagen=programmas,signalen');
		expect(read('lagen=signalen,programmas,signalen').lagen).toEqual(['programmas', 'signalen']);
	});

	it('says "geen" when every overlay is off, and reads an empty value the same way', () => {
		expect(write({ ...DEFAULT_REGISTER_STATE, lagen: [] })).toBe('lagen=geen');
		expect(read('lagen=geen').lagen).toEqual([]);
		expect(read('lagen=').lagen).toEqual([]);
	});

	it('drops what it cannot use instead of failing', () => {
		expect(read('lagen=kaboutertjes').lagen).toEqual([...DEFAULT_OVERLAYS]);
		expect(read('lagen=programmas,onbekend').lagen).toEqual(['programmas']);
		expect(read('tijd=2025-K5').tijd).toBeNull();
		expect(read('tijd=2019-K4').tijd).toBeNull();
		expect(read('tijd=2033-K1').tijd).toBeNull();
		expect(read('tijd=K3 2025').tijd).toBeNull();
		expect(read('grootte=oppervlakte').grootte).toBe('bedrag');
	});

	it('accepts the first and last quarter of the time control', () => {
		expect(read('tijd=2020-K1').tijd).toEqual({ year: 2020, q: 1 });
		expect(read('tijd=2032-K4').tijd).toEqual({ year: 2032, q: 4 });
	});

	it('replaces what the parameters said before and keeps the other parameters', () => {
		const text = write({ ...DEFAULT_REGISTER_STATE, tijd: { year: 2026, q: 1 } }, 'gemeente=GM0164&tijd=2020-K1&grootte=woningen&lagen=geen');
		expect(text).toBe('gemeente=GM0164&tijd=2026-K1');
	});

	it('switches one overlay on or off', () => {
		const off = withOverlay(DEFAULT_REGISTER_STATE, 'investeringen', false);
		expect(off.lagen).toEqual(['programmas', 'focusgebieden']);
		expect(withOverlay(off, 'signalen', true).lagen).toEqual(['programmas', 'focusgebieden', 'signalen']);
		expect(withOverlay(DEFAULT_REGISTER_STATE, 'programmas', true).lagen).toEqual(DEFAULT_REGISTER_STATE.lagen);
	});
});

describe('what the overlays show, in words', () => {
	it('counts with the right noun', () => {
		const counts = { programmas: 1, focusgebieden: 2, investeringen: 9, signalen: 1 };
		expect(overlaySummary(['programmas', 'focusgebieden', 'investeringen', 'signalen'], counts)).toBe(
			'1 programma, 2 focusgebieden, 9 investeringen, 1 signaal'
		);
		expect(overlaySummary([], counts)).toBe('geen kaartlagen aan');
	});
});
