/**
 * Stale: a motion presented as carried out or followed ("uitvoering van", "conform", "in lijn met",
 * "zoals gevraagd in"), or called adopted ("de aangenomen motie …"), whose outcome was verworpen,
 * ingetrokken or aangehouden. The message names the outcome and its date.
 */
import { formatDate } from '../../describe';
import type { MotionOutcome } from '../../../catalog/model';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { sentenceAround } from '../../sentences';

const NOT_ADOPTED: readonly MotionOutcome[] = ['verworpen', 'ingetrokken', 'aangehouden'];

/** Phrases that present a motion as carried out or followed. */
const CARRIED_OUT = /\b(uitvoering (van|aan|geven aan)|uitvoeren van|uitgevoerd|conform|in lijn met|overeenkomstig|zoals (gevraagd|verzocht|gevraagd wordt|verzocht wordt) in|invulling (aan|van)|gevolg (geven|gegeven) aan|tegemoet(komen| gekomen) aan|opvolging (van|aan))\b/i;

export const motionOutcomeConflict: DiagnosticRule = {
  code: 'motion-outcome-conflict',
  defaultSeverity: 'warning',
  description: 'A motion presented as carried out or followed whose outcome was rejected, withdrawn or held over.',
  async check(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'motion' || !r.kamerstuk) continue;
      const doc = await ctx.catalog.lookupKamerstuk(r.kamerstuk);
      if (!doc?.outcome || !NOT_ADOPTED.includes(doc.outcome)) continue;
      const sentence = sentenceAround(ctx.doc, r.span);
      const before = ctx.doc.text.slice(sentence.offset, r.span.offset + r.span.length);
      const after = ctx.doc.text.slice(r.span.offset + r.span.length, sentence.offset + sentence.length);
      const calledAdopted = /\baangenomen\s+$/i.test(ctx.doc.text.slice(Math.max(sentence.offset, r.span.offset - 20), r.span.offset));
      if (!calledAdopted && !CARRIED_OUT.test(before) && !/^\W{0,3}(is|wordt|werd) (uitgevoerd|opgevolgd|aangenomen)/i.test(after)) continue;
      findings.push({
        code: this.code,
        span: r.span,
        message: ctx.m.diag.outcomeConflict(r.text.replace(/\s+/g, ' '), ctx.m.diag.outcomes[doc.outcome], doc.outcomeDate ? formatDate(doc.outcomeDate, ctx.locale) : ''),
        related: [{ uri: ctx.doc.uri, span: r.kamerstuk.span, message: ctx.m.diag.citedKamerstuk }],
      });
    }
    return findings;
  },
};
