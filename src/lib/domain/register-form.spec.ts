import { describe, expect, it } from 'vitest';
import { programmeInputSchema, investmentInputSchema, signalInputSchema, type Investment, type Programme } from './register';
import {
	errorsByField,
	fieldKey,
	investmentBody,
	investmentDraft,
	programmeBody,
	programmeDraft,
	readFailure,
	signalBody,
	signalDraft
} from './register-form';

const noord: Programme = {
	id: 1,
	gemeentecode: 'GM0164',
	name: 'Wijkaanpak Noord',
	kind: 'wijkaanpak',
	phase: 'initieren',
	startDate: '2024-02-01',
	endDate: null,
	themes: ['sociaal', 'veilig'],
	bestuurlijkOpdrachtgever: 'Hanneke Steen',
	ambtelijkOpdrachtgever: null,
	programmeManager: null,
	budgetLines: [{ year: 2024, label: 'Twee experimenten', amount: 100000 }],
	status: 'lopend',
	notes: '',
	buurtcodes: ['BU01640202'],
	outline: null,
	touchedBuurtcodes: ['BU01640202'],
	drawn: true,
	synthetic: false,
	source: 'app',
	version: 1,
	updatedAt: '2024-05-17 10:00:00+00'
};

const complex412: Investment = {
	id: 1,
	gemeentecode: 'GM0164',
	partner: 'Welbions',
	projectName: 'De Noork complex 412',
	measure: 'isolatie',
	category: 'isolatie',
	buurtcode: 'BU01640202',
	point: { type: 'Point', coordinates: [6.8131, 52.2701] },
	outline: null,
	startDate: '2024-09-01',
	endDate: '2026-12-31',
	dwellings: 148,
	amountEur: 6200000,
	status: 'in_uitvoering',
	notes: 'DEMODATA',
	buurtcodes: ['BU01640202'],
	synthetic: true,
	source: 'partner_investeringen_demo.csv',
	version: 1,
	updatedAt: '2025-01-01'
};

describe('the programme form', () => {
	it('round-trips a programme into the body the API validates, unchanged', () => {
		const { body, errors } = programmeBody(programmeDraft(noord, 'GM0164'), 'GM0164');
		expect(errors).toEqual([]);
		const parsed = programmeInputSchema.parse(body);
		const input: Record<string, unknown> = { ...noord };
		for (const key of ['id', 'touchedBuurtcodes', 'drawn', 'synthetic', 'source', 'version', 'updatedAt']) delete input[key];
		expect(parsed).toEqual(input);
	});

	it('starts a new programme in the first phase of the gemeente, on the buurten given', () => {
		expect(programmeDraft(null, 'GM0153').phase).toBe('gebiedsanalyse');
		expect(programmeDraft(null, 'GM0164', ['BU01640202']).buurtcodes).toEqual(['BU01640202']);
		const { body } = programmeBody({ ...programmeDraft(null, 'GM0164'), name: 'Nieuw' }, 'GM0164');
		expect(body).toMatchObject({ startDate: null, endDate: null, bestuurlijkOpdrachtgever: null, outline: null });
	});

	it('reads Dutch amounts in budget lines and says in Dutch what it cannot read', () => {
		const draft = programmeDraft(null, 'GM0164');
		draft.budgetLines = [
			{ year: '2025', label: 'Werkbudget', amount: '40.000' },
			{ year: '2025', label: 'Experiment', amount: 'veel' },
			{ year: '', label: 'Zonder jaar', amount: '' }
		];
		const { body, errors } = programmeBody(draft, 'GM0164');
		expect((body.budgetLines as { amount: number }[])[0]).toEqual({ year: 2025, label: 'Werkbudget', amount: 40000 });
		expect(errors).toEqual([
			{ field: 'budgetLines.1.amount', message: 'verwacht een bedrag als 271.000 of 1.234,50' },
			{ field: 'budgetLines.2.year', message: 'vul een jaartal in' },
			{ field: 'budgetLines.2.amount', message: 'vul een bedrag in' }
		]);
	});
});

describe('the investment and signal forms', () => {
	it('send back the place as it was when the user did not change it', () => {
		const { body, errors } = investmentBody(investmentDraft(complex412));
		expect(errors).toEqual([]);
		expect(body).toMatchObject({ buurtcode: 'BU01640202', point: complex412.point, outline: null, dwellings: 148, amountEur: 6200000 });
		expect(investmentInputSchema.safeParse(body).success).toBe(true);
	});

	it('place by buurt or by a point, and a point must be chosen', () => {
		const draft = investmentDraft(null, { partner: 'Welbions', buurtcode: 'BU01640202' });
		expect(draft.place).toMatchObject({ mode: 'buurt', buurtcode: 'BU01640202', changed: true });
		expect(investmentBody(draft).body).toMatchObject({ partner: 'Welbions', buurtcode: 'BU01640202', point: null, outline: null });
		const byPoint = { ...draft, place: { ...draft.place, mode: 'punt' as const } };
		expect(investmentBody(byPoint).errors).toEqual([{ field: 'point', message: 'kies een punt op de kaart' }]);
		const chosen = { ...byPoint, place: { ...byPoint.place, point: { type: 'Point' as const, coordinates: [6.81, 52.27] as [number, number] } } };
		expect(investmentBody(chosen).body).toMatchObject({ buurtcode: null, point: { coordinates: [6.81, 52.27] } });
	});

	it('read dwellings as a whole number and amounts the Dutch way', () => {
		const draft = { ...investmentDraft(complex412), dwellings: '12,5', amount: '1.234,50' };
		const { body, errors } = investmentBody(draft);
		expect(errors).toEqual([{ field: 'dwellings', message: 'verwacht een heel getal' }]);
		expect(body.amountEur).toBe(1234.5);
		expect(investmentBody({ ...draft, dwellings: '', amount: '' }).body).toMatchObject({ dwellings: null, amountEur: null });
	});

	it('write a signal the API takes', () => {
		const draft = signalDraft(null, { buurtcode: 'BU01640202', today: '2025-06-01' });
		const { body } = signalBody({ ...draft, text: 'Veel zwerfafval bij het winkelcentrum' });
		expect(signalInputSchema.parse(body)).toMatchObject({ buurtcode: 'BU01640202', observedOn: '2025-06-01', domain: 'sociaal' });
		expect(body).not.toHaveProperty('outline');
	});
});

describe('field errors of the API', () => {
	it('find their input', () => {
		expect(fieldKey('budgetLines.0.amount')).toBe('budgetLines.0.amount');
		expect(fieldKey('outline.coordinates.0.1')).toBe('outline');
		expect(fieldKey('themes.2')).toBe('themes');
		expect(fieldKey('endDate')).toBe('endDate');
		expect(
			errorsByField([
				{ field: 'endDate', message: 'het einde ligt voor het begin' },
				{ field: 'name', message: 'is verplicht' },
				{ field: 'name', message: 'hoogstens 200 tekens' }
			])
		).toEqual({ endDate: ['het einde ligt voor het begin'], name: ['is verplicht', 'hoogstens 200 tekens'] });
	});

	it('are read from a 400, and other refusals give their message', () => {
		expect(readFailure(400, { error: 'Controleer de invoer: name is verplicht', errors: [{ field: 'name', message: 'is verplicht' }] })).toEqual({
			errors: [{ field: 'name', message: 'is verplicht' }],
			message: 'Controleer de velden hieronder.'
		});
		expect(readFailure(403, { error: 'U kunt alleen investeringen van Welbions wijzigen' })).toEqual({
			errors: [],
			message: 'U kunt alleen investeringen van Welbions wijzigen'
		});
		expect(readFailure(502, null).message).toBe('Opslaan lukte niet (502).');
	});
});

describe('field labels and ids', () => {
	it('name a field as the form does', async () => {
		const { fieldLabel, fieldId } = await import('./register-form');
		expect(fieldLabel('endDate')).toBe('Einde');
		expect(fieldLabel('budgetLines.1.amount')).toBe('Begroting, regel 2, bedrag');
		expect(fieldLabel('budgetLines.0')).toBe('Begroting, regel 1');
		expect(fieldLabel('iets')).toBe('iets');
		expect(fieldId('budgetLines.1.amount')).toBe('veld-budgetLines-1-amount');
	});
});
