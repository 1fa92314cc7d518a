/**
 * The official citation title of a law that a text may write where the cursor is, for a hover that
 * asks the Basiswettenbestand about laws the glossary lacks. Two forms:
 *
 *   "Wet" and the words after it on the line, up to punctuation ("de Wet open overheid is …",
 *   "Wet op het primair onderwijs"): every prefix is a candidate, longest first, since where the title
 *   ends only the BWB can tell;
 *   one capitalized word ending in "wet", with a year after it when there is one ("Participatiewet",
 *   "Mediawet 2008", "Grondwet").
 *
 * These are candidates, not references: nothing here is reported by `extract` or checked by a rule,
 * and a hover shows something only when the BWB knows one of them as a citation title. The scan
 * reads at most a few hundred characters around the cursor, on its line.
 */
import type { Span } from '../engine/model';
import { lazily } from '../engine/lazily';

/** One candidate title and where the text writes it. */
export interface LawTitle {
  readonly text: string;
  readonly span: Span;
}

/** Words after "Wet" taken into a candidate at most. */
const MAX_WORDS_AFTER_WET = 7;
/** Characters read on each side of the cursor at most. */
const WINDOW = 240;
/** A word: letters and digits, with inner hyphens or apostrophes ("Noord-Holland", "'s"). */
const WORD = lazily(() => /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
/** One capitalized word that is the name of an act: "Grondwet", "Participatiewet", "Wegenverkeerswet". */
const WET_WORD = lazily(() => /^\p{Lu}[\p{L}-]{2,}wet$/u);
const YEAR = /^(?:1[89]|20)\d\d$/;

interface Token {
  readonly text: string;
  readonly offset: number;
  readonly end: number;
}

/**
 * The candidate titles around `offset`, longest first (those of a "Wet …" title before a single
 * word's); undefined when the cursor is on none. A "Wet …" phrase that reaches the cursor gives all
 * its prefixes, whichever word the cursor is on (so one lookup serves the whole phrase): the caller
 * shows a title only when the one found covers the cursor.
 */
export function lawTitlesAt(text: string, offset: number): readonly LawTitle[] | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  const from = Math.max(lineStart, offset - WINDOW);
  const to = Math.min(lineEnd, offset + WINDOW);
  const tokens: Token[] = [];
  WORD().lastIndex = 0;
  const window = text.slice(from, to);
  for (let m = WORD().exec(window); m; m = WORD().exec(window)) tokens.push({ text: m[0], offset: from + m.index, end: from + m.index + m[0].length });
  const at = tokens.findIndex((t) => t.offset <= offset && offset <= t.end);
  if (at < 0) return undefined;
  const out: LawTitle[] = [];
  // "Wet …": the nearest "Wet" before the cursor whose words run on to the cursor unbroken.
  for (let i = at; i >= 0 && at - i <= MAX_WORDS_AFTER_WET; i--) {
    if (i < at && !adjacent(text, tokens[i]!, tokens[i + 1]!)) break;
    if (tokens[i]!.text !== 'Wet') continue;
    let last = i;
    while (last + 1 < tokens.length && last - i < MAX_WORDS_AFTER_WET && adjacent(text, tokens[last]!, tokens[last + 1]!)) last++;
    for (let j = last; j > i; j--) out.push(titleOf(text, tokens[i]!, tokens[j]!));
    break;
  }
  // "…wet" (and its year): the word under the cursor, or the word before a year under it.
  const word = YEAR.test(tokens[at]!.text) && at > 0 && adjacent(text, tokens[at - 1]!, tokens[at]!) ? at - 1 : at;
  if (WET_WORD().test(tokens[word]!.text)) {
    const next = tokens[word + 1];
    if (next && YEAR.test(next.text) && adjacent(text, tokens[word]!, next)) out.push(titleOf(text, tokens[word]!, next));
    if (word === at) out.push(titleOf(text, tokens[word]!, tokens[word]!));
  }
  return out.length ? out : undefined;
}

/** Two words with only spaces (no line end, no punctuation) between them. */
function adjacent(text: string, a: Token, b: Token): boolean {
  return /^[ \t\u00a0]+$/.test(text.slice(a.end, b.offset));
}

function titleOf(text: string, first: Token, last: Token): LawTitle {
  return { text: text.slice(first.offset, last.end).replace(/[ \t\u00a0]+/g, ' '), span: { offset: first.offset, length: last.end - first.offset } };
}
