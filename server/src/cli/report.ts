/**
 * `kamerwijzer report [--format md|csv|html] PATH...`: the citation report of the documents — each
 * cited document with its title, kind, date, status and every place it is cited, then the findings —
 * checked exactly as `check` does (offline unless --online).
 */
import { citationReport } from '../features/report';
import type { Locale, Messages } from '../l10n';
import { checkInputs, type CheckOptions } from './check';
import type { InputDocument } from './documents';
import { reportCsv, reportHtml, reportMarkdown, type ReportFormat } from './reportOutput';

export async function runReport(
  inputs: readonly InputDocument[],
  options: Omit<CheckOptions, 'format' | 'failOn' | 'showHints'>,
  format: ReportFormat,
  locale: Locale,
  m: Messages,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<{ readonly errors: number }> {
  const { service, checked, errors } = await checkInputs(inputs, options, locale, m, err);
  const report = await citationReport(checked, service.context());
  const cwd = process.cwd();
  out(format === 'csv' ? reportCsv(report, m, locale, cwd) : format === 'html' ? reportHtml(report, m, locale, cwd) : reportMarkdown(report, m, locale, cwd));
  return { errors };
}
