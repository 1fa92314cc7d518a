/**
 * Wrong: the title or description written beside a citation does not fit the document at that
 * number (a typo in the number). The message gives the real title; when the catalog knows a document
 * that fits the description, it is suggested, with a fix that corrects the number.
 */
import { kamerstukKey } from '../../../engine/identifiers';
import { citationLike, kamerstukTitle } from '../../citations';
import { describedAs } from '../citationDescription';
import type { DiagnosticRule } from '../model';
import type { Finding, Fix } from '../../model';
import { contentWords, overlap } from '../../words';

/** A motion's title without its formula ("Motie van het lid Dijk over …" → "…"). */
export function subjectOf(title: string): string {
  return title.replace(/^(gewijzigde\s+)?motie\s+(van\s+(het\s+lid|de\s+leden)\s+)?[^]*?\s(over|om|inzake|ter)\s/i, '');
}

export const citationTitleMismatch: DiagnosticRule = {
  code: 'citation-title-mismatch',
  defaultSeverity: 'warning',
  description: 'The description written beside a citation does not fit the title of the document at that number.',
  async check(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'kamerstuk') continue;
      const described = describedAs(ctx.doc, r);
      if (!described || described.words.length < 3) continue;
      const doc = await ctx.catalog.lookupKamerstuk(r);
      if (!doc?.title) continue;
      const titleWords = contentWords(subjectOf(doc.title));
      const describedWords = contentWords(subjectOf(described.text));
      if (titleWords.length < 2 || describedWords.length < 3) continue;
      const fit = Math.max(overlap(describedWords, titleWords), overlap(titleWords, describedWords));
      // A better candidate: a known document whose title the description fits well.
      const candidates = ctx.catalog.searchTitles(describedWords.slice(0, 3), 20).filter((c) => c.kamerstuk && c.title && kamerstukKey(c.kamerstuk) !== kamerstukKey(r));
      const better = candidates
        .map((c) => ({ c, fit: Math.min(overlap(describedWords, contentWords(subjectOf(c.title!))), 1) }))
        .filter((x) => x.fit >= 0.6)
        .sort((a, b) => b.fit - a.fit)[0];
      // Flag a clear contradiction only: a better-fitting known document, or nothing in common at all
      // between a specific description and a specific title. Attachments ("bijlage bij") describe
      // themselves, not the cited letter.
      const contradiction = fit === 0 && describedWords.length >= 4 && titleWords.length >= 4 && !/\bbijlage\b/i.test(described.text);
      if (!(better && fit < 0.35) && !contradiction) continue;
      const fixes: Fix[] = better
        ? [{ title: ctx.m.diag.replaceWith(kamerstukTitle(better.c.kamerstuk!)), edits: [{ uri: ctx.doc.uri, span: r.span, newText: citationLike(r, better.c.kamerstuk!, ctx.settings.citationStyle) }], preferred: true }]
        : [];
      findings.push({
        code: this.code,
        span: r.span,
        message: ctx.m.diag.titleMismatch(kamerstukTitle(r), doc.title, shorten(described.text, 90)) + (better ? ` ${ctx.m.diag.titleMismatchBetter(`${kamerstukTitle(better.c.kamerstuk!)} (‘${shorten(better.c.title!, 70)}’)`)}` : ''),
        related: [{ uri: ctx.doc.uri, span: described.span, message: described.text }],
        fixes,
      });
    }
    return findings;
  },
};

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
