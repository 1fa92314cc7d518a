/**
 * How names and titles are compared: lower case, accents folded, punctuation runs made one space.
 * "Kostić" and "Kostic" are one name, "Van der Lee" is known by "lee".
 */

/** Lower-case without accents or punctuation runs: how titles and names are compared. */
export function foldForSearch(s: string): string {
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
