import { describe, expect, it } from 'vitest';
import { registerLegend } from '../map/register-layers';
import { areasLegend } from './legend';
import type { ExportMeta } from './meta';
import { REGISTER_SOURCE, registerEntries, withRegister, type RegisterForExport } from './register';

const meta: ExportMeta = {
	title: 'Wijk 02 Noord, Hengelo',
	subtitle: 'Buurten · gebiedsindeling 2024',
	legend: areasLegend({ levelName: 'Buurten', selectedName: 'Wijk 02 Noord' }),
	source: '',
	peiljaar: 2024,
	generatedAt: '2026-12-01T12:00:00Z',
	synthetic: false,
	link: 'http://localhost/?gemeente=GM0164'
};

function register(lagen: RegisterForExport['lagen'], synthetic = true): RegisterForExport {
	const legend = registerLegend({
		gemeentecode: 'GM0164',
		programmes: [
			{ kind: 'wijkaanpak', phase: 'initieren', startDate: '2024-02-01', endDate: null, drawn: true, name: 'Wijkaanpak Noord' },
			{ kind: 'pilot', phase: 'evalueren', startDate: null, endDate: null, drawn: true, name: 'Pilot wijkveiligheid' }
		],
		investments: [
			{ category: 'isolatie', startDate: '2024-01-01', endDate: '2026-12-31', amountEur: 100, dwellings: 10 },
			{ category: 'isolatie', startDate: '2025-01-01', endDate: '2025-12-31', amountEur: 50, dwellings: 5 }
		],
		signals: null,
		tijd: null,
		grootte: 'bedrag'
	});
	return { legend, lagen, period: 'Alle perioden', synthetic };
}

describe('the register in an export', () => {
	it('lists the kinds and measures drawn, with their counts, and leaves empty ones out', () => {
		const entries = registerEntries(register(['programmas', 'investeringen']));
		expect(entries.map((e) => [e.label, e.shape, e.count])).toEqual([
			['Wijkaanpak', 'outline', 1],
			['Pilot', 'outline', 1],
			['Isolatie en verduurzaming', 'circle', 2]
		]);
		expect(registerEntries(register(['investeringen'])).map((e) => e.label)).toEqual(['Isolatie en verduurzaming']);
	});

	it('labels demo items, names the register as a source and the period in the subtitle', () => {
		const out = withRegister(meta, register(['programmas', 'investeringen']));
		expect(out.synthetic).toBe(true);
		expect(out.source).toBe(REGISTER_SOURCE);
		expect(out.subtitle).toBe('Buurten · gebiedsindeling 2024 · register: alle perioden');
		expect(out.legend?.overlays).toHaveLength(3);
		expect(out.legend?.other).toEqual(meta.legend?.other);
		expect(withRegister(meta, { ...register(['programmas']), period: 'K2 2026' }).subtitle).toBe('Buurten · gebiedsindeling 2024 · register: K2 2026');
	});

	it('changes nothing when no overlay shows anything', () => {
		expect(withRegister(meta, register([]))).toBe(meta);
		expect(withRegister(meta, null)).toBe(meta);
	});
});
