// The indicator picker's options: the catalogue grouped by domain, with a StatLine topic (RIVM) shown once
// and its age groups chosen beside it, and real sources named in the group's label.
import { DOMAINS, DOMAIN_LABELS, type Indicator } from './monitor';
import { publisherShort } from './provenance';

export interface IndicatorOption {
	/** The code the option selects: the topic's indicator in the chosen age group (18+ by default). */
	code: string;
	label: string;
}

export interface IndicatorGroup {
	key: string;
	label: string;
	options: IndicatorOption[];
}

const DEFAULT_AGE = '18plus';

/** Groups: per domain the demo/own indicators, then per domain and real source its topics ("Gezondheid — RIVM, modelschatting"). */
export function indicatorGroups(catalogue: readonly Indicator[], selected: string | null): IndicatorGroup[] {
	const chosen = catalogue.find((i) => i.code === selected);
	const groups: IndicatorGroup[] = [];
	for (const domain of ['context', ...DOMAINS] as const) {
		const inDomain = catalogue.filter((i) => i.domain === domain);
		const plain = inDomain.filter((i) => !i.topic);
		if (plain.length) {
			const real = plain.filter((i) => !i.synthetic && i.sourceMeta);
			const demo = plain.filter((i) => i.synthetic || !i.sourceMeta);
			if (demo.length) groups.push({ key: domain, label: DOMAIN_LABELS[domain], options: demo.map((i) => ({ code: i.code, label: i.name })) });
			const bySource = new Map<string, Indicator[]>();
			for (const i of real) bySource.set(i.sourceMeta!.publisher, [...(bySource.get(i.sourceMeta!.publisher) ?? []), i]);
			for (const [publisher, list] of bySource) {
				groups.push({ key: `${domain}-${publisher}`, label: `${DOMAIN_LABELS[domain]} — ${publisherShort(publisher)}`, options: list.map((i) => ({ code: i.code, label: i.name })) });
			}
		}
		const topics = new Map<string, Indicator[]>();
		for (const i of inDomain.filter((i) => i.topic)) topics.set(i.topic!, [...(topics.get(i.topic!) ?? []), i]);
		if (topics.size === 0) continue;
		const first = [...topics.values()][0][0];
		const meta = first.sourceMeta;
		const options = [...topics.values()].map((members) => {
			// Keep the chosen age group when switching topic.
			const age = chosen?.ageGroup ?? DEFAULT_AGE;
			const pick = members.find((m) => m.ageGroup === age) ?? members.find((m) => m.ageGroup === DEFAULT_AGE) ?? members[0];
			const current = members.find((m) => m.code === selected);
			return { code: current?.code ?? pick.code, label: pick.topicName ?? pick.name };
		});
		groups.push({
			key: `${domain}-topics`,
			label: `${DOMAIN_LABELS[domain]} — ${meta ? `${publisherShort(meta.publisher)}${meta.estimate ? `, ${meta.estimate}` : ''}` : 'onderwerpen'}`,
			options
		});
	}
	return groups;
}

/** The age groups of the selected indicator's topic, to choose from beside the picker; empty for a plain indicator. */
export function ageGroupOptions(catalogue: readonly Indicator[], selected: string | null): IndicatorOption[] {
	const chosen = catalogue.find((i) => i.code === selected);
	if (!chosen?.topic) return [];
	return catalogue
		.filter((i) => i.topic === chosen.topic && i.ageGroup)
		.map((i) => ({ code: i.code, label: i.ageGroupName ?? i.ageGroup! }));
}
