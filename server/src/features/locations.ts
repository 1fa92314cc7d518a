/** Places in workspace documents as LSP locations: a span, or where a document is the cited one. */
import type { Location } from 'vscode-languageserver-types';
import type { Span } from '../engine/model';
import type { IndexEntry } from '../catalog/workspaceIndex';
import type { FeatureContext } from './model';

/** Locations of the workspace documents that are the document with this key (their identity line, or their start). */
export function documentsIdentifiedAs(key: string, ctx: FeatureContext): Location[] {
  return ctx.index.documentsIdentifiedAs(key).map((d) => location(d, landingSpan(d)));
}

/** Lines from the top within which a document's identity counts as its heading. */
const HEADING_LINES = 60;

/**
 * Where to land in a document: its heading when it names itself there (official heading, open-data
 * header, front matter); its start when only a page footer further down does.
 */
function landingSpan(d: IndexEntry): Span {
  const identity = d.metadata.identitySpan;
  if (identity && d.lines.positionAt(identity.offset).line < HEADING_LINES) return identity;
  return { offset: 0, length: 0 };
}

export function location(doc: Pick<IndexEntry, 'uri' | 'lines'>, span: Span): Location {
  return { uri: doc.uri, range: doc.lines.rangeOf(span) };
}
