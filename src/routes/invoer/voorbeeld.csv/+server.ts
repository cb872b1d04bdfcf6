// GET /invoer/voorbeeld.csv: an example delivery to fill in — the header and two rows, one located by
// buurtcode and one by coordinate, in the formats the importer reads (`;`, Dutch numbers, dd-mm-yyyy).
import { INVESTMENT_COLUMNS } from '../../../../geo/investments-sheet';

const EXAMPLE_ROWS = [
	['Welbions', 'De Noork complex 412 - levensduurverlenging', 'isolatie en levensduurverlengende ingrepen', 'BU01640202', '', '', '01-09-2024', '31-12-2026', '148', '6.200.000', 'in uitvoering', 'DEMODATA: voorbeeldrij, vervang door uw eigen projecten'],
	['Welbions', 'Groot Driene-Zuid - sloop/nieuwbouw portiekflats', 'sloop en nieuwbouw', '', '52,2589', '6,8211', '01-06-2027', '31-12-2030', '210', '31.500.000', 'in voorbereiding', 'DEMODATA: alleen een coördinaat (WGS84) bekend']
];

const quote = (value: string) => (/[;"\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function GET() {
	const lines = [INVESTMENT_COLUMNS.join(';'), ...EXAMPLE_ROWS.map((row) => row.map(quote).join(';'))];
	// The BOM makes Excel open the file as UTF-8 (otherwise "coördinaat" comes out garbled); CRLF as Excel writes.
	return new Response(`\uFEFF${lines.join('\r\n')}\r\n`, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="wijkbeeld-investeringen-voorbeeld.csv"',
			'cache-control': 'no-cache'
		}
	});
}
