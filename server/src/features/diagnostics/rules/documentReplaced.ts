/** Stale: a cited document that the catalog marks as replaced (rectification, herdruk, new version). */
import { parseKamerstukKey } from '../../../engine/identifiers';
import { citationLike, kamerstukTitle } from '../../citations';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const documentReplaced: DiagnosticRule = {
  code: 'document-replaced',
  defaultSeverity: 'warning',
  description: 'A cited Kamerstuk that was replaced by a newer one (rectificatie, herdruk, nieuwe versie).',
  async check(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'kamerstuk') continue;
      const doc = await ctx.catalog.lookupKamerstuk(r);
      const newer = doc?.replacedBy ? parseKamerstukKey(doc.replacedBy) : undefined;
      if (!newer) continue;
      const newText = citationLike(r, newer, ctx.settings.citationStyle);
      findings.push({
        code: this.code,
        span: r.span,
        message: ctx.m.diag.replaced(kamerstukTitle(r), kamerstukTitle(newer)),
        tags: ['deprecated'],
        fixes: [{ title: ctx.m.diag.replaceWith(newText), edits: [{ uri: ctx.doc.uri, span: r.span, newText }], preferred: true }],
      });
    }
    return findings;
  },
};
