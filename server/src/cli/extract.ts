import { pathToFileURL } from 'node:url';
import { analyze } from '../engine/analyze';
import { LineIndex } from '../engine/lineIndex';
import type { DocumentAnalysis } from '../engine/model';
import type { Locale, Messages } from '../l10n';
import { describeReference } from '../features/describe';
import { oneLine } from '../engine/chars';
import type { InputDocument } from './documents';
import { referenceToJson } from './referenceJson';

export interface ExtractOptions {
  readonly json: boolean;
  readonly documentDate?: string;
  /** Tests only: called before each analysis (see KamerwijzerOptions.beforeAnalysis). */
  readonly beforeAnalysis?: (uri: string, text: string) => void;
}

/**
 * `kamerwijzer extract`: every reference of every document, as JSON or a readable table. A document
 * whose analysis fails is reported on stderr and left out; returns how many failed.
 */
export function runExtract(docs: readonly InputDocument[], options: ExtractOptions, locale: Locale, m: Messages, out: (s: string) => void, err: (s: string) => void): number {
  let failed = 0;
  let written = 0;
  // One document at a time: analyzed, written, let go.
  for (const d of docs) {
    let analysis: DocumentAnalysis;
    try {
      options.beforeAnalysis?.(pathToFileURL(d.absolutePath).toString(), d.text);
      analysis = analyze(d.text, { known: d.known, ...(options.documentDate ? { documentDate: options.documentDate } : {}) });
    } catch (e) {
      failed++;
      err(m.cli.analysisFailed(d.displayPath, (e as Error)?.message ?? String(e)));
      continue;
    }
    const lines = new LineIndex(d.text);
    if (options.json) {
      // The same text as JSON.stringify(all, null, 2), one element at a time.
      out(`${written ? ',\n' : '[\n'}  ${JSON.stringify(documentJson(d, analysis, lines), null, 2).replace(/\n/g, '\n  ')}`);
    } else {
      printDocument(d, analysis, lines, locale, m, out);
    }
    written++;
  }
  if (options.json) out(written ? '\n]\n' : '[]\n');
  return failed;
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
