/**
 * Adding a footnote the way the document already writes them: a Markdown marker "[^4]" with its
 * definition "[^4]: …" under the others (or at the end), a Word export's "[footnoteRef:4]" with its
 * body "[4: …]" at the end of the paragraph, or a plain "[4]" with a note line "[4] …" under the
 * others (or at the end). The new footnote is numbered after the highest one the document has.
 */
import type { IndexedDocument } from './model';

export type FootnoteStyle = 'markdown' | 'footnoteRef' | 'bracket';

export interface NewFootnote {
  /** The number the footnote gets. */
  readonly label: string;
  /** The marker to put in the running text. */
  readonly marker: string;
  /** Where its body goes (an offset in the document) and the text to insert there. */
  readonly body: { readonly offset: number; readonly text: string };
}

/** The footnote form the document uses; a document without footnotes gets Markdown's if it is Markdown, else plain brackets. */
export function footnoteStyleOf(doc: IndexedDocument): FootnoteStyle {
  const a = doc.analysis;
  if (a.footnoteMarkers.some((m) => m.style === 'footnoteRef') || a.footnotes.some((f) => f.style === 'footnoteRef')) return 'footnoteRef';
  if (a.footnoteMarkers.some((m) => m.style === 'markdown') || a.footnotes.some((f) => f.style === 'markdown')) return 'markdown';
  if (a.footnotes.some((f) => f.style === 'bracket')) return 'bracket';
  return /\.(?:md|markdown)$/i.test(doc.uri) ? 'markdown' : 'bracket';
}

/** The number after the highest numeric footnote label of the document (markers and bodies). */
export function nextFootnoteNumber(doc: IndexedDocument): number {
  let highest = 0;
  for (const x of [...doc.analysis.footnotes, ...doc.analysis.footnoteMarkers]) {
    if (/^\d{1,4}$/.test(x.label)) highest = Math.max(highest, Number(x.label));
  }
  return highest + 1;
}

/**
 * A new footnote holding `text`, for a marker at `at` (the place being written; a body never goes
 * inside [at, atEnd)).
 */
export function newFootnote(doc: IndexedDocument, at: number, atEnd: number, text: string): NewFootnote {
  const style = footnoteStyleOf(doc);
  const label = String(nextFootnoteNumber(doc));
  const source = doc.text;
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (style === 'footnoteRef') {
    // A Word export puts each body at the end of its paragraph (its line).
    const line = doc.lines.positionAt(atEnd).line;
    const lineEnd = endOfLine(source, doc.lines.lineStart(line));
    return { label, marker: `[footnoteRef:${label}]`, body: { offset: lineEnd, text: `  [${label}: ${clean}]` } };
  }
  const marker = style === 'markdown' ? `[^${label}]` : `[${label}]`;
  const line = style === 'markdown' ? `[^${label}]: ${clean}` : `[${label}] ${clean}`;
  const last = [...doc.analysis.footnotes].reverse().find((f) => f.style === style);
  const after = last ? last.span.offset + last.span.length : undefined;
  if (after !== undefined && (after < at || after > atEnd)) return { label, marker, body: { offset: endOfLine(source, after), text: `\n${line}` } };
  const gap = source.endsWith('\n\n') || source.endsWith('\r\n\r\n') ? '' : source.endsWith('\n') ? '\n' : source.length ? '\n\n' : '';
  return { label, marker, body: { offset: source.length, text: `${gap}${line}\n` } };
}

/** The offset of the end of the line holding `from` (before its line break). */
function endOfLine(source: string, from: number): number {
  let i = from;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}
