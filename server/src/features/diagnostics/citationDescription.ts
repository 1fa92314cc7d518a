/**
 * The words a writer put beside a citation to say what it is: the rest of its footnote ("Ruimte
 * voor industrieclusters, Kamerstuknummer 29826-258"), the phrase before the footnote marker that
 * points to it ("de Kamerbrief Industriebeleid met focus[footnoteRef:2]"), or an explicit "inzake …"
 * / "over …" clause right before it ("de brief … inzake resultaat Addendum MEE (Kamerstuk 30 196,
 * nr. 803)"). Running text that merely mentions a citation gives no description: comparing it with a
 * title would only produce noise.
 */
import type { KamerstukReference, Span } from '../../engine/model';
import type { IndexedDocument } from '../model';
import { contentWords } from '../words';

export interface CitationDescription {
  /** The description as written (whitespace collapsed). */
  readonly text: string;
  readonly words: readonly string[];
  readonly span: Span;
}

const KEYWORD = /\b(?:kamerstuk(?:ken|nummer)?|kst)\b[:\s]*/gi;
/** Opening words that say what kind of document follows, not what it is about. */
const LEAD = /^(?:\W*(?:de|het|een|zie|in|bij|met|en|ook|onze|mijn|deze)\s+){0,3}(?:kamer)?(?:brief|brieven|rapport|notitie|nota|verslag|beantwoording|antwoorden|bijlage|motie|moties)?\b\s*/i;

export function describedAs(doc: IndexedDocument, r: KamerstukReference): CitationDescription | undefined {
  const text = doc.text;
  // 1. Inside a footnote: the footnote's own words.
  const note = doc.analysis.footnotes.find((f) => r.span.offset >= f.bodySpan.offset && r.span.offset < f.bodySpan.offset + f.bodySpan.length);
  if (note) {
    // Several citations in one footnote: each gets the words between the previous one and itself.
    const inNote = doc.analysis.references.filter(
      (x) => (x.kind === 'kamerstuk' || x.kind === 'documentNumber') && x.span.offset >= note.bodySpan.offset && x.span.offset < note.bodySpan.offset + note.bodySpan.length,
    );
    const i = inNote.findIndex((x) => x.span.offset === r.span.offset);
    const from = i > 0 ? inNote[i - 1]!.span.offset + inNote[i - 1]!.span.length : note.bodySpan.offset;
    const segment = { offset: from, length: r.span.offset + r.span.length - from };
    const own = describe(text, inNote.length > 1 ? segment : note.bodySpan, r.span);
    if (own && own.words.length >= 2) return own;
    if (inNote.length > 1) return undefined;
    // A footnote that only cites: the phrase its marker follows in the running text.
    const marker = doc.analysis.footnoteMarkers.find((mk) => mk.label === note.label && mk.span.offset < note.span.offset);
    if (marker) {
      const from = phraseStart(text, marker.span.offset);
      return describe(text, { offset: from, length: marker.span.offset - from }, undefined);
    }
    return undefined;
  }
  // 2. "inzake X (Kamerstuk …)" / "over X, Kamerstuknummer …" right before the citation, in its sentence.
  const before = text.slice(Math.max(0, r.span.offset - 300), r.span.offset);
  const m = /\b(?:inzake|betreffende|getiteld|met als titel)\s+([^.;()\n]{8,280}?)[\s,:(]*$/i.exec(before);
  if (m) {
    const start = r.span.offset - before.length + m.index + m[0].indexOf(m[1]!);
    return describe(text, { offset: start, length: m[1]!.length }, undefined);
  }
  // 3. A bullet item or table cell that is "description, Kamerstuknummer …" / "description | Kamerstuk …".
  const lineStart = text.lastIndexOf('\n', r.span.offset - 1) + 1;
  let head = text.slice(lineStart, r.span.offset);
  const cell = head.lastIndexOf('|', head.length - 3);
  const isTableCell = cell >= 0;
  if (isTableCell) head = head.slice(head.lastIndexOf('|', cell - 1) + 1);
  const isBullet = /^\s*(?:[-•*–]|\d{1,2}[.)])\s+/.test(head);
  if ((isBullet || isTableCell) && /^[^.;]{8,200}?[\s,:(|–-]*$/.test(head) && !/\b(?:zie|ook|eerder|vorige|laatste|genoemde?)\b/i.test(head)) {
    const start = r.span.offset - head.length;
    return describe(text, { offset: start, length: head.length }, undefined);
  }
  return undefined;
}

/** The words of `within` without the citation itself and its keyword. */
function describe(text: string, within: Span, citation: Span | undefined): CitationDescription | undefined {
  let s = text.slice(within.offset, within.offset + within.length);
  if (citation) {
    const a = citation.offset - within.offset;
    s = s.slice(0, Math.max(0, a)) + ' ' + s.slice(a + citation.length);
  }
  s = s.replace(/↩︎?/g, ' ').replace(KEYWORD, ' ').replace(/\b\d{1,3}\s?\d{3}(?:[-\s]?[A-Z]{1,5})?(?:,?\s*nr\.?\s*\d+|-\d+)\b/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^\s*(?:[-•*–]|\d{1,2}[.)])\s+/, '').replace(/\|/g, ' ').replace(LEAD, '').replace(/[\s,;:(–-]+$/, '').trim();
  const words = contentWords(s);
  return words.length ? { text: s, words, span: within } : undefined;
}

/** Where the phrase before a footnote marker starts: after the previous clause boundary, at most 14 words back. */
function phraseStart(text: string, at: number): number {
  let i = at;
  let words = 0;
  while (i > 0 && words < 14) {
    const c = text[i - 1]!;
    if (/[.;:()\n,]/.test(c) || text.slice(i - 1, i + 1) === ']]') break;
    if (c === ']') break;
    if (/\s/.test(c) && !/\s/.test(text[i] ?? '')) words++;
    i--;
  }
  return i;
}
