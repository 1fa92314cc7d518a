/**
 * What `kamerwijzer check` prints: findings like a compiler and a summary per document (text), the
 * findings as JSON, or SARIF 2.1.0 (OASIS) for code-review tools, columns in UTF-16 code units as
 * LSP counts them.
 */
import { detachedCopy, packedLines, type DocumentLines, type IndexedDocument } from '../catalog/workspaceIndex';
import type { DocumentAnalysis, DocumentMetadata, Range, ReferenceKind } from '../engine/model';
import { formatDate } from '../features/describe';
import type { DiagnosticRule } from '../features/diagnostics/model';
import { SEVERITIES, type CheckedFinding, type DiagnosticSettings, type FixEdit, type Severity } from '../features/model';
import type { Locale, Messages } from '../l10n';
import type { InputDocument } from './documents';
import { jsonArrayWriter } from './jsonArray';

export interface CheckedDocument {
  readonly input: InputDocument;
  readonly doc: CheckedSummary;
  readonly findings: readonly CheckedFinding[];
}

/** What the output needs of a checked document (its analysis is let go once it is checked). */
export interface CheckedSummary {
  readonly uri: string;
  readonly lines: DocumentLines;
  readonly metadata: DocumentMetadata;
  readonly counts: ReadonlyMap<ReferenceKind | 'footnote' | 'instrument', number>;
}

export function checkedSummary(doc: IndexedDocument): CheckedSummary {
  return { uri: doc.uri, lines: packedLines(doc), metadata: detachedCopy(doc.analysis.metadata), counts: countKinds(doc.analysis) };
}

const KINDS: readonly ReferenceKind[] = ['kamerstuk', 'dossier', 'documentNumber', 'handelingen', 'motion', 'amount', 'deadline'];

/**
 * Prints checked documents as they come: text and JSON print each document at once and keep nothing
 * of it (the findings of a large archive are not held until the end); SARIF, whose fixes and related
 * places cite other documents, prints them all at the end.
 */
export interface CheckPrinter {
  document(c: CheckedDocument): void;
  end(): void;
}

export function checkPrinter(
  format: 'text' | 'json' | 'sarif',
  options: { readonly showHints: boolean; readonly diagnostics: DiagnosticSettings; readonly version: string },
  rules: readonly DiagnosticRule[],
  locale: Locale,
  m: Messages,
  out: (s: string) => void,
): CheckPrinter {
  if (format === 'json') return jsonPrinter(out);
  if (format === 'text') return textPrinter(options, locale, m, out);
  const checked: CheckedDocument[] = [];
  return { document: (c) => void checked.push(c), end: () => printSarif(checked, rules, options, out) };
}

/** Findings like a compiler and a summary per document; the totals at the end. */
function textPrinter(options: { readonly showHints: boolean }, locale: Locale, m: Messages, out: (s: string) => void): CheckPrinter {
  const totals = new Map<string, number>();
  const findingTotals = new Map<Severity, number>();
  let files = 0;
  return {
    document(c) {
      files++;
      let hidden = 0;
      for (const f of c.findings) {
        if (f.severity === 'hint' && !options.showHints) {
          hidden++;
          continue;
        }
        out(`${c.input.displayPath}:${f.range.start.line + 1}:${f.range.start.character + 1} ${m.cli.severity[f.severity]} ${f.code} ${f.message}\n`);
      }
      if (c.findings.length - hidden > 0) out('\n');
      out(`${c.input.displayPath}\n`);
      out(`  ${identityLine(c.doc.metadata, locale, m)}\n`);
      const counts = c.doc.counts;
      for (const [k, n] of counts) totals.set(k, (totals.get(k) ?? 0) + n);
      out(`  ${summaryLine(counts, m)}\n`);
      const bySeverity = countSeverities(c.findings);
      for (const [k, n] of bySeverity) findingTotals.set(k, (findingTotals.get(k) ?? 0) + n);
      out(`  ${findingsLine(bySeverity, m)}${hidden ? ` (${m.cli.hiddenHints(hidden)})` : ''}\n\n`);
    },
    end() {
      out(`${m.cli.total} (${m.cli.files(files)}): ${summaryLine(totals, m)}\n`);
      out(`${m.cli.total}: ${findingsLine(findingTotals, m)}\n`);
    },
  };
}

function identityLine(metadata: DocumentMetadata, locale: Locale, m: Messages): string {
  const parts: string[] = [];
  if (metadata.kamerstuk) parts.push(`Kamerstuk ${metadata.kamerstuk.dossier}-${metadata.kamerstuk.nr}`);
  if (metadata.documentNumber) parts.push(metadata.documentNumber);
  parts.push(metadata.date ? m.cli.date(formatDate(metadata.date, locale)) : m.cli.noDate);
  if (metadata.title) parts.push(metadata.title);
  return parts.join(' · ');
}

function countKinds(a: DocumentAnalysis): Map<ReferenceKind | 'footnote' | 'instrument', number> {
  const counts = new Map<ReferenceKind | 'footnote' | 'instrument', number>();
  for (const r of a.references) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  counts.set('footnote', a.footnotes.length);
  counts.set('instrument', a.instruments.length);
  return counts;
}

function summaryLine(counts: ReadonlyMap<string, number>, m: Messages): string {
  const parts = [...KINDS, 'footnote' as const, 'instrument' as const].filter((k) => (counts.get(k) ?? 0) > 0).map((k) => m.cli.count[k](counts.get(k)!));
  return parts.length ? parts.join(' · ') : m.cli.nothingFound;
}

function countSeverities(findings: readonly CheckedFinding[]): Map<Severity, number> {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  return counts;
}

function findingsLine(counts: ReadonlyMap<Severity, number>, m: Messages): string {
  const parts = [...SEVERITIES].reverse().filter((s) => (counts.get(s) ?? 0) > 0).map((s) => m.cli.findings[s](counts.get(s)!));
  return parts.length ? parts.join(' · ') : m.cli.noFindings;
}

/** The documents as one JSON array (jsonArrayWriter), each written when it comes. */
function jsonPrinter(out: (s: string) => void): CheckPrinter {
  const array = jsonArrayWriter(out);
  return { document: (c) => array.element(documentJson(c)), end: () => array.end() };
}

function documentJson(c: CheckedDocument): unknown {
  return {
    file: c.input.displayPath,
    documentDate: c.doc.metadata.date ?? null,
    diagnostics: c.findings.map((f) => ({
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      severity: f.severity,
      code: f.code,
      message: f.message,
      ...(f.related?.length ? { related: f.related.map((r) => ({ uri: r.uri, line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message })) } : {}),
      ...(f.fixes?.length ? { fixes: f.fixes.map((x) => x.title) } : {}),
    })),
  };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });

function printSarif(
  checked: readonly CheckedDocument[],
  rules: readonly DiagnosticRule[],
  options: { readonly diagnostics: DiagnosticSettings; readonly version: string },
  out: (s: string) => void,
): void {
  const artifactOf = new Map(checked.map((c) => [c.doc.uri, c.input.displayPath]));
  const sarifRules = rules.map((r) => {
    const level = options.diagnostics.severity[r.code] ?? r.defaultSeverity;
    return {
      id: r.code,
      shortDescription: { text: r.description },
      helpUri: `https://github.com/kamerwijzer/kamerwijzer#${r.code}`,
      defaultConfiguration: { level: level === 'off' ? 'none' : SARIF_LEVEL[level] },
    };
  });
  const results = checked.flatMap((c) =>
    c.findings.map((f) => ({
      ruleId: f.code,
      ruleIndex: rules.findIndex((r) => r.code === f.code),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: c.input.displayPath }, region: region(f.range) } }],
      ...(f.related?.length
        ? {
            relatedLocations: f.related.map((r, i) => ({
              id: i + 1,
              message: { text: r.message },
              physicalLocation: { artifactLocation: { uri: artifactOf.get(r.uri) ?? r.uri }, region: region(r.range) },
            })),
          }
        : {}),
      ...(f.fixes?.length
        ? {
            fixes: f.fixes.map((x) => ({
              description: { text: x.title },
              artifactChanges: groupEdits(x.edits, checked).map(([uri, replacements]) => ({ artifactLocation: { uri: artifactOf.get(uri) ?? uri }, replacements })),
            })),
          }
        : {}),
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Kamerwijzer', version: options.version, informationUri: 'https://github.com/kamerwijzer/kamerwijzer', rules: sarifRules } },
        columnKind: 'utf16CodeUnits',
        artifacts: checked.map((c) => ({ location: { uri: c.input.displayPath }, mimeType: 'text/plain' })),
        results,
      },
    ],
  };
  out(JSON.stringify(sarif, null, 2) + '\n');
}

function groupEdits(edits: readonly FixEdit[], checked: readonly CheckedDocument[]): [string, unknown[]][] {
  const byUri = new Map<string, unknown[]>();
  for (const e of edits) {
    const doc = checked.find((c) => c.doc.uri === e.uri)?.doc;
    // Edits of other files (the workspace glossary) carry their own range.
    const r = doc ? doc.lines.rangeOf(e.span) : e.range;
    if (!r) continue;
    const list = byUri.get(e.uri) ?? [];
    list.push({ deletedRegion: region(r), insertedContent: { text: e.newText } });
    byUri.set(e.uri, list);
  }
  return [...byUri];
}
