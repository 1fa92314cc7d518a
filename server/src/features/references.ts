/**
 * Find all references: every citation of the same document across the workspace, and (when the
 * declaration is asked for) the cited document's own header. On a footnote marker or footnote: the
 * footnote and every marker that refers to it.
 */
import type { Location } from 'vscode-languageserver-types';
import { pushAll } from '../engine/arrays';
import { citedKey } from '../catalog/workspaceIndex';
import type { FeatureContext, IndexedDocument } from './model';
import { documentsIdentifiedAs, location } from './locations';
import { targetAt } from './referenceAt';

export function references(doc: IndexedDocument, offset: number, includeDeclaration: boolean, ctx: FeatureContext): Location[] {
  const target = targetAt(doc, offset);
  if (!target) return [];
  if (target.kind === 'footnoteMarker' || target.kind === 'footnote') {
    const label = target.kind === 'footnoteMarker' ? target.marker.label : target.footnote.label;
    const out = doc.analysis.footnoteMarkers.filter((mk) => mk.label === label).map((mk) => location(doc, mk.span));
    if (includeDeclaration) pushAll(out, doc.analysis.footnotes.filter((f) => f.label === label).map((f) => location(doc, f.span)));
    return out;
  }
  if (target.kind !== 'reference' && target.kind !== 'identity') return [];
  const key = target.kind === 'identity' ? target.key : citedKey(target.reference);
  if (!key) return [];
  const out = ctx.index.citationsOf(key).map((c) => location(c.doc, c.reference.span));
  if (includeDeclaration) {
    for (const l of documentsIdentifiedAs(key, ctx)) {
      if (!out.some((o) => o.uri === l.uri && o.range.start.line === l.range.start.line && o.range.start.character === l.range.start.character)) out.unshift(l);
    }
  }
  return out;
}
