// The register's first start: the programmes that the municipal documents describe (../shared/seeds/), so
// that the map shows what is known before anyone has entered anything, and a few example signals (made up,
// labelled as demo data). Runs only while the programmes table is empty and was never seeded; all of it in one transaction.
import type { Db, Queryable } from './db/client';
import type { Actor } from './db/audit';
import * as programmes from './db/programmes';
import * as signals from './db/signals';
import { programmeInputSchema, signalInputSchema, type ProgrammeInput, type SignalInput } from '../domain/register';

export const SEED_ACTOR: Actor = { id: null, name: 'Wijkbeeld (eerste start)' };
export const DEMO_AUTHOR = { id: null, name: 'Demodata' };

const HENGELO_OPDRACHT = 'Hengelo, Bestuurlijke opdracht Wijkgericht werken en Wijkaanpak (17-05-2024), bijlage bij raadsbrief 3710091';
const ENSCHEDE_PVA = 'Enschede, Plan van aanpak gebiedsgericht werken, B&W 18-03-2025 (BV25000115)';

interface SeedProgramme {
	input: Omit<ProgrammeInput, 'outline'> & { outline?: null };
	source: string;
	/** Whether something in it is invented rather than taken from the document (then its notes say what). */
	synthetic: boolean;
}

/** The programmes as the documents describe them. Dates the documents give as a month or year start on its first day. */
export const SEED_PROGRAMMES: SeedProgramme[] = [
	{
		source: HENGELO_OPDRACHT,
		synthetic: false,
		input: {
			gemeentecode: 'GM0164',
			name: 'Wijkaanpak Noord',
			kind: 'wijkaanpak',
			// "Het jaar 2024 staat in het teken van oriëntatie, verkenning initiatie en ontwerp": at the time of the
			// document (mei 2024, tweede kwartaal) the programme was past oriënteren and in initiëren.
			phase: 'initieren',
			startDate: '2024-02-01',
			endDate: null,
			themes: ['sociaal', 'veilig', 'toekomstbestendig'],
			bestuurlijkOpdrachtgever: 'Hanneke Steen',
			ambtelijkOpdrachtgever: 'Jan Logtenberg',
			programmeManager: 'Fleur Mensink',
			// "Het totale budget voor de opdracht wijkgericht werken (waar de wijkaanpak onderdeel van is) is
			// 271.000 euro voor 2024", in these lines (together € 271.000).
			budgetLines: [
				{ year: 2024, label: 'Wijkgericht werken: projectleider', amount: 51000 },
				{ year: 2024, label: 'Wijkgericht werken: werkbudget/participatiemiddelen', amount: 40000 },
				{ year: 2024, label: 'Wijkgericht werken: vervolg pilot wijkveiligheid', amount: 20000 },
				{ year: 2024, label: 'Wijkgericht werken: centrale database', amount: 60000 },
				{ year: 2024, label: 'Wijkgericht werken: 2 experimenten', amount: 100000 }
			],
			status: 'lopend',
			notes:
				'Gestart in februari 2024 met focus op buurt De Noork (wijk Noord); werkwijze Slagkracht in de wijk. ' +
				'Procesregisseur: Rudi Theunissen. Doelstellingen: sociaal, veilig en toekomstbestendig. ' +
				'Na het eerste jaar volgt een uitvoeringsprogramma van 5 tot 10 jaar (einddatum nog niet bekend). ' +
				'De begrotingsregels zijn die van de hele opdracht wijkgericht werken 2024 (€ 271.000, waarvan € 100.000 voor twee ' +
				'experimenten); de regel "vervolg pilot wijkveiligheid" is hetzelfde geld als bij de pilot wijkveiligheid.',
			buurtcodes: ['BU01640202']
		}
	},
	{
		source: HENGELO_OPDRACHT,
		synthetic: false,
		input: {
			gemeentecode: 'GM0164',
			name: 'Gebiedsgerichte aanpak Beckum',
			kind: 'gebiedsgerichte_aanpak',
			phase: 'evalueren',
			startDate: null,
			endDate: null,
			themes: [],
			bestuurlijkOpdrachtgever: null,
			ambtelijkOpdrachtgever: null,
			programmeManager: null,
			budgetLines: [],
			status: 'in_evaluatie',
			notes:
				'"We evalueren het lopende proces in Beckum": de evaluatie gaat over de geleerde lessen bij de uitvoering van een ' +
				'gebiedsgerichte aanpak, als input voor volgende wijkaanpakken. Begin en budget staan niet in de documenten.',
			buurtcodes: ['BU01640900']
		}
	},
	{
		source: HENGELO_OPDRACHT,
		synthetic: false,
		input: {
			gemeentecode: 'GM0164',
			name: 'Pilot wijkveiligheid Klein Driene en Groot Driene',
			kind: 'pilot',
			phase: 'evalueren',
			startDate: null,
			endDate: null,
			themes: ['veilig'],
			bestuurlijkOpdrachtgever: null,
			ambtelijkOpdrachtgever: null,
			programmeManager: null,
			budgetLines: [{ year: 2024, label: 'Pilot wijkveiligheid', amount: 20000 }],
			status: 'geevalueerd',
			notes:
				'Evaluatie van de pilot opgeleverd; acties geborgd in de lijnorganisatie en de wijkaanpak (actieplan veiligheid ' +
				'wijk Noord). Groot Driene is hier de CBS-wijk 04 Groot Driene met haar vier buurten. Het budget is de regel ' +
				'"Pilot wijkveiligheid" 2024 uit de begroting wijkgericht werken. Begin en einde staan niet in de documenten.',
			buurtcodes: ['BU01640203', 'BU01640400', 'BU01640401', 'BU01640402', 'BU01640403']
		}
	},
	...(
		[
			['Focusgebied Twekkelerveld', ['BU01530301'], 'Afgebakend als de CBS-buurt Twekkelerveld.'],
			['Focusgebied Hanenberglanden', [], 'Nog niet ingetekend: het focusgebied valt niet samen met CBS-buurten.'],
			['Focusgebied Het Lang', [], 'Nog niet ingetekend: het focusgebied valt niet samen met CBS-buurten.']
		] as const
	).map(
		([name, buurtcodes, where]): SeedProgramme => ({
			source: ENSCHEDE_PVA,
			synthetic: false,
			input: {
				gemeentecode: 'GM0153',
				name,
				kind: 'focusgebied',
				phase: 'gebiedsanalyse',
				// "Het plan van aanpak vormt de basis voor de uitvoering van 2025 t/m 2030."
				startDate: '2025-01-01',
				endDate: '2030-12-31',
				themes: ['sociaal', 'veilig'],
				bestuurlijkOpdrachtgever: 'Arjan Kampman',
				ambtelijkOpdrachtgever: 'Bernadette ter Huurne',
				programmeManager: null,
				budgetLines: [],
				status: 'in_voorbereiding',
				notes:
					`Integrale wijkaanpak in een van de drie focusgebieden (Hanenberglanden, Het Lang & Twekkelerveld). ` +
					`Gebiedsanalyse gestart (fase 1 gebiedscyclus); de resultaten worden in Q2 2025 met college en raad besproken ` +
					`(fase 2, afwegen en keuzes maken), daarna start de uitvoering. Extra investeringen volgen zo nodig in een apart ` +
					`voorstel. Bestuurlijk: portefeuillehouder Arjan Kampman; ambtelijk: opdrachtgever Integrale Wijkaanpakken ` +
					`Bernadette ter Huurne. ${where}`,
				buurtcodes: [...buurtcodes]
			}
		})
	)
];

/** Example signals: made up to show what a signal looks like, so synthetic and by "Demodata". */
export const SEED_SIGNALS: (SignalInput & { gemeentecode: string })[] = [
	{
		gemeentecode: 'GM0164',
		text: 'Bewoners vertellen dat er weinig plekken zijn om elkaar te ontmoeten, vooral voor ouderen. (Voorbeeldsignaal)',
		buurtcode: 'BU01640202',
		point: null,
		observedOn: '2025-02-12',
		domain: 'sociaal'
	},
	{
		gemeentecode: 'GM0164',
		text: "Meldingen van overlast door groepen jongeren bij de winkels in de avond. (Voorbeeldsignaal)",
		buurtcode: 'BU01640202',
		point: null,
		observedOn: '2025-04-03',
		domain: 'veiligheid'
	},
	{
		gemeentecode: 'GM0153',
		text: 'Huurders maken zich zorgen over vocht en schimmel in portiekwoningen. (Voorbeeldsignaal)',
		buurtcode: 'BU01530301',
		point: null,
		observedOn: '2025-03-20',
		domain: 'wonen'
	},
	{
		gemeentecode: 'GM0153',
		text: 'Zwerfafval en grofvuil bij de ondergrondse containers. (Voorbeeldsignaal)',
		buurtcode: 'BU01530301',
		point: null,
		observedOn: '2025-05-08',
		domain: 'openbare_ruimte'
	}
];

/**
 * Whether the register still needs its first-start content: no programmes, and never seeded before (a
 * register whose users deleted every programme stays empty).
 */
async function needsSeed(db: Queryable): Promise<boolean> {
	if (!(await programmes.isEmpty(db))) return false;
	const seeded = await db.query<{ id: number }>(`SELECT id FROM audit_log WHERE user_id IS NULL AND user_name = $1 LIMIT 1`, [SEED_ACTOR.name]);
	return seeded.length === 0;
}

export interface SeedResult {
	programmes: number;
	signals: number;
	/** Gemeenten left out because their buurten are not loaded. */
	skipped: string[];
}

/**
 * Seeds the register when it has no programmes yet; null when there was nothing to do. Gemeenten whose
 * buurten are not loaded are left out (their programmes would point at unknown buurten).
 */
export async function seedRegister(db: Db, log: (message: string) => void = () => {}): Promise<SeedResult | null> {
	if (!(await needsSeed(db))) return null;
	const loaded = new Set(
		(await db.query<{ gemeentecode: string }>(`SELECT DISTINCT gemeentecode FROM areas WHERE level = 'buurt'`)).map((r) => r.gemeentecode)
	);
	const wanted = [...new Set([...SEED_PROGRAMMES.map((p) => p.input.gemeentecode), ...SEED_SIGNALS.map((s) => s.gemeentecode)])];
	const skipped = wanted.filter((g) => !loaded.has(g)).sort();
	const result = await db.transaction(async (tx) => {
		// Another process may have seeded in the meantime: check again inside the transaction.
		if (!(await needsSeed(tx))) return null;
		let programmeCount = 0;
		for (const seed of SEED_PROGRAMMES) {
			if (!loaded.has(seed.input.gemeentecode)) continue;
			// The same validation as every other write: a mistake in the seed fails loudly, not silently.
			const input = programmeInputSchema.parse({ ...seed.input, outline: null });
			const foreign = await programmes.foreignBuurtcodes(tx, input.gemeentecode, input.buurtcodes);
			if (foreign.length) throw new Error(`seed ${input.name}: onbekende buurten ${foreign.join(', ')}`);
			await programmes.create(tx, SEED_ACTOR, input, { source: seed.source, synthetic: seed.synthetic });
			programmeCount++;
		}
		let signalCount = 0;
		for (const { gemeentecode, ...seed } of SEED_SIGNALS) {
			if (!loaded.has(gemeentecode)) continue;
			await signals.create(tx, SEED_ACTOR, gemeentecode, signalInputSchema.parse(seed), { author: DEMO_AUTHOR, synthetic: true });
			signalCount++;
		}
		return { programmes: programmeCount, signals: signalCount, skipped };
	});
	if (result) {
		log(`register gevuld: ${result.programmes} programma's uit de gemeentelijke documenten, ${result.signals} voorbeeldsignalen (demodata)`);
		if (skipped.length) log(`register: geen buurten geladen voor ${skipped.join(', ')}; hun programma's zijn overgeslagen`);
	}
	return result;
}
