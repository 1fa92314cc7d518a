/**
 * The words a writer put beside a citation or a motion, as the checks compare them with titles:
 * content words (accents folded, function words dropped), a crude stem, and how much two word lists
 * share.
 */

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
