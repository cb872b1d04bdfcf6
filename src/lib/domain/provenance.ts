// Where the numbers of a view come from, in the words the view shows: one line per source, the label for
// invented figures exactly where a shown value is synthetic, and for a view that mixes real and demo
// figures (the urgency score) which parts are real: "Gezondheid: RIVM 2020, modelschatting · overige
// domeinen: demodata".
import { DOMAIN_LABELS, SYNTHETIC_LABEL, type Domain, type Indicator, type SourceMeta } from './monitor';

export interface ViewProvenance {
	/** What the view's source line says. */
	source: string;
	/** A shown value is (partly) invented: show SYNTHETIC_LABEL. */
	synthetic: boolean;
	/** Some parts are real and some invented: `note` says which. */
	mixed: boolean;
	/** For a mixed view: "Gemengd — Gezondheid: RIVM 2020, modelschatting · overige domeinen: demodata". */
	note?: string;
	/** Any value is a model estimate (RIVM). */
	estimate?: 'modelschatting';
	/** SYNTHETIC_LABEL where a shown value is invented; absent for real figures only. */
	label?: string;
}

/** "RIVM" for "RIVM/GGD'en/CBS": the name a legend can carry. */
export function publisherShort(publisher: string): string {
	return publisher.split('/')[0].trim();
}

/** "RIVM 2020, modelschatting" or "CBS 2024": a real indicator's source with the year of its values. */
export function shortSource(indicator: Indicator, year: number): string {
	const meta = indicator.sourceMeta;
	if (!meta) return `${indicator.source} ${year}`;
	return `${publisherShort(meta.publisher)} ${year}${meta.estimate ? `, ${meta.estimate}` : ''}`;
}

/** The full source line of one real indicator's values in a year (legend, table, CSV). */
export function indicatorSource(indicator: Indicator, year: number): string {
	const meta = indicator.sourceMeta;
	if (!meta) return indicator.source;
	return statLineSource(meta, year, { licence: true });
}

/**
 * A StatLine table's source line for the values of one year: "RIVM/GGD'en/CBS, Gezondheid per wijk en buurt 2016
 * (StatLine 50090NED), modelschatting". A title that names its year already ("Kerncijfers wijken en buurten 2024")
 * does not get it twice.
 */
export function statLineSource(meta: SourceMeta, year: number, options: { licence?: boolean } = {}): string {
	const title = meta.title.endsWith(` ${year}`) ? meta.title : `${meta.title} ${year}`;
	return `${meta.publisher}, ${title} (StatLine ${meta.table})${meta.estimate ? `, ${meta.estimate}` : ''}${options.licence ? `, ${meta.licence}` : ''}`;
}

/**
 * Provenance of a score made of several domains: per domain whether its indicators are real (and from
 * which source and year) or demodata. `years` gives the year of each indicator's values (a wave).
 */
export function scoreProvenance(scored: readonly Indicator[], years: Readonly<Record<string, number>>, year: number): ViewProvenance {
	const real = new Map<Domain, Set<string>>();
	const demo = new Set<Domain>();
	let estimate = false;
	for (const indicator of scored) {
		const domain = indicator.domain as Domain;
		if (indicator.synthetic) demo.add(domain);
		else {
			(real.get(domain) ?? real.set(domain, new Set()).get(domain)!).add(shortSource(indicator, years[indicator.code] ?? year));
			if (indicator.sourceMeta?.estimate) estimate = true;
		}
	}
	const realParts = [...real].map(([domain, sources]) => `${DOMAIN_LABELS[domain]}: ${[...sources].join('; ')}`);
	if (realParts.length === 0) {
		return { source: 'demodata (synthetisch)', synthetic: demo.size > 0, mixed: false, ...(demo.size ? { label: SYNTHETIC_LABEL } : {}) };
	}
	const onlyDemo = [...demo].filter((d) => !real.has(d));
	const summary = [...realParts, ...(onlyDemo.length ? [`overige domeinen: demodata`] : [])].join(' · ');
	const mixed = onlyDemo.length > 0;
	return {
		source: summary,
		synthetic: mixed,
		mixed,
		...(estimate ? { estimate: 'modelschatting' as const } : {}),
		...(mixed ? { label: SYNTHETIC_LABEL, note: `Gemengd — ${summary}` } : {})
	};
}

/** Provenance of one indicator's values in a year. */
export function indicatorProvenance(indicator: Indicator, source: string, synthetic: boolean): ViewProvenance {
	return {
		source,
		synthetic,
		mixed: false,
		...(indicator.sourceMeta?.estimate ? { estimate: indicator.sourceMeta.estimate } : {}),
		...(synthetic ? { label: SYNTHETIC_LABEL } : {})
	};
}
