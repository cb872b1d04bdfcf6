// File names of downloads: what a user sees in their downloads folder and in a wijkanalyse's appendix,
// so they say what is in the file: wijkbeeld-hengelo-de-noork-urgentie-2024.png.

/** Lower case ASCII words joined by dashes: "Hengelo (O)" → "hengelo-o", "Oële" → "oele". */
export function slug(text: string, maxLength = 48): string {
	const plain = text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/['’]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	if (plain.length <= maxLength) return plain;
	// Cut at a word boundary so that no half word ends the name.
	const cut = plain.slice(0, maxLength + 1);
	const lastDash = cut.lastIndexOf('-');
	return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : plain.slice(0, maxLength)).replace(/-$/, '');
}

export interface FileNameParts {
	gemeente: string;
	/** The selected area, when it is not the gemeente. */
	area?: string | null;
	/** "urgentie", an indicator's name, "gebiedskaart"; empty for a plain map of areas. */
	subject?: string | null;
	year?: number | null;
	/** What distinguishes this file from its siblings: "a4", "a4-liggend"; empty for the default size. */
	variant?: string | null;
	extension: 'png' | 'pdf';
}

export function exportFileName(parts: FileNameParts): string {
	const words = ['wijkbeeld', parts.gemeente, parts.area, parts.subject, parts.year ? String(parts.year) : null, parts.variant]
		.filter((w): w is string => !!w && w.trim() !== '')
		.map((w) => slug(w))
		.filter(Boolean);
	// Two neighbouring words can be the same ("hengelo" as gemeente and area): say it once.
	const unique = words.filter((w, i) => w !== words[i - 1]);
	return `${unique.join('-')}.${parts.extension}`;
}

/** What an export control says when it fails: "Exporteren is niet gelukt: de kaart was …". */
export function exportFailure(problem: unknown): string {
	const message = problem instanceof Error ? problem.message : String(problem);
	return `Exporteren is niet gelukt: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}
