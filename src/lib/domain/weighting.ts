// How an indicator's buurt values add up to wijk, stadsdeel and gemeente, when its catalogue says nothing.
import type { Weighting } from './monitor';

export const WEIGHTINGS: readonly Weighting[] = ['som', 'inwoners', 'huishoudens'];

export const WEIGHTING_LABELS: Record<Weighting, string> = {
	som: 'opgeteld',
	inwoners: 'gewogen naar inwoners',
	huishoudens: 'gewogen naar huishoudens'
};

const COUNT_UNITS = new Set(['aantal', 'absoluut', 'abs.', 'abs']);
// Shares of homes are shares of households too: a buurt's dwellings and its households move together, and the
// municipal documents report both per household (laag inkomen, energiearmoede, corporatiebezit, WOZ, labels).
const ABOUT_HOUSEHOLDS = /huishoud|woning|woz|energielabel|label_|energiearmoede|corporatie/;
// An average or a rate is never summed, even when its unit is a number of things ("gemiddeld aantal personen").
const AVERAGE_OR_RATE = /gemiddeld|\bper\b|\bgem\./;

/**
 * The weighting of an indicator: an explicit `weging` from the catalogue wins; otherwise counts (unit `aantal`)
 * are summed, indicators about households or dwellings are weighted by households, and everything else (shares
 * of people, survey scores, rates per 1,000 inhabitants) by inhabitants.
 */
export function deriveWeighting(indicator: {
	code: string;
	name: string;
	unit: string;
	weging?: string | null;
}): Weighting {
	const explicit = indicator.weging?.trim().toLowerCase();
	if (explicit && (WEIGHTINGS as readonly string[]).includes(explicit)) return explicit as Weighting;
	const unit = indicator.unit.trim().toLowerCase();
	const text = `${indicator.code} ${indicator.name}`.toLowerCase();
	if (COUNT_UNITS.has(unit) && !AVERAGE_OR_RATE.test(text)) return 'som';
	if (ABOUT_HOUSEHOLDS.test(text)) return 'huishoudens';
	return 'inwoners';
}

export function isWeighting(value: string): value is Weighting {
	return (WEIGHTINGS as readonly string[]).includes(value);
}
