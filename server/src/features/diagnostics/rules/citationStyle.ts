/**
 * Malformed (house style): unambiguous citations that are not in the chosen style — the hyphenated
 * "Kamerstuknummer 29826-258", "Kamerstuk 30 821 nr. 97" without a comma, compact dossiers in an
 * official-style letter. Only when the user sets a house style (kamerwijzer.enforceCitationStyle),
 * as hints, each with a fix and a fix-all action.
 */
import { rewriteCitation } from '../../citations';
import { DocumentLookup } from '../../documentLookup';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { malformation } from '../citationForm';

export const citationStyle: DiagnosticRule = {
  code: 'citation-style',
  defaultSeverity: 'hint',
  description: 'A correct Kamerstuk citation in another style than kamerwijzer.citationStyle (only when kamerwijzer.enforceCitationStyle is on).',
  check(ctx) {
    if (!ctx.settings.enforceCitationStyle) return [];
    const refs = ctx.doc.analysis.references;
    const lookup = DocumentLookup.of(ctx.doc);
    const findings: Finding[] = [];
    refs.forEach((r, i) => {
      // Bare citations, identifiers, joint papers and lists keep their form; malformed ones have their own rule.
      if (r.kind !== 'kamerstuk' || !r.form.keyword || r.form.identifier || r.form.dossierInherited || r.alsoDossiers?.length) return;
      const next = lookup.nextKamerstuk(i);
      if (next?.kind === 'kamerstuk' && next.form.dossierInherited) return;
      if (malformation(r, next, ctx.doc.text, ctx.m)) return;
      const styled = rewriteCitation(r, ctx.settings.citationStyle);
      if (r.text.replace(/\s+/g, ' ') === styled) return;
      findings.push({
        code: this.code,
        span: r.span,
        message: ctx.m.diag.style(r.text.replace(/\s+/g, ' '), styled),
        fixes: [{ title: ctx.m.diag.rewriteTo(styled), edits: [{ uri: ctx.doc.uri, span: r.span, newText: styled }], preferred: true, fixAllGroup: 'citation' }],
      });
    });
    return findings;
  },
};
