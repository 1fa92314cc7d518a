/**
 * Missing: a motion mentioned with no Kamerstuk number anywhere in the letter. The quick fixes suggest
 * the citation of the motions the catalog knows with the same submitters, ranked by how well their
 * subject fits what the letter says the motion is about ("over een verbod op fossiele reclame"); where
 * the letter gives a subject and no candidate fits it, none is offered. A suggestion is preferred only
 * when one candidate fits clearly.
 */
import { submittersKey } from '../../../engine/folding';
import type { MotionReference, Reference } from '../../../engine/model';
import { lowerBoundBy } from '../../../engine/sortedOffsets';
import { formatCitation } from '../../citations';
import { formatDate } from '../../describe';
import type { DiagnosticRule } from '../model';
import type { Finding, Fix } from '../../model';
import { letterSubject, subjectFit } from '../motionSubject';

/** The share of the letter's subject words a candidate's title must hold to be suggested, and to be preferred. */
const FITS = 0.34;
const FITS_CLEARLY = 0.6;


export const motionWithoutKamerstuk: DiagnosticRule = {
  code: 'motion-without-kamerstuk',
  defaultSeverity: 'information',
  description: 'A motion named in the letter whose Kamerstuk number the letter gives nowhere.',
  check(ctx) {
    const references = ctx.doc.analysis.references;
    const motions = references.filter((r): r is MotionReference => r.kind === 'motion');
    let others: readonly Reference[] | undefined;
    const numbered = (m: MotionReference): boolean => numberedInPlace(ctx.doc.text, (others ??= references.filter((r) => r.kind !== 'motion')), m);
    const linked = new Set(motions.filter((m) => m.kamerstuk || numbered(m)).map((m) => submittersKey(m.submitters)));
    const reported = new Set<string>();
    const findings: Finding[] = [];
    for (const m of motions) {
      const key = submittersKey(m.submitters);
      if (m.kamerstuk || linked.has(key) || reported.has(key)) continue;
      reported.add(key);
      const subject = letterSubject(ctx.doc, m);
      const all = ctx.catalog.findMotions(m.submitters, 30).filter((c) => c.kamerstuk);
      const scored = all.map((c) => ({ c, fit: subject.length >= 2 && c.title ? subjectFit(subject, c.title) : 0 }));
      const candidates = (subject.length >= 2 ? scored.filter((x) => x.fit >= FITS).sort((a, b) => b.fit - a.fit) : scored).slice(0, 3);
      const clear = candidates.length > 0 && candidates[0]!.fit >= FITS_CLEARLY && (candidates.length === 1 || candidates[1]!.fit < candidates[0]!.fit);
      const fixes: Fix[] = candidates.map(({ c }, i) => {
        const citation = formatCitation(c.kamerstuk!, ctx.settings.citationStyle);
        const title = [c.date ? formatDate(c.date, ctx.locale) : '', c.title ? shorten(c.title, 70) : ''].filter(Boolean).join(', ');
        return {
          title: ctx.m.diag.suggestCitation(citation, title),
          edits: [{ uri: ctx.doc.uri, span: { offset: m.span.offset + m.span.length, length: 0 }, newText: ` (${citation})` }],
          ...(i === 0 && clear ? { preferred: true } : {}),
        };
      });
      findings.push({ code: this.code, span: m.span, message: ctx.m.diag.motionWithoutKamerstuk(m.text.replace(/\s+/g, ' ')), fixes });
    }
    return findings;
  },
};

/**
 * A motion whose number the text gives where it names it, without the Kamerstuk citation the
 * recognizer links: "de motie op stuk nr. 469 van de heer Koerhuis" (a debate's own dossier), or in
 * the Handelingen the chair's "Deze motie is voorgesteld door het lid Kops. … Zij krijgt nr. 471
 * (29453)." right after it.
 */
function numberedInPlace(text: string, others: readonly Reference[], m: MotionReference): boolean {
  if (/\bnr\.?\s*\d/.test(m.text)) return true;
  const end = m.span.offset + m.span.length;
  // The next reference after it (the others are in text order).
  const next = others[lowerBoundBy(others, end, (r) => r.span.offset)];
  if (!next || next.kind !== 'kamerstuk' || next.span.offset - end > 300) return false;
  const between = text.slice(end, next.span.offset);
  return /\bkrijgt\s+nr\.?\s*$/.test(between) && !/\bmotie\b/i.test(between);
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
