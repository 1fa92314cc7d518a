/**
 * Wrong: the description written beside a citation does not fit the document at that number (a
 * typo in the number). The description is read wherever letters put it (citationDescription.ts): a
 * footnote's words, a motion's subject, a quoted title, an "inzake" clause, the noun phrase before
 * the citation, a list item.
 *
 * How it decides. Only distinctive words count (words.ts): words that many titles share ("brief",
 * "strategie", "Defensie", "industrie", "voortgang") neither show that a description fits nor hide
 * that it does not; a description without distinctive words ("de brief", "deze motie", "de brief
 * van 4 april 2025") is no evidence either way. A year written beside a title word ("Voorjaarsnota
 * 2024") must be the title's year.
 *
 * - The cited document fits when its title (any title a source gives it) shares at least a third
 *   of the description's distinctive words, with the right year: nothing to say.
 * - Otherwise the catalog is searched for the document meant: the numbers next to the cited one, the
 *   motions of the submitters the sentence names, titles that hold a distinctive word, the letters a
 *   description may name by title, and, when nothing known fits, the official search. A document
 *   whose title holds at least 60% of the distinctive words (and more than twice as many as the
 *   cited title and its dossier title do) is the document meant. One shared word is enough only
 *   when it is half the candidate title's own distinctive words and no other candidate holds it as
 *   well ("Nationaal Biodiversiteitsplan"). The warning gives both titles and a fix to the number. A
 *   motion described with its submitters is looked for among their motions, and only there.
 * - Without such a document, only a clear contradiction is reported: four or more distinctive words
 *   of which none is in a title with three or more of its own, or a wrong year.
 *
 * Formula titles ("Verslag van een schriftelijk overleg", "Voorstel van wet") say nothing of the
 * subject; attachments ("bijlage bij") describe themselves, not the cited letter: both are left alone.
 */
import { surnameKey } from '../../../engine/folding';
import { kamerstukKey, type KamerstukId } from '../../../engine/identifiers';
import type { CatalogDocument } from '../../../catalog/model';
import { citationLike, kamerstukTitle } from '../../citations';
import { describedAs, type CitationDescription } from '../citationDescription';
import type { DiagnosticRule, RuleContext } from '../model';
import type { Finding, Fix } from '../../model';
import { contentWords, distinctiveWords, isGeneric, sameWord } from '../../words';

/** A motion's title without its formula ("Motie van het lid Dijk over …" → "…"). */
export function subjectOf(title: string): string {
  return title
    .replace(/\(?\s*t\.v\.v\.[^)]*\)?\s*$/i, '')
    .replace(/^(gewijzigde\s+)?motie\s+(van\s+(het\s+lid|de\s+leden)\s+)?[^]*?\s(over|om|inzake|ter)\s/i, '');
}

/** Titles that name a kind of paper, not its subject. */
const FORMULA_TITLE =
  /^(?:brief(?: regering)?|verslag(?: van een (?:schriftelijk overleg|algemeen overleg|commissiedebat|notaoverleg|wetgevingsoverleg))?|lijst van (?:vragen|antwoorden)\b.*|nota naar aanleiding van het (?:nader )?verslag|memorie van toelichting|voorstel van wet|(?:tweede |derde )?nota van wijziging|advies (?:afdeling advisering )?raad van state.*|nader rapport.*|koninklijke boodschap|jaarverslag|amendement.*)$/i;

/** The words of a description or title as compared. */
interface Terms {
  readonly distinct: readonly string[];
  /** Years written right after a word ("Voorjaarsnota 2024"): the word and the year. */
  readonly years: readonly { readonly word: string; readonly year: string }[];
}

/**
 * The terms of a text, read once per text (a description or title): the same descriptions come back
 * with every version of a letter being edited, the same titles with every letter. Bounded.
 */
const termsByText = new Map<string, Terms>();
function termsOf(text: string): Terms {
  let terms = termsByText.get(text);
  if (!terms) {
    if (termsByText.size >= 10_000) termsByText.clear();
    termsByText.set(text, (terms = readTerms(text)));
  }
  return terms;
}

function readTerms(text: string): Terms {
  // Each word is read from its start only (a match may not start inside one): linear in the text.
  const years: { word: string; year: string }[] = [];
  for (const m of text.matchAll(/(?<![\p{L}-])-*([\p{L}][\p{L}-]*)\s+((?:19|20)\d{2})\b/gu)) {
    const word = contentWords(m[1]!)[0];
    if (word && !isGeneric(word)) years.push({ word, year: m[2]! });
  }
  return { distinct: distinctiveWords(contentWords(text)), years };
}

/** How well a title fits a description. */
interface Fit {
  /** Distinctive words of the description found in the title. */
  readonly matched: number;
  /** `matched` as a share of the description's distinctive words. */
  readonly ratio: number;
  /** Share of the title's distinctive words found in the description. */
  readonly coverage: number;
}

function fitOf(description: Terms, title: Terms): Fit {
  const matched = description.distinct.filter((w) => title.distinct.some((t) => sameWord(w, t))).length;
  const covered = title.distinct.filter((t) => description.distinct.some((w) => sameWord(w, t))).length;
  return {
    matched,
    ratio: description.distinct.length ? matched / description.distinct.length : 0,
    coverage: title.distinct.length ? covered / title.distinct.length : 0,
  };
}

/** A year beside a word of the description that the title writes with another year ("Voorjaarsnota 2024" for "Voorjaarsnota 2025"). */
function yearConflict(description: Terms, title: Terms): string | undefined {
  for (const d of description.years) {
    const same = title.years.filter((t) => sameWord(d.word, t.word));
    if (same.length && !same.some((t) => t.year === d.year)) return d.year;
  }
  return undefined;
}

function titleTerms(d: CatalogDocument): Terms {
  return termsOf(subjectOf(d.title ?? ''));
}

const isMotion = (d: CatalogDocument): boolean => /^motie/i.test(d.type ?? '') || /^(?:gewijzigde\s+)?motie\b/i.test(d.title ?? '');

/** Numbers a typo may have turned the meant one into: a few either side, two digits swapped. */
function nearNumbers(nr: string): string[] {
  const n = Number(nr);
  if (!Number.isInteger(n) || n <= 0) return [];
  const out = new Set<string>();
  for (const d of [1, -1, 2, -2, 3, -3, 10, -10]) if (n + d > 0) out.add(String(n + d));
  for (let i = 0; i + 1 < nr.length; i++) out.add(nr.slice(0, i) + nr[i + 1] + nr[i] + nr.slice(i + 2));
  out.delete(nr);
  return [...out].filter((x) => !x.startsWith('0'));
}

/** Known documents the description may have meant, other than the cited one. */
async function knownCandidates(ctx: RuleContext, r: KamerstukId, described: CitationDescription, terms: Terms): Promise<CatalogDocument[]> {
  const found = new Map<string, CatalogDocument>();
  const add = (d: CatalogDocument | undefined): void => {
    if (d?.kamerstuk && d.title && kamerstukKey(d.kamerstuk) !== kamerstukKey(r)) found.set(kamerstukKey(d.kamerstuk), d);
  };
  for (const nr of nearNumbers(r.nr)) add(await ctx.catalog.lookupKamerstuk({ dossier: r.dossier, nr }));
  if (described.submitters?.length) for (const d of ctx.catalog.findMotions(described.submitters, 200)) add(d);
  for (const w of [...terms.distinct].sort((a, b) => b.length - a.length).slice(0, 3)) for (const d of ctx.catalog.searchTitles([w], 50)) add(d);
  if (described.names !== 'motion') for (const d of ctx.catalog.titledDocuments()) add(d);
  else if (!described.submitters?.length) for (const w of [...terms.distinct].sort((a, b) => b.length - a.length).slice(0, 3)) for (const d of ctx.catalog.searchTitles(['motie', w], 50)) add(d);
  return [...found.values()];
}

/**
 * The words to ask the official search: a motion's first submitter and its most telling word; else
 * the two most telling words. Only words written without accents: the search compares them as written.
 */
function remoteQuery(described: CitationDescription, terms: Terms): string[] {
  const written = ` ${described.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const telling = terms.distinct.filter((w) => written.includes(` ${w} `)).sort((a, b) => b.length - a.length);
  if (described.submitters?.length) return [described.submitters[0]!.trim().split(/\s+/).pop()!, ...telling.slice(0, 1)].filter(Boolean);
  return telling.slice(0, 2);
}

/** What the rule concludes about one description beside one cited number. */
interface Verdict {
  /** The cited document. */
  readonly doc: CatalogDocument;
  /** The document the description fits, when one does. */
  readonly better?: { readonly c: CatalogDocument; readonly f: Fit };
}

/**
 * Whether a description fits the document cited beside it, and which document it fits instead; undefined
 * when there is nothing to say. Depends on the cited number and the description only, so a letter that
 * cites one document the same way many times asks the catalog once.
 */
async function judge(ctx: RuleContext, r: KamerstukId, described: CitationDescription, terms: Terms): Promise<Verdict | undefined> {
  const doc = await ctx.catalog.lookupKamerstuk(r);
  if (!doc?.title || FORMULA_TITLE.test(doc.title.trim())) return undefined;
  const title = titleTerms(doc);
  const cited = fitOf(terms, title);
  const year = yearConflict(terms, title);
  if (cited.ratio >= 1 / 3 && !year) return undefined;
  // A title another source gives the document may fit where the first did not.
  const others = (await ctx.catalog.titlesOf(r)).filter((t) => t !== doc.title).map((t) => termsOf(subjectOf(t)));
  if (others.some((t) => fitOf(terms, t).ratio >= 1 / 3 && !yearConflict(terms, t))) return undefined;
  // What the cited document's title and its dossier's title have in common with the description.
  const citedAll = fitOf(terms, { distinct: [...title.distinct, ...others.flatMap((t) => t.distinct), ...distinctiveWords(contentWords(doc.dossierTitle ?? ''))], years: [] });
  const fits = (c: CatalogDocument): Fit | undefined => {
    // Letters call a motion a motion: a description without the word names another kind of document.
    if ((described.names === 'motion') !== isMotion(c)) return undefined;
    if (described.submitters?.length) {
      const first = surnameKey(described.submitters[0]!);
      const signed = c.submitters?.length ? c.submitters.some((s) => surnameKey(s) === first) : contentWords(c.title!).includes(first);
      if (!signed) return undefined;
    }
    const t = titleTerms(c);
    const f = fitOf(terms, t);
    // A wrong year: the same title with the year written.
    if (year) return t.years.some((y) => y.year === year) && f.matched >= Math.max(1, cited.matched) && f.ratio >= 0.6 ? f : undefined;
    const good = f.matched >= 1 && f.ratio >= 0.6 && (f.matched >= 2 || f.coverage >= 0.5) && f.matched >= 2 * citedAll.matched + 1;
    return good ? f : undefined;
  };
  const best = (list: readonly CatalogDocument[]): { c: CatalogDocument; f: Fit } | undefined => {
    const ranked = list
      .map((c) => ({ c, f: fits(c) }))
      .filter((x): x is { c: CatalogDocument; f: Fit } => !!x.f)
      .sort(
        (a, b) =>
          b.f.matched - a.f.matched ||
          b.f.ratio - a.f.ratio ||
          b.f.coverage - a.f.coverage ||
          Number(b.c.date === described.date) - Number(a.c.date === described.date) ||
          Number(b.c.kamerstuk!.dossier === r.dossier) - Number(a.c.kamerstuk!.dossier === r.dossier) ||
          Math.abs(Number(a.c.kamerstuk!.nr) - Number(r.nr)) - Math.abs(Number(b.c.kamerstuk!.nr) - Number(r.nr)),
      );
    // One shared word that two documents' titles hold alike points at neither.
    const [first, second] = ranked;
    if (first && second && first.f.matched === 1 && second.f.matched === 1 && second.f.coverage >= first.f.coverage) return undefined;
    return first;
  };
  let better = best(await knownCandidates(ctx, r, described, terms));
  if (!better) {
    const query = remoteQuery(described, terms);
    if (query.length) better = best((await ctx.catalog.searchRemote(query, 20)).filter((d) => d.kamerstuk && d.title && kamerstukKey(d.kamerstuk) !== kamerstukKey(r)));
  }
  const contradiction = !!year || (citedAll.matched === 0 && terms.distinct.length >= 4 && title.distinct.length >= 3);
  if (!better && !contradiction) return undefined;
  return better ? { doc, better } : { doc };
}

/** The key of a judgement: the cited number and everything of the description that `judge` reads. */
function judgementKey(r: KamerstukId, d: CitationDescription): string {
  return [kamerstukKey(r), d.text, d.names ?? '', d.date ?? '', ...(d.submitters ?? [])].join('\u0000');
}

export const citationTitleMismatch: DiagnosticRule = {
  code: 'citation-title-mismatch',
  defaultSeverity: 'warning',
  description: 'The description written beside a citation does not fit the title of the document at that number.',
  async check(ctx) {
    const findings: Finding[] = [];
    const judged = new Map<string, Verdict | undefined>();
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'kamerstuk') continue;
      const described = describedAs(ctx.doc, r);
      if (!described || !described.words.length || /\bbijlage\b/i.test(described.text)) continue;
      const terms = termsOf(subjectOf(described.text));
      // A description of only shared words ("de brief", "de Defensiestrategie") is no evidence.
      if (!terms.distinct.length) continue;
      const key = judgementKey(r, described);
      if (!judged.has(key)) judged.set(key, await judge(ctx, r, described, terms));
      const verdict = judged.get(key);
      if (!verdict) continue;
      const { doc, better } = verdict;
      const fixes: Fix[] = better
        ? [{ title: ctx.m.diag.replaceWith(kamerstukTitle(better.c.kamerstuk!)), edits: [{ uri: ctx.doc.uri, span: r.span, newText: citationLike(r, better.c.kamerstuk!, ctx.settings.citationStyle) }], preferred: true }]
        : [];
      findings.push({
        code: this.code,
        span: r.span,
        message:
          ctx.m.diag.titleMismatch(kamerstukTitle(r), shorten(doc.title!, 160), shorten(described.text, 110)) +
          (better ? ` ${ctx.m.diag.titleMismatchBetter(`${kamerstukTitle(better.c.kamerstuk!)} (‘${shorten(isMotion(better.c) && isMotion(doc) ? `… ${subjectOf(better.c.title!)}` : better.c.title!, 110)}’)`)}` : ''),
        related: [{ uri: ctx.doc.uri, span: described.span, message: described.text }],
        fixes,
      });
    }
    return findings;
  },
};

function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim().replace(/^[‘“"']([^]*)[’”"']$/, '$1');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
