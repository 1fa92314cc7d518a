/**
 * Missing: a known document named by its title with no citation anywhere in the letter ("de brief
 * Toekomstperspectief op de energie-intensieve industrie"). The quick fix adds the citation after
 * the title. Titles match word by word, in order, with up to two small words between
 * ("Toekomstperspectief Energie-intensieve Industrie" ~ "Toekomstperspectief op de energie-intensieve industrie").
 */
import { foldForSearch } from '../../../engine/folding';
import { citedKey } from '../../../catalog/workspaceIndex';
import { kamerstukKey } from '../../../engine/identifiers';
import type { Span } from '../../../engine/model';
import { formatCitation } from '../../citations';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { contentWords } from '../../words';

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push({ word: foldForSearch(m[0]), start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** Where the title's words occur in order (at most two other words between consecutive ones). */
function findTitle(toks: readonly Token[], byWord: ReadonlyMap<string, number[]>, titleWords: readonly string[]): Span | undefined {
  for (const first of byWord.get(titleWords[0]!) ?? []) {
    let at = first;
    let ok = true;
    for (const w of titleWords.slice(1)) {
      let found = -1;
      for (let j = at + 1; j <= at + 3 && j < toks.length; j++) {
        if (toks[j]!.word === w) {
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
    if (ok) return { offset: toks[first]!.start, length: toks[at]!.end - toks[first]!.start };
  }
  return undefined;
}

export const documentTitleWithoutCitation: DiagnosticRule = {
  code: 'document-title-without-citation',
  defaultSeverity: 'information',
  description: 'A known document (workspace or catalog) named by its title, with no citation of it in the letter.',
  check(ctx) {
    const cited = new Set(ctx.doc.analysis.references.map(citedKey).filter(Boolean));
    const own = ctx.doc.analysis.metadata.kamerstuk ? kamerstukKey(ctx.doc.analysis.metadata.kamerstuk) : undefined;
    const toks = tokens(ctx.doc.text);
    const byWord = new Map<string, number[]>();
    toks.forEach((t, i) => {
      const list = byWord.get(t.word);
      if (list) list.push(i);
      else byWord.set(t.word, [i]);
    });
    const findings: Finding[] = [];
    for (const doc of ctx.catalog.titledDocuments()) {
      if (!doc.kamerstuk || !doc.title) continue;
      const key = kamerstukKey(doc.kamerstuk);
      if (key === own || cited.has(key)) continue;
      // Only distinctive titles: three or more content words.
      if (contentWords(doc.title).length < 3) continue;
      const words = foldForSearch(doc.title).split(' ').filter((w) => w.length > 2 && !['van', 'het', 'een', 'voor', 'met', 'over', 'en', 'de', 'op'].includes(w));
      const span = findTitle(toks, byWord, words);
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
