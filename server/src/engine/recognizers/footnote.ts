import type { LineIndex } from '../lineIndex';
import type { Footnote, FootnoteMarker } from '../model';
import { pushAll } from '../arrays';
import { recognizeEndnoteList } from './endnoteList';
import { PatternScans } from '../patternScan';
import { recognizeBracketFootnotes, recognizeMarkdownFootnotes, recognizeSuperscriptFootnotes, recognizeWordExportFootnotes } from './footnoteMarkup';
import { recognizePageFootnotes } from './pageFootnotes';

export interface FootnoteResult {
  readonly footnotes: Footnote[];
  readonly markers: FootnoteMarker[];
}

/**
 * Finds footnote bodies and their markers in the source text, in every form real letters come in:
 * Word export ("[footnoteRef:1]" … "[1: text]"), plain text ("[1]" … "[1] text"), Markdown ("[^1]" … "[^1]: text"), HTML or Unicode
 * superscripts ("<sup>1</sup>", "¹"), an export's trailing "text↩︎" list, and a PDF's page-foot
 * lines ("1 SER advies …") with digits glued to the text as markers.
 *
 * Markup is trusted as written. Glued digits are only taken as a marker where the footnote sequence
 * puts one, since the pipeline removes every marker from the text the other recognizers read. The
 * page-foot reading is skipped when markup already gave the document its footnotes.
 * Both lists are sorted by offset; markers and footnotes are not paired here (a marker's footnote is
 * the one with its label, the first at or after the marker where labels repeat). `lines` is the
 * text's line index, when the caller has one.
 */
export function recognizeFootnotes(source: string, lines?: LineIndex, scans: PatternScans = new PatternScans(source)): FootnoteResult {
  const footnotes: Footnote[] = [];
  const markers: FootnoteMarker[] = [];
  const wordExport = recognizeWordExportFootnotes(source, scans);
  // Plain "[1]" notes are read only where no Word export markup says what its "[1: …]" bodies are.
  const bracket = wordExport.markers.length ? { footnotes: [], markers: [] } : recognizeBracketFootnotes(source);
  for (const found of [wordExport, bracket, recognizeMarkdownFootnotes(source), recognizeSuperscriptFootnotes(source, scans)]) {
    pushAll(footnotes, found.footnotes);
    pushAll(markers, found.markers);
  }
  const endnotes = recognizeEndnoteList(source, new Set(markers.map((m) => m.label)));
  pushAll(footnotes, endnotes.footnotes);
  pushAll(markers, endnotes.markers);
  if (footnotes.length === 0) {
    const page = recognizePageFootnotes(source, lines);
    pushAll(footnotes, page.footnotes);
    pushAll(markers, page.markers);
  }
  footnotes.sort((a, b) => a.span.offset - b.span.offset);
  markers.sort((a, b) => a.span.offset - b.span.offset);
  return { footnotes, markers: withoutOverlaps(markers) };
}

/** Keeps the first of markers that overlap (two readings of the same characters). */
function withoutOverlaps(sorted: readonly FootnoteMarker[]): FootnoteMarker[] {
  const out: FootnoteMarker[] = [];
  let end = -1;
  for (const m of sorted) {
    if (m.span.offset < end) continue;
    out.push(m);
    end = m.span.offset + m.span.length;
  }
  return out;
}
