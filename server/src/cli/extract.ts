import { pathToFileURL } from 'node:url';
import { analyze } from '../engine/analyze';
import { LineIndex } from '../engine/lineIndex';
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
  const results = docs.flatMap((d) => {
    try {
      options.beforeAnalysis?.(pathToFileURL(d.absolutePath).toString(), d.text);
      const analysis = analyze(d.text, { known: d.known, ...(options.documentDate ? { documentDate: options.documentDate } : {}) });
      return [{ doc: d, analysis, lines: new LineIndex(d.text) }];
    } catch (e) {
      failed++;
      err(m.cli.analysisFailed(d.displayPath, (e as Error)?.message ?? String(e)));
      return [];
    }
  });
  if (options.json) {
    const json = results.map(({ doc, analysis, lines }) => ({
      file: doc.displayPath,
      documentDate: analysis.metadata.date ?? null,
      ...(analysis.metadata.kamerstuk ? { kamerstuk: `${analysis.metadata.kamerstuk.dossier}-${analysis.metadata.kamerstuk.nr}` } : {}),
      ...(analysis.metadata.documentNumber ? { documentNumber: analysis.metadata.documentNumber } : {}),
      ...(analysis.metadata.title ? { title: analysis.metadata.title } : {}),
      references: analysis.references.map((r) => referenceToJson(r, lines)),
    }));
    out(JSON.stringify(json, null, 2) + '\n');
    return failed;
  }
  for (const { doc, analysis, lines } of results) {
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
  return failed;
}
