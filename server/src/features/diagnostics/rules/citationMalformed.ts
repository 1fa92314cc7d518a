/**
 * Malformed: broken citation forms — no "nr." before the number ("Kamerstuk 35420, 57"), a number
 * glued on with a hyphen and a space ("Kamerstuk 34952- 86"), "Kamerstukken" for a single paper,
 * dossier digits split wrongly ("Kamerstuk 354 20, nr. 5"), no space after "nr." — with a quick fix
 * to the style in kamerwijzer.citationStyle.
 */
import { rewriteCitation } from '../../citations';
import { malformation } from '../citationForm';
import { DocumentLookup } from '../../documentLookup';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const citationMalformed: DiagnosticRule = {
  code: 'citation-malformed',
  defaultSeverity: 'warning',
  description: "A broken Kamerstuk citation: no 'nr.', hyphen with a space, 'Kamerstukken' for one paper, wrongly split dossier digits.",
  check(ctx) {
    const refs = ctx.doc.analysis.references;
    const lookup = DocumentLookup.of(ctx.doc);
    const findings: Finding[] = [];
    refs.forEach((r, i) => {
      if (r.kind !== 'kamerstuk') return;
      const next = lookup.nextKamerstuk(i);
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
