/** Wrong: a motion attributed to submitters other than those of the Kamerstuk cited for it. */
import { surnameKey } from '../../../engine/folding';
import { kamerstukTitle } from '../../citations';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const motionSubmittersMismatch: DiagnosticRule = {
  code: 'motion-submitters-mismatch',
  defaultSeverity: 'warning',
  description: 'A motion whose named submitters are not among the signatories of the Kamerstuk cited for it.',
  async check(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'motion' || !r.kamerstuk) continue;
      const doc = await ctx.catalog.lookupKamerstuk(r.kamerstuk);
      if (!doc?.submitters?.length || !/^motie/i.test(doc.type ?? '')) continue;
      const signatories = new Set(doc.submitters.map(surnameKey));
      if (r.submitters.some((s) => signatories.has(surnameKey(s)))) continue;
      findings.push({
        code: this.code,
        span: r.namesSpan,
        message: ctx.m.diag.submittersMismatch(r.text.replace(/\s+/g, ' '), kamerstukTitle(r.kamerstuk), doc.submitters.join(', ')),
        related: [{ uri: ctx.doc.uri, span: r.kamerstuk.span, message: ctx.m.diag.citedKamerstuk }],
      });
    }
    return findings;
  },
};
