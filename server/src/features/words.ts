/**
 * The words a writer put beside a citation or a motion, as the checks compare them with titles:
 * content words (accents folded, function words dropped), a crude stem, and how much two word lists
 * share.
 */

/**
 * Lower-case content words (accents folded, short function words dropped) of a text. A run of
 * letters longer than any word (a text without spaces) is no word: comparing it with every word of
 * every title would cost its length each time.
 */
export function contentWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2 && w.length <= LONGEST_WORD && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/** Longer than any word, compounds of generic words included: a longer run of letters is no word (a text without spaces). */
const LONGEST_WORD = 60;

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

/**
 * Words that many titles share: kinds of document ("brief", "strategie", "plan"), the policy fields
 * of whole ministries ("defensie", "industrie", "energie") and the vocabulary of every progress
 * letter ("voortgang", "aanpak", "nationaal"). Two titles that share only these are not alike, and a
 * description made of only these says nothing of which document it means.
 */
const GENERIC_WORDS = new Set(
  (
    'brief brieven kamerbrief voortgangsbrief verzamelbrief nota notitie plan plannen strategie visie agenda programma rapport rapporten rapportage ' +
    'verslag verslagen reactie kabinetsreactie beleidsreactie appreciatie kabinetsappreciatie evaluatie monitor overzicht update vervolg stand zaken ' +
    'voortgang aanpak beleid kabinet regering rijk rijksoverheid overheid nationaal nationale landelijk landelijke europees europese europa internationaal internationale ' +
    'nederland nederlandse uitvoering implementatie ontwikkeling ontwikkelingen toekomst actieplan wet wetsvoorstel wetgeving besluit regeling ' +
    'onderzoek advies verkenning informatie beantwoording vragen antwoorden toezegging toezeggingen verzoek commissie ' +
    'defensie industrie energie economie economische klimaat natuur landbouw zorg onderwijs veiligheid justitie financien migratie asiel wonen ' +
    'jaar jaarlijks jaarlijkse nieuw nieuwe huidige eerste tweede derde laatste eerdere vorige genoemde integraal integrale algemeen algemene ' +
    'maatregelen maatregel stappen kader gebied terrein begroting vaststelling wijziging'
  ).split(' '),
);

/**
 * Words that say nothing of a subject in a motion's or a letter's wording ("op welke wijze … kan worden"):
 * left out of the comparison beside the function words contentWords drops.
 */
const PLAIN_WORDS = new Set(
  (
    'kan kunnen zal zullen zou zouden moet moeten mag mogen wil willen heeft hebben had hadden wordt werd werden ben bent was waren gaat gaan ' +
    'welke wijze hoe waar wat wie wanneer waarom daarbij hierbij daarmee daarvan hiervan hiervoor daarvoor waarbij waarvan ' +
    'alle allen ieder iedere elke geen meer minder veel weinig zeer zo dan per via tegen tussen binnen buiten zonder sinds tijdens vanaf ' +
    'hun haar zijn onze ons uw wij zij hen ander andere anders overige mogelijk mogelijke mogelijkheden goed goede beter betere ' +
    'betrekking kader geval gevallen aandacht verband onderwerp der staten generaal ten aanzien omtrent ' +
    'januari februari maart april mei juni juli augustus september oktober november december jl'
  ).split(' '),
);

/** True when a word is shared by too many titles to tell documents apart, also as a compound of such words ("kabinetsvisie", "voortgangsbrief"). */
export function isGeneric(word: string): boolean {
  let known = genericCache.get(word);
  if (known === undefined) {
    known = PLAIN_WORDS.has(word) || genericPart(word) || genericCompound(word);
    if (genericCache.size > 20000) genericCache.clear();
    genericCache.set(word, known);
  }
  return known;
}

const genericCache = new Map<string, boolean>();

function genericPart(word: string): boolean {
  return GENERIC_WORDS.has(word) || GENERIC_WORDS.has(stem(word));
}

/**
 * True when a word is two or more generic parts ("kabinetsvisie", "voortgangsrapportagebrief"), each
 * of at least three letters, a part before another possibly with a linking "s". Read from the start,
 * without recursion: `joined[i]` says whether the word's first `i` letters are such leading parts.
 */
function genericCompound(word: string): boolean {
  const n = word.length;
  if (n < 6 || n > LONGEST_WORD) return false;
  const joined: boolean[] = new Array<boolean>(n + 1).fill(false);
  joined[0] = true;
  for (let from = 0; from <= n - 6; from++) {
    if (!joined[from]) continue;
    for (let i = from + 3; i <= n - 3; i++) {
      if (joined[i]) continue;
      const left = word.slice(from, i);
      if (genericPart(left) || (left.endsWith('s') && genericPart(left.slice(0, -1)))) joined[i] = true;
    }
  }
  for (let i = 3; i <= n - 3; i++) if (joined[i] && genericPart(word.slice(i))) return true;
  return false;
}

/** The words of a list that can tell one document from another: neither generic nor plain, one per stem. */
export function distinctiveWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words) {
    if (isGeneric(w) || seen.has(stem(w))) continue;
    seen.add(stem(w));
    out.push(w);
  }
  return out;
}

/**
 * True when a description's word and a title's word name the same thing: one stem ("industrieclusters",
 * "industriecluster"), a compound that holds the other word whole when that word is not a generic one
 * ("biodiversiteitsplan", "biodiversiteit"; not "industrieclusters", "industrie"), one word in two
 * forms that share most of their letters ("coördinatie", "coördinator"), or a typo in a long word.
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b || stem(a) === stem(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const root = stem(short);
  if (root.length >= 5 && !isGeneric(short) && (long.startsWith(root) || long.endsWith(short))) return true;
  let common = 0;
  while (common < short.length && short[common] === long[common]) common++;
  const prefix = short.slice(0, common);
  if (common >= 7 && common >= 0.7 * short.length && !isGeneric(prefix) && !isGeneric(prefix.replace(/s$/, ''))) return true;
  // A typo ("Ruintelijke" for "Ruimtelijke", "starup" for "startup") in a long word.
  return short.length >= 6 && editDistance(stem(a), stem(b), 2) <= (short.length >= 12 ? 2 : 1);
}

/** Levenshtein distance of two words, counted up to `max` + 1. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Words are short; a run of letters longer than any word (a text without spaces) is compared as a whole.
  if (a.length > LONGEST_WORD || b.length > LONGEST_WORD) return a === b ? 0 : max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (row[j]! < least) least = row[j]!;
    }
    if (least > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}
