// The koppelkansen as a CSV file for Excel in a Dutch office: `;`-separated, Dutch headers and numbers, UTF-8 with
// a byte-order mark (so Excel reads €, ë and the dashes right), CRLF line ends, and the demodata label on every
// row whose figures are invented.
import { SYNTHETIC_LABEL } from './monitor';
import { KIND_LABELS, formatMonths, formatPoints, investmentPhrases, type KoppelkansResult } from './koppelkansen';

export const CSV_HEADERS = [
	'Rang',
	'Soort',
	'Gebiedscode',
	'Gebied',
	'Score',
	'Urgentiescore',
	'Urgentie',
	"Programma's",
	'Investeringen in het gebied',
	'Investeringen in de buurman',
	'Samen bezig',
	'Toelichting',
	'Opbouw van de score',
	'Wijkbudget',
	'Let op'
] as const;

/** A field as Excel reads it: quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string): string {
	// A cell that starts with = + - @ (or a tab or carriage return) is a formula to Excel and LibreOffice: a project
	// name "=HYPERLINK(…)" typed by anyone who may write would run on the reader's machine. A quote in front makes it
	// text (OWASP, "CSV Injection"); plain numbers such as -3,5 stay numbers.
	const safe = /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d[\d.,]*%?$/.test(value) ? `'${value}` : value;
	return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(r: KoppelkansResult): string[] {
	const neighbours = r.investments.filter((i) => i.neighbour);
	return [
		String(r.rank),
		KIND_LABELS[r.kind],
		r.code,
		r.name,
		formatPoints(r.score),
		formatPoints(r.urgency.value),
		r.urgency.domain ? `${r.urgency.class} (${r.urgency.domain})` : r.urgency.class,
		r.programmes.map((p) => p.name).join(' | '),
		investmentPhrases(r.investments.filter((i) => !i.neighbour)).join(' | '),
		neighbours.map((i) => `${i.buurtName}: ${investmentPhrases([i])[0]}`).join(' | '),
		r.coupling ? formatMonths(r.coupling.from, r.coupling.to) : '',
		r.explanation,
		r.scoreParts.map((p) => `${p.label} ${formatPoints(p.points)} (${p.explanation})`).join(' + '),
		r.wijkbudget ?? '',
		r.synthetic ? SYNTHETIC_LABEL : ''
	];
}

export function koppelkansenCsv(results: readonly KoppelkansResult[]): string {
	const lines = [CSV_HEADERS.join(';'), ...results.map((r) => row(r).map(csvField).join(';'))];
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** "koppelkansen-hengelo-buurten-2026-01-01-tot-2029-12-31.csv" */
export function koppelkansenFileName(gemeente: string, level: string, from: string, to: string): string {
	const slug = gemeente
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	const levels: Record<string, string> = { buurt: 'buurten', wijk: 'wijken', stadsdeel: 'stadsdelen' };
	return `koppelkansen-${slug}-${levels[level] ?? level}-${from}-tot-${to}.csv`;
}
