// Turns a story's slides into snapshots (src/lib/story/snapshot.ts): for each slide the areas of its level with
// their fill colours, the outlines, the labels and the register overlays of its quarter, as one MapLibre style with
// the data inline, plus the camera and the words around the map. Reuses the page's own modules (areas, themeData,
// buildChoropleth, programmes/investments features) so a slide shows what the main page shows for the same URL.
// Signals are never part of a snapshot: stories are public, signals are for staff.
import type { Queryable } from './db/client';
import * as areas from './db/areas';
import * as programmes from './db/programmes';
import * as investments from './db/investments';
import { themeData } from './monitor';
import { parseSlideView, describeProblems, type SlideView } from '../story/view';
import { buildSlideStyle, type Collection, type StyleVariant } from '../story/slide-style';
import {
	areaValueText,
	investmentRadius,
	investmentRow,
	legendModel,
	overlayEntries,
	programmeRow,
	type InvestmentProperties,
	type ProgrammeProperties
} from '../story/legend';
import type { SlideMeta, SlideSnapshot, SnapshotCamera, StorySnapshot } from '../story/snapshot';
import type { Story, Slide } from '../domain/stories';
import { LEVEL_LABELS, type AreaDetail, type GemeenteSummary } from '../domain/areas';
import { shownLevel } from '../domain/view-state';
import { CLASS_METHOD_LABELS } from '../domain/theme-state';
import { SYNTHETIC_LABEL } from '../domain/monitor';
import { DEFAULT_WEIGHTS, parseWeights } from '../domain/urgency';
import { INDICATOR_PALETTE, URGENCY_PALETTE } from '../domain/palettes';
import { quarterLabel, quarterRange, type MeasureCategory } from '../domain/register';
import { bboxOf, intersects, type BBox } from '../domain/geometry';
import { buildChoropleth } from '../map/choropleth';
import { focusCodes, mapLabel, type AreaCollection } from '../map/focus';
import { ATTRIBUTION } from '../map/style';

export interface SnapshotOptions {
	/** The app's public origin, for the live links ("https://wijkbeeld.hengelo.nl"). */
	origin: string;
	variant?: StyleVariant;
	now?: Date;
}

/** What several slides of one story share, loaded once. */
class Loader {
	private features = new Map<string, Promise<areas.AreaFeatureCollection | null>>();
	private details = new Map<string, Promise<AreaDetail | null>>();
	private largest = new Map<string, Promise<{ amount: number; dwellings: number }>>();
	private context: Promise<areas.AreaFeatureCollection> | undefined;
	gemeenten: Promise<GemeenteSummary[]>;

	constructor(private db: Queryable) {
		this.gemeenten = areas.listGemeenten(db);
	}

	levelFeatures(gemeente: string, level: Parameters<typeof areas.listFeatures>[2]) {
		const key = `${gemeente}/${level}`;
		if (!this.features.has(key)) this.features.set(key, areas.listFeatures(this.db, gemeente, level));
		return this.features.get(key)!;
	}

	area(code: string) {
		if (!this.details.has(code)) this.details.set(code, areas.get(this.db, code));
		return this.details.get(code)!;
	}

	contextGemeenten() {
		this.context ??= areas.listContextGemeenten(this.db);
		return this.context;
	}

	/** The largest amount and number of dwellings among the gemeente's investments: circles scale against these. */
	largestInvestment(gemeente: string) {
		if (!this.largest.has(gemeente)) {
			this.largest.set(
				gemeente,
				investments.list(this.db, { gemeentecode: gemeente }).then((items) => ({
					amount: Math.max(0, ...items.map((i) => i.amountEur ?? 0)),
					dwellings: Math.max(0, ...items.map((i) => i.dwellings ?? 0))
				}))
			);
		}
		return this.largest.get(gemeente)!;
	}
}

const empty = (): Collection => ({ type: 'FeatureCollection', features: [] });

/** [w, s, e, n] grown by `factor` of its size on every side. */
function grow(box: BBox, factor: number): BBox {
	const dx = (box[2] - box[0]) * factor;
	const dy = (box[3] - box[1]) * factor;
	return [box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy];
}

export class SnapshotError extends Error {}

/**
 * Investments at the same place (several projects in one buurt, all on its label point) are set on a small ring
 * around it, so that each circle can be seen. A stand-in until the register's own layer module spreads them.
 */
export function spreadCoinciding<F extends { geometry: unknown }>(features: F[], metres = 90): F[] {
	const groups = new Map<string, number[]>();
	features.forEach((f, i) => {
		const [x, y] = (f.geometry as { coordinates: [number, number] }).coordinates;
		const key = `${x.toFixed(4)},${y.toFixed(4)}`;
		groups.set(key, [...(groups.get(key) ?? []), i]);
	});
	const out = [...features];
	for (const members of groups.values()) {
		if (members.length < 2) continue;
		members.forEach((index, k) => {
			const [x, y] = (features[index].geometry as { coordinates: [number, number] }).coordinates;
			const angle = (2 * Math.PI * k) / members.length - Math.PI / 2;
			const dy = (metres * Math.sin(angle)) / 111_320;
			const dx = (metres * Math.cos(angle)) / (111_320 * Math.cos((y * Math.PI) / 180));
			out[index] = { ...features[index], geometry: { type: 'Point', coordinates: [x + dx, y + dy] } };
		});
	}
	return out;
}

const placeOf = (selected: AreaDetail, gemeente: GemeenteSummary) =>
	selected.level === 'gemeente' ? gemeente.name : `${selected.name}, ${gemeente.name}`;

export async function slideSnapshot(
	db: Queryable,
	loader: Loader,
	slide: Slide,
	position: { number: number; count: number; storyTitle: string },
	options: Required<Pick<SnapshotOptions, 'origin' | 'variant'>> & { now: Date }
): Promise<SlideSnapshot> {
	const gemeenten = await loader.gemeenten;
	const parsed = parseSlideView(slide.view, { gemeenten: gemeenten.map((g) => g.code) });
	if (!parsed.ok) throw new SnapshotError(`Dia "${slide.title}": het kaartbeeld ${slide.view} is niet meer te tonen (${describeProblems(parsed.problems)})`);
	const sv: SlideView = parsed.value;
	const gemeente = gemeenten.find((g) => g.code === sv.view.gemeente)!;
	const gemeenteDetail = await loader.area(gemeente.code);
	if (!gemeenteDetail) throw new SnapshotError(`Gemeente ${gemeente.code} is niet geladen`);
	// An area that is gone (a new CBS year) shows the whole gemeente rather than failing the whole story.
	const selected = (sv.view.gebied ? await loader.area(sv.view.gebied) : null) ?? gemeenteDetail;
	const level = shownLevel(sv.view, selected.level, gemeente.hasStadsdelen);
	const collection = await loader.levelFeatures(gemeente.code, level);
	if (!collection) throw new SnapshotError(`Geen gebieden geladen voor ${gemeente.name}`);

	// The theme, classified as on the page but with the projector's palette.
	const theme = sv.theme;
	const weights = theme.gewichten ? parseWeights(theme.gewichten) : DEFAULT_WEIGHTS;
	const monitor = theme.thema
		? await themeData(db, { gemeente: gemeente.code, level, thema: theme.thema, indicator: theme.indicator, year: theme.jaar, vergelijk: theme.vergelijk, sinds: theme.sinds, weights })
		: null;
	const choropleth = monitor
		? buildChoropleth(monitor.values, {
				method: theme.methode,
				classes: theme.klassen,
				manualBreaks: theme.grenzen,
				diverging: monitor.diverging,
				palette: monitor.kind === 'urgentie' ? URGENCY_PALETTE : INDICATOR_PALETTE,
				variant: options.variant
			})
		: null;
	const valueOf = new Map((monitor?.values ?? []).map((v) => [v.code, v]));
	const suppressed = new Set(choropleth?.suppressed.codes ?? []);
	const focus = focusCodes(collection as unknown as AreaCollection, level, selected);
	const focusSet = focus === null ? null : new Set(focus);
	const selectedCode = selected.level === 'gemeente' ? null : selected.code;
	// Which labels come first when they collide: the classes that matter most (the darkest; both ends of a
	// diverging scale), so that the most urgent areas carry their names.
	const classCount = choropleth?.classes.length ?? 0;
	const classOf = new Map(choropleth?.classes.map((c, i) => [c.colour, i]) ?? []);
	const labelRank = (code: string): number => {
		const i = classOf.get(choropleth?.colours.get(code) ?? '');
		if (i === undefined) return classCount;
		return monitor?.diverging ? Math.min(i, classCount - 1 - i) : classCount - 1 - i;
	};

	const areaFeatures: Collection = {
		type: 'FeatureCollection',
		features: collection.features.map((f) => {
			const fill = choropleth ? (choropleth.colours.get(f.properties.code) ?? (suppressed.has(f.properties.code) ? '#ffffff' : choropleth.noData.colour)) : undefined;
			return {
				type: 'Feature',
				id: f.properties.code,
				geometry: f.geometry,
				properties: {
					code: f.properties.code,
					name: f.properties.name,
					level: f.properties.level,
					selected: f.properties.code === selectedCode,
					focus: focusSet === null || focusSet.has(f.properties.code),
					suppressed: suppressed.has(f.properties.code),
					...(fill ? { fill } : {})
				}
			};
		})
	};
	// One level up drawn stronger: wijken over buurten, stadsdelen over wijken.
	const parentLevel = level === 'buurt' ? 'wijk' : level === 'wijk' && gemeente.hasStadsdelen ? 'stadsdeel' : null;
	const parentLines = parentLevel ? await loader.levelFeatures(gemeente.code, parentLevel) : null;
	const gemeenteOutline = (await loader.levelFeatures(gemeente.code, 'gemeente')) ?? empty();
	const selectionFeature = selectedCode
		? [
				...collection.features,
				...((parentLines?.features ?? []) as typeof collection.features),
				...((await loader.levelFeatures(gemeente.code, selected.level))?.features ?? [])
			].find((f) => f.properties.code === selectedCode)
		: undefined;

	// The register's overlays of the slide's quarter (all periods without one).
	const range = sv.quarter ? quarterRange(sv.quarter) : null;
	const listOptions = { gemeentecode: gemeente.code, ...(range ? { from: range.from, to: range.to } : {}) };
	const wantsProgrammes = sv.layers.includes('programmas') || sv.layers.includes('focusgebieden');
	// Only what the slide's camera shows (with a margin): the legend and the text equivalent count what the room sees.
	const inView = grow((sv.view.kaart ? gemeente.bbox : selected.bbox) as BBox, 0.35);
	const shows = (geometry: unknown) => intersects(bboxOf(geometry as { type: string; coordinates: unknown }), inView);
	let programmeFeatures: Collection | null = null;
	if (wantsProgrammes) {
		const all = await programmes.features(db, listOptions);
		programmeFeatures = {
			type: 'FeatureCollection',
			features: all.features.filter(
				(f) => (f.properties.kind === 'focusgebied' ? sv.layers.includes('focusgebieden') : sv.layers.includes('programmas')) && shows(f.geometry)
			)
		};
	}
	let investmentFeatures: Collection | null = null;
	if (sv.layers.includes('investeringen')) {
		const all = await investments.features(db, listOptions);
		const largest = await loader.largestInvestment(gemeente.code);
		investmentFeatures = {
			type: 'FeatureCollection',
			features: spreadCoinciding(all.features.filter((f) => shows(f.geometry))).map((f) => ({
				...f,
				properties: {
					...f.properties,
					radius:
						sv.size === 'woningen'
							? investmentRadius((f.properties.dwellings as number | null) ?? null, largest.dwellings)
							: investmentRadius((f.properties.amountEur as number | null) ?? null, largest.amount)
				}
			}))
		};
	}

	// An investment placed by its buurt sits on the buurt's label point: the label moves below the circle then.
	const occupied = (investmentFeatures?.features ?? []).map((f) => (f.geometry as { coordinates: [number, number] }).coordinates);
	const labels: Collection = {
		type: 'FeatureCollection',
		features: collection.features.map((f) => ({
			type: 'Feature',
			properties: {
				code: f.properties.code,
				name: mapLabel(f.properties.name),
				selected: f.properties.code === selectedCode,
				rank: labelRank(f.properties.code),
				shift: occupied.some(([x, y]) => Math.abs(x - f.properties.label[0]) < 0.0015 && Math.abs(y - f.properties.label[1]) < 0.001)
			},
			geometry: { type: 'Point', coordinates: f.properties.label }
		}))
	};

	// Neighbouring gemeenten around what the slide shows, for orientation (not all of the Netherlands).
	const around = grow(gemeente.bbox as BBox, 0.6);
	const context = await loader.contextGemeenten();
	const contextFeatures: Collection = {
		type: 'FeatureCollection',
		features: context.features.filter((f) => intersects(bboxOf(f.geometry as { type: string; coordinates: unknown }), around))
	};

	const style = buildSlideStyle(
		{
			context: contextFeatures,
			gemeente: gemeenteOutline,
			areas: areaFeatures,
			parentLines,
			selection: { type: 'FeatureCollection', features: selectionFeature ? [selectionFeature] : [] },
			labels,
			programmes: programmeFeatures,
			investments: investmentFeatures
		},
		options.variant
	);

	const camera: SnapshotCamera = {
		bounds: (selected.bbox ?? gemeente.bbox) as SnapshotCamera['bounds'],
		// Room for half a label (up to nine letters of 26 px either side of its point), so that no name is cut off at
		// the edge of the map; source and buttons sit in a bar below the map, not over it.
		padding: 110,
		maxZoom: 14,
		...(sv.view.kaart ? { center: [sv.view.kaart.lng, sv.view.kaart.lat] as [number, number], zoom: sv.view.kaart.zoom } : {})
	};

	const levelLabel = LEVEL_LABELS[level].many;
	const overlaysOn = programmeFeatures || investmentFeatures;
	const legend = legendModel(
		choropleth,
		monitor
			? {
					title: monitor.title,
					subtitle: [monitor.comparison ?? monitor.unit, String(monitor.year), levelLabel, placeOf(selected, gemeente), sv.quarter ? quarterLabel(sv.quarter) : null]
						.filter(Boolean)
						.join(' · '),
					method: monitor.diverging ? 'gelijke stappen rond 0' : CLASS_METHOD_LABELS[theme.methode],
					unit: monitor.unit,
					signed: monitor.diverging
				}
			: null,
		overlayEntries({
			programmes: programmeFeatures
				? programmeFeatures.features.reduce<Record<string, number>>((counts, f) => {
						const kind = String(f.properties.kind);
						counts[kind] = (counts[kind] ?? 0) + 1;
						return counts;
					}, {})
				: null,
			investments: investmentFeatures ? investmentFeatures.features.length : null,
			investmentCategories: (investmentFeatures?.features ?? []).reduce<Partial<Record<MeasureCategory, number>>>((counts, f) => {
				const category = f.properties.category as MeasureCategory;
				counts[category] = (counts[category] ?? 0) + 1;
				return counts;
			}, {}),
			size: sv.size
		})
	);
	const overlayRows = [
		...(programmeFeatures?.features ?? []).map((f) => programmeRow(f.properties as unknown as ProgrammeProperties)),
		...(investmentFeatures?.features ?? []).map((f) => investmentRow(f.properties as unknown as InvestmentProperties))
	];
	const synthetic = Boolean(monitor?.synthetic) || overlayRows.some((r) => r.synthetic);
	const place = placeOf(selected, gemeente);
	const what = monitor ? `${monitor.title}${monitor.comparison ? ` (${monitor.comparison})` : ''}` : LEVEL_LABELS[level].many[0].toUpperCase() + levelLabel.slice(1);
	const subtitle = [what, monitor ? levelLabel : null, place, monitor ? String(monitor.year) : null, sv.quarter ? quarterLabel(sv.quarter) : null]
		.filter(Boolean)
		.join(' · ');
	const sources = [monitor?.source, overlaysOn ? "Wijkbeeld-register (programma's en investeringen)" : null].filter(Boolean);
	const meta: SlideMeta = {
		title: slide.title,
		text: slide.text,
		subtitle,
		storyTitle: position.storyTitle,
		number: position.number,
		count: position.count,
		gemeente: { code: gemeente.code, name: gemeente.name },
		level,
		selected: { code: selected.code, name: selected.name, level: selected.level },
		layers: [...sv.layers],
		quarter: sv.quarter ? `${sv.quarter.year}-K${sv.quarter.q}` : null,
		quarterLabel: sv.quarter ? quarterLabel(sv.quarter) : null,
		legend,
		source: `Bron: ${[...sources, ATTRIBUTION.replace(/^Bron:\s*/, '')].join('; ')}`,
		attribution: ATTRIBUTION,
		peiljaar: monitor?.year ?? null,
		generatedAt: options.now.toISOString(),
		synthetic,
		syntheticLabel: synthetic ? SYNTHETIC_LABEL : null,
		link: `${options.origin.replace(/\/$/, '')}/${parsed.search}`,
		view: parsed.search,
		areas: collection.features
			.map((f) => {
				const v = valueOf.get(f.properties.code);
				return {
					code: f.properties.code,
					name: f.properties.name,
					value: monitor ? areaValueText(v?.value ?? null, v?.suppressed ?? false, monitor.unit) : null,
					selected: f.properties.code === selectedCode
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name, 'nl')),
		overlays: overlayRows
	};
	return { id: slide.id, style, camera, meta };
}

/** Every slide of a story as a snapshot, in order. */
export async function storySnapshot(db: Queryable, story: Story, options: SnapshotOptions): Promise<StorySnapshot> {
	const loader = new Loader(db);
	const now = options.now ?? new Date();
	const settings = { origin: options.origin, variant: options.variant ?? 'projector', now };
	const slides: SlideSnapshot[] = [];
	// One after another: PGlite has a single session, and the loader shares what slides have in common.
	for (const [i, slide] of story.slides.entries()) {
		slides.push(await slideSnapshot(db, loader, slide, { number: i + 1, count: story.slides.length, storyTitle: story.title }, settings));
	}
	const gemeente = (await loader.gemeenten).find((g) => g.code === story.gemeentecode);
	const synthetic = slides.some((s) => s.meta.synthetic);
	return {
		id: story.id,
		title: story.title,
		description: story.description,
		gemeente: { code: story.gemeentecode, name: gemeente?.name ?? story.gemeentecode },
		generatedAt: now.toISOString(),
		synthetic,
		syntheticLabel: synthetic ? SYNTHETIC_LABEL : null,
		attribution: ATTRIBUTION,
		slides
	};
}

/** One slide on its own (a preview of a view before it is added to a story). */
export async function viewSnapshot(db: Queryable, view: string, title: string, options: SnapshotOptions): Promise<SlideSnapshot> {
	const settings = { origin: options.origin, variant: options.variant ?? 'projector', now: options.now ?? new Date() };
	return slideSnapshot(db, new Loader(db), { id: 0, title, text: '', view }, { number: 1, count: 1, storyTitle: title }, settings);
}
