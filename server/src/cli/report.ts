/**
 * `kamerwijzer report [--format md|csv|html] PATH...`: the citation report of the documents — each
 * cited document with its title, kind, date, status and every place it is cited, then the findings —
 * checked exactly as `check` does (offline unless --online).
 */
import { citationReport } from '../features/report';
import type { Locale, Messages } from '../l10n';
import { startCheck, type CheckOptions } from './check';
import type { InputDocument } from './documents';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReport, type ReportFormat } from '../features/reportFormats';

export async function runReport(
  inputs: readonly InputDocument[],
  options: Omit<CheckOptions, 'format' | 'failOn' | 'showHints'>,
  format: ReportFormat,
  locale: Locale,
  m: Messages,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<{ readonly errors: number }> {
  // One document whole at a time: the report keeps what it needs of each as it goes.
  const run = await startCheck(inputs, options, locale, m, err);
  const report = await citationReport(run.checked(), run.service.context());
  out(formatReport(report, format, m, locale, relativeToCwd));
  return { errors: run.errors() };
}

/** A document's path relative to the folder the report is made in (absolute when outside it). */
function relativeToCwd(uri: string): string {
  try {
    const file = fileURLToPath(uri);
    const rel = path.relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
  } catch {
    return uri;
  }
}
