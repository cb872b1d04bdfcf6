// Rebuilds geo/fixtures/in/statline/ from real rows of the shared RIVM file (run from the repository root: node scripts/make-statline-fixtures.mjs).
// Builds small StatLine fixtures from real rows of 2020_18plus.xlsx (exact layout: padded strings).
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
const src = '/work/shared/data/rivm/gezondheid_wijk_buurt_50090NED/2020_18plus.xlsx';
const want = new Set(['NL01', 'GM0164', 'WK016402', 'BU01640202', 'BU01640203', 'GM0153', 'BU01530301']);
const wb = new ExcelJS.stream.xlsx.WorkbookReader(src, { sharedStrings: 'cache', worksheets: 'emit', styles: 'ignore', hyperlinks: 'ignore' });
let header; const rows = [];
for await (const ws of wb) { for await (const row of ws) { const v = row.values.slice(1); if (!header) { header = v; continue; } if (want.has(String(v[3]).trim())) rows.push(v); } break; }
const width = header.length;
const norm = (r) => Array.from({ length: width }, (_, i) => r[i] ?? null);
const out = 'geo/fixtures/in/statline/';
async function xlsx(name, rs, h = header) {
  const w = new ExcelJS.Workbook(); const s = w.addWorksheet('50090NED');
  s.addRow(h); for (const r of rs) s.addRow(norm(r));
  await w.xlsx.writeFile(out + name);
}
const q = (c) => c === null || c === undefined ? '' : typeof c === 'number' ? String(c) : `"${String(c).replace(/"/g, '""')}"`;
function csvRaw(name, rs, h) { writeFileSync(out + name, [h.map(q).join(';'), ...rs.map((r) => r.map(q).join(';'))].join('\r\n') + '\r\n'); }
function csv(name, rs, h = header) { writeFileSync(out + name, [h.map(q).join(';'), ...rs.map((r) => norm(r).map(q).join(';'))].join('\r\n') + '\r\n'); }
const obj = (r, h = header) => Object.fromEntries(h.map((k, i) => [k, r[i] ?? null]));
await xlsx('rivm-2020-18plus.xlsx', rows);
csv('rivm-2020-18plus.csv', rows);
// OData: UntypedDataSet in two pages, as opendata.cbs.nl serves it.
const meta = 'https://opendata.cbs.nl/ODataApi/odata/50090NED/$metadata#Cbs.OData.WebAPI.UntypedDataSet';
writeFileSync(out + 'odata-page-1.json', JSON.stringify({ 'odata.metadata': meta, value: rows.slice(0, 4).map((r) => obj(r)), 'odata.nextLink': 'NEXT' }, null, 1));
writeFileSync(out + 'odata-page-2.json', JSON.stringify({ 'odata.metadata': meta, value: rows.slice(4).map((r) => obj(r)) }, null, 1));
// Bad inputs, each from the same rows.
const col = (k) => header.findIndex((h) => String(h).startsWith(k + '_'));
const noork = rows.findIndex((r) => String(r[3]).trim() === 'BU01640202');
const edit = (f) => rows.map((r, i) => { const c = [...norm(r)]; f(c, i); return c; });
csvRaw('fout-onderwerp-ontbreekt.csv', rows.map((r) => norm(r).filter((_, i) => i !== col('Eenzaam'))), header.filter((_, i) => i !== col('Eenzaam')));
csv('fout-abc.csv', edit((c, i) => { if (i === noork) c[col('Eenzaam')] = '     abc'; }));
await xlsx('fout-140-procent.xlsx', edit((c, i) => { if (i === noork) c[col('Roker')] = '   140.0'; }));
csv('fout-dubbele-rij.csv', [...rows, rows[noork]]);
csv('fout-onbekend-gebied.csv', [...rows, (() => { const c = [...norm(rows[noork])]; c[3] = 'BU01649999  '; c[7] = 'BU01649999          '; return c; })()]);
// Margins: the interval bounds of De Noork's estimate in rows of their own.
csv('marges.csv', [...rows, ...['MOG0095', 'MBG0095'].map((m, k) => { const c = [...norm(rows[noork])]; c[2] = m; for (let i = col('ErvarenGezondheidGoedZeerGoed'); i < width; i++) c[i] = c[i] === null || String(c[i]).trim() === '' || String(c[i]).trim() === '.' ? c[i] : Math.min(100, Math.max(0, Number(c[i]) + (k ? 2.5 : -2.5))).toFixed(1).padStart(8); return c; })]);
console.log(header.length, rows.length, rows.map((r) => String(r[3]).trim()));
