/**
 * How names and titles are compared: lower case, accents folded, punctuation runs made one space.
 * "Kostić" and "Kostic" are one name, "Van der Lee" is known by "lee".
 */

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
  const words = foldForSearch(name).split(' ');
  return words[words.length - 1] ?? '';
}

/** Submitters as one comparable key, in any order: ["Kostić", "Van der Lee"] → "kostic|lee". */
export function submittersKey(names: readonly string[]): string {
  return names.map(surnameKey).sort().join('|');
}
