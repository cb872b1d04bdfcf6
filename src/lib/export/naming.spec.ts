import { describe, expect, it } from 'vitest';
import { exportFailure, exportFileName, slug } from './naming';

describe('export file names', () => {
	it('say what is in the file', () => {
		expect(exportFileName({ gemeente: 'Hengelo', area: 'De Noork', subject: 'urgentie', year: 2024, extension: 'png' })).toBe(
			'wijkbeeld-hengelo-de-noork-urgentie-2024.png'
		);
		expect(exportFileName({ gemeente: 'Hengelo', area: 'De Noork', subject: 'urgentie', year: 2024, variant: 'a4-liggend', extension: 'png' })).toBe(
			'wijkbeeld-hengelo-de-noork-urgentie-2024-a4-liggend.png'
		);
		expect(exportFileName({ gemeente: 'Enschede', area: 'Noord', subject: 'gebiedskaart', year: 2024, extension: 'pdf' })).toBe(
			'wijkbeeld-enschede-noord-gebiedskaart-2024.pdf'
		);
		expect(exportFileName({ gemeente: 'Hengelo', extension: 'png' })).toBe('wijkbeeld-hengelo.png');
	});

	it('keep to plain lower-case ASCII words, without repeating a word', () => {
		expect(slug("'t Lansink / Hasseler Es")).toBe('t-lansink-hasseler-es');
		expect(slug('Oële & Twekkelerveld (Zuid)')).toBe('oele-twekkelerveld-zuid');
		expect(exportFileName({ gemeente: 'Hengelo', area: 'Hengelo', extension: 'pdf' })).toBe('wijkbeeld-hengelo.pdf');
	});

	it('cut a long indicator name at a word', () => {
		const name = slug('Percentage huishoudens met een inkomen onder of rond het sociaal minimum');
		expect(name.length).toBeLessThanOrEqual(48);
		expect(name).toBe('percentage-huishoudens-met-een-inkomen-onder-of');
	});
});

describe('a failed export', () => {
	it('says so in one Dutch sentence, the reason continuing it', () => {
		expect(exportFailure(new Error('De kaart was na 45 seconden nog niet getekend.'))).toBe(
			'Exporteren is niet gelukt: de kaart was na 45 seconden nog niet getekend.'
		);
		expect(exportFailure('Geen verbinding')).toBe('Exporteren is niet gelukt: geen verbinding');
	});
});
