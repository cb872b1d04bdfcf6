import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS, MAX_QUERY_LENGTH, queryProblem } from './query-bounds';

const problem = (search: string) => queryProblem(new URL(`http://x/${search}`));

describe('queryProblem', () => {
	it('lets the URLs the app writes through', () => {
		expect(problem('?gemeente=GM0164&laag=buurt&thema=urgentie&gewichten=sociaal:2,veiligheid:1,wonen:1,fysiek:1,gezondheid:1&lagen=programmas,focusgebieden,investeringen,signalen&tijd=2026-K3&gebied=BU01640202')).toBeNull();
		expect(problem('?grenzen=10,20,30,40,50,60,70,80,90&van=2026-01-01&tot=2029-12-31')).toBeNull();
		expect(problem('')).toBeNull();
	});

	it('names the list parameter with too many items', () => {
		expect(problem(`?lagen=${Array(11).fill('programmas').join(',')}`)).toBe('Parameter lagen heeft te veel onderdelen (11; hoogstens 10)');
		expect(problem(`?grenzen=${Array.from({ length: 21 }, (_, i) => i).join(',')}`)).toMatch(/^Parameter grenzen heeft te veel onderdelen \(21/);
		expect(problem(`?weights=${Array(21).fill('sociaal:1').join(',')}`)).toMatch(/^Parameter weights /);
	});

	it('bounds the dates and quarters of a period, and any value', () => {
		expect(problem(`?tijd=${'2026-K1'.repeat(3)}`)).toBe('Parameter tijd is te lang (21 tekens; hoogstens 16)');
		expect(problem(`?van=${'9'.repeat(30)}`)).toMatch(/^Parameter van is te lang/);
		expect(problem(`?q=${'a'.repeat(1001)}`)).toBe('Parameter q is te lang (1001 tekens; hoogstens 1000)');
	});

	it('bounds the whole query string and the number of parameters', () => {
		expect(problem(`?a=${'b'.repeat(MAX_QUERY_LENGTH)}`)).toMatch(/^De zoekparameters zijn te lang/);
		expect(problem(`?${Array.from({ length: MAX_PARAMETERS + 1 }, (_, i) => `p${i}=1`).join('&')}`)).toBe(`Te veel zoekparameters (hoogstens ${MAX_PARAMETERS})`);
		// Inherited names are not limits.
		expect(problem('?__proto__=1&constructor=2')).toBeNull();
	});
});
