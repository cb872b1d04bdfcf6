// Koppelkansen and candidate areas as the API and the pages ask for them: the monitor's urgency (the same scoring
// the monitor shows), handed to the analysis in the database, and the answer explained and ranked.
import type { Db, Queryable } from './db/client';
import * as programmes from './db/programmes';
import * as analysis from './db/koppelkansen';
import * as assessments from './db/area-assessments';
import { latestYear, urgencyRanking } from './monitor';
import { areaBudget, budgetReason, levelBudgets } from './wijkbudgetten';
import { DEFAULT_WEIGHTS } from '../domain/urgency';
import { SYNTHETIC_LABEL, type Domain } from '../domain/monitor';
import type { AreaLevel } from '../domain/areas';
import { canReadSignalsOf, type User } from '../domain/roles';
import {
	KOPPELKANS_KINDS,
	KOPPELKANS_RULES,
	explainResult,
	rankResults,
	type AreaFacts,
	type KoppelkansKind,
	type KoppelkansResult
} from '../domain/koppelkansen';
import { SIGNAL_MONTHS, type CandidateContext, type CandidateInput } from '../domain/kandidaten';

export type AnalysisLevel = Exclude<AreaLevel, 'gemeente'>;

export interface KoppelkansenQuery {
	gemeente: string;
	level: AnalysisLevel;
	from: string;
	to: string;
	domain: Domain | null;
	kind: KoppelkansKind | null;
}

export interface UndrawnProgramme {
	id: number;
	name: string;
	kind: string;
}

export interface KoppelkansenAnswer {
	gemeente: { code: string; name: string };
	level: AnalysisLevel;
	period: { from: string; to: string };
	domain: Domain | null;
	kind: KoppelkansKind | null;
	/** The monitor year the urgency is from. */
	year: number;
	synthetic: boolean;
	results: KoppelkansResult[];
	/** Results per kind (before the kind filter). */
	counts: Record<KoppelkansKind, number>;
	/** How many areas of the level were analysed. */
	areaCount: number;
	/** Active programmes in the period without buurten or outline: they cannot cover any area yet. */
	undrawn: UndrawnProgramme[];
}

/** Why there is no answer: the gemeente has no areas loaded, or no monitor data to measure urgency with. */
export class NoAnalysis extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NoAnalysis';
	}
}

/** The gemeente by code, when it has buurten loaded (looked up by index: listGemeenten scans every area). */
async function gemeenteOf(db: Queryable, code: string): Promise<{ code: string; name: string }> {
	const [found] = await db.query<{ code: string; name: string }>(
		`SELECT g.code, g.name FROM areas g
		 WHERE g.code = $1 AND g.level = 'gemeente'
		   AND EXISTS (SELECT 1 FROM areas b WHERE b.gemeentecode = $1 AND b.level = 'buurt')
		 ORDER BY g.year DESC LIMIT 1`,
		[code]
	);
	if (!found) throw new NoAnalysis(`Gemeente ${code} heeft geen gebieden in Wijkbeeld`);
	return found;
}

async function urgencyOf(db: Queryable, gemeente: string, level: AnalysisLevel) {
	const year = await latestYear(db, gemeente);
	if (year === null) throw new NoAnalysis(`Geen monitorgegevens voor gemeente ${gemeente}: zonder urgentie geen koppelkansen`);
	// No robustness draws: the koppelkansen use the score itself; its robustness belongs to the monitor's ranking.
	const ranking = await urgencyRanking(db, { gemeente, level, year, weights: DEFAULT_WEIGHTS, draws: 0 });
	return { year, ranking, byCode: new Map(ranking.areas.map((a) => [a.code, a])) };
}

async function undrawnProgrammes(db: Queryable, gemeente: string, from: string, to: string): Promise<UndrawnProgramme[]> {
	const active = new Set<string>(KOPPELKANS_RULES.activeProgrammeStatuses);
	return (await programmes.list(db, { gemeentecode: gemeente, from, to }))
		.filter((p) => !p.drawn && active.has(p.status))
		.map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
}

/** The koppelkansen of a gemeente, level and period, ranked, optionally of one kind and measured on one domain. */
export async function koppelkansen(db: Db, q: KoppelkansenQuery): Promise<KoppelkansenAnswer> {
	const gemeente = await gemeenteOf(db, q.gemeente);
	const { year, ranking, byCode } = await urgencyOf(db, q.gemeente, q.level);
	const facts = await analysis.analyse(db, {
		gemeente: q.gemeente,
		level: q.level,
		from: q.from,
		to: q.to,
		urgency: ranking.areas.map((a) => ({ code: a.code, value: q.domain ? a.domains[q.domain] : a.score, stapeling: a.stapeling })),
		signalsSince: null
	});
	const counts = Object.fromEntries(KOPPELKANS_KINDS.map((k) => [k, 0])) as Record<KoppelkansKind, number>;
	const explained: Omit<KoppelkansResult, 'rank'>[] = [];
	for (const area of facts) {
		const scored = byCode.get(area.code);
		for (const raw of area.results) {
			counts[raw.kind]++;
			if (q.kind && raw.kind !== q.kind) continue;
			const result = explainResult(area, raw, {
				level: q.level,
				domain: q.domain,
				overall: scored?.score ?? null,
				domains: scored?.domains ?? { sociaal: null, gezondheid: null, veiligheid: null, wonen: null, duurzaamheid: null }
			});
			// The urgency is demo data when the monitor's values are: the result then is too.
			const synthetic = result.synthetic || ranking.synthetic;
			explained.push({ ...result, synthetic, ...(synthetic ? { label: SYNTHETIC_LABEL } : {}) });
		}
	}
	// Where the gemeente has wijkbudgetten: what the residents' own budget comes to there (and whether it is spent).
	const budgets = await levelBudgets(db, q.gemeente, q.level);
	if (budgets) {
		const whole = (await areaBudget(db, { code: q.gemeente, level: 'gemeente', gemeentecode: q.gemeente, year: budgets.year }))?.years ?? [];
		const byCode = new Map(budgets.areas.map((a) => [a.code, a.years]));
		for (const result of explained) {
			const reason = budgetReason(byCode.get(result.code) ?? [], whole);
			if (reason) result.wijkbudget = reason + (budgets.synthetic ? ` (${SYNTHETIC_LABEL})` : '');
		}
	}
	const results = rankResults(explained);
	return {
		gemeente,
		level: q.level,
		period: { from: q.from, to: q.to },
		domain: q.domain,
		kind: q.kind,
		year,
		synthetic: ranking.synthetic || results.some((r) => r.synthetic),
		results,
		counts,
		areaCount: facts.length,
		undrawn: await undrawnProgrammes(db, q.gemeente, q.from, q.to)
	};
}

/** The first day signals count from: SIGNAL_MONTHS before the start of the period. */
export function signalsSince(from: string): string {
	const d = new Date(`${from}T00:00:00Z`);
	d.setUTCMonth(d.getUTCMonth() - SIGNAL_MONTHS);
	return d.toISOString().slice(0, 10);
}

/** Programme kinds that are a wijkaanpak for the choice of the next one (a pilot is not). */
const WIJKAANPAK_KINDS = new Set(['wijkaanpak', 'focusgebied', 'gebiedsgerichte_aanpak']);

export interface CandidatesQuery {
	gemeente: string;
	level: AnalysisLevel;
	from: string;
	to: string;
	/** Decides whether signals are read at all (staff only). */
	user: User | null;
}

export interface CandidateData {
	gemeente: { code: string; name: string };
	level: AnalysisLevel;
	period: { from: string; to: string };
	year: number;
	synthetic: boolean;
	context: CandidateContext;
	inputs: CandidateInput[];
	/** The facts per area (programmes, investments; signals only for staff), for the comparison. */
	facts: Map<string, AreaFacts>;
	undrawn: UndrawnProgramme[];
}

/** What the candidate ranking needs of every area; signals are only read when the user may see them. */
export async function candidateData(db: Db, q: CandidatesQuery): Promise<CandidateData> {
	const gemeente = await gemeenteOf(db, q.gemeente);
	const { year, ranking } = await urgencyOf(db, q.gemeente, q.level);
	const signalsVisible = canReadSignalsOf(q.user, q.gemeente);
	const since = signalsSince(q.from);
	const facts = await analysis.analyse(db, {
		gemeente: q.gemeente,
		level: q.level,
		from: q.from,
		to: q.to,
		urgency: ranking.areas.map((a) => ({ code: a.code, value: a.score, stapeling: a.stapeling })),
		signalsSince: signalsVisible ? since : null
	});
	const stored = await assessments.listForGemeente(db, q.gemeente);
	const inputs: CandidateInput[] = facts.map((area) => {
		const own = area.investments.filter((i) => !i.neighbour);
		const near = area.investments.filter((i) => i.neighbour);
		const assessment = stored.get(area.code);
		return {
			code: area.code,
			name: area.name,
			urgency: area.urgency,
			signals: signalsVisible ? (area.signals ?? 0) : null,
			investments: {
				count: own.length,
				large: own.filter((i) => i.large).length,
				near: near.length,
				nearLarge: near.filter((i) => i.large).length
			},
			registerPartners: [...new Map(own.filter((i) => !i.municipal).map((i) => [i.partner.toLowerCase(), i.partner])).values()].sort(),
			priority: assessment?.priority ?? false,
			residents: assessment?.residents ?? 'onbekend',
			partners: assessment?.partners ?? null,
			wijkaanpakken: area.programmes
				.filter((p) => WIJKAANPAK_KINDS.has(p.kind))
				.map((p) => ({ id: p.id, name: p.name, kind: p.kind, status: p.status }))
		};
	});
	const synthetic = ranking.synthetic || facts.some((f) => f.synthetic);
	return {
		gemeente,
		level: q.level,
		period: { from: q.from, to: q.to },
		year,
		synthetic,
		context: { signalsVisible, signalsSince: since },
		inputs,
		facts: new Map(facts.map((f) => [f.code, f])),
		undrawn: await undrawnProgrammes(db, q.gemeente, q.from, q.to)
	};
}
