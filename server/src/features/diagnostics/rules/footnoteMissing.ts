/** Missing: a footnote marker whose footnote is not in the document. */
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const footnoteMissing: DiagnosticRule = {
  code: 'footnote-missing',
  defaultSeverity: 'warning',
  description: 'A footnote marker with no footnote of that number in the document.',
  check(ctx) {
    const labels = new Set(ctx.doc.analysis.footnotes.map((f) => f.label));
    const findings: Finding[] = [];
    for (const mk of ctx.doc.analysis.footnoteMarkers) {
      if (!labels.has(mk.label)) findings.push({ code: this.code, span: mk.span, message: ctx.m.diag.footnoteMissing(mk.label) });
    }
    return findings;
  },
};
