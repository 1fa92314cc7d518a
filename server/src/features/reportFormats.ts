/**
 * The citation report (report.ts) as a reviewer attaches it to a review: Markdown, CSV (one row per
 * cited document, for a spreadsheet) or one self-contained HTML file (no scripts, no external
 * resources, readable printed). Every text from a document or a source is escaped for its format;
 * links are only the official pages built from ids. The caller says how a document's URI is shown
 * (a path relative to the folder the report is made in).
 */
import type { CitationReport, ReportedDocument } from './report';
import { formatDate } from './describe';
import type { Locale, Messages } from '../l10n';

export type ReportFormat = 'md' | 'csv' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'csv', 'html'];

/** How a document's URI is shown to the reader. */
export type ShownPath = (uri: string) => string;

function placesOf(d: ReportedDocument, shownPath: ShownPath): string[] {
  return d.places.map((p) => `${shownPath(p.uri)}:${p.line}`);
}

/** The report in a format. */
export function formatReport(report: CitationReport, format: ReportFormat, m: Messages, locale: Locale, shownPath: ShownPath): string {
  if (format === 'csv') return reportCsv(report, m, locale, shownPath);
  if (format === 'html') return reportHtml(report, m, locale, shownPath);
  return reportMarkdown(report, m, locale, shownPath);
}

// --- CSV (RFC 4180: fields with a comma, quote or line break quoted, quotes doubled)

function csvField(v: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet: prefix a quote.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(report: CitationReport, m: Messages, locale: Locale, shownPath: ShownPath): string {
  const r = m.report;
  const rows = [[r.citation, r.key, r.kind, r.title, r.type, r.date, r.status, r.timesCited, r.places, r.page]];
  for (const d of report.documents) {
    rows.push([d.citation, d.key, m.kind[d.kind], d.title ?? '', d.type ?? '', d.date ? formatDate(d.date, locale) : '', r.statuses[d.status], String(d.places.length), placesOf(d, shownPath).join('; '), d.url ?? '']);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// --- Markdown

function md(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\s+/g, ' ');
}

export function reportMarkdown(report: CitationReport, m: Messages, locale: Locale, shownPath: ShownPath): string {
  const r = m.report;
  const out = [`# ${r.heading}`, '', r.summary(report.documents.length, report.findings.length), ''];
  out.push(`| ${r.citation} | ${r.title} | ${r.date} | ${r.status} | ${r.places} |`, '|---|---|---|---|---|');
  for (const d of report.documents) {
    const citation = d.url ? `[${md(d.citation)}](${d.url})` : md(d.citation);
    const title = [d.type, d.title].filter(Boolean).map((t) => md(t!)).join(' — ');
    out.push(`| ${citation} | ${title} | ${d.date ? formatDate(d.date, locale) : ''} | ${r.statuses[d.status]} | ${placesOf(d, shownPath).map(md).join(', ')} |`);
  }
  out.push('', `## ${r.findingsHeading}`, '');
  for (const f of report.findings) {
    out.push(`### ${md(shownPath(f.uri))}`, '');
    if (!f.findings.length) out.push(m.cli.noFindings, '');
    for (const x of f.findings) out.push(`- ${x.range.start.line + 1}:${x.range.start.character + 1} ${m.cli.severity[x.severity]} \`${x.code}\` ${md(x.message)}`);
    out.push('');
  }
  return out.join('\n');
}

// --- HTML

function html(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left}th{background:#eee}.wrong,.stale{color:#a00;font-weight:bold}.malformed{color:#a60}.unknown{color:#666}@media print{a{color:inherit;text-decoration:none}}`;

export function reportHtml(report: CitationReport, m: Messages, locale: Locale, shownPath: ShownPath): string {
  const r = m.report;
  const rows = report.documents.map((d) => {
    const citation = d.url ? `<a href="${html(d.url)}">${html(d.citation)}</a>` : html(d.citation);
    const title = [d.type, d.title].filter(Boolean).map((t) => html(t!)).join(' — ');
    return `<tr><td>${citation}</td><td>${title}</td><td>${d.date ? html(formatDate(d.date, locale)) : ''}</td><td class="${d.status}">${html(r.statuses[d.status])}</td><td>${placesOf(d, shownPath).map(html).join('<br>')}</td></tr>`;
  });
  const findings = report.findings.map((f) => {
    const items = f.findings.map((x) => `<li>${x.range.start.line + 1}:${x.range.start.character + 1} ${html(m.cli.severity[x.severity]!)} <code>${html(x.code)}</code> ${html(x.message)}</li>`);
    return `<h3>${html(shownPath(f.uri))}</h3>${items.length ? `<ul>${items.join('')}</ul>` : `<p>${html(m.cli.noFindings)}</p>`}`;
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><title>${html(r.heading)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${html(r.heading)}</h1><p>${html(r.summary(report.documents.length, report.findings.length))}</p>`,
    `<table><thead><tr><th>${html(r.citation)}</th><th>${html(r.title)}</th><th>${html(r.date)}</th><th>${html(r.status)}</th><th>${html(r.places)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<h2>${html(r.findingsHeading)}</h2>${findings.join('')}`,
    '</body></html>',
    '',
  ].join('\n');
}
