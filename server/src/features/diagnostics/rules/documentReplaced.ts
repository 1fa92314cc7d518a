/** Stale: a cited document that the catalog marks as replaced (rectification, herdruk, new version). Read one citation at a time (perReference.ts). */
import { parseKamerstukKey } from '../../../engine/identifiers';
import { citationLike, kamerstukTitle } from '../../citations';
import { perReferenceRule } from '../perReference';

export const documentReplaced = perReferenceRule({
  code: 'document-replaced',
  defaultSeverity: 'warning',
  description: 'A cited Kamerstuk that was replaced by a newer one (rectificatie, herdruk, nieuwe versie).',
  kinds: ['kamerstuk'],
  async checkReference(r, ctx) {
    if (r.kind !== 'kamerstuk') return undefined;
    const doc = await ctx.catalog.lookupKamerstuk(r);
    const newer = doc?.replacedBy ? parseKamerstukKey(doc.replacedBy) : undefined;
    if (!newer) return undefined;
    const newText = citationLike(r, newer, ctx.settings.citationStyle);
    return [
      {
        code: this.code,
        span: r.span,
        message: ctx.m.diag.replaced(kamerstukTitle(r), kamerstukTitle(newer)),
        tags: ['deprecated'],
        fixes: [{ title: ctx.m.diag.replaceWith(newText), edits: [{ uri: ctx.doc.uri, span: r.span, newText }], preferred: true }],
      },
    ];
  },
});
