import { describe, expect, it } from 'vitest';
import { scoreProvenance, shortSource, indicatorSource } from './provenance';
import { urgencyIndicators } from './urgency';
import { ageGroupOptions, indicatorGroups } from './indicator-choices';
import { SYNTHETIC_LABEL, type Indicator } from './monitor';

const meta = { publisher: "RIVM/GGD'en/CBS", table: '50090NED', title: 'Gezondheid per wijk en buurt', licence: 'CC BY 4.0', estimate: 'modelschatting' as const, attribution: 'Bron: RIVM' };
const demo = (code: string, domain: Indicator['domain'], direction: Indicator['direction'] = 'hoger_is_urgenter'): Indicator => ({
	code, name: code, unit: '%', domain, direction, source: 'DEMODATA', synthetic: true, weighting: 'inwoners'
});
const rivm = (topic: string, age: string, urgency: boolean, domain: Indicator['domain'] = 'gezondheid'): Indicator => ({
	code: `rivm_${topic}_${age}`, name: `${topic} (${age})`, unit: '%', domain, direction: 'hoger_is_urgenter', source: 'RIVM', synthetic: false,
	weighting: 'inwoners', topic: `rivm_${topic}`, topicName: topic, ageGroup: age, ageGroupName: age === '18plus' ? '18 jaar en ouder' : '65 jaar en ouder',
	urgency, waves: true, sourceMeta: meta
});
const catalogue = [demo('inwoners', 'context', 'context'), demo('p_laag_inkomen', 'sociaal'), demo('p_gezond', 'gezondheid', 'lager_is_urgenter'), rivm('eenzaam', '18plus', true), rivm('eenzaam', '65plus', false), rivm('rondkomen', '18plus', false, 'sociaal')];

describe('provenance', () => {
	it('names a real source with its year and estimate', () => {
		expect(shortSource(catalogue[3], 2020)).toBe('RIVM 2020, modelschatting');
		expect(indicatorSource(catalogue[3], 2016)).toBe("RIVM/GGD'en/CBS, Gezondheid per wijk en buurt 2016 (StatLine 50090NED), modelschatting, CC BY 4.0");
	});

	it('says which parts of a score are real, and labels only what is synthetic', () => {
		const scored = urgencyIndicators(catalogue);
		expect(scored.map((i) => i.code)).toEqual(['p_laag_inkomen', 'rivm_eenzaam_18plus']);
		expect(scoreProvenance(scored, { rivm_eenzaam_18plus: 2020 }, 2024)).toEqual({
			source: 'Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata',
			synthetic: true,
			mixed: true,
			estimate: 'modelschatting',
			label: SYNTHETIC_LABEL,
			note: 'Gemengd — Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata'
		});
		expect(scoreProvenance(scored.filter((i) => !i.synthetic), { rivm_eenzaam_18plus: 2020 }, 2024)).toEqual({
			source: 'Gezondheid: RIVM 2020, modelschatting', synthetic: false, mixed: false, estimate: 'modelschatting'
		});
		expect(scoreProvenance([catalogue[1]], {}, 2024)).toEqual({ source: 'demodata (synthetisch)', synthetic: true, mixed: false, label: SYNTHETIC_LABEL });
	});

	it('scores demodata of a domain only while that domain has no real indicator', () => {
		expect(urgencyIndicators(catalogue.filter((i) => i.synthetic)).map((i) => i.code)).toEqual(['p_laag_inkomen', 'p_gezond']);
	});
});

describe('indicator picker', () => {
	it('shows a RIVM topic once, in its own group, and offers its age groups beside it', () => {
		const groups = indicatorGroups(catalogue, 'rivm_eenzaam_65plus');
		expect(groups.map((g) => g.label)).toEqual(['Context', 'Sociaal', 'Sociaal — RIVM, modelschatting', 'Gezondheid', 'Gezondheid — RIVM, modelschatting']);
		expect(groups.at(-1)!.options).toEqual([{ code: 'rivm_eenzaam_65plus', label: 'eenzaam' }]);
		// Another topic keeps the chosen age group where it has one, else 18+.
		expect(groups[2].options).toEqual([{ code: 'rivm_rondkomen_18plus', label: 'rondkomen' }]);
		expect(ageGroupOptions(catalogue, 'rivm_eenzaam_65plus')).toEqual([
			{ code: 'rivm_eenzaam_18plus', label: '18 jaar en ouder' },
			{ code: 'rivm_eenzaam_65plus', label: '65 jaar en ouder' }
		]);
		expect(ageGroupOptions(catalogue, 'p_gezond')).toEqual([]);
	});
});
