/**
 * Malformed: broken citation forms — no "nr." before the number ("Kamerstuk 35420, 57"), a number
 * glued on with a hyphen and a space ("Kamerstuk 34952- 86"), "Kamerstukken" for a single paper,
 * dossier digits split wrongly ("Kamerstuk 354 20, nr. 5"), no space after "nr." — with a quick fix
 * to the style in kamerwijzer.citationStyle.
 */
import type { KamerstukReference, Reference, Span } from '../../../engine/model';
import { rewriteCitation } from '../../citationFormat';
import type { Messages } from '../../../l10n';
import type { DiagnosticRule, Finding } from '../model';

/** What is broken about a citation's form, as a message; undefined when nothing is. */
export function malformation(r: KamerstukReference, next: Reference | undefined, text: string, m: Messages): string | undefined {
  const f = r.form;
  if (f.identifier || f.dossierInherited) return undefined;
  const shown = r.text.replace(/\s+/g, ' ');
  if (/\s-|-\s/.test(f.separator)) return m.diag.malformed.hyphenSpace(shown);
  const digits = /^[\d ]+/.exec(f.dossierText)?.[0].trim() ?? '';
  if (digits.includes(' ') && !/^\d{1,3} \d{3}$/.test(digits)) return m.diag.malformed.splitDigits(shown);
  if (f.keyword && f.numberMarker === null && !f.separator.includes('-')) return m.diag.malformed.noNr(shown);
  if (f.keyword && /^kamerstukken$/i.test(f.keyword.trim()) && !r.alsoDossiers?.length && !continuesAsGroup(r, next, text)) {
    return m.diag.malformed.pluralForOne(shown);
  }
  if (f.numberMarker && /nr\.\d/.test(r.text)) return m.diag.malformed.noSpace(shown);
  return undefined;
}

/** True when a citation is part of the document's own header (an export's metadata line, not the writer's text). */
export function inOwnHeader(identity: Span | undefined, span: Span): boolean {
  return !!identity && span.offset < identity.offset + identity.length && identity.offset < span.offset + span.length;
}

/** True when the next citation continues this one ("… nr. 97 en 30 821 nr. 113", "nrs. 2302, 2374"). */
function continuesAsGroup(r: KamerstukReference, next: Reference | undefined, text: string): boolean {
  if (!next || next.kind !== 'kamerstuk') return false;
  const end = r.span.offset + r.span.length;
  if (next.form.dossierInherited) return true;
  return next.span.offset - end <= 12 && /^\s*(,|en|;)\s*$/.test(text.slice(end, next.span.offset));
}

export const citationMalformed: DiagnosticRule = {
  code: 'citation-malformed',
  defaultSeverity: 'warning',
  description: "A broken Kamerstuk citation: no 'nr.', hyphen with a space, 'Kamerstukken' for one paper, wrongly split dossier digits.",
  check(ctx) {
    const refs = ctx.doc.analysis.references;
    const findings: Finding[] = [];
    refs.forEach((r, i) => {
      if (r.kind !== 'kamerstuk' || inOwnHeader(ctx.doc.analysis.metadata.identitySpan, r.span)) return;
      const next = refs.slice(i + 1).find((n) => n.kind === 'kamerstuk');
      const message = malformation(r, next, ctx.doc.text, ctx.m);
      if (!message) return;
      const newText = rewriteCitation(r, ctx.settings.citationStyle);
      // A bare citation ("34952- 86" in brackets) is rewritten without adding the keyword.
      const replacement = r.form.keyword ? newText : newText.replace(/^Kamerstuk /, '');
      findings.push({
        code: this.code,
        span: r.span,
        message,
        fixes: [{ title: ctx.m.diag.rewriteTo(replacement), edits: [{ uri: ctx.doc.uri, span: r.span, newText: replacement }], preferred: true, fixAllGroup: 'citation' }],
      });
    });
    return findings;
  },
};
