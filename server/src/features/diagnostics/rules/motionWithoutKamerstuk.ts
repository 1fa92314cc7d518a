/**
 * Missing: a motion mentioned with no Kamerstuk number anywhere in the letter. The quick fix inserts
 * the citation of the motion(s) the catalog knows with the same submitters.
 */
import { submittersKey } from '../../../engine/folding';
import type { MotionReference } from '../../../engine/model';
import { formatCitation } from '../../citations';
import { formatDate } from '../../describe';
import type { DiagnosticRule } from '../model';
import type { Finding, Fix } from '../../model';


export const motionWithoutKamerstuk: DiagnosticRule = {
  code: 'motion-without-kamerstuk',
  defaultSeverity: 'information',
  description: 'A motion named in the letter whose Kamerstuk number the letter gives nowhere.',
  check(ctx) {
    const motions = ctx.doc.analysis.references.filter((r): r is MotionReference => r.kind === 'motion');
    const linked = new Set(motions.filter((m) => m.kamerstuk).map((m) => submittersKey(m.submitters)));
    const reported = new Set<string>();
    const findings: Finding[] = [];
    for (const m of motions) {
      const key = submittersKey(m.submitters);
      if (m.kamerstuk || linked.has(key) || reported.has(key)) continue;
      reported.add(key);
      const candidates = ctx.catalog.findMotions(m.submitters, 3).filter((c) => c.kamerstuk);
      const fixes: Fix[] = candidates.map((c, i) => {
        const citation = formatCitation(c.kamerstuk!, ctx.settings.citationStyle);
        const title = [c.date ? formatDate(c.date, ctx.locale) : '', c.title ? shorten(c.title, 70) : ''].filter(Boolean).join(', ');
        return {
          title: ctx.m.diag.insertCitation(citation, title),
          edits: [{ uri: ctx.doc.uri, span: { offset: m.span.offset + m.span.length, length: 0 }, newText: ` (${citation})` }],
          ...(i === 0 && candidates.length === 1 ? { preferred: true } : {}),
        };
      });
      findings.push({ code: this.code, span: m.span, message: ctx.m.diag.motionWithoutKamerstuk(m.text.replace(/\s+/g, ' ')), fixes });
    }
    return findings;
  },
};

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
