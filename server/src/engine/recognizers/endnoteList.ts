import type { Footnote, FootnoteMarker } from '../model';
import { collapse } from './footnoteMarkup';
import { GluedMarkerIndex } from './gluedFootnoteMarker';
import { skipLineSpace, skipSpace, trimSpaceEnd } from '../chars';

/**
 * Footnotes of a Markdown or HTML export (open-data page dumps, pandoc): a trailing list of items
 * each ending in a back-reference arrow "↩︎" (or "[↩︎](#fnref1)"); the N-th item is footnote N. The
 * markers in the text lost their superscript and are plain digits glued to a word
 * ("verdienvermogen1", "Draghi-rapport3"); marker N lies after marker N-1 and before the list.
 */

export interface EndnoteList {
  readonly footnotes: Footnote[];
  readonly markers: FootnoteMarker[];
}

/** Longest item; a longer stretch between two arrows is running text, and the list begins after it. */
const MAX_ITEM_LENGTH = 5000;
/** Text the document may have after its footnote list. */
const MAX_TEXT_AFTER_LIST = 1000;

/**
 * @param explicitMarkerLabels labels whose marker is already written in markup ("<sup>3</sup>"):
 * for those no glued digits are looked for.
 */
export function recognizeEndnoteList(source: string, explicitMarkerLabels: ReadonlySet<string>): EndnoteList {
  // The items found so far, their bodies made once the list is known (running text between arrows
  // starts it again, and a list that does not close the document is none).
  const items: Omit<Footnote, 'body'>[] = [];
  let listStart = -1;
  let itemStart = -1;
  let at = source.indexOf('↩');
  while (at >= 0) {
    const terminator = backReference(source, at);
    if (itemStart < 0 || terminator.start - itemStart > MAX_ITEM_LENGTH) {
      // Running text since the last arrow: the list, if any, begins again here.
      itemStart = lineStartOf(source, terminator.start);
      listStart = itemStart;
      items.length = 0;
    }
    let bodyStart = skipLineSpace(source, itemStart, terminator.start);
    const bodyEnd = trimSpaceEnd(source, bodyStart, terminator.start);
    const label = String(items.length + 1);
    // Pandoc writes the list as "1. text ↩︎".
    const numbered = /^(\d{1,3})[.)] /.exec(source.slice(bodyStart, bodyStart + 6));
    if (numbered && numbered[1] === label) bodyStart += numbered[0].length;
    if (bodyEnd > bodyStart) {
      items.push({
        label,
        span: { offset: itemStart, length: terminator.end - itemStart },
        bodySpan: { offset: bodyStart, length: bodyEnd - bodyStart },
        style: 'endnoteList',
      });
    }
    itemStart = skipSpace(source, terminator.end);
    at = source.indexOf('↩', terminator.end);
  }
  if (items.length === 0) return { footnotes: [], markers: [] };
  // The list closes the document (a signature or colophon may follow); an arrow elsewhere is no list.
  const last = items[items.length - 1]!;
  if (source.slice(last.span.offset + last.span.length).trim().length > MAX_TEXT_AFTER_LIST) return { footnotes: [], markers: [] };
  const footnotes: Footnote[] = items.map((f) => ({ label: f.label, span: f.span, bodySpan: f.bodySpan, body: collapse(source.slice(f.bodySpan.offset, f.bodySpan.offset + f.bodySpan.length)), style: f.style }));

  const markers: FootnoteMarker[] = [];
  const glued = new GluedMarkerIndex(source);
  let from = 0;
  for (const f of footnotes) {
    if (explicitMarkerLabels.has(f.label)) continue;
    const marker = glued.find(f.label, from, listStart);
    if (marker === undefined) continue;
    markers.push({ label: f.label, span: { offset: marker, length: f.label.length }, style: 'superscript' });
    from = marker + f.label.length;
  }
  return { footnotes, markers };
}

/** The back-reference at `at`: "↩︎", repeated arrows "↩︎↩︎", or the link "[↩︎](#fnref1)". */
function backReference(source: string, at: number): { start: number; end: number } {
  const start = source[at - 1] === '[' ? at - 1 : at;
  let end = at + 1;
  for (;;) {
    while (end < source.length && (source[end] === '\ufe0e' || source[end] === '\ufe0f')) end++;
    if (source[end] === ']') {
      const m = /^\]\(#[^)\s]{0,60}\)/.exec(source.slice(end, end + 64));
      if (m) end += m[0].length;
    }
    // Several arrows after one item (one per marker that refers to it).
    const next = /^[ \t]{0,2}\[?↩/.exec(source.slice(end, end + 4));
    if (!next) break;
    end += next[0].length;
  }
  return { start, end };
}

function lineStartOf(source: string, at: number): number {
  let i = at;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}



