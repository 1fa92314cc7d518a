/**
 * Completion of Kamerstuk citations: after "Kamerstuk " (or "Kamerstukken", "Kamerstuknummer") and
 * the digits typed so far, the documents the workspace and the catalog know whose number starts so —
 * first those the workspace itself holds or cites — written in the house style, with their title.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { CatalogDocument } from '../catalog/model';
import { kamerstukKey, officialDossierText, parseKamerstukKey } from '../engine/identifiers';
import type { CitationStyle } from './model';
import type { FeatureContext, IndexedDocument } from './model';
import { formatDate } from './describe';
import { escapeMarkdown, safeMarkdown } from './markdown';

const MAX_ITEMS = 50;
/** "Kamerstuk 29 8", "Kamerstuknummer 36600-XIII-", "Kamerstukken II 2019/20, 35 3" before the cursor. */
const TYPED = /\b[Kk]amerstuk(?:ken|nummer)?(?:\s+I{1,2}(?:\s+\d{4}\/\d{2,4})?,?)?:?\s+([0-9][0-9 .,\-A-Za-z]{0,24})?$/;

export async function completion(doc: IndexedDocument, offset: number, ctx: FeatureContext, style: CitationStyle): Promise<CompletionItem[]> {
  const lineStart = doc.lines.lineStart(doc.lines.positionAt(offset).line);
  const before = doc.text.slice(Math.max(lineStart, offset - 80), offset);
  const m = TYPED.exec(before);
  if (!m) return [];
  const typed = m[1] ?? '';
  // "29 826, nr. 2" / "29826-2" → the id prefix "29826-2".
  const prefix = typed
    .replace(/\s*,?\s*nr\.?\s*/i, '-')
    .replace(/(\d)[ .](\d)/g, '$1$2')
    .replace(/\s+/g, '-')
    .toUpperCase();
  const replaceFrom = offset - typed.length;

  // The workspace's own citations and documents come first.
  const local = new Map<string, number>();
  for (const key of ctx.index.citedKeys()) {
    if (!key.startsWith(prefix)) continue;
    const count = ctx.index.citationsOf(key).filter((c) => c.reference.kind === 'kamerstuk').length;
    if (count) local.set(key, count);
  }
  const found = new Map<string, CatalogDocument | undefined>();
  for (const key of [...local.keys()].sort((a, b) => local.get(b)! - local.get(a)!)) found.set(key, undefined);
  for (const d of ctx.catalog.documentsByIdPrefix(prefix, MAX_ITEMS)) if (d.kamerstuk) found.set(kamerstukKey(d.kamerstuk), d);

  const items: CompletionItem[] = [];
  let rank = 0;
  for (const [key, known] of found) {
    if (items.length >= MAX_ITEMS) break;
    const id = parseKamerstukKey(key);
    if (!id) continue;
    const d = known ?? (await ctx.catalog.lookupKamerstuk(id));
    const { dossier, nr } = d?.kamerstuk ?? id;
    const written = `${style === 'official' ? officialDossierText(dossier) : dossier}, nr. ${nr}`;
    const facts = [d?.type, d?.date ? formatDate(d.date, ctx.locale) : undefined].filter(Boolean).join(' · ');
    items.push({
      label: written,
      kind: CompletionItemKind.Reference,
      ...(d?.title ? { detail: d.title } : {}),
      ...(facts || d?.dossierTitle
        ? { documentation: { kind: MarkupKind.Markdown, value: safeMarkdown([escapeMarkdown(facts), d?.dossierTitle ? `*${escapeMarkdown(d.dossierTitle)}*` : ''].filter(Boolean).join('\n\n')) } }
        : {}),
      filterText: `${typed}${key} ${written} ${d?.title ?? ''}`,
      sortText: String(rank++).padStart(4, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: { start: doc.lines.positionAt(replaceFrom), end: doc.lines.positionAt(offset) }, newText: written },
    });
  }
  return items;
}
