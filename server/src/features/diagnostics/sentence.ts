/**
 * The sentence (or table row, list item, footnote) around a place in the text: rules read the words
 * a writer put beside a citation or motion. Bounded to a few hundred characters either way.
 */
import type { Span } from '../../engine/model';

const MAX_REACH = 600;

/** The span of the sentence containing `span`. */
export function sentenceAround(text: string, span: Span): Span {
  let start = span.offset;
  const lowest = Math.max(0, span.offset - MAX_REACH);
  while (start > lowest) {
    const c = text[start - 1]!;
    if (c === '\n' && (text[start - 2] === '\n' || /^\s*([-•*|]|\d+[.)]\s)/.test(text.slice(start, start + 4)))) break;
    if ((c === '.' || c === '!' || c === '?' || c === ';' || c === '|' || c === '↩') && /\s/.test(text[start] ?? '') && !/\b(nr|nrs|blz|p|jl|c\.s|o\.a|bijv|d\.d|mln|mld|mrd)\.$/i.test(text.slice(Math.max(0, start - 6), start))) break;
    if (c === '[' && text.slice(start - 1, start + 2).match(/^\[\d/)) break;
    start--;
  }
  let end = span.offset + span.length;
  const highest = Math.min(text.length, end + MAX_REACH);
  while (end < highest) {
    const c = text[end]!;
    if (c === '\n' && text[end + 1] === '\n') break;
    if ((c === '.' || c === '!' || c === '?' || c === ';' || c === '|' || c === '↩') && /\s|$/.test(text[end + 1] ?? '') && !/\b(nr|nrs|blz|p|jl|c\.s|o\.a|bijv|d\.d|mln|mld|mrd)$/i.test(text.slice(Math.max(0, end - 5), end))) break;
    if (c === ']') break;
    end++;
  }
  return { offset: start, length: end - start };
}

/** Lower-case content words (accents folded, short function words dropped) of a text. */
export function contentWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/** A crude Dutch stem: enough to match "industrieclusters" with "industriecluster", "vitale" with "vitaal". */
export function stem(word: string): string {
  return word.replace(/(en|s|e)$/, '').replace(/([aeiou])\1/g, '$1');
}

/** Share of `described` words found (by stem) in `title`, 0..1. */
export function overlap(described: readonly string[], title: readonly string[]): number {
  if (!described.length) return 0;
  const stems = new Set(title.map(stem));
  return described.filter((w) => stems.has(stem(w))).length / described.length;
}

const STOP_WORDS = new Set(
  (
    'de het een en van in op te voor met over aan door bij uit als dat die dit deze zijn is wordt worden werd om naar ook niet maar nog tot of ' +
    'kamer kamerbrief brief motie moties lid leden minister staatssecretaris kamerstuk kamerstukken kamerstuknummer nr nrs inzake betreffende ' +
    'zoals waarin waarmee hierover daarover onder meer the and for'
  ).split(' '),
);
