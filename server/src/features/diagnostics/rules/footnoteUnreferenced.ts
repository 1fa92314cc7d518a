/**
 * Missing: a footnote nothing refers to. Only for footnotes whose markers are explicit
 * ([footnoteRef:N], [^N], a plain [N]); markers of PDF-extracted footnotes are superscripts the extraction may
 * have lost, so their absence proves nothing.
 */
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const footnoteUnreferenced: DiagnosticRule = {
  code: 'footnote-unreferenced',
  defaultSeverity: 'information',
  description: 'A footnote (Word [N: …] or Markdown [^N]: …) that no marker in the text refers to.',
  check(ctx) {
    const used = new Set(ctx.doc.analysis.footnoteMarkers.map((mk) => mk.label));
    const findings: Finding[] = [];
    for (const f of ctx.doc.analysis.footnotes) {
      if (f.style !== 'footnoteRef' && f.style !== 'markdown' && f.style !== 'bracket') continue;
      if (!used.has(f.label)) findings.push({ code: this.code, span: f.span, message: ctx.m.diag.footnoteUnreferenced(f.label), tags: ['unnecessary'] });
    }
    return findings;
  },
};
