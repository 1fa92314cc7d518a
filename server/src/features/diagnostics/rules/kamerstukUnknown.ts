/** Missing: a Kamerstuk or document number that no catalog source knows anything about. */
import { hasFacts } from '../../../catalog/model';
import { kamerstukTitle } from '../../citations';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const kamerstukUnknown: DiagnosticRule = {
  code: 'kamerstuk-unknown',
  defaultSeverity: 'information',
  description: 'A cited Kamerstuk or document number that neither the workspace nor the bundled (or online) catalog knows.',
  async check(ctx) {
    const findings: Finding[] = [];
    const seen = new Map<string, boolean>();
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'kamerstuk' && r.kind !== 'documentNumber') continue;
      const key = r.kind === 'kamerstuk' ? `${r.dossier}-${r.nr}` : r.number;
      let known = seen.get(key);
      if (known === undefined) {
        const found = r.kind === 'kamerstuk' ? await ctx.catalog.lookupKamerstuk(r) : await ctx.catalog.lookupDocumentNumber(r.number);
        known = !!found && hasFacts(found);
        seen.set(key, known);
      }
      if (known) continue;
      findings.push({
        code: this.code,
        span: r.span,
        message: r.kind === 'kamerstuk' ? ctx.m.diag.kamerstukUnknown(kamerstukTitle(r)) : ctx.m.diag.documentNumberUnknown(r.number),
      });
    }
    return findings;
  },
};
