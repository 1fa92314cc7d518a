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
import { DocumentWords, WordSet } from '../../documentWords';
import { contentWords } from '../../words';

/** Where the title's words occur in order (at most two other words between consecutive ones). */
function findTitle(words: DocumentWords, titleWords: readonly string[], occurrences: ArrayLike<number>): Span | undefined {
  for (let k = 0; k < occurrences.length; k++) {
    const first = occurrences[k]!;
    let at = first;
    let ok = true;
    for (let t = 1; t < titleWords.length; t++) {
      const w = titleWords[t]!;
      let found = -1;
      for (let j = at + 1; j <= at + 3 && j < words.count; j++) {
        if (words.folded(j) === w) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      at = found;
    }
    if (ok) return { offset: words.starts[first]!, length: words.ends[at]! - words.starts[first]! };
  }
  return undefined;
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

/** The titles the rule looks for, and their first words (what is looked up in a letter first). */
interface Sought {
  readonly titles: readonly SoughtTitle[];
  readonly firstWords: WordSet;
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
    soughtByList.set(documents, (sought = { titles, firstWords: new WordSet(titles.map((t) => t.words[0]!)) }));
  }
  return sought;
}

export const documentTitleWithoutCitation: DiagnosticRule = {
  code: 'document-title-without-citation',
  defaultSeverity: 'information',
  description: 'A known document (workspace or catalog) named by its title, with no citation of it in the letter.',
  check(ctx) {
    const words = DocumentWords.of(ctx.doc);
    const own = ctx.doc.analysis.metadata.kamerstuk ? kamerstukKey(ctx.doc.analysis.metadata.kamerstuk) : undefined;
    let cited: Set<string | undefined> | undefined;
    const findings: Finding[] = [];
    const { titles, firstWords } = soughtTitles(ctx.catalog.titledDocuments());
    // Most titles are not in the letter: the first words of all are looked up at once, before anything else is asked.
    const present = words.occurrencesOf(firstWords);
    for (const { doc, key, words: wanted } of titles) {
      const occurrences = present.get(wanted[0]!);
      if (!occurrences?.length) continue;
      cited ??= new Set(ctx.doc.analysis.references.map(citedKey).filter(Boolean));
      if (key === own || cited.has(key)) continue;
      const span = findTitle(words, wanted, occurrences);
      if (!span) continue;
      const citation = formatCitation(doc.kamerstuk, ctx.settings.citationStyle);
      findings.push({
        code: this.code,
        span,
        message: ctx.m.diag.titleWithoutCitation(ctx.doc.text.slice(span.offset, span.offset + span.length).replace(/\s+/g, ' '), citation),
        fixes: [{ title: ctx.m.diag.addCitation(citation), edits: [{ uri: ctx.doc.uri, span: { offset: span.offset + span.length, length: 0 }, newText: ` (${citation})` }], preferred: true }],
      });
    }
    return findings;
  },
};
