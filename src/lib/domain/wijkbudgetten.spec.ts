import { describe, expect, it } from 'vitest';
import { budgetFigures, budgetTrend, wijkbudgetInputSchema } from './wijkbudgetten';

describe('wijkbudgetten', () => {
	it('sums a wijk per year, per inhabitant, with the share spent and underspending', () => {
		const figures = budgetFigures(
			[
				{ gebiedscode: 'WK016402', jaar: 2024, toegekendEur: 30000, besteedEur: 10000, aantalInitiatieven: 4 },
				{ gebiedscode: 'WK016402', jaar: 2024, toegekendEur: 10000, besteedEur: 5000, aantalInitiatieven: null },
				{ gebiedscode: 'WK016402', jaar: 2025, toegekendEur: 40000, besteedEur: null, aantalInitiatieven: 0 }
			],
			new Map([['WK016402', 8000]])
		);
		expect(figures).toEqual([
			{ gebiedscode: 'WK016402', jaar: 2024, toegekendEur: 40000, besteedEur: 15000, aantalInitiatieven: 4, perInwoner: 5, besteedAandeel: 0.375, onderbesteed: true },
			{ gebiedscode: 'WK016402', jaar: 2025, toegekendEur: 40000, besteedEur: null, aantalInitiatieven: 0, perInwoner: 5, besteedAandeel: null, onderbesteed: false }
		]);
	});

	it('reads a trend over the years', () => {
		expect(budgetTrend([{ jaar: 2021, toegekendEur: 100 }, { jaar: 2024, toegekendEur: 120 }])).toBe('stijgend');
		expect(budgetTrend([{ jaar: 2024, toegekendEur: 100 }, { jaar: 2021, toegekendEur: 120 }])).toBe('dalend');
		expect(budgetTrend([{ jaar: 2021, toegekendEur: 100 }, { jaar: 2024, toegekendEur: 103 }])).toBe('gelijk');
		expect(budgetTrend([{ jaar: 2021, toegekendEur: 100 }])).toBeNull();
	});

	it('refuses an area of another gemeente, a negative amount and an unknown soort', () => {
		const ok = { gemeentecode: 'GM0164', jaar: 2024, gebiedscode: 'WK016402', soort: 'buurtbon', regeling: 'Buurtbudget', toegekendEur: 1, besteedEur: null, aantalInitiatieven: null, organisatie: null, toelichting: null };
		expect(wijkbudgetInputSchema.safeParse(ok).success).toBe(true);
		const issues = (v: object) => wijkbudgetInputSchema.safeParse({ ...ok, ...v }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
		expect(issues({ gebiedscode: 'WK015302' })).toEqual(['gebiedscode: hoort niet bij de gemeente']);
		expect(issues({ toegekendEur: -5 })).toEqual(['toegekendEur: mag niet negatief zijn']);
		expect(issues({ soort: 'subsidie' })).toEqual(['soort: kies buurtbon, activiteitenbudget, bewonersinitiatief']);
	});
});
