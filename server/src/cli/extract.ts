import { pathToFileURL } from 'node:url';
import { analyze } from '../engine/analyze';
import { LineIndex } from '../engine/lineIndex';
import type { DocumentAnalysis } from '../engine/model';
import type { Locale, Messages } from '../l10n';
import { describeReference } from '../features/describe';
import { oneLine } from '../engine/chars';
import type { InputDocument } from './documents';
import { jsonArrayWriter } from './jsonArray';
import { referenceToJson } from './referenceJson';
import type { DocumentAnalyzer } from '../service/kamerwijzer';

export interface ExtractOptions {
  readonly json: boolean;
  readonly documentDate?: string;
  /** Tests only: called before each analysis (see KamerwijzerOptions.beforeAnalysis). */
  readonly beforeAnalysis?: (uri: string, text: string) => void;
  /** Analyzes documents in other threads (worker threads, several at a time); without it, in this one. */
  readonly analyzer?: DocumentAnalyzer;
}

/** With an analyzer: how many documents are being analyzed at a time (ahead of the one being written). */
const ANALYSES_IN_FLIGHT = 8;

/**
 * `kamerwijzer extract`: every reference of every document, as JSON or a readable table. A document
 * whose analysis fails is reported on stderr and left out; returns how many failed. Documents are
 * written in input order; with an analyzer, the next few are analyzed meanwhile.
 */
export async function runExtract(docs: readonly InputDocument[], options: ExtractOptions, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let failed = 0;
  // The same text as JSON.stringify(all, null, 2), written one document at a time.
  const json = jsonArrayWriter(out);
  const ahead: Promise<{ analysis: DocumentAnalysis; lines: LineIndex }>[] = [];
  let next = 0;
  const start = (): void => {
    const d = docs[next++]!;
    const made = analyzed(d, options);
    made.catch(() => undefined); // handled when it is its turn
    ahead.push(made);
  };
  // One document at a time: analyzed (a few ahead in workers), written, let go.
  for (const d of docs) {
    while (next < docs.length && ahead.length < (options.analyzer ? ANALYSES_IN_FLIGHT : 1)) start();
    let made: { analysis: DocumentAnalysis; lines: LineIndex };
    try {
      made = await ahead.shift()!;
    } catch (e) {
      failed++;
      err(m.cli.analysisFailed(d.displayPath, (e as Error)?.message ?? String(e)));
      continue;
    }
    if (options.json) json.element(documentJson(d, made.analysis, made.lines));
    else printDocument(d, made.analysis, made.lines, locale, m, out);
  }
  if (options.json) json.end();
  return failed;
}

/** A document's analysis (with no glossary: extract lists references) and its lines: made by the analyzer when there is one, else here. */
async function analyzed(d: InputDocument, options: ExtractOptions): Promise<{ analysis: DocumentAnalysis; lines: LineIndex }> {
  const uri = pathToFileURL(d.absolutePath).toString();
  options.beforeAnalysis?.(uri, d.text);
  const date = options.documentDate ? { documentDate: options.documentDate } : {};
  const made = await options.analyzer?.analyze({ uri, text: d.text, ...(d.known ? { known: d.known } : {}), ...date, withoutInstruments: true }, () => ({ entries: [], ambiguities: [] }));
  if (made) return { analysis: made.analysis, lines: made.lineStarts ? LineIndex.withStarts(d.text, made.lineStarts) : new LineIndex(d.text) };
  const lines = new LineIndex(d.text);
  return { analysis: analyze(d.text, { known: d.known, ...date, lines }), lines };
}

function documentJson(doc: InputDocument, analysis: DocumentAnalysis, lines: LineIndex): object {
  return {
    file: doc.displayPath,
    documentDate: analysis.metadata.date ?? null,
    ...(analysis.metadata.kamerstuk ? { kamerstuk: `${analysis.metadata.kamerstuk.dossier}-${analysis.metadata.kamerstuk.nr}` } : {}),
    ...(analysis.metadata.documentNumber ? { documentNumber: analysis.metadata.documentNumber } : {}),
    ...(analysis.metadata.title ? { title: analysis.metadata.title } : {}),
    references: analysis.references.map((r) => referenceToJson(r, lines)),
  };
}

function printDocument(doc: InputDocument, analysis: DocumentAnalysis, lines: LineIndex, locale: Locale, m: Messages, out: (s: string) => void): void {
  out(`${doc.displayPath}  (${analysis.metadata.date ? m.cli.date(analysis.metadata.date) : m.cli.noDate})\n`);
  if (analysis.references.length === 0) out(`  ${m.cli.nothingFound}\n`);
  for (const r of analysis.references) {
    const pos = lines.positionAt(r.span.offset);
    const where = `${pos.line + 1}:${pos.character + 1}`.padEnd(9);
    const kind = m.kind[r.kind].padEnd(15);
    const text = oneLine(r.text, 48).padEnd(48);
    out(`  ${where} ${kind} ${text}  ${describeReference(r, locale)}\n`);
  }
  out('\n');
}
