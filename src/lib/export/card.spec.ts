import { beforeAll, describe, expect, it } from 'vitest';
import type { AreaProfile } from '../server/monitor';
import type { Investment, Programme } from '../domain/register';
import { formatEuro, formatPeriod, layoutCardPages, type CardContent } from './card';
import { createPdf } from './pdf';
import { fontFiles, LINK, pdfText, sampleMeta } from './test-support';
import type { Measure } from './text';

let measure: Measure;
beforeAll(async () => {
	measure = (await createPdf(fontFiles())).measure;
}, 60_000);

const profile: AreaProfile = {
	code: 'BU01640202',
	name: 'De Noork',
	level: 'buurt',
	gemeente: { code: 'GM0164', name: 'Hengelo' },
	year: 2024,
	years: [2020, 2021, 2022, 2023, 2024],
	synthetic: true,
	label: 'Demodata — geen echte cijfers',
	source: 'DEMODATA (synthetisch, geen echte cijfers)',
	provenance: { source: 'demodata (synthetisch)', synthetic: true, mixed: false, label: 'Demodata — geen echte cijfers' },
	suppressed: false,
	indicators: [
		{ code: 'inwoners', name: 'Inwoners', unit: 'aantal', domain: 'context', direction: 'context', value: 1460, gemeente: 82646, suppressed: false, series: [2020, 2021, 2022, 2023, 2024].map((year, i) => ({ year, value: 1400 + i * 15 })), source: 'demodata 2024', valueYear: 2024, synthetic: true, topic: null, topicName: null, scored: true, ageGroup: null, ageGroupName: null },
		{ code: 'p_laag_inkomen', name: 'Huishoudens met laag inkomen', unit: '%', domain: 'sociaal', direction: 'hoger_is_urgenter', value: 24.7, gemeente: 13.8, suppressed: false, series: [{ year: 2020, value: 22 }, { year: 2022, value: null }, { year: 2024, value: 24.7 }], source: 'demodata 2024', valueYear: 2024, synthetic: true, topic: null, topicName: null, scored: true, ageGroup: null, ageGroupName: null },
		{ code: 'p_eenzaam', name: 'Volwassenen ernstig eenzaam', unit: '%', domain: 'gezondheid', direction: 'hoger_is_urgenter', value: 21.6, gemeente: 13.6, suppressed: false, series: [], source: 'demodata 2024', valueYear: 2024, synthetic: true, topic: null, topicName: null, scored: true, ageGroup: null, ageGroupName: null }
	],
	urgency: {
		code: 'BU01640202',
		name: 'De Noork',
		score: 2.67,
		rank: 1,
		of: 50,
		domains: { sociaal: 2.52, gezondheid: 2.65, veiligheid: 2.58, wonen: 2.94, duurzaamheid: -0.4 },
		stapeling: 4,
		drivers: [{ indicator: 'p_laag_inkomen', name: 'Huishoudens met laag inkomen', domain: 'sociaal', unit: '%', value: 24.7, gemeente: 13.8, z: 3.07, contribution: 0.6, explanation: 'Huishoudens met laag inkomen: 24,7 % (gemeente 13,8 %)', source: 'demodata 2024', year: 2024, synthetic: true }],
		topNShare: 1,
		coverage: { scored: 14, total: 14 },
		weights: { sociaal: 1, gezondheid: 1, veiligheid: 1, wonen: 1, duurzaamheid: 1 }
	}
};

const programme: Programme = {
	id: 1,
	gemeentecode: 'GM0164',
	name: 'Wijkaanpak Noord',
	kind: 'wijkaanpak',
	phase: 'initieren',
	startDate: '2024-02-01',
	endDate: null,
	themes: ['sociaal', 'veilig', 'toekomstbestendig'],
	bestuurlijkOpdrachtgever: 'Hanneke Steen',
	ambtelijkOpdrachtgever: null,
	programmeManager: 'Fleur Mensink',
	budgetLines: [{ year: 2024, label: 'Wijkgericht werken', amount: 271000 }],
	status: 'lopend',
	notes: '',
	buurtcodes: ['BU01640202'],
	outline: null,
	touchedBuurtcodes: ['BU01640202'],
	drawn: true,
	synthetic: false,
	source: 'app',
	version: 1,
	updatedAt: '2025-01-01'
};

function investment(n: number): Investment {
	return {
		id: n,
		gemeentecode: 'GM0164',
		partner: 'Welbions',
		projectName: `De Noork complex ${400 + n} - levensduurverlenging`,
		measure: 'isolatie en levensduurverlengende ingrepen',
		buurtcode: 'BU01640202',
		point: null,
		outline: null,
		startDate: '2024-09-01',
		endDate: '2026-12-31',
		dwellings: 148,
		amountEur: 6_200_000,
		status: 'in_uitvoering',
		notes: '',
		category: 'isolatie',
		buurtcodes: ['BU01640202'],
		synthetic: true,
		source: 'demo',
		version: 1,
		updatedAt: '2025-01-01'
	};
}

const content = (investments: Investment[]): CardContent => ({
	profile,
	programmes: [programme],
	investments,
	meta: sampleMeta({ title: 'Gebiedskaart De Noork, Hengelo' })
});

const textsOf = (ops: { op: string; text?: string }[]) => ops.flatMap((o) => (o.op === 'text' ? [o.text!] : []));

describe('the area card pages', { timeout: 60_000 }, () => {
	it('has urgency with programmes and investments on one page, the indicators on the next, numbered after the map page', () => {
		const pages = layoutCardPages(content([investment(1), investment(2)]), measure);
		expect(pages).toHaveLength(2);
		const [first, second] = pages.map((p) => textsOf(p.ops).join(' '));
		expect(first).toContain('Rang 1 van 50 buurten in Hengelo · urgentiescore 2,67');
		expect(first).toContain('Stapeling: 4 van 5 domeinen');
		expect(first).toContain('Wijkaanpak Noord');
		expect(first).toContain('Contact: bestuurlijk opdrachtgever Hanneke Steen; programmamanager Fleur Mensink');
		expect(first).toContain('2 investeringen, samen € 12.400.000 en 296 woningen');
		expect(first).toContain('pagina 2 van 3');
		expect(second).toContain('Indicatoren 2024');
		expect(second).toContain('Huishoudens met laag inkomen');
		expect(second).toContain('24,7 %');
		expect(second).toContain('13,8 %');
		expect(second).toContain('pagina 3 van 3');
		for (const page of pages) {
			const texts = textsOf(page.ops);
			expect(texts).toContain('Demodata — geen echte cijfers');
			expect(texts.join('')).toContain(LINK);
		}
	});

	it('goes on to a new page with the table header repeated when there are many investments', () => {
		const pages = layoutCardPages(content(Array.from({ length: 30 }, (_, i) => investment(i))), measure);
		expect(pages.length).toBeGreaterThan(2);
		const headers = pages.map((p) => textsOf(p.ops).filter((t) => t === 'Maatregel').length);
		expect(headers.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
		expect(textsOf(pages.at(-1)!.ops).join(' ')).toContain(`pagina ${pages.length + 1} van ${pages.length + 1}`);
		for (const page of pages) {
			for (const op of page.ops) {
				if (op.op === 'text') expect(op.y).toBeLessThanOrEqual(page.height);
			}
		}
	});

	it('says when nothing runs in the area rather than leaving a gap', () => {
		const pages = layoutCardPages({ ...content([]), programmes: [] }, measure);
		const text = textsOf(pages[0].ops).join(' ');
		expect(text).toContain("Geen programma's bekend die deze buurt raken.");
		expect(text).toContain('Geen investeringen bekend die deze buurt raken.');
	});

	it('writes periods and amounts in Dutch', () => {
		expect(formatPeriod('2024-02-01', '2026-12-31')).toBe('1 feb 2024 – 31 dec 2026');
		expect(formatPeriod('2024-02-01', null)).toBe('vanaf 1 feb 2024');
		expect(formatPeriod(null, null)).toBe('periode onbekend');
		expect(formatEuro(6_200_000)).toBe('€ 6.200.000');
		expect(formatEuro(null)).toBe('–');
	});

	it('ends up as selectable text in the PDF', async () => {
		const pdf = await createPdf(fontFiles());
		for (const page of layoutCardPages(content([investment(1)]), pdf.measure)) await pdf.addPage(page);
		const text = await pdfText(await pdf.save({ title: 'Gebiedskaart De Noork, Hengelo' }));
		expect(text).toHaveLength(2);
		expect(text[0]).toContain('Gebiedskaart De Noork, Hengelo');
		expect(text[0]).toContain('Wijkaanpak Noord');
		expect(text[1]).toContain('Volwassenen ernstig eenzaam');
	});
});
