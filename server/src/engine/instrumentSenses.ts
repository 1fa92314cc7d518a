/**
 * Which entry an abbreviation with several meanings stands for ("NPO": the Nationaal Programma
 * Onderwijs or the Nederlandse Publieke Omroep), decided per mention:
 *
 *   1. the document's own expansion: when it writes out exactly one of the meanings somewhere (a
 *      name, full name or variant of one candidate: "Nationaal Programma Onderwijs (NPO)"), that one;
 *   2. else the context: the words of the mention's paragraph (at most CONTEXT characters either
 *      side) against the words that set each candidate apart — its name, full name, variants and
 *      description, and its ministry when the candidates' ministries differ. A candidate wins when
 *      at least MIN_SCORE such words fit it and it scores at least twice as many as any other;
 *   3. else, when the document writes out several of the meanings, the nearest one before the
 *      mention (or after it, when none is before);
 *   4. else it stays open: the mention carries every candidate and no resolution.
 *
 * Words are compared loosely: lower case, accents and plural endings dropped, double vowels single,
 * and a word fits another when one begins with the other and the shorter has at least five letters
 * ("scholen" fits "school", "Mediawet" fits "media"). Function words and words every policy letter
 * uses ("kabinet", "programma", "miljoen") never count.
 *
 * Linear in the text: mentions of ambiguous abbreviations are rare, and each reads a bounded window.
 */
import type { InstrumentMatch } from './instrumentMatcher';

/** How a mention's meaning was chosen among its candidates. */
export type SenseResolution = 'expansion' | 'context';

/** A match of the matcher, with the candidates of an ambiguous abbreviation and how one was chosen. */
export interface SensedMatch extends InstrumentMatch {
  /** For an abbreviation with several meanings: the ids of all of them, in the glossary's order. */
  readonly candidates?: readonly string[];
  /** How `id` was chosen among `candidates`; absent when it could not be (then `id` is the first candidate). */
  readonly resolvedBy?: SenseResolution;
}

/** What the senses need of a glossary entry. */
export interface SenseEntry {
  readonly id: string;
  readonly name: string;
  readonly fullName?: string | null;
  readonly abbreviations?: readonly string[];
  readonly variants?: readonly string[];
  readonly ministry?: string | null;
  readonly description?: { readonly nl: string; readonly en?: string };
}

/** What the senses need of an ambiguity. */
export interface SenseAmbiguity {
  readonly abbreviation: string;
  readonly entries: readonly string[];
}

/** Characters of context read on either side of a mention, within its paragraph. */
const CONTEXT = 600;
/** Words that must fit the winning candidate. */
const MIN_SCORE = 2;
/** The shortest normalized word that counts, and the shortest that may fit a longer one by its beginning. */
const MIN_WORD = 4;
const MIN_PREFIX = 5;

/** Words that say nothing about which meaning is meant (Dutch and English, after normalization). */
const STOPWORDS = new Set(
  (
    'aan als alle alleen andere ander bij binnen daar daarom daarvoor deze dit door echter eerste elke geen heeft hebben hier hoe hun iets komen kunnen maar meer mede meest moet moeten naar niet nog ook omdat onder over sinds tegen tot tussen uit vanaf veel voor vooral waar wanneer want werd wordt worden zich zijn zoals zonder zullen zeer ' +
    'about also and are been being between both from have into more most only other over such than that their them then there these they this those through under very were what when which while will with within would ' +
    // Words of every policy letter.
    'kabinet regering minister ministerie ministers staatssecretaris kamer brief overheid rijk rijksoverheid nederland nederlandse nationaal nationale landelijk landelijke ' +
    'programma programme plan beleid wet wetten regeling regelingen besluit jaar jaren miljoen miljard euro procent ruim ongeveer totaal onderdeel uiterlijk ' +
    'cabinet government ministry minister netherlands dutch national programme program policy year years million billion about'
  )
    .split(' ')
    .map(normalizedWord),
);

/** A word as compared: lower case without accents, plural endings and double vowels. */
function normalizedWord(word: string): string {
  let w = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('en')) w = w.slice(0, -2);
  else if (w.length > 4 && (w.endsWith('s') || w.endsWith('e'))) w = w.slice(0, -1);
  return w.replace(/([aeiou])\1/g, '$1');
}

/** The distinct normalized words of a text that may count. */
function wordsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (m[0].length < MIN_WORD) continue;
    const w = normalizedWord(m[0]);
    if (w.length >= MIN_WORD && !STOPWORDS.has(w)) out.add(w);
  }
  return out;
}

/** True when two normalized words are the same word or one begins with the other (at least MIN_PREFIX letters). */
function fits(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short);
}

function fitsAny(word: string, words: Iterable<string>): boolean {
  for (const w of words) if (fits(word, w)) return true;
  return false;
}

interface Sense {
  readonly candidates: readonly string[];
  /** Per candidate: the words that set it apart from the other candidates. */
  readonly marks: ReadonlyMap<string, readonly string[]>;
}

export class InstrumentSenses {
  /** Abbreviation as written → its candidates and their marks. */
  private readonly byTerm = new Map<string, Sense>();
  /** Every candidate id of any ambiguity. */
  private readonly candidateIds = new Set<string>();

  static fromGlossary(entries: readonly SenseEntry[], ambiguities: readonly SenseAmbiguity[]): InstrumentSenses {
    const senses = new InstrumentSenses();
    if (!ambiguities.length) return senses;
    const byId = new Map(entries.map((e) => [e.id, e] as const));
    for (const a of ambiguities) {
      const candidates = a.entries.filter((id) => byId.has(id));
      if (candidates.length < 2) continue;
      const own = new Map(candidates.map((id) => [id, profileWords(byId.get(id)!, a.abbreviation)] as const));
      const ministries = new Map(candidates.map((id) => [id, wordsOf(byId.get(id)!.ministry ?? '')] as const));
      const marks = new Map<string, string[]>();
      for (const id of candidates) {
        const others = candidates.filter((o) => o !== id);
        const words = [...own.get(id)!].filter((w) => !others.some((o) => fitsAny(w, own.get(o)!)));
        const ministry = [...ministries.get(id)!].filter((w) => !others.some((o) => fitsAny(w, ministries.get(o)!)));
        marks.set(id, [...new Set([...words, ...ministry])]);
      }
      senses.byTerm.set(a.abbreviation, { candidates, marks });
      for (const id of candidates) senses.candidateIds.add(id);
    }
    return senses;
  }

  /** True when the glossary has no ambiguous abbreviation. */
  get empty(): boolean {
    return this.byTerm.size === 0;
  }

  /** The candidates of an abbreviation as written, if it has several meanings. */
  candidatesOf(abbreviation: string): readonly string[] | undefined {
    return this.byTerm.get(abbreviation)?.candidates;
  }

  /**
   * The matches of a text with the meaning of each ambiguous abbreviation decided where it can be.
   * `paragraphOf` gives the paragraph around a match (default: in `text`, between blank lines); a
   * caller matching a flattened text, whose line breaks are gone, finds it in the source.
   */
  resolve(text: string, matches: readonly InstrumentMatch[], paragraphOf: (start: number, end: number) => string = (start, end) => paragraphAround(text, start, end)): SensedMatch[] {
    if (this.empty) return [...matches];
    const ambiguous = (m: InstrumentMatch): Sense | undefined => {
      const sense = this.byTerm.get(m.term);
      return sense && sense.candidates.includes(m.id) ? sense : undefined;
    };
    if (!matches.some((m) => ambiguous(m))) return [...matches];
    /** Where the document writes out each candidate (offsets of its unambiguous mentions). */
    const written = new Map<string, number[]>();
    for (const m of matches) {
      if (!this.candidateIds.has(m.id) || ambiguous(m)) continue;
      const list = written.get(m.id) ?? [];
      list.push(m.start);
      written.set(m.id, list);
    }
    return matches.map((m): SensedMatch => {
      const sense = ambiguous(m);
      if (!sense) return m;
      const { candidates } = sense;
      const expanded = candidates.filter((id) => written.has(id));
      if (expanded.length === 1) return { ...m, id: expanded[0]!, candidates, resolvedBy: 'expansion' };
      const byContext = this.byContext(paragraphOf(m.start, m.end), sense);
      if (byContext) return { ...m, id: byContext, candidates, resolvedBy: 'context' };
      if (expanded.length > 1) return { ...m, id: nearestWritten(m.start, expanded, written), candidates, resolvedBy: 'expansion' };
      return { ...m, id: candidates[0]!, candidates };
    });
  }

  /** The candidate the mention's paragraph clearly fits best, if any. */
  private byContext(paragraph: string, sense: Sense): string | undefined {
    const words = wordsOf(paragraph);
    const scores = sense.candidates.map((id) => {
      const marks = sense.marks.get(id) ?? [];
      let score = 0;
      for (const w of words) if (fitsAny(w, marks)) score++;
      return { id, score };
    });
    scores.sort((a, b) => b.score - a.score);
    const [best, second] = [scores[0]!, scores[1]!];
    return best.score >= MIN_SCORE && best.score >= 2 * second.score ? best.id : undefined;
  }
}

/** The words of an entry that may tell it apart: its names and descriptions (not the shared abbreviation). */
function profileWords(e: SenseEntry, abbreviation: string): Set<string> {
  const names = [e.name, e.fullName ?? '', ...(e.abbreviations ?? []), ...(e.variants ?? [])].filter((t) => t !== abbreviation);
  return wordsOf([...names, e.description?.nl ?? '', e.description?.en ?? ''].join(' '));
}

/** The paragraph around [start, end): between blank lines, at most CONTEXT characters either side. */
export function paragraphAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - CONTEXT);
  const before = text.slice(from, start);
  const blankBefore = lastBlankLine(before);
  const to = Math.min(text.length, end + CONTEXT);
  const after = text.slice(end, to);
  const blankAfter = /\n[ \t]*\n/.exec(after);
  return before.slice(blankBefore) + text.slice(start, end) + (blankAfter ? after.slice(0, blankAfter.index) : after);
}

/** The offset just after the last blank line in a text (0 when there is none). */
function lastBlankLine(text: string): number {
  let at = 0;
  const re = /\n[ \t]*\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index + m[0].length;
  return at;
}

/** The candidate written out nearest before `at` (or after it when none is before). */
function nearestWritten(at: number, ids: readonly string[], written: ReadonlyMap<string, readonly number[]>): string {
  let best: { id: string; distance: number } | undefined;
  for (const id of ids) {
    for (const offset of written.get(id) ?? []) {
      // Before the mention counts as nearer than after it.
      const distance = offset <= at ? at - offset : Number.MAX_SAFE_INTEGER / 2 + (offset - at);
      if (!best || distance < best.distance) best = { id, distance };
    }
  }
  return best?.id ?? ids[0]!;
}
