// The first start's story: "Wijkgericht werken in Hengelo", prepared for the politieke markt of the raadsbrief of
// 5 September 2023 (../shared/seeds/000_*.txt, its programme in 004_*.txt). It walks from the whole gemeente to wijk
// Noord and buurt De Noork: urgency, what drives it, the Wijkaanpak Noord and the partners' investments, and ends
// with the questions of "In gesprek met elkaar". Runs once, while there are no stories and none was ever seeded,
// in one transaction; the texts never quote a number, because the monitor values they show are demo data.
import type { Db, Queryable } from './db/client';
import * as stories from './db/stories';
import { checkSlideViews } from './story-api';
import { SEED_ACTOR } from './seed-register';
import { storyCreateSchema, type StoryCreate } from '../domain/stories';

export const SEED_STORY_SOURCE = 'Politieke markt Wijkgericht Werken, raadsbrief 3617696 (5 september 2023)';
export const SEED_STORY_TITLE = 'Wijkgericht werken in Hengelo';

export const SEED_STORY: StoryCreate = storyCreateSchema.parse({
	gemeentecode: 'GM0164',
	title: SEED_STORY_TITLE,
	description:
		'Voor de politieke markt Wijkgericht Werken: van de hele gemeente naar wijk Noord en buurt De Noork, met de ' +
		'urgentie per wijk en buurt, de Wijkaanpak Noord en de investeringen van onze partners. Ongeveer 15 minuten, ' +
		'bij het onderdeel "Wijkgericht werken in de praktijk".',
	slides: [
		{
			title: 'Wijkgericht werken in Hengelo',
			text:
				'Wijkgericht werken is het organiseren van gemeentelijke taken op wijk- of buurtniveau, samen met inwoners ' +
				'en partners. De kaart toont per wijk de urgentie: hoe ver een wijk afstaat van waar die zou moeten staan, ' +
				'voor sociaal, gezondheid, veiligheid, wonen en duurzaamheid samen.',
			view: '?gemeente=GM0164&laag=wijk&thema=urgentie&lagen=geen'
		},
		{
			title: 'Elke buurt heeft zijn eigen karakter',
			text:
				'Op buurtniveau worden de verschillen scherper. Een wijkaanpak is bedoeld voor een gebied waar problemen ' +
				'zich opstapelen; daar zetten we maatregelen en interventies in samenhang in.',
			view: '?gemeente=GM0164&laag=buurt&thema=urgentie&lagen=geen'
		},
		{
			title: 'Wijk Noord: stapeling van problemen',
			text:
				'In wijk Noord komen meerdere domeinen tegelijk samen. De buurten De Noork en Klein Driene springen eruit. ' +
				'Hoe donkerder de buurt, hoe hoger de score; de legenda zegt welke klasse bij welke score hoort.',
			view: '?gemeente=GM0164&gebied=WK016402&laag=buurt&thema=urgentie&lagen=geen'
		},
		{
			title: 'Wat erachter zit: inkomen',
			text:
				'Een van de factoren achter de urgentie in Noord is het aandeel huishoudens met een laag inkomen. Data helpt ' +
				'ons trends te duiden; het gesprek met bewoners vertelt wat erachter zit.',
			view: '?gemeente=GM0164&gebied=WK016402&laag=buurt&thema=indicator&indicator=p_laag_inkomen&lagen=geen'
		},
		{
			title: 'Wijkaanpak Noord: startpunt De Noork',
			text:
				'In februari 2024 is de Wijkaanpak Noord gestart, met buurt De Noork als startpunt. We werken volgens ' +
				'"Slagkracht in de wijk": oriënteren, initiëren, ontwerpen, uitvoeren en evalueren, aan een wijk die ' +
				'sociaal, veilig en toekomstbestendig is.',
			view: '?gemeente=GM0164&gebied=BU01640202&laag=buurt&thema=urgentie&lagen=programmas&tijd=2024-K1'
		},
		{
			title: 'Samen met partners',
			text:
				'Welbions verlengt de levensduur van complexen in De Noork en isoleert ze; de gemeente richt de buitenruimte ' +
				'klimaatbestendig in en legt in Noord een warmtenet aan. Waar plannen samenvallen, ontstaan koppelkansen.',
			view: '?gemeente=GM0164&gebied=WK016402&laag=buurt&lagen=programmas,investeringen&tijd=2026-K2'
		},
		{
			title: 'In gesprek',
			text:
				'Wanneer is wijkgericht werken volgens u geslaagd? Denk aan het aantal inwoners dat actief is in de wijk, of ' +
				'de veiligheidsbeleving. Bent u het eens met de voorgestelde werkwijze, en hoe wilt u betrokken worden?',
			view: '?gemeente=GM0164&laag=wijk&thema=urgentie&lagen=programmas,investeringen&tijd=2026-K2'
		}
	]
});

async function needsSeed(db: Queryable): Promise<boolean> {
	if (!(await stories.isEmpty(db))) return false;
	const seeded = await db.query<{ id: number }>(
		`SELECT id FROM audit_log WHERE entity = 'story' AND user_id IS NULL AND user_name = $1 LIMIT 1`,
		[SEED_ACTOR.name]
	);
	return seeded.length === 0;
}

/** Seeds the story when there are none and it never was; null when there was nothing to do (or Hengelo is not loaded). */
export async function seedStories(db: Db, log: (message: string) => void = () => {}): Promise<{ stories: number; slides: number } | null> {
	if (!(await needsSeed(db))) return null;
	const loaded = await db.query<{ code: string }>(`SELECT DISTINCT gemeentecode AS code FROM areas WHERE level = 'buurt' AND gemeentecode = $1`, [
		SEED_STORY.gemeentecode
	]);
	if (!loaded.length) {
		log(`verhalen: geen buurten geladen voor ${SEED_STORY.gemeentecode}; het voorbeeldverhaal is overgeslagen`);
		return null;
	}
	const result = await db.transaction(async (tx) => {
		if (!(await needsSeed(tx))) return null;
		// The same checks as every write through the API: a mistake in the seed fails loudly.
		const errors = await checkSlideViews(tx, SEED_STORY.gemeentecode, SEED_STORY.slides);
		if (errors.length) throw new Error(`voorbeeldverhaal: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
		const created = await stories.create(tx, SEED_ACTOR, SEED_STORY, { source: SEED_STORY_SOURCE, createdBy: null });
		return { stories: 1, slides: created.slides.length };
	});
	if (result) log(`verhalen: "${SEED_STORY_TITLE}" aangemaakt met ${result.slides} dia's`);
	return result;
}
