// Indelingen as the API and the pages ask for them: checked before they are stored, put in force, and compared per
// stadsdeel on the facts of their buurten (inhabitants, urgency, register, wijkbudgetten). Failures the user can
// mend are an IndelingError with the HTTP status and, for a bad indeling, the problems by field.
import type { Db, Queryable } from './db/client';
import * as indelingen from './db/indelingen';
import * as wijkbudgetten from './db/wijkbudgetten';
import * as analysis from './db/koppelkansen';
import { latestYear, urgencyRanking } from './monitor';
import type { Actor } from './db/audit';
import { DEFAULT_WEIGHTS } from '../domain/urgency';
import { SYNTHETIC_LABEL } from '../domain/monitor';
import { canReadSignals, canWrite, type User } from '../domain/roles';
import { KOPPELKANS_RULES } from '../domain/koppelkansen';
import {
	checkIndeling,
	indelingFigures,
	movedBuurten,
	pieceWarnings,
	type BudgetFacts,
	type BuurtFacts,
	type Indeling,
	type IndelingInput,
	type IndelingProblem,
	type IndelingUpdate,
	type Vergelijking
} from '../domain/indelingen';

export type { Vergelijking };

export class IndelingError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409,
		message: string,
		readonly errors: IndelingProblem[] = []
	) {
		super(message);
		this.name = 'IndelingError';
	}
}

function actorOf(user: User): Actor {
	return { id: user.id, name: user.name };
}

function mayWrite(user: User | null, gemeentecode: string): User {
	if (!user) throw new IndelingError(403, 'Meld u aan om dit te doen');
	if (!canWrite(user, 'indeling', { gemeentecode })) {
		throw new IndelingError(403, user.role === 'editor' ? `U bent redacteur voor een andere gemeente dan ${gemeentecode}` : 'Alleen redacteuren van de gemeente en beheerders maken indelingen');
	}
	return user;
}

async function found(db: Queryable, id: number): Promise<Indeling> {
	const indeling = await indelingen.get(db, id);
	if (!indeling) throw new IndelingError(404, `Indeling ${id} bestaat niet`);
	return indeling;
}

/** Checks stadsdelen against the gemeente's current buurten; returns the CBS year, or throws a 400 naming the buurten. */
async function checked(db: Queryable, gemeentecode: string, stadsdelen: IndelingInput['stadsdelen']): Promise<number> {
	const known = await indelingen.knownBuurten(db);
	const problems = checkIndeling(gemeentecode, stadsdelen, known);
	if (problems.length) throw new IndelingError(400, `De indeling klopt niet: ${problems.map((p) => p.message).join('; ')}`, problems);
	return known.find((b) => b.gemeentecode === gemeentecode)!.year;
}

export interface Stored {
	indeling: Indeling;
	/** A stadsdeel in more than one piece is allowed, with this warning. */
	warnings: string[];
}

async function withWarnings(db: Queryable, indeling: Indeling): Promise<Stored> {
	const pieces = await indelingen.pieces(db, indeling.year, indeling.stadsdelen);
	return { indeling, warnings: pieceWarnings(indeling.stadsdelen.map((s) => ({ name: s.name, pieces: pieces.get(s.code) ?? 1 }))) };
}

export async function create(db: Db, user: User | null, input: IndelingInput): Promise<Stored> {
	const writer = mayWrite(user, input.gemeentecode);
	return db.transaction(async (tx) => {
		const year = await checked(tx, input.gemeentecode, input.stadsdelen);
		return withWarnings(tx, await indelingen.create(tx, actorOf(writer), { ...input, year }));
	});
}

export async function update(db: Db, user: User | null, id: number, input: IndelingUpdate): Promise<Stored> {
	return db.transaction(async (tx) => {
		const current = await found(tx, id);
		const writer = mayWrite(user, current.gemeentecode);
		if (current.status !== 'concept') throw new IndelingError(409, `Indeling "${current.name}" is ${current.status}; alleen een concept kan worden gewijzigd (kopieer haar als nieuwe variant)`);
		await checked(tx, current.gemeentecode, input.stadsdelen);
		return withWarnings(tx, await indelingen.update(tx, actorOf(writer), current, input));
	});
}

export async function remove(db: Db, user: User | null, id: number): Promise<void> {
	await db.transaction(async (tx) => {
		const current = await found(tx, id);
		const writer = mayWrite(user, current.gemeentecode);
		if (current.status !== 'concept') throw new IndelingError(409, `Indeling "${current.name}" is ${current.status}; alleen een concept kan worden verwijderd`);
		await indelingen.remove(tx, actorOf(writer), current);
	});
}

/** Puts a concept in force; the geldend one becomes historisch. */
export async function vaststellen(db: Db, user: User | null, id: number): Promise<Stored> {
	return db.transaction(async (tx) => {
		const current = await found(tx, id);
		const writer = mayWrite(user, current.gemeentecode);
		if (current.status !== 'concept') throw new IndelingError(409, `Indeling "${current.name}" is al ${current.status}; alleen een concept kan worden vastgesteld`);
		// The buurten may have changed since it was drawn (a new CBS year): it must still be whole.
		await checked(tx, current.gemeentecode, current.stadsdelen);
		return withWarnings(tx, await indelingen.vaststellen(tx, actorOf(writer), current));
	});
}

// ---------------------------------------------------------------------------------------------------------
// The vergelijking.

interface Facts {
	buurten: BuurtFacts[];
	budgets: BudgetFacts[];
	monitorYear: number | null;
	budgetYear: number | null;
	inwonersBron: string | null;
	/** Real inhabitants per wijk (CBS KWB), the latest year; counted for stadsdelen of whole wijken. */
	wijkInwoners: Map<string, number>;
	wijkInwonersBron: string | null;
	synthetic: boolean;
	signalsShown: boolean;
	period: { from: string; to: string };
}

/** What is known per buurt of a gemeente, independent of any indeling (computed once for several variants). */
export async function buurtFacts(db: Db, gemeentecode: string, year: number, user: User | null): Promise<Facts> {
	const areas = await db.query<{ code: string; name: string; wijkcode: string; area_ha: number }>(
		`SELECT code, name, wijkcode, area_ha FROM areas WHERE gemeentecode = $1 AND year = $2 AND level = 'buurt' ORDER BY code`,
		[gemeentecode, year]
	);
	const monitorYear = await latestYear(db, gemeentecode);
	const thisYear = new Date().getUTCFullYear();
	const period = { from: `${thisYear}-01-01`, to: `${thisYear}-12-31` };
	const signalsShown = canReadSignals(user);
	let urgency = new Map<string, { score: number | null; stapeling: number | null }>();
	const inwoners = new Map<string, number>();
	let synthetic = false;
	let inwonersBron: string | null = null;
	const facts = new Map<string, Awaited<ReturnType<typeof analysis.analyse>>[number]>();
	if (monitorYear !== null) {
		const ranking = await urgencyRanking(db, { gemeente: gemeentecode, level: 'buurt', year: monitorYear, weights: DEFAULT_WEIGHTS, draws: 0 });
		synthetic ||= ranking.synthetic;
		urgency = new Map(ranking.areas.map((a) => [a.code, { score: a.score, stapeling: a.stapeling }]));
		const rows = await db.query<{ code: string; value: number; synthetic: boolean; source: string }>(
			`SELECT v.area_code AS code, v.value::float8 AS value, v.synthetic, v.source
			 FROM indicator_values v JOIN areas a ON a.code = v.area_code AND a.year = $3 AND a.level = 'buurt'
			 WHERE a.gemeentecode = $1 AND v.indicator = 'inwoners' AND v.year = $2 AND v.value IS NOT NULL`,
			[gemeentecode, monitorYear, year]
		);
		for (const r of rows) inwoners.set(r.code, Number(r.value));
		if (rows.length) {
			const sources = [...new Set(rows.map((r) => r.source))].join('; ');
			const demo = rows.some((r) => r.synthetic);
			synthetic ||= demo;
			inwonersBron = `${sources} (${monitorYear})${demo ? ` — ${SYNTHETIC_LABEL}` : ''}`;
		}
		for (const f of await analysis.analyse(db, {
			gemeente: gemeentecode,
			level: 'buurt',
			...period,
			urgency: ranking.areas.map((a) => ({ code: a.code, value: a.score, stapeling: a.stapeling })),
			signalsSince: signalsShown ? period.from : null
		})) {
			facts.set(f.code, f);
		}
	}
	const active = new Set<string>(KOPPELKANS_RULES.activeProgrammeStatuses);
	const buurten: BuurtFacts[] = areas.map((a) => {
		const f = facts.get(a.code);
		if (f?.synthetic) synthetic = true;
		return {
			code: a.code,
			name: a.name,
			wijkcode: a.wijkcode,
			areaHa: Number(a.area_ha),
			inwoners: inwoners.get(a.code) ?? null,
			urgency: urgency.get(a.code)?.score ?? null,
			stapeling: urgency.get(a.code)?.stapeling ?? null,
			programmeIds: (f?.programmes ?? []).filter((p) => active.has(p.status)).map((p) => p.id),
			runningProgrammeIds: (f?.programmes ?? []).filter((p) => p.running).map((p) => p.id),
			investments: (f?.investments ?? []).filter((i) => !i.neighbour).map((i) => ({ id: i.id, amountEur: i.amountEur })),
			signals: signalsShown ? (f?.signals ?? 0) : null
		};
	});
	// CBS publishes inhabitants per wijk (KWB), not per buurt: the latest real figure of each wijk of the gemeente.
	const kwb = await db.query<{ code: string; value: number; source: string }>(
		`SELECT DISTINCT ON (v.area_code) v.area_code AS code, v.value::float8 AS value, v.source
		 FROM indicator_values v JOIN areas a ON a.code = v.area_code AND a.year = $2 AND a.level = 'wijk'
		 WHERE a.gemeentecode = $1 AND v.indicator = 'kwb_inwoners' AND NOT v.synthetic AND v.value IS NOT NULL
		 ORDER BY v.area_code, v.year DESC`,
		[gemeentecode, year]
	);
	const wijkInwoners = new Map(kwb.map((r) => [r.code, Number(r.value)]));
	// Each value's source names its table and year.
	const wijkInwonersBron = kwb.length ? [...new Set(kwb.map((r) => r.source))].join('; ') : null;
	const all = await wijkbudgetten.list(db, gemeentecode);
	// The last year whose spending is accounted for; else the last year.
	const years = [...new Set(all.map((b) => b.jaar))].sort();
	const closed = years.filter((y) => all.some((b) => b.jaar === y && b.besteedEur !== null));
	const budgetYear = closed.at(-1) ?? years.at(-1) ?? null;
	const budgets = all.filter((b) => b.jaar === budgetYear).map((b) => ({ gebiedscode: b.gebiedscode, toegekendEur: b.toegekendEur, besteedEur: b.besteedEur }));
	if (all.some((b) => b.jaar === budgetYear && b.synthetic)) synthetic = true;
	return { buurten, budgets, monitorYear, budgetYear, inwonersBron, wijkInwoners, wijkInwonersBron, synthetic, signalsShown, period };
}

/** The figures of an indeling per stadsdeel; with `againstId`, also the buurten that move to that variant. */
export async function vergelijking(db: Db, user: User | null, id: number, againstId?: number): Promise<Vergelijking> {
	const indeling = await found(db, id);
	const against = againstId !== undefined ? await found(db, againstId) : null;
	if (against && against.gemeentecode !== indeling.gemeentecode) throw new IndelingError(400, `Indeling ${againstId} is van een andere gemeente`);
	const facts = await buurtFacts(db, indeling.gemeentecode, indeling.year, user);
	const pieces = await indelingen.pieces(db, indeling.year, indeling.stadsdelen);
	const { stadsdelen, evenness } = indelingFigures(indeling.stadsdelen, facts.buurten, facts.budgets, pieces, facts.wijkInwoners);
	const names = new Map(facts.buurten.map((b) => [b.code, b.name]));
	return {
		indeling,
		stadsdelen,
		evenness,
		warnings: pieceWarnings(stadsdelen),
		monitorYear: facts.monitorYear,
		budgetYear: facts.budgetYear,
		inwonersBron: inwonersBron(stadsdelen, facts),
		period: facts.period,
		signalsShown: facts.signalsShown,
		synthetic: facts.synthetic,
		...(facts.synthetic ? { label: SYNTHETIC_LABEL } : {}),
		...(against
			? {
					moved: {
						against: { id: against.id, name: against.name },
						buurten: movedBuurten(indeling.stadsdelen, against.stadsdelen).map((m) => ({ ...m, name: names.get(m.buurtcode) ?? m.buurtcode }))
					}
				}
			: {})
	};
}

/**
 * Where the inhabitants of an indeling's stadsdelen come from, in words: the real CBS figures for the stadsdelen of
 * whole wijken, the monitor's buurt figures (labelled when demodata) for the others.
 */
function inwonersBron(stadsdelen: { name: string; inwonersUit: 'wijken' | 'buurten' }[], facts: Facts): string | null {
	const fromWijken = stadsdelen.filter((s) => s.inwonersUit === 'wijken');
	const fromBuurten = stadsdelen.filter((s) => s.inwonersUit === 'buurten');
	if (!fromWijken.length) return facts.inwonersBron;
	const real = `${facts.wijkInwonersBron} per wijk`;
	if (!fromBuurten.length) return real;
	const others = `${fromBuurten.map((s) => s.name).join(', ')} (een wijk gedeeld): ${facts.inwonersBron ?? 'niet bekend'}`;
	return `${fromWijken.map((s) => s.name).join(', ')}: ${real} · ${others}`;
}
