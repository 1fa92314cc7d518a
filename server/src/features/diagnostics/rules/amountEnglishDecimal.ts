/** Malformed: an amount with an English decimal point ("1.5 miljard", "€ 1,600.50"); the fix writes Dutch notation. Read one amount at a time (perReference.ts). */
import { perReferenceRule } from '../perReference';

/** The amount's number written in Dutch notation: "1.5" → "1,5", "1,600.50" → "1.600,50". */
export function toDutchNotation(text: string): string {
  return text.replace(/\d[\d.,]*\d|\d/, (num) => num.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')));
}

export const amountEnglishDecimal = perReferenceRule({
  code: 'amount-english-decimal',
  defaultSeverity: 'warning',
  description: "An amount written with an English decimal point ('1.5 miljard') instead of the Dutch comma.",
  kinds: ['amount'],
  checkReference(r, ctx) {
    if (r.kind !== 'amount' || r.notation !== 'english') return undefined;
    const fixed = toDutchNotation(r.text);
    return [
      {
        code: this.code,
        span: r.span,
        message: ctx.m.diag.englishDecimal(r.text.replace(/\s+/g, ' '), fixed.replace(/\s+/g, ' ')),
        fixes: [{ title: ctx.m.diag.rewriteTo(fixed.replace(/\s+/g, ' ')), edits: [{ uri: ctx.doc.uri, span: r.span, newText: fixed }], preferred: true, fixAllGroup: 'amount' }],
      },
    ];
  },
});
