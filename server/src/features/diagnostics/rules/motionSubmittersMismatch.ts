/** Wrong: a motion attributed to submitters other than those of the Kamerstuk cited for it. Read one motion at a time (perReference.ts). */
import { surnameKey } from '../../../engine/folding';
import { kamerstukTitle } from '../../citations';
import { perReferenceRule } from '../perReference';

export const motionSubmittersMismatch = perReferenceRule({
  code: 'motion-submitters-mismatch',
  defaultSeverity: 'warning',
  description: 'A motion whose named submitters are not among the signatories of the Kamerstuk cited for it.',
  kinds: ['motion'],
  async checkReference(r, ctx) {
    if (r.kind !== 'motion' || !r.kamerstuk) return undefined;
    const doc = await ctx.catalog.lookupKamerstuk(r.kamerstuk);
    if (!doc?.submitters?.length || !/^motie/i.test(doc.type ?? '')) return undefined;
    const signatories = new Set(doc.submitters.map(surnameKey));
    if (r.submitters.some((s) => signatories.has(surnameKey(s)))) return undefined;
    return [
      {
        code: this.code,
        span: r.namesSpan,
        message: ctx.m.diag.submittersMismatch(r.text.replace(/\s+/g, ' '), kamerstukTitle(r.kamerstuk), doc.submitters.join(', ')),
        related: [{ uri: ctx.doc.uri, span: r.kamerstuk.span, message: ctx.m.diag.citedKamerstuk }],
      },
    ];
  },
});
