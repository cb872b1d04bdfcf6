// The StatLine tables Wijkbeeld knows by name: how their topic columns become catalogue indicators (code,
// Dutch name, unit, domain, direction, whether they count in the urgency score) and how the table names
// itself. A table that is not here can still be read from the OData feed: its DataProperties give the titles
// and units, and its indicators are context (not scored) until someone adds a mapping here.
import type { Direction, Domain, Weighting } from '../../src/lib/domain/monitor';

export interface StatLineTopic {
	/** Part of the indicator code: `eenzaam` → rivm_eenzaam_18plus. */
	code: string;
	/** Dutch name as StatLine titles the topic. */
	name: string;
	unit: string;
	domain: Domain | 'context';
	direction: Direction;
	weighting: Weighting;
	/** Counts in the urgency score (in its domain, with its direction) for these age groups. */
	urgency?: readonly string[];
}

export interface StatLineAgeGroup {
	code: string;
	name: string;
}

export interface StatLineTable {
	table: string;
	/** Indicator codes start with this (`rivm`, `kwb`). */
	prefix: string;
	publisher: string;
	title: string;
	licence: string;
	/** Model estimates are not counts: say so wherever they are shown. */
	estimate?: 'modelschatting';
	attribution: string;
	/** Published in waves: a year without a wave uses the latest wave before it. */
	waves: boolean;
	/** Topic columns by their key without the StatLine number (`Eenzaam` for `Eenzaam_28`). */
	topics: Record<string, StatLineTopic>;
	/** The age-group dimension (StatLine `Leeftijd`), when the table has one: StatLine code → group. */
	ageGroups?: { column: string; groups: Record<string, StatLineAgeGroup> };
}

const pct = (
	code: string,
	name: string,
	direction: Direction,
	domain: Domain | 'context' = 'gezondheid',
	urgency?: readonly string[]
): StatLineTopic => ({ code, name, unit: '%', domain, direction, weighting: 'inwoners', ...(urgency ? { urgency } : {}) });

const ADULTS = ['18plus'] as const;

/**
 * RIVM/GGD'en/CBS, Gezondheid per wijk en buurt (50090NED). Names follow StatLine's titles. Six topics
 * count in the gezondheid domain of the urgency score, for 18+ only (the other age groups are the same
 * people again): ervaren gezondheid, overgewicht, beperkt vanwege gezondheid, hoog risico op angst of
 * depressie, ernstige eenzaamheid and regie over het eigen leven. The rest is shown, not scored.
 */
export const RIVM_50090NED: StatLineTable = {
	table: '50090NED',
	prefix: 'rivm',
	publisher: "RIVM/GGD'en/CBS",
	title: 'Gezondheid per wijk en buurt',
	licence: 'CC BY 4.0',
	estimate: 'modelschatting',
	attribution:
		"Bron: RIVM/GGD'en/CBS, Gezondheid per wijk en buurt (Gezondheidsmonitor Volwassenen en Ouderen), modelschatting, CC BY 4.0.",
	waves: true,
	ageGroups: {
		column: 'Leeftijd',
		groups: {
			'20300': { code: '18plus', name: '18 jaar en ouder' },
			'53115': { code: '18tot65', name: '18 tot 65 jaar' },
			'80200': { code: '65plus', name: '65 jaar en ouder' }
		}
	},
	topics: {
		ErvarenGezondheidGoedZeerGoed: pct('ervaren_gezondheid_goed', 'Ervaren gezondheid goed/zeer goed', 'lager_is_urgenter', 'gezondheid', ADULTS),
		VoldoetAanBeweegrichtlijn: pct('beweegrichtlijn', 'Voldoet aan beweegrichtlijn', 'lager_is_urgenter'),
		WekelijkseSporters: pct('wekelijks_sporten', 'Wekelijkse sporters', 'lager_is_urgenter'),
		Ondergewicht: pct('ondergewicht', 'Ondergewicht', 'context'),
		NormaalGewicht: pct('normaal_gewicht', 'Normaal gewicht', 'lager_is_urgenter'),
		Overgewicht: pct('overgewicht', 'Overgewicht', 'hoger_is_urgenter', 'gezondheid', ADULTS),
		ErnstigOvergewicht: pct('ernstig_overgewicht', 'Ernstig overgewicht', 'hoger_is_urgenter'),
		Roker: pct('roker', 'Roker', 'hoger_is_urgenter'),
		VoldoetAanAlcoholRichtlijn: pct('alcoholrichtlijn', 'Voldoet aan alcoholrichtlijn', 'lager_is_urgenter'),
		Drinker: pct('drinker', 'Drinker', 'context'),
		ZwareDrinker: pct('zware_drinker', 'Zware drinker', 'hoger_is_urgenter'),
		OvermatigeDrinker: pct('overmatige_drinker', 'Overmatige drinker', 'hoger_is_urgenter'),
		EenOfMeerLangdurigeAandoeningen: pct('langdurige_aandoening', 'Eén of meer langdurige aandoeningen', 'hoger_is_urgenter'),
		BeperktVanwegeGezondheid: pct('beperkt_gezondheid', 'Beperkt vanwege gezondheid', 'hoger_is_urgenter', 'gezondheid', ADULTS),
		ErnstigBeperktVanwegeGezondheid: pct('ernstig_beperkt_gezondheid', 'Ernstig beperkt vanwege gezondheid', 'hoger_is_urgenter'),
		LangdurigeZiekteEnBeperkt: pct('langdurig_ziek_beperkt', 'Langdurige ziekte en beperkt', 'hoger_is_urgenter'),
		EenOfMeerLichamelijkeBeperkingen: pct('lichamelijke_beperking', 'Eén of meer lichamelijke beperkingen', 'hoger_is_urgenter'),
		BeperkingInHoren: pct('beperking_horen', 'Beperking in horen', 'hoger_is_urgenter'),
		BeperkingInZien: pct('beperking_zien', 'Beperking in zien', 'hoger_is_urgenter'),
		BeperkingInBewegen: pct('beperking_bewegen', 'Beperking in bewegen', 'hoger_is_urgenter'),
		MatigHoogRisicoOpAngstOfDepressie: pct('risico_angst_depressie', 'Matig/hoog risico op angst of depressie', 'hoger_is_urgenter'),
		HoogRisicoOpAngstOfDepressie: pct('hoog_risico_angst_depressie', 'Hoog risico op angst of depressie', 'hoger_is_urgenter', 'gezondheid', ADULTS),
		HeelVeelStressInAfgelopen4Weken: pct('veel_stress', '(Heel) veel stress in afgelopen 4 weken', 'hoger_is_urgenter'),
		MatigVeelRegieOverEigenLeven: pct('regie_eigen_leven', 'Matig/veel regie over eigen leven', 'lager_is_urgenter', 'gezondheid', ADULTS),
		Eenzaam: pct('eenzaam', 'Eenzaam', 'hoger_is_urgenter'),
		ErnstigZeerErnstigEenzaam: pct('ernstig_eenzaam', 'Ernstig/zeer ernstig eenzaam', 'hoger_is_urgenter', 'gezondheid', ADULTS),
		EmotioneelEenzaam: pct('emotioneel_eenzaam', 'Emotioneel eenzaam', 'hoger_is_urgenter'),
		SociaalEenzaam: pct('sociaal_eenzaam', 'Sociaal eenzaam', 'hoger_is_urgenter'),
		Mantelzorger: pct('mantelzorger', 'Mantelzorger', 'context'),
		Vrijwilligerswerk: pct('vrijwilligerswerk', 'Vrijwilligerswerk', 'context'),
		LopenEnOfFietsenNaarSchoolOfWerk: pct('lopen_fietsen_school_werk', 'Lopen en/of fietsen naar school of werk', 'context'),
		LopenNaarSchoolOfWerk: pct('lopen_school_werk', 'Lopen naar school of werk', 'context'),
		FietsenNaarSchoolOfWerk: pct('fietsen_school_werk', 'Fietsen naar school of werk', 'context'),
		ErnstigeGeluidhinderDoorBuren: pct('geluidhinder_buren', 'Ernstige geluidhinder door buren', 'hoger_is_urgenter'),
		// Financial, not health: shown in the sociaal domain, not scored there (the sociaal score stays one source).
		MoeiteMetRondkomen: pct('moeite_rondkomen', 'Moeite met rondkomen', 'hoger_is_urgenter', 'sociaal')
	}
};

const count = (code: string, name: string, unit = 'aantal'): StatLineTopic => ({
	code,
	name,
	unit,
	domain: 'context',
	direction: 'context',
	weighting: 'som'
});

/** CBS Kerncijfers wijken en buurten 2024 (85984NED): the columns of the shared KWB file. Context only. */
export const KWB_85984NED: StatLineTable = {
	table: '85984NED',
	prefix: 'kwb',
	publisher: 'CBS',
	title: 'Kerncijfers wijken en buurten 2024',
	licence: 'CC BY 4.0',
	attribution: 'Bron: CBS, Kerncijfers wijken en buurten 2024, CC BY 4.0.',
	waves: false,
	topics: {
		AantalInwoners: count('inwoners', 'Aantal inwoners'),
		Mannen: count('mannen', 'Mannen'),
		Vrouwen: count('vrouwen', 'Vrouwen'),
		Bevolkingsdichtheid: { ...count('bevolkingsdichtheid', 'Bevolkingsdichtheid', 'inwoners per km²'), weighting: 'inwoners' },
		Woningvoorraad: count('woningvoorraad', 'Woningvoorraad'),
		OppervlakteTotaal: count('oppervlakte_totaal', 'Oppervlakte totaal', 'ha'),
		OppervlakteLand: count('oppervlakte_land', 'Oppervlakte land', 'ha'),
		OppervlakteWater: count('oppervlakte_water', 'Oppervlakte water', 'ha')
	}
};

export const STATLINE_TABLES: Record<string, StatLineTable> = {
	[RIVM_50090NED.table]: RIVM_50090NED,
	[KWB_85984NED.table]: KWB_85984NED
};
