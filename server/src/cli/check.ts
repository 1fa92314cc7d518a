/**
 * `kamerwijzer check`: runs the same rules as the editor on files and folders, and prints the
 * findings like a compiler (file:line:col severity code message) followed by a summary per
 * document, or as JSON, or as SARIF 2.1.0 for code-review tools.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { BundledCatalogSource } from '../catalog/bundledSource';
import { Catalog } from '../catalog/catalog';
import { GlossaryCatalog } from '../catalog/glossaries';
import { WorkspaceCatalogSource, WorkspaceIndex, type IndexedDocument } from '../catalog/workspaceIndex';
import type { DocumentAnalysis, ReferenceKind } from '../engine/model';
import type { FeatureContext } from '../features/context';
import type { DiagnosticRule, DiagnosticSettings, SeverityName } from '../features/diagnostics/model';
import { ALL_RULES } from '../features/diagnostics/rules';
import { computeDiagnostics, type DiagnosticData } from '../features/diagnostics/run';
import { formatDate } from '../features/describe';
import { loadBundledCatalog } from '../io/bundledData';
import { loadBundledGlossary, readWorkspaceGlossary, workspaceGlossaryPath } from '../io/glossary';
import type { Locale, Messages } from '../l10n';
import type { InputDocument } from './documents';

const KINDS: readonly ReferenceKind[] = ['kamerstuk', 'dossier', 'documentNumber', 'motion', 'amount', 'deadline'];
const LEVELS: readonly SeverityName[] = ['hint', 'information', 'warning', 'error'];
/** LSP severity numbers (1 error … 4 hint) to names. */
const SEVERITY_NAME: Record<number, Exclude<SeverityName, 'off'>> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckOptions {
  readonly format: OutputFormat;
  readonly today: string;
  readonly failOn: Exclude<SeverityName, 'off'>;
  readonly showHints: boolean;
  readonly documentDate?: string;
  readonly diagnostics: DiagnosticSettings;
  readonly dataDir: string;
  readonly version: string;
  /** Folders whose .kamerwijzer/glossary.json applies to the documents below them (see glossaryFoldersOf). */
  readonly glossaryFolders?: readonly string[];
}

/** The folders whose workspace glossary applies: each folder given, and the folder of each file given. */
export function glossaryFoldersOf(paths: readonly string[]): string[] {
  const folders = paths.map((p) => {
    try {
      return path.resolve(fs.statSync(p).isDirectory() ? p : path.dirname(p));
    } catch {
      return undefined;
    }
  });
  return [...new Set(folders.filter((f): f is string => !!f))];
}

interface CheckedDocument {
  readonly input: InputDocument;
  readonly doc: IndexedDocument;
  readonly diagnostics: Diagnostic[];
}

/** Runs the check; returns true when a finding at or above `failOn` was found. */
export async function runCheck(inputs: readonly InputDocument[], options: CheckOptions, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void): Promise<boolean> {
  const index = new WorkspaceIndex();
  const catalog = new Catalog(
    [
      new WorkspaceCatalogSource(index),
      new BundledCatalogSource(() => loadBundledCatalog(options.dataDir)),
    ],
    (source, e) => err(`catalog source ${source}: ${(e as Error).message}`),
  );
  const glossaries = checkGlossaries(options, m, err);
  // Index everything first, so that letters can refer to each other.
  const docs = inputs.map((input) => ({
    input,
    doc: index.update(pathToFileURL(input.absolutePath).toString(), input.text, 1, {
      known: input.known,
      instruments: glossaries.forDocument(pathToFileURL(input.absolutePath).toString()).matcher,
      ...(options.documentDate ? { documentDate: options.documentDate } : {}),
    }),
  }));
  const ctx: FeatureContext = { index, catalog, locale, today: options.today, glossaries };
  const checked: CheckedDocument[] = [];
  for (const { input, doc } of docs) {
    const diagnostics = await computeDiagnostics(doc, ctx, options.diagnostics, ALL_RULES, (code, e) => err(`rule ${code} failed on ${input.displayPath}: ${(e as Error).message}`));
    checked.push({ input, doc, diagnostics });
  }
  if (options.format === 'json') out(JSON.stringify(toJson(checked), null, 2) + '\n');
  else if (options.format === 'sarif') out(JSON.stringify(toSarif(checked, ALL_RULES, options), null, 2) + '\n');
  else printText(checked, options, locale, m, out);
  const threshold = LEVELS.indexOf(options.failOn);
  return checked.some((c) => c.diagnostics.some((d) => LEVELS.indexOf(SEVERITY_NAME[d.severity ?? 1]!) >= threshold));
}

/** The bundled glossary with the workspace glossaries of the checked folders (the deepest folder applies). */
function checkGlossaries(options: CheckOptions, m: Messages, err: (s: string) => void): GlossaryCatalog {
  const folders = [...(options.glossaryFolders ?? [])].sort((a, b) => b.length - a.length);
  const folderOf = (uri: string): string | undefined => {
    const file = fileURLToPath(uri);
    return folders.find((f) => file.startsWith(f + path.sep));
  };
  const glossaries = new GlossaryCatalog(() => loadBundledGlossary(options.dataDir, err), folderOf);
  for (const folder of folders) {
    const file = workspaceGlossaryPath(folder);
    const update = glossaries.setFolder(folder, pathToFileURL(file).toString(), readWorkspaceGlossary(folder));
    const shown = path.relative(process.cwd(), file) || file;
    if (update.broken) err(m.glossary.unusable(shown, update.problems[0]!).replace(/^Kamerwijzer: /, ''));
    else for (const p of update.problems) err(`${shown}: ${p}`);
  }
  return glossaries;
}

function printText(checked: readonly CheckedDocument[], options: CheckOptions, locale: Locale, m: Messages, out: (s: string) => void): void {
  const totals = new Map<string, number>();
  const findingTotals = new Map<string, number>();
  for (const c of checked) {
    let hidden = 0;
    for (const d of c.diagnostics) {
      const severity = SEVERITY_NAME[d.severity ?? 1]!;
      if (severity === 'hint' && !options.showHints) {
        hidden++;
        continue;
      }
      out(`${c.input.displayPath}:${d.range.start.line + 1}:${d.range.start.character + 1} ${m.cli.severity[severity]} ${String(d.code)} ${d.message}\n`);
    }
    if (c.diagnostics.length - hidden > 0) out('\n');
    out(`${c.input.displayPath}\n`);
    out(`  ${identityLine(c.doc.analysis, locale, m)}\n`);
    const counts = countKinds(c.doc.analysis);
    for (const [k, n] of counts) totals.set(k, (totals.get(k) ?? 0) + n);
    out(`  ${summaryLine(counts, m)}\n`);
    const bySeverity = countSeverities(c.diagnostics);
    for (const [k, n] of bySeverity) findingTotals.set(k, (findingTotals.get(k) ?? 0) + n);
    out(`  ${findingsLine(bySeverity, m)}${hidden ? ` (${m.cli.hiddenHints(hidden)})` : ''}\n\n`);
  }
  out(`${m.cli.total} (${m.cli.files(checked.length)}): ${summaryLine(totals, m)}\n`);
  out(`${m.cli.total}: ${findingsLine(findingTotals, m)}\n`);
}

function identityLine(a: DocumentAnalysis, locale: Locale, m: Messages): string {
  const parts: string[] = [];
  if (a.metadata.kamerstuk) parts.push(`Kamerstuk ${a.metadata.kamerstuk.dossier}-${a.metadata.kamerstuk.nr}`);
  if (a.metadata.documentNumber) parts.push(a.metadata.documentNumber);
  parts.push(a.metadata.date ? m.cli.date(formatDate(a.metadata.date, locale)) : m.cli.noDate);
  if (a.metadata.title) parts.push(a.metadata.title);
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

function countSeverities(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    const s = SEVERITY_NAME[d.severity ?? 1]!;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return counts;
}

function findingsLine(counts: ReadonlyMap<string, number>, m: Messages): string {
  const parts = [...LEVELS].reverse().filter((s) => (counts.get(s) ?? 0) > 0).map((s) => m.cli.findings(counts.get(s)!, m.cli.severity[s]!));
  return parts.length ? parts.join(' · ') : m.cli.noFindings;
}

function toJson(checked: readonly CheckedDocument[]): unknown {
  return checked.map((c) => ({
    file: c.input.displayPath,
    documentDate: c.doc.analysis.metadata.date ?? null,
    diagnostics: c.diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: SEVERITY_NAME[d.severity ?? 1],
      code: d.code,
      message: d.message,
      ...(d.relatedInformation?.length
        ? { related: d.relatedInformation.map((r) => ({ uri: r.location.uri, line: r.location.range.start.line + 1, column: r.location.range.start.character + 1, message: r.message })) }
        : {}),
      ...((d.data as DiagnosticData | undefined)?.fixes.length ? { fixes: (d.data as DiagnosticData).fixes.map((f) => f.title) } : {}),
    })),
  }));
}

const SARIF_LEVEL: Record<string, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 (OASIS), columns in UTF-16 code units as LSP counts them. */
function toSarif(checked: readonly CheckedDocument[], rules: readonly DiagnosticRule[], options: CheckOptions): unknown {
  const region = (r: Diagnostic['range']) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
  const artifactOf = new Map(checked.map((c) => [c.doc.uri, c.input.displayPath]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Kamerwijzer',
            version: options.version,
            informationUri: 'https://github.com/kamerwijzer/kamerwijzer',
            rules: rules.map((r) => ({
              id: r.code,
              shortDescription: { text: r.description },
              helpUri: `https://github.com/kamerwijzer/kamerwijzer#${r.code}`,
              defaultConfiguration: { level: r.defaultSeverity === 'off' ? 'none' : SARIF_LEVEL[options.diagnostics.severity[r.code] ?? r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: checked.map((c) => ({ location: { uri: c.input.displayPath }, mimeType: 'text/plain' })),
        results: checked.flatMap((c) =>
          c.diagnostics.map((d) => ({
            ruleId: String(d.code),
            ruleIndex: rules.findIndex((r) => r.code === d.code),
            level: SARIF_LEVEL[SEVERITY_NAME[d.severity ?? 1]!],
            message: { text: d.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: c.input.displayPath }, region: region(d.range) } }],
            ...(d.relatedInformation?.length
              ? {
                  relatedLocations: d.relatedInformation.map((r, i) => ({
                    id: i + 1,
                    message: { text: r.message },
                    physicalLocation: { artifactLocation: { uri: artifactOf.get(r.location.uri) ?? r.location.uri }, region: region(r.location.range) },
                  })),
                }
              : {}),
            ...((d.data as DiagnosticData | undefined)?.fixes.length
              ? {
                  fixes: (d.data as DiagnosticData).fixes.map((f) => ({
                    description: { text: f.title },
                    artifactChanges: groupEdits(f.edits, checked).map(([uri, replacements]) => ({ artifactLocation: { uri: artifactOf.get(uri) ?? uri }, replacements })),
                  })),
                }
              : {}),
          })),
        ),
      },
    ],
  };
}

function groupEdits(edits: DiagnosticData['fixes'][number]['edits'], checked: readonly CheckedDocument[]): [string, unknown[]][] {
  const byUri = new Map<string, unknown[]>();
  for (const e of edits) {
    const doc = checked.find((c) => c.doc.uri === e.uri)?.doc;
    // Edits of other files (the workspace glossary) carry their own range.
    const r = doc ? doc.lines.rangeOf(e.span) : e.range;
    if (!r) continue;
    const list = byUri.get(e.uri) ?? [];
    list.push({
      deletedRegion: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
      insertedContent: { text: e.newText },
    });
    byUri.set(e.uri, list);
  }
  return [...byUri];
}
