// The koppelkansen answer over HTTP, as JSON or as a CSV file; shared by /api/koppelkansen and its .csv alias.
import { error, json } from '@sveltejs/kit';
import { getDb } from './db';
import { parseQuery } from './http';
import { koppelkansenQuery } from './schemas';
import { NoAnalysis, koppelkansen } from './koppelkansen';
import { koppelkansenCsv, koppelkansenFileName } from '../domain/koppelkansen-csv';

export async function koppelkansenResponse(url: URL, format?: 'csv'): Promise<Response> {
	const q = parseQuery(url, koppelkansenQuery);
	let answer;
	try {
		answer = await koppelkansen(await getDb(), { gemeente: q.gemeente, level: q.level, from: q.from, to: q.to, domain: q.domain ?? null, kind: q.kind ?? null });
	} catch (e) {
		if (e instanceof NoAnalysis) error(404, e.message);
		throw e;
	}
	if ((format ?? q.format) === 'csv') {
		return new Response(koppelkansenCsv(answer.results), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${koppelkansenFileName(answer.gemeente.name, q.level, q.from, q.to)}"`
			}
		});
	}
	return json(answer.results);
}
