import { FlatText } from '../flatText';
import type { Footnote, FootnoteMarker } from '../model';
import { skipLineSpace, trimSpaceEnd } from '../chars';
import { caseless } from '../patterns';
import { PatternScans, type Matches, type ScanPattern } from '../patternScan';

/**
 * Footnotes written in markup that says plainly what is a marker and what is a body:
 * - Word export: "[footnoteRef:1]" in the text, "[1:  Kamerstuk 29826, nr. 250]" as the body;
 * - Markdown: "[^1]" in the text, "[^1]: text" as a definition at the start of a line;
 * - HTML and Unicode superscripts: "<sup>1</sup>" or "¹" glued to the text; the same at the start
 *   of a line, followed by text, is the body; a converted export's link "[1](#fn1)" is a marker too;
 * - plain text: "[1]" in the running text, "[1] text" or "[1: text]" opening a line below it.
 */

export interface MarkupFootnotes {
  readonly footnotes: Footnote[];
  readonly markers: FootnoteMarker[];
}

/** Longest footnote body taken from one bracketed "[N: …]"; longer means the bracket never closed. */
const MAX_BRACKETED_BODY = 6000;
/** Lines one Markdown definition or superscript-labelled body may span. */
const MAX_BODY_LINES = 30;

/** A Word export's marker "[footnoteRef:1]". */
export const FOOTNOTE_REF: ScanPattern = { re: /\[footnoteRef:[ \t]?(\d{1,4})\]/g, behind: 0, reach: 19, label: true };
/**
 * Where a Word export's body "[1: …]" may open. Two never overlap (a match holds its "[" only at its
 * start), so the bodies read from the scan's matches, each after the last body's end, are those a
 * scan from there finds.
 */
export const FOOTNOTE_BODY_START: ScanPattern = { re: /\[(\d{1,4}):/g, behind: 0, reach: 7, label: true };

export function recognizeWordExportFootnotes(source: string, scans: PatternScans = new PatternScans(source)): MarkupFootnotes {
  const markers: FootnoteMarker[] = [];
  const refs = scans.matches(FOOTNOTE_REF);
  for (let i = 0; i < refs.starts.length; i++) {
    markers.push({ label: refs.labels![i]!, span: { offset: refs.starts[i]!, length: refs.ends[i]! - refs.starts[i]! }, style: 'footnoteRef' });
  }
  // "[1: …]" alone is too common a shape to trust; only a document with footnoteRef markers has such bodies.
  if (markers.length === 0) return { footnotes: [], markers };
  const footnotes: Footnote[] = [];
  const opens = scans.matches(FOOTNOTE_BODY_START);
  let after = 0;
  for (let i = 0; i < opens.starts.length; i++) {
    const at = opens.starts[i]!;
    if (at < after) continue;
    const close = closingBracket(source, at + 1);
    if (close === undefined) continue;
    const bodyStart = skipLineSpace(source, opens.ends[i]!, close);
    const bodyEnd = trimSpaceEnd(source, bodyStart, close);
    footnotes.push({
      label: opens.labels![i]!,
      span: { offset: at, length: close + 1 - at },
      bodySpan: { offset: bodyStart, length: bodyEnd - bodyStart },
      body: collapse(source.slice(bodyStart, bodyEnd)),
      style: 'footnoteRef',
    });
    after = close + 1;
  }
  return { footnotes, markers };
}

/** A plain-text note: "[1] Kamerstuk 28 638, nr. 240." or "[1: Kamerstuk …]" opening a line. */
const BRACKET_NOTE = /^[ \t]*\[(\d{1,3})(?:\][ \t]+|:[ \t]*)(?=\S)/gm;
/** A plain-text marker "[1]" in running text (not a Markdown link "[1](…)" or reference "[1]:"). */
const BRACKET_MARKER = /\[(\d{1,3})\](?![(:\[])/g;

/**
 * Plain-text footnotes, as a draft typed without a word processor's markup writes them: "[1]" after
 * a word or sentence, and "[1] text" (or "[1: text]") on its own line further down. The form is
 * trusted only when both are there and agree: a note line whose label a marker in the running text
 * also has. Every "[N]" in running text is then a marker, also one whose note is missing (that is a
 * finding, not a reason to doubt the form). A note runs to the end of its line ("[1: …]" to its
 * closing bracket).
 */
export function recognizeBracketFootnotes(source: string): MarkupFootnotes {
  if (!source.includes('[')) return { footnotes: [], markers: [] };
  const footnotes: Footnote[] = [];
  const noteStarts = new Set<number>();
  const note = new RegExp(BRACKET_NOTE.source, BRACKET_NOTE.flags);
  for (let m = note.exec(source); m; m = note.exec(source)) {
    const labelAt = m.index + m[0].indexOf('[');
    const colon = m[0].includes(':');
    const bodyStart = m.index + m[0].length;
    const close = colon ? closingBracket(source, labelAt + 1) : undefined;
    if (colon && close === undefined) continue;
    const end = colon ? close! : lineEndAt(source, bodyStart);
    const bodyEnd = trimSpaceEnd(source, bodyStart, end);
    noteStarts.add(labelAt);
    footnotes.push({
      label: m[1]!,
      span: { offset: labelAt, length: (colon ? end + 1 : bodyEnd) - labelAt },
      bodySpan: { offset: bodyStart, length: bodyEnd - bodyStart },
      body: collapse(source.slice(bodyStart, bodyEnd)),
      style: 'bracket',
    });
    note.lastIndex = Math.max(note.lastIndex, end);
  }
  if (footnotes.length === 0) return { footnotes, markers: [] };
  const markers: FootnoteMarker[] = [];
  for (const m of source.matchAll(BRACKET_MARKER)) {
    if (noteStarts.has(m.index!) || atLineStart(source, m.index!)) continue;
    markers.push({ label: m[1]!, span: { offset: m.index!, length: m[0].length }, style: 'bracket' });
  }
  const labels = new Set(footnotes.map((f) => f.label));
  if (!markers.some((mk) => labels.has(mk.label))) return { footnotes: [], markers: [] };
  return { footnotes, markers };
}

export function recognizeMarkdownFootnotes(source: string): MarkupFootnotes {
  const footnotes: Footnote[] = [];
  if (!source.includes('[^')) return { footnotes, markers: [] };
  const definitionStarts = new Set<number>();
  const definition = /^ {0,3}\[\^([^\]\s]{1,30})\]:[ \t]*/gm;
  for (let m = definition.exec(source); m; m = definition.exec(source)) {
    const labelAt = m.index + m[0].indexOf('[');
    definitionStarts.add(labelAt);
    const bodyStart = m.index + m[0].length;
    const bodyEnd = markdownDefinitionEnd(source, bodyStart);
    footnotes.push({
      label: m[1]!,
      span: { offset: labelAt, length: bodyEnd - labelAt },
      bodySpan: { offset: bodyStart, length: bodyEnd - bodyStart },
      body: collapse(source.slice(bodyStart, bodyEnd)),
      style: 'markdown',
    });
    definition.lastIndex = Math.max(bodyEnd, definition.lastIndex);
  }
  const markers: FootnoteMarker[] = [];
  for (const m of source.matchAll(/\[\^([^\]\s]{1,30})\]/g)) {
    if (definitionStarts.has(m.index!)) continue;
    markers.push({ label: m[1]!, span: { offset: m.index!, length: m[0].length }, style: 'markdown' });
  }
  return { footnotes, markers };
}

/**
 * "<sup>1</sup>", "<SUP>[2]</SUP>", "<sup>3(#fn3)</sup>": what /<sup>…<\/sup>/gi finds, with the tags'
 * letters in either case written out, so that the engine skips ahead to each "<" (some times quicker).
 */
export const SUP_MARKER = new RegExp(`${caseless('<sup>')}[ \\t]{0,2}\\[?(\\d{1,3})\\]?(?:\\(#[^)\\s]{1,60}\\))?[ \\t]{0,2}${caseless('</sup>')}`, 'g');
const SUP_SCAN: ScanPattern = { re: SUP_MARKER, behind: 0, reach: 83, label: true };
/** A converted export's link to its footnote list: "[1](#fn1)". */
const FN_LINK: ScanPattern = { re: /\[(\d{1,3})\]\(#fn[\w:-]{0,20}\)/g, behind: 0, reach: 30, label: true };

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPERSCRIPT_OR_SPACE = /[⁰¹²³⁴⁵⁶⁷⁸⁹\u2000-\u200a]/;
/**
 * Superscript digits, up to three together. In a whole text found with a pattern that also takes the
 * spaces U+2000–U+200A (passed over): so wide a class the engine reads the text through instead of
 * skipping ahead to the many ASCII letters that share the superscripts' low bits, which is some times
 * quicker.
 */
export const SUPERSCRIPTS: ScanPattern = {
  re: /[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}/g,
  behind: 0,
  reach: 3,
  scanWhole(source: string): Matches {
    const starts: number[] = [];
    const ends: number[] = [];
    const first = new RegExp(SUPERSCRIPT_OR_SPACE.source, 'g');
    while (first.test(source)) {
      const start = first.lastIndex - 1;
      if (SUPERSCRIPT_DIGITS.indexOf(source[start]!) < 0) continue;
      let end = start + 1;
      while (end < start + 3 && end < source.length && SUPERSCRIPT_DIGITS.indexOf(source[end]!) >= 0) end++;
      first.lastIndex = end;
      starts.push(start);
      ends.push(end);
    }
    return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
  },
};
/** Units that take a superscript ("m²", "km³"): never a footnote marker. */
const SUPERSCRIPT_UNITS: ReadonlySet<string> = new Set(['m', 'km', 'cm', 'mm', 'dm', 'ha', 'nm', 'µm']);

export function recognizeSuperscriptFootnotes(source: string, scans: PatternScans = new PatternScans(source)): MarkupFootnotes {
  const footnotes: Footnote[] = [];
  const markers: FootnoteMarker[] = [];
  const take = (label: string, start: number, end: number): void => {
    if (atLineStart(source, start)) {
      const bodyStart = skipLineSpace(source, end, source.length);
      if (bodyStart === end || bodyStart >= source.length || source[bodyStart] === '\n' || source[bodyStart] === '\r') return;
      const bodyEnd = paragraphEnd(source, bodyStart);
      footnotes.push({
        label,
        span: { offset: start, length: bodyEnd - start },
        bodySpan: { offset: bodyStart, length: bodyEnd - bodyStart },
        body: collapse(source.slice(bodyStart, bodyEnd)),
        style: 'pdfLine',
      });
    } else {
      markers.push({ label, span: { offset: start, length: end - start }, style: 'superscript' });
    }
  };
  const sups = scans.matches(SUP_SCAN);
  for (let i = 0; i < sups.starts.length; i++) take(sups.labels![i]!, sups.starts[i]!, sups.ends[i]!);
  const links = scans.matches(FN_LINK);
  for (let i = 0; i < links.starts.length; i++) {
    const at = links.starts[i]!;
    markers.push({ label: links.labels![i]!, span: { offset: at, length: links.ends[i]! - at }, style: 'superscript' });
  }
  const digits = scans.matches(SUPERSCRIPTS);
  for (let i = 0; i < digits.starts.length; i++) {
    const start = digits.starts[i]!;
    const end = digits.ends[i]!;
    if (!atLineStart(source, start) && !gluedToText(source, start)) continue;
    const label = [...source.slice(start, end)].map((c) => String(SUPERSCRIPT_DIGITS.indexOf(c))).join('');
    if (label.startsWith('0')) continue;
    take(label, start, end);
  }
  return { footnotes, markers };
}

/** A superscript glued to a word or closing punctuation, not an exponent ("10⁶") or a unit ("m²"). */
function gluedToText(source: string, at: number): boolean {
  if (at === 0) return false;
  const prev = source[at - 1]!;
  if (/[.,;:)\]”’"'»!?]/.test(prev)) return true;
  if (!/\p{L}/u.test(prev)) return false;
  let i = at;
  while (i > 0 && at - i < 40 && /\p{L}/u.test(source[i - 1]!)) i--;
  return !SUPERSCRIPT_UNITS.has(source.slice(i, at).toLowerCase());
}

/** True when only spaces or tabs stand between the line's start and `at`. */
function atLineStart(source: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = source[i]!;
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** The "]" that closes the bracket opened just before `from`, counting nested brackets. */
function closingBracket(source: string, from: number): number | undefined {
  let depth = 1;
  const limit = Math.min(source.length, from + MAX_BRACKETED_BODY);
  for (let i = from; i < limit; i++) {
    const c = source[i];
    if (c === '[') {
      if (source.startsWith('[footnoteRef:', i)) return undefined;
      depth++;
    } else if (c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return undefined;
}

/**
 * The end of a Markdown footnote definition: its first line, lazy continuation lines, and after a
 * blank line only paragraphs indented by four spaces or a tab.
 */
function markdownDefinitionEnd(source: string, bodyStart: number): number {
  let end = lineEndAt(source, bodyStart);
  let pos = end;
  for (let count = 1; count < MAX_BODY_LINES && pos < source.length; count++) {
    const next = nextLineStart(source, pos);
    if (next >= source.length) break;
    const lineEnd = lineEndAt(source, next);
    const line = source.slice(next, lineEnd);
    if (/^\s*$/.test(line)) {
      const after = nextLineStart(source, lineEnd);
      if (after < source.length && /^( {4}|\t)\S/.test(source.slice(after, lineEndAt(source, after)))) {
        pos = lineEnd;
        continue;
      }
      break;
    }
    if (/^ {0,3}\[\^[^\]\s]{1,30}\]:/.test(line)) break;
    end = trimSpaceEnd(source, next, lineEnd);
    pos = lineEnd;
  }
  return end;
}

/** The end of the paragraph starting at `from`: the last non-blank line before a blank line. */
function paragraphEnd(source: string, from: number): number {
  let end = trimSpaceEnd(source, from, lineEndAt(source, from));
  let pos = lineEndAt(source, from);
  for (let count = 1; count < MAX_BODY_LINES; count++) {
    const next = nextLineStart(source, pos);
    if (next >= source.length) break;
    const lineEnd = lineEndAt(source, next);
    const line = source.slice(next, lineEnd);
    if (/^\s*$/.test(line) || /^\s*(<sup>|[⁰¹²³⁴⁵⁶⁷⁸⁹])/.test(line)) break;
    end = trimSpaceEnd(source, next, lineEnd);
    pos = lineEnd;
  }
  return end;
}

function lineEndAt(source: string, from: number): number {
  let i = from;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

function nextLineStart(source: string, lineEnd: number): number {
  if (source[lineEnd] === '\r' && source[lineEnd + 1] === '\n') return lineEnd + 2;
  return lineEnd + 1;
}



/** A body as one line of text: white space collapsed, line-end hyphenation joined. */
export function collapse(text: string): string {
  return new FlatText(text).text.trim();
}
