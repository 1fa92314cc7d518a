/**
 * How names and titles are compared: lower case, accents folded, punctuation runs made one space.
 * "Kostić" and "Kostic" are one name, "Van der Lee" is known by "lee".
 */
import { detached } from './chars';

/** Lower-case without accents or punctuation runs: how titles and names are compared. */
export function foldForSearch(s: string): string {
  // ASCII (most words and names) has nothing to decompose and no marks, and its letters and digits
  // are [a-z0-9] once in lower case: the same result without the Unicode passes.
  if (!BEYOND_ASCII.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return foldAnyForSearch(s);
}

const BEYOND_ASCII = /[^\x00-\x7f]/;

/** foldForSearch for any text: decomposed, marks dropped, lower-cased, other than letters and digits one space. */
export function foldAnyForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The last word of a name, folded: "Van der Lee" → "lee", "Kostić" → "kostic". */
export function surnameKey(name: string): string {
  let key = surnameKeys.get(name);
  if (key === undefined) {
    const words = foldForSearch(name).split(' ');
    key = words[words.length - 1] ?? '';
    // The same few hundred names come back in every letter and every motion: each is folded once
    // (the cache is emptied now and then so that it stays small whatever the texts hold).
    // Kept as copies: a name is a cut of its document's text, which a cut kept here would keep in memory.
    if (surnameKeys.size >= 4096) surnameKeys.clear();
    key = detached(key);
    surnameKeys.set(detached(name), key);
  }
  return key;
}

const surnameKeys = new Map<string, string>();

/** Submitters as one comparable key, in any order: ["Kostić", "Van der Lee"] → "kostic|lee". */
export function submittersKey(names: readonly string[]): string {
  // Kept per list: a motion's copies (moved after an edit, linked) share their list of submitters.
  let key = submittersKeys.get(names);
  if (key === undefined) submittersKeys.set(names, (key = names.map(surnameKey).sort().join('|')));
  return key;
}

const submittersKeys = new WeakMap<readonly string[], string>();
