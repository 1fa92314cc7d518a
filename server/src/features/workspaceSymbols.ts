/**
 * Workspace symbols: find a document cited anywhere in the workspace (or present in it) by its
 * number ("29826-250", "29 826 250", "2025D44449", "h-tk-20212022-62-7") or by words of its title ("industriebeleid focus").
 */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { foldForSearch } from '../engine/folding';
import { identityKeys, type IndexEntry } from '../catalog/workspaceIndex';
import { parseHandelingenKey, parseKamerstukKey } from '../engine/identifiers';
import type { Span } from '../engine/model';
import type { FeatureContext } from './model';
import { handelingenTitle, kamerstukTitle } from './citations';

const MAX_RESULTS = 200;

export async function workspaceSymbols(query: string, ctx: FeatureContext): Promise<SymbolInformation[]> {
  // Every key the workspace cites or is, with the first place to go to.
  const places = new Map<string, { doc: IndexEntry; span: Span }>();
  for (const doc of ctx.index.entries()) {
    for (const key of identityKeys(doc)) places.set(key, { doc, span: doc.metadata.identitySpan ?? { offset: 0, length: 0 } });
  }
  for (const key of ctx.index.citedKeys()) {
    if (places.has(key)) continue;
    const first = ctx.index.citationsOf(key)[0];
    if (first) places.set(key, { doc: first.doc, span: first.reference.span });
  }

  const digits = query.replace(/[^0-9a-z]/gi, '').toUpperCase();
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const out: SymbolInformation[] = [];
  for (const [key, place] of [...places].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const id = parseKamerstukKey(key);
    const handelingen = id ? undefined : parseHandelingenKey(key);
    const doc = id ? await ctx.catalog.lookupKamerstuk(id) : handelingen ? await ctx.catalog.lookupHandelingen(handelingen) : await ctx.catalog.lookupDocumentNumber(key);
    const title = doc?.title ?? (place.doc.metadata.kamerstuk && identityKeys(place.doc).includes(key) ? place.doc.metadata.title : undefined);
    const keyDigits = key.replace(/[^0-9a-z]/gi, '').toUpperCase();
    const byNumber = digits.length > 0 && keyDigits.includes(digits);
    const folded = ` ${foldForSearch(`${title ?? ''} ${doc?.dossierTitle ?? ''}`)} `;
    const byWords = words.length > 0 && words.every((w) => folded.includes(w));
    if (query.trim() && !byNumber && !byWords) continue;
    out.push({
      name: id ? kamerstukTitle(id) : handelingen ? handelingenTitle(handelingen) : key,
      kind: SymbolKind.File,
      location: { uri: place.doc.uri, range: place.doc.lines.rangeOf(place.span) },
      ...(title ? { containerName: title } : {}),
    });
    if (out.length >= MAX_RESULTS) break;
  }
  return out;
}
