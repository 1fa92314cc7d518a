import { analyze, type AnalyzeOptions } from '../engine/analyze';
import type { DocumentAnalysis, ReferenceKind } from '../engine/model';
import type { Messages } from '../l10n';
import type { InputDocument } from './documents';

const KINDS: readonly ReferenceKind[] = ['kamerstuk', 'dossier', 'documentNumber', 'motion', 'amount', 'deadline'];

export interface CheckOptions {
  readonly documentDate?: string;
}

/** `kamerwijzer check`: a readable summary per document of what was found. */
export function runCheck(docs: readonly InputDocument[], options: CheckOptions, m: Messages, out: (s: string) => void): void {
  const totals = new Map<ReferenceKind | 'footnote', number>();
  for (const doc of docs) {
    const opts: AnalyzeOptions = { known: doc.known, ...(options.documentDate ? { documentDate: options.documentDate } : {}) };
    const analysis = analyze(doc.text, opts);
    out(`${doc.displayPath}\n`);
    out(`  ${identityLine(analysis, m)}\n`);
    const counts = countKinds(analysis);
    for (const [k, n] of counts) totals.set(k, (totals.get(k) ?? 0) + n);
    out(`  ${summaryLine(counts, m)}\n\n`);
  }
  out(`${m.cli.total} (${m.cli.files(docs.length)}): ${summaryLine(totals, m)}\n`);
}

function identityLine(a: DocumentAnalysis, m: Messages): string {
  const parts: string[] = [];
  if (a.metadata.kamerstuk) parts.push(`Kamerstuk ${a.metadata.kamerstuk.dossier}-${a.metadata.kamerstuk.nr}`);
  if (a.metadata.documentNumber) parts.push(a.metadata.documentNumber);
  parts.push(a.metadata.date ? m.cli.date(a.metadata.date) : m.cli.noDate);
  if (a.metadata.title) parts.push(a.metadata.title);
  return parts.join(' · ');
}

function countKinds(a: DocumentAnalysis): Map<ReferenceKind | 'footnote', number> {
  const counts = new Map<ReferenceKind | 'footnote', number>();
  for (const r of a.references) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  counts.set('footnote', a.footnotes.length);
  return counts;
}

function summaryLine(counts: ReadonlyMap<ReferenceKind | 'footnote', number>, m: Messages): string {
  const parts = [...KINDS, 'footnote' as const].filter((k) => (counts.get(k) ?? 0) > 0).map((k) => m.cli.count[k](counts.get(k)!));
  return parts.length ? parts.join(' · ') : m.cli.nothingFound;
}
