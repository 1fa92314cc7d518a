/**
 * Wrong: one document cited with different numbers in one letter — the same description given to
 * two numbers. (Motions by the same member are not compared: members file many motions.)
 */
import { kamerstukKey } from '../../../engine/identifiers';
import type { KamerstukReference, Span } from '../../../engine/model';
import { kamerstukTitle } from '../../citations';
import { describedAs } from '../citationDescription';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const citationInconsistent: DiagnosticRule = {
  code: 'citation-inconsistent',
  defaultSeverity: 'warning',
  description: 'The same document (the same description beside it) cited with different numbers in one letter.',
  check(ctx) {
    const findings: Finding[] = [];
    const refs = ctx.doc.analysis.references;
    // The same description beside different numbers.
    const byDescription = new Map<string, KamerstukReference>();
    for (const r of refs) {
      if (r.kind !== 'kamerstuk') continue;
      const d = describedAs(ctx.doc, r);
      // A motion's subject is not compared: a motion and the gewijzigde motie that replaced it share theirs.
      if (!d || d.words.length < 3 || d.form === 'motion') continue;
      const key = d.words.join(' ');
      const first = byDescription.get(key);
      if (!first) {
        byDescription.set(key, r);
        continue;
      }
      if (kamerstukKey(first) !== kamerstukKey(r)) findings.push(finding(this.code, r.span, `‘${d.text}’`, kamerstukTitle(first), kamerstukTitle(r), first.span));
    }
    return findings;

    function finding(code: string, span: Span, what: string, a: string, b: string, other: Span): Finding {
      return { code, span, message: ctx.m.diag.inconsistentNumbers(what, a, b), related: [{ uri: ctx.doc.uri, span: other, message: ctx.m.diag.otherCitation }] };
    }
  },
};
