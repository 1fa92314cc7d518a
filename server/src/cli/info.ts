/**
 * `kamerwijzer info ID...`: what the sources know of documents given in any form the engine
 * recognizes — kst-29826-277, 29826-277, "Kamerstuk 29 826, nr. 277", 2025D44449, h-tk-20212022-62-7,
 * "Aanhangsel Handelingen II 2021/22, nr. 1456" — as text or JSON.
 * Online by default: what the cache lacks is looked up first.
 */
import { isAbsent, type CatalogDocument, type CatalogKey } from '../catalog/model';
import { parseOfficialId } from '../catalog/official/ids';
import { analyze } from '../engine/analyze';
import { isDocumentNumber, officialDossierText, parseKamerstukKey } from '../engine/identifiers';
import { parseKamerstukCitation } from '../engine/recognizers/kamerstuk';
import { handelingenTitle, kamerstukTitle } from '../features/citations';
import { formatDate } from '../features/describe';
import type { Locale, Messages } from '../l10n';
import type { Kamerwijzer } from '../service/kamerwijzer';

/** A document given on the command line, read as a catalog key; undefined when it reads as none. */
export function keyOf(written: string): CatalogKey | undefined {
  const s = written.trim();
  const official = parseOfficialId(s);
  if (official) return 'kamerstuk' in official ? { kind: 'kamerstuk', id: official.kamerstuk } : { kind: 'handelingen', id: official.handelingen };
  if (isDocumentNumber(s.toUpperCase())) return { kind: 'documentNumber', number: s.toUpperCase() };
  const id = parseKamerstukKey(s) ?? parseKamerstukCitation(s);
  if (id) return { kind: 'kamerstuk', id };
  for (const r of analyze(s).references) {
    if (r.kind === 'kamerstuk') return { kind: 'kamerstuk', id: { dossier: r.dossier, nr: r.nr } };
    if (r.kind === 'documentNumber') return { kind: 'documentNumber', number: r.number };
    if (r.kind === 'handelingen' && r.chamber) return { kind: 'handelingen', id: r };
  }
  return undefined;
}

export async function runInfo(ids: readonly string[], service: Kamerwijzer, json: boolean, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const keys = ids.map((id) => ({ id, key: keyOf(id) }));
  let failed = 0;
  for (const k of keys) if (!k.key) (failed++, err(m.cli.notAnId(k.id)));
  const known = keys.filter((k): k is { id: string; key: CatalogKey } => !!k.key);
  await service.catalog.fetch(known.map((k) => k.key));
  const results: { id: string; document: CatalogDocument | null }[] = [];
  for (const { id, key } of known) {
    const doc = await service.catalog.lookup(key);
    results.push({ id, document: doc ?? null });
  }
  if (json) out(JSON.stringify(results, null, 2) + '\n');
  else for (const r of results) out(describe(r.id, r.document, locale, m) + '\n');
  return failed ? 2 : 0;
}

function describe(id: string, d: CatalogDocument | null, locale: Locale, m: Messages): string {
  const heading = d?.kamerstuk ? kamerstukTitle(d.kamerstuk) : d?.handelingen ? handelingenTitle(d.handelingen) : id;
  if (!d || (!d.title && !d.type && !d.date && !isAbsent(d))) return `${heading}\n  ${m.cli.info.unknown}\n`;
  if (isAbsent(d)) return `${heading}\n  ${m.hover.absent(m.sourceNames[d.absent!.origin] ?? d.absent!.origin)}\n`;
  const lines = [heading + (d.type ? ` · ${d.type}` : '')];
  if (d.title) lines.push(`  ${d.title}`);
  if (d.date) lines.push(`  ${m.hover.date}: ${formatDate(d.date, locale)}`);
  if (d.kamerstuk) lines.push(`  ${m.hover.dossier}: ${officialDossierText(d.kamerstuk.dossier)}${d.dossierTitle ? ` — ${d.dossierTitle}` : ''}`);
  if (d.submitters?.length) lines.push(`  ${m.hover.submitters}: ${d.submitters.join(', ')}`);
  if (d.outcome) lines.push(`  ${m.hover.outcome}: ${m.diag.outcomes[d.outcome]}${d.outcomeDate ? ` (${formatDate(d.outcomeDate, locale)})` : ''}`);
  if (d.kabinetsappreciatie) lines.push(`  ${m.hover.appreciation}: ${d.kabinetsappreciatie}`);
  if (d.documentNumber && d.documentNumber !== d.id) lines.push(`  ${m.hover.documentNumber}: ${d.documentNumber}`);
  if (d.replacedBy) lines.push(`  ${m.hover.replacedBy(d.replacedBy)}`);
  const sources = [...new Set(d.sources.map((s) => s.url ?? m.sourceNames[s.origin] ?? s.origin))];
  if (sources.length) lines.push(`  ${m.hover.sources}: ${sources.join(', ')}`);
  return lines.join('\n') + '\n';
}
