import { describe, expect, it } from 'vitest';
import { checkIndeling, indelingFigures, indelingInputSchema, movedBuurten, pieceWarnings, type BuurtFacts } from './indelingen';

const buurten = [
	{ code: 'BU09990101', name: 'Eerste', gemeentecode: 'GM0999' },
	{ code: 'BU09990102', name: 'Tweede', gemeentecode: 'GM0999' },
	{ code: 'BU09990201', name: 'Derde', gemeentecode: 'GM0999' },
	{ code: 'BU09980101', name: 'Buur', gemeentecode: 'GM0998' }
];

describe('checkIndeling', () => {
	it('accepts every buurt in exactly one stadsdeel', () => {
		expect(checkIndeling('GM0999', [{ name: 'Noord', buurtcodes: ['BU09990101', 'BU09990102'] }, { name: 'Zuid', buurtcodes: ['BU09990201'] }], buurten)).toEqual([]);
	});

	it('names the buurten that are missing, doubled, of another gemeente or unknown', () => {
		const problems = checkIndeling(
			'GM0999',
			[
				{ name: 'Noord', buurtcodes: ['BU09990101', 'BU09980101', 'BU09990000'] },
				{ name: 'Zuid', buurtcodes: ['BU09990101'] }
			],
			buurten
		);
		expect(problems.map((p) => p.message)).toEqual([
			'onbekende buurten: BU09990000',
			'buurten van een andere gemeente (GM0998): Buur (BU09980101)',
			'buurten in meer dan één stadsdeel: Eerste (BU09990101) in Noord en Zuid',
			'buurten zonder stadsdeel: Tweede (BU09990102), Derde (BU09990201)'
		]);
		expect(problems.at(-1)?.buurtcodes).toEqual(['BU09990102', 'BU09990201']);
	});

	it('refuses names without letters, names that make the same code, and empty stadsdelen', () => {
		const problems = checkIndeling('GM0999', [{ name: 'Noord', buurtcodes: ['BU09990101', 'BU09990102', 'BU09990201'] }, { name: 'NOORD', buurtcodes: [] }, { name: '!!', buurtcodes: [] }], buurten);
		expect(problems.map((p) => [p.field, p.message])).toEqual([
			['stadsdelen.1.name', '"NOORD" heet (bijna) hetzelfde als "Noord"'],
			['stadsdelen.1.buurtcodes', 'stadsdeel "NOORD" heeft geen buurten'],
			['stadsdelen.2.name', '"!!" heeft geen letters of cijfers'],
			['stadsdelen.2.buurtcodes', 'stadsdeel "!!" heeft geen buurten']
		]);
	});

	it('says so for a gemeente without buurten', () => {
		expect(checkIndeling('GM0123', [{ name: 'X', buurtcodes: [] }], buurten)).toEqual([{ field: 'gemeentecode', message: 'gemeente GM0123 heeft geen buurten in Wijkbeeld' }]);
	});

	it('bounds the input: malformed codes and too many stadsdelen are refused by the schema', () => {
		expect(indelingInputSchema.safeParse({ gemeentecode: 'GM0999', name: 'x', stadsdelen: [{ name: 'a', buurtcodes: ['WK099901'] }] }).success).toBe(false);
		const many = Array.from({ length: 41 }, (_, i) => ({ name: `S${i}`, buurtcodes: [] }));
		expect(indelingInputSchema.safeParse({ gemeentecode: 'GM0999', name: 'x', stadsdelen: many }).success).toBe(false);
		expect(indelingInputSchema.safeParse({ gemeentecode: 'GM0999', name: '  ', stadsdelen: [{ name: 'a', buurtcodes: [] }] }).success).toBe(false);
	});
});

const fact = (code: string, wijkcode: string, inwoners: number | null, urgency: number | null, extra: Partial<BuurtFacts> = {}): BuurtFacts => ({
	code,
	name: code,
	wijkcode,
	areaHa: 10,
	inwoners,
	urgency,
	stapeling: null,
	programmeIds: [],
	runningProgrammeIds: [],
	investments: [],
	signals: 0,
	...extra
});

describe('indelingFigures', () => {
	const facts = [
		fact('B1', 'W1', 1000, 1.0, { stapeling: 3, programmeIds: [7], runningProgrammeIds: [7], investments: [{ id: 1, amountEur: 100 }] }),
		fact('B2', 'W1', 3000, 0.2, { programmeIds: [7], investments: [{ id: 1, amountEur: 100 }, { id: 2, amountEur: null }] }),
		fact('B3', 'W2', 2000, null, { signals: 2 })
	];

	it('sums per stadsdeel, counting a programme or investment in two of its buurten once, and splits a wijk budget by inhabitants', () => {
		const { stadsdelen, evenness } = indelingFigures(
			[
				{ code: 'SD1', name: 'Een', buurtcodes: ['B1', 'B3'] },
				{ code: 'SD2', name: 'Twee', buurtcodes: ['B2'] }
			],
			facts,
			[
				{ gebiedscode: 'W1', toegekendEur: 4000, besteedEur: 2000 },
				{ gebiedscode: 'W2', toegekendEur: 1000, besteedEur: null }
			],
			new Map([['SD1', 2]])
		);
		const [een, twee] = stadsdelen;
		expect(een).toMatchObject({ inwoners: 3000, buurten: 2, wijken: 2, gedeeldeWijken: 1, areaHa: 20, meanUrgency: 1, urgentBuurten: 1, stapelingBuurten: 1, programmes: 1, runningProgrammes: 1, investments: 1, investmentEur: 100, signals: 2, pieces: 2 });
		// W1: a quarter of its inhabitants live in B1 → € 1.000 of its € 4.000, plus all of W2's € 1.000.
		expect(een.budgetToegekendEur).toBe(2000);
		expect(een.budgetBesteedEur).toBe(500);
		expect(een.budgetPerInwoner).toBeCloseTo(0.67, 2);
		expect(twee).toMatchObject({ inwoners: 3000, investments: 2, investmentEur: 100, budgetToegekendEur: 3000, budgetBesteedEur: 1500, meanUrgency: 0.2, urgentBuurten: 0 });
		expect(evenness.inwonersSpreiding).toBe(0);
		expect(evenness.urgencySpread).toBeCloseTo(0.8);
		expect(pieceWarnings(stadsdelen)).toEqual(['Stadsdeel Een ligt in 2 losse delen']);
	});

	it("counts CBS's real inhabitants per wijk for a stadsdeel of whole wijken, the buurten's figures where it splits a wijk", () => {
		const buurten = [fact('B1', 'W1', 1000, null), fact('B2', 'W1', 3000, null), fact('B3', 'W2', 2000, null), fact('B4', 'W3', 500, null)];
		const kwb = new Map([
			['W1', 4100],
			['W2', 1950]
		]);
		const whole = indelingFigures([{ code: 'SD1', name: 'Een', buurtcodes: ['B1', 'B2', 'B3'] }, { code: 'SD2', name: 'Twee', buurtcodes: ['B4'] }], buurten, [], new Map(), kwb);
		// Een: wijken W1 and W2 whole, both with a CBS figure. Twee: W3 is whole but has none → the buurten's figure.
		expect(whole.stadsdelen.map((s) => [s.inwoners, s.inwonersUit])).toEqual([
			[6050, 'wijken'],
			[500, 'buurten']
		]);
		const split = indelingFigures([{ code: 'SD1', name: 'Een', buurtcodes: ['B1', 'B3'] }, { code: 'SD2', name: 'Twee', buurtcodes: ['B2', 'B4'] }], buurten, [], new Map(), kwb);
		expect(split.stadsdelen.map((s) => [s.inwoners, s.inwonersUit])).toEqual([
			[3000, 'buurten'],
			[3500, 'buurten']
		]);
	});

	it('splits a wijk budget by number of buurten when inhabitants are unknown, and leaves signals out for a viewer', () => {
		const unknown = [fact('B1', 'W1', null, null, { signals: null }), fact('B2', 'W1', null, null, { signals: null })];
		const { stadsdelen } = indelingFigures([{ code: 'SD1', name: 'Een', buurtcodes: ['B1'] }, { code: 'SD2', name: 'Twee', buurtcodes: ['B2'] }], unknown, [{ gebiedscode: 'W1', toegekendEur: 100, besteedEur: null }]);
		expect(stadsdelen.map((s) => [s.budgetToegekendEur, s.budgetPerInwoner, s.inwonersOnbekend, s.signals])).toEqual([
			[50, null, 1, null],
			[50, null, 1, null]
		]);
	});
});

describe('movedBuurten', () => {
	it('lists the buurten whose stadsdeel (by name) differs', () => {
		const a = [{ code: 'x', name: 'Centrum', buurtcodes: ['B1', 'B2'] }, { code: 'y', name: 'Oost', buurtcodes: ['B3'] }];
		const b = [{ code: 'y', name: 'Oost', buurtcodes: ['B2', 'B3'] }, { code: 'x', name: 'Centrum', buurtcodes: ['B1'] }];
		expect(movedBuurten(a, b)).toEqual([{ buurtcode: 'B2', from: 'Centrum', to: 'Oost' }]);
		expect(movedBuurten(a, a)).toEqual([]);
	});
});
