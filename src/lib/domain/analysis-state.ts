// What the URL of the koppelkansen and kandidaten pages says, so that a copied link reopens the same view.
// Parameter names are Dutch (users see them), as on the map page; what cannot be used is dropped with a note.
import { DOMAINS, type Domain } from './monitor';
import { DEFAULT_GEMEENTE } from './view-state';
import { AREA_CODE, GEMEENTE_CODE, gemeenteOfCode } from './areas';
import { KOPPELKANS_KINDS, defaultPeriod, type KoppelkansKind } from './koppelkansen';
import {
	CriterionWeightsError,
	DEFAULT_CANDIDATE_TOP_N,
	DEFAULT_CRITERION_WEIGHTS,
	formatCriterionWeights,
	parseCriterionWeights,
	type CriterionWeights
} from './kandidaten';

export type AnalysisLevel = 'buurt' | 'wijk' | 'stadsdeel';
const LEVELS: AnalysisLevel[] = ['buurt', 'wijk', 'stadsdeel'];

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function isoDate(value: string | null): string | null {
	if (!value || !ISO.test(value)) return null;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}

interface Common {
	gemeente: string;
	laag: AnalysisLevel;
	van: string;
	tot: string;
	/** What in the URL could not be used, in Dutch (shown on the page); empty when all was fine. */
	notes: string[];
}

function readCommon(params: URLSearchParams, known: string[], today: Date): Common {
	const notes: string[] = [];
	const gemeenteParam = params.get('gemeente');
	let gemeente = gemeenteParam && GEMEENTE_CODE.test(gemeenteParam) && (known.length === 0 || known.includes(gemeenteParam)) ? gemeenteParam : null;
	if (gemeenteParam && !gemeente) notes.push(`Gemeente ${gemeenteParam} is niet bekend.`);
	gemeente ??= known.includes(DEFAULT_GEMEENTE) || known.length === 0 ? DEFAULT_GEMEENTE : known[0];
	const laag = LEVELS.find((l) => l === params.get('laag')) ?? 'buurt';
	const fallback = defaultPeriod(today);
	let van = isoDate(params.get('van'));
	let tot = isoDate(params.get('tot'));
	if ((params.get('van') && !van) || (params.get('tot') && !tot)) notes.push('Een datum van de periode bestaat niet; de standaardperiode wordt gebruikt.');
	van ??= fallback.from;
	tot ??= fallback.to;
	if (van > tot) {
		notes.push('Het begin van de periode ligt na het einde; de standaardperiode wordt gebruikt.');
		({ from: van, to: tot } = fallback);
	}
	return { gemeente, laag, van, tot, notes };
}

export interface KoppelkansenState extends Common {
	domein: Domain | null;
	soort: KoppelkansKind | null;
	/** The selected area (a result), or null. */
	gebied: string | null;
}

export function readKoppelkansenState(params: URLSearchParams, known: string[] = [], today = new Date()): KoppelkansenState {
	const common = readCommon(params, known, today);
	const gebied = params.get('gebied');
	return {
		...common,
		domein: DOMAINS.find((d) => d === params.get('domein')) ?? null,
		soort: KOPPELKANS_KINDS.find((k) => k === params.get('soort')) ?? null,
		gebied: gebied && AREA_CODE.test(gebied) && gemeenteOfCode(gebied) === common.gemeente ? gebied : null
	};
}

export interface KandidatenState extends Common {
	gewichten: CriterionWeights;
	bestaand: 'markeren' | 'uitsluiten';
	top: number;
	/** Areas to compare side by side (at most four). */
	vergelijk: string[];
}

export const MAX_COMPARED = 4;

export function readKandidatenState(params: URLSearchParams, known: string[] = [], today = new Date()): KandidatenState {
	const common = readCommon(params, known, today);
	let gewichten = DEFAULT_CRITERION_WEIGHTS;
	try {
		gewichten = parseCriterionWeights(params.get('gewichten'));
	} catch (error) {
		if (!(error instanceof CriterionWeightsError)) throw error;
		common.notes.push(`${error.message} De gewichten zijn gelijk gezet.`);
	}
	const top = Number(params.get('top'));
	const vergelijk = [
		...new Set(
			(params.get('vergelijk') ?? '')
				.split(',')
				.map((c) => c.trim())
				.filter((c) => AREA_CODE.test(c) && gemeenteOfCode(c) === common.gemeente)
		)
	].slice(0, MAX_COMPARED);
	return {
		...common,
		gewichten,
		bestaand: params.get('bestaand') === 'uitsluiten' ? 'uitsluiten' : 'markeren',
		top: Number.isInteger(top) && top >= 1 && top <= 10 ? top : DEFAULT_CANDIDATE_TOP_N,
		vergelijk
	};
}

/**
 * The query string of a state; defaults are left out so links stay short, except the period: the default period
 * moves with the calendar, and a copied link must keep showing the same years. Notes are not part of it.
 */
export function analysisSearch(state: Partial<KoppelkansenState & KandidatenState> & Common): string {
	const params = new URLSearchParams({ gemeente: state.gemeente });
	if (state.laag !== 'buurt') params.set('laag', state.laag);
	params.set('van', state.van);
	params.set('tot', state.tot);
	if (state.domein) params.set('domein', state.domein);
	if (state.soort) params.set('soort', state.soort);
	if (state.gewichten) {
		const weights = formatCriterionWeights(state.gewichten);
		if (weights) params.set('gewichten', weights);
	}
	if (state.bestaand === 'uitsluiten') params.set('bestaand', 'uitsluiten');
	if (state.top !== undefined && state.top !== DEFAULT_CANDIDATE_TOP_N) params.set('top', String(state.top));
	if (state.vergelijk?.length) params.set('vergelijk', state.vergelijk.join(','));
	if (state.gebied) params.set('gebied', state.gebied);
	return `?${params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':')}`;
}
