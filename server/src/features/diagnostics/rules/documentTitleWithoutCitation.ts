/**
 * Missing: a known document named by its title with no citation anywhere in the letter ("de brief
 * Toekomstperspectief op de energie-intensieve industrie"). The quick fix adds the citation after
 * the title. Titles match word by word, in order, with up to two small words between
 * ("Toekomstperspectief Energie-intensieve Industrie" ~ "Toekomstperspectief op de energie-intensieve industrie").
 */
import { foldForSearch } from '../../../engine/folding';
import { DOCUMENT_TYPES } from '../../../catalog/documentTypes';
import { citedKey } from '../../../catalog/workspaceIndex';
import { kamerstukKey, type KamerstukId } from '../../../engine/identifiers';
import type { CatalogDocument } from '../../../catalog/model';
import type { Span } from '../../../engine/model';
import { formatCitation } from '../../citations';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { WordSet, type DocumentWords } from '../../documentWords';
import { lineItems, REACH, type LineItem, type LinePass } from '../../lineItems';
import { lowerBound } from '../../../engine/sortedOffsets';
import { contentWords } from '../../words';

/**
 * Where the title's words occur in order from the run `first` on (at most two other words between
 * consecutive ones, and within REACH characters of its start: what the line items may read).
 */
function titleAt(words: DocumentWords, titleWords: readonly string[], first: number): Span | undefined {
  const limit = words.starts[first]! + REACH;
  if (words.ends[first]! >= limit) return undefined;
  let at = first;
  for (let t = 1; t < titleWords.length; t++) {
    const w = titleWords[t]!;
    let found = -1;
    for (let j = at + 1; j <= at + 3 && j < words.count && words.ends[j]! < limit; j++) {
      if (words.folded(j) === w) {
        found = j;
        break;
      }
    }
    if (found < 0) return undefined;
    at = found;
  }
  return { offset: words.starts[first]!, length: words.ends[at]! - words.starts[first]! };
}

/** A sought title written in the letter: the number of the title (in `Sought.titles`) and the length of its words there. */
interface TitleWritten extends LineItem {
  readonly title: number;
  readonly length: number;
}

/** The sought titles written in lines of a letter, in text order (and in the titles' order at one place). */
function titlesWritten(sought: Omit<Sought, 'pass'>): LinePass<TitleWritten> {
  /** The titles by their first word. */
  const byFirstWord = new Map<string, number[]>();
  sought.titles.forEach((t, i) => {
    const list = byFirstWord.get(t.words[0]!);
    if (list) list.push(i);
    else byFirstWord.set(t.words[0]!, [i]);
  });
  return {
    name: 'titles of known documents',
    find({ words, from, to }) {
      const out: TitleWritten[] = [];
      const lo = lowerBound(words.starts, from);
      const hi = lowerBound(words.starts, to);
      // Most titles are not in the letter: the first words of all are looked up at once.
      for (const [word, occurrences] of words.occurrencesOf(sought.firstWords)) {
        const titles = byFirstWord.get(word);
        if (!titles) continue;
        for (let k = lowerBound(occurrences, lo); k < occurrences.length && occurrences[k]! < hi; k++) {
          for (const title of titles) {
            const span = titleAt(words, sought.titles[title]!.words, occurrences[k]!);
            if (span) out.push({ at: span.offset, title, length: span.length });
          }
        }
      }
      return out.sort((a, b) => a.at - b.at || a.title - b.title);
    },
  };
}

/**
 * A distinctive title's folded words, small words left out; null for a title of fewer than three
 * content words. The same for every letter: kept per title.
 */
const titleWordCache = new Map<string, readonly string[] | null>();
function titleWords(title: string): readonly string[] | null {
  let words = titleWordCache.get(title);
  if (words === undefined) {
    if (titleWordCache.size > 50_000) titleWordCache.clear();
    // Only distinctive titles: three or more content words.
    words = contentWords(title).length < 3 ? null : foldForSearch(title).split(' ').filter((w) => w.length > 2 && !['van', 'het', 'een', 'voor', 'met', 'over', 'en', 'de', 'op'].includes(w));
    titleWordCache.set(title, words);
  }
  return words;
}

/** A titled document the rule looks for: its key and its title's distinctive words. */
interface SoughtTitle {
  readonly doc: CatalogDocument & { readonly kamerstuk: KamerstukId; readonly title: string };
  readonly key: string;
  readonly words: readonly string[];
}

/** The titles the rule looks for, their first words (what is looked up in a letter first), and how they are found in lines of a letter. */
interface Sought {
  readonly titles: readonly SoughtTitle[];
  readonly firstWords: WordSet;
  readonly pass: LinePass<TitleWritten>;
}

/** The words of a title that is only a kind of document ("Verslag van een schriftelijk overleg"), as `titleWords` gives them. */
let kindTitles: Set<string> | undefined;
function isKindOfDocument(title: string, type: string | undefined): boolean {
  kindTitles ??= new Set(DOCUMENT_TYPES.map((t) => (titleWords(t) ?? []).join(' ')).filter(Boolean));
  return kindTitles.has(title) || (type !== undefined && (titleWords(type) ?? []).join(' ') === title);
}

/**
 * What the rule looks for in every letter, made once per list of titled documents (the catalog keeps
 * one until it changes): the distinctive titles. A title that is only a kind of document, or that
 * several documents carry, names none of them.
 */
const soughtByList = new WeakMap<readonly CatalogDocument[], Sought>();
function soughtTitles(documents: readonly CatalogDocument[]): Sought {
  let sought = soughtByList.get(documents);
  if (!sought) {
    const candidates: (SoughtTitle & { readonly title: string })[] = [];
    /** Per title (its words), the documents that carry it. */
    const carriers = new Map<string, Set<string>>();
    for (const doc of documents) {
      if (!doc.kamerstuk || !doc.title) continue;
      const words = titleWords(doc.title);
      const title = words?.join(' ');
      if (!words || !title || isKindOfDocument(title, doc.type)) continue;
      const key = kamerstukKey(doc.kamerstuk);
      candidates.push({ doc: doc as SoughtTitle['doc'], key, words, title });
      const keys = carriers.get(title);
      if (keys) keys.add(key);
      else carriers.set(title, new Set([key]));
    }
    const titles = candidates.filter((t) => carriers.get(t.title)!.size === 1);
    const found = { titles, firstWords: new WordSet(titles.map((t) => t.words[0]!)) };
    soughtByList.set(documents, (sought = { ...found, pass: titlesWritten(found) }));
  }
  return sought;
}

/** How the rule finds the titles of these documents in lines of a letter (for the tests: the line items it keeps). */
export function titlesWrittenPass(documents: readonly CatalogDocument[]): LinePass<LineItem> {
  return soughtTitles(documents).pass;
}

export const documentTitleWithoutCitation: DiagnosticRule = {
  code: 'document-title-without-citation',
  defaultSeverity: 'information',
  description: 'A known document (workspace or catalog) named by its title, with no citation of it in the letter.',
  check(ctx) {
    const own = ctx.doc.analysis.metadata.kamerstuk ? kamerstukKey(ctx.doc.analysis.metadata.kamerstuk) : undefined;
    const findings: Finding[] = [];
    const { titles, pass } = soughtTitles(ctx.catalog.titledDocuments());
    // Where each title is first written (the line items are in text order).
    const first = new Map<number, TitleWritten>();
    for (const written of lineItems(pass, ctx.doc)) if (!first.has(written.title)) first.set(written.title, written);
    if (!first.size) return findings;
    const cited = new Set(ctx.doc.analysis.references.map(citedKey).filter(Boolean));
    titles.forEach(({ doc, key }, title) => {
      const written = first.get(title);
      if (!written || key === own || cited.has(key)) return;
      const span = { offset: written.at, length: written.length };
      const citation = formatCitation(doc.kamerstuk, ctx.settings.citationStyle);
      findings.push({
        code: this.code,
        span,
        message: ctx.m.diag.titleWithoutCitation(ctx.doc.text.slice(span.offset, span.offset + span.length).replace(/\s+/g, ' '), citation),
        fixes: [{ title: ctx.m.diag.addCitation(citation), edits: [{ uri: ctx.doc.uri, span: { offset: span.offset + span.length, length: 0 }, newText: ` (${citation})` }], preferred: true }],
      });
    });
    return findings;
  },
};
