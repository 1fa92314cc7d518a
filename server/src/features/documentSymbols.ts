/**
 * The outline: what a letter cites and commits to, grouped by kind — cited documents (Kamerstukken,
 * dossiers, document numbers, Handelingen; one entry per document, its citations below it), motions, amounts, deadlines, footnotes and policy instruments.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { handelingenKey, kamerstukKey } from '../engine/identifiers';
import { isUnresolved, type Reference, type Span } from '../engine/model';
import { messages, type Locale } from '../l10n';
import type { FeatureContext, IndexedDocument } from './model';
import { describeReference } from './describe';
import { oneLine } from '../engine/chars';
import { handelingenTitle, kamerstukTitle } from './citations';

export function documentSymbols(doc: IndexedDocument, ctx: Pick<FeatureContext, 'locale'>): DocumentSymbol[] {
  const m = messages(ctx.locale);
  const a = doc.analysis;
  const range = (span: Span): Range => doc.lines.rangeOf(span);
  const symbol = (name: string, detail: string, kind: SymbolKind, span: Span, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || '?',
    detail,
    kind,
    range: range(span),
    selectionRange: range(span),
    ...(children ? { children } : {}),
  });
  const group = (name: string, children: DocumentSymbol[]): DocumentSymbol | undefined => {
    if (!children.length) return undefined;
    const first = children[0]!.range.start;
    const last = children.reduce((end, c) => (c.range.end.line > end.line || (c.range.end.line === end.line && c.range.end.character > end.character) ? c.range.end : end), children[0]!.range.end);
    return { name, detail: String(children.length), kind: SymbolKind.Namespace, range: { start: first, end: last }, selectionRange: { start: first, end: first }, children };
  };

  // Cited documents: one symbol per document, its citations as children when there are several.
  const byKey = new Map<string, Reference[]>();
  for (const r of a.references) {
    const key =
      r.kind === 'kamerstuk' ? kamerstukKey(r) : r.kind === 'documentNumber' ? r.number : r.kind === 'dossier' ? `dossier ${r.dossier}` : r.kind === 'handelingen' ? handelingenKey(r) : undefined;
    if (!key) continue;
    const list = byKey.get(key) ?? [];
    list.push(r);
    byKey.set(key, list);
  }
  const cited = [...byKey.values()].map((refs) => {
    const first = refs[0]!;
    const name =
      first.kind === 'kamerstuk'
        ? kamerstukTitle(first)
        : first.kind === 'handelingen'
          ? handelingenTitle(first)
          : first.kind === 'dossier'
            ? `${m.kind.dossier} ${first.dossier}`
            : describeReference(first, ctx.locale);
    const children = refs.length > 1 ? refs.map((r) => symbol(oneLine(r.text, 60), lineOf(doc, r.span, ctx.locale), SymbolKind.File, r.span)) : undefined;
    return symbol(name, refs.length > 1 ? `×${refs.length}` : oneLine(first.text, 60), SymbolKind.File, first.span, children);
  });

  const of = (kind: Reference['kind'], symbolKind: SymbolKind): DocumentSymbol[] =>
    a.references.filter((r) => r.kind === kind).map((r) => symbol(oneLine(r.text, 60), describeReference(r, ctx.locale), symbolKind, r.span));

  const footnotes = a.footnotes.map((f) => symbol(`[${f.label}] ${oneLine(f.body, 60)}`, '', SymbolKind.String, f.span));
  const instruments = a.instruments.map((i) => symbol(i.text, isUnresolved(i) ? i.candidates!.join(' | ') : i.id, SymbolKind.Class, i.span));

  return [
    group(m.symbols.citedDocuments, cited),
    group(m.symbols.motions, of('motion', SymbolKind.Object)),
    group(m.symbols.amounts, of('amount', SymbolKind.Number)),
    group(m.symbols.deadlines, of('deadline', SymbolKind.Event)),
    group(m.symbols.footnotes, footnotes),
    group(m.symbols.instruments, instruments),
  ].filter((s): s is DocumentSymbol => s !== undefined);
}

function lineOf(doc: IndexedDocument, span: Span, locale: Locale): string {
  return messages(locale).symbols.line(doc.lines.positionAt(span.offset).line + 1);
}
