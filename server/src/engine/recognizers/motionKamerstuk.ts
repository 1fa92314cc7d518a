import type { FlatText } from '../flatText';
import { submittersKey, surnameKey } from '../folding';
import type { Sentences } from '../sentences';
import type { Footnote, FootnoteMarker, KamerstukReference, MotionLinkSource, MotionReference, Span } from '../model';
import type { MemberName } from './memberNames';
import { lowerBoundBy } from '../sortedOffsets';

/**
 * Which Kamerstuk a motion mention refers to, where the letter says so:
 * - 'parenthesis': "motie Van den Berg (Kamerstuk 30821, nr. 104)", "motie (Kamerstuk 21501-32, nr. 1500) van het lid …";
 * - 'sentence': "Motie van het lid Van Haga 29 juni 2021 (Kamerstuk 32 637, nr. 461)", "motie van het
 *   lid Hagen c.s. van 1 juni 2022, Kamerstuk 32 852, nr. 192", a table row or list item
 *   "Motie Kostic c.s. over …, Kamerstuknummer 29826-250";
 * - 'footnote': "motie-Kostić c.s.[footnoteRef:1]" with footnote 1 "Kamerstuk 29826, nr. 250";
 * - 'document': a later mention of a motion the letter already linked, with the same submitters.
 * Only the first Kamerstuk after the mention counts, and only while the sentence is about the
 * motion: another motion, a letter or an advice named in between takes the citation for itself.
 */

/** A motion mention in flat-text offsets, before linking. */
export interface MotionMention {
  readonly start: number;
  readonly end: number;
  readonly names: readonly MemberName[];
  readonly cs: boolean;
}

export interface LinkedMotionMention extends MotionMention {
  readonly kamerstuk?: MotionReference['kamerstuk'];
}

interface LinkContext {
  readonly sentences: Sentences;
  readonly kamerstukken: readonly KamerstukReference[];
  readonly footnotes: readonly Footnote[];
  readonly markers: readonly FootnoteMarker[];
  /** What lies outside the text read, for a footnote whose body lies there (a stretch of a document is read). */
  readonly outside?: OutsideReferences;
}

/**
 * The references in a part of the document outside the text read (in the text's offsets): a stretch
 * of a document reads the footnotes of its motions here. The part is read as it was: the previous
 * version's references, the same there.
 */
export interface OutsideReferences {
  /** The first Kamerstuk citation within the span. */
  kamerstukIn(span: Span): KamerstukReference | undefined;
  /** The motions within the span, with their links as the document's analysis made them. */
  motionsIn(span: Span): readonly MotionReference[];
}

/** A Kamerstuk citation with its place in the flat text. */
interface PlacedKamerstuk {
  readonly ref: KamerstukReference;
  readonly start: number;
}

/** Farthest a citation may follow its motion in one sentence (flat characters). */
const MAX_SENTENCE_LINK = 400;
/** Documents other than the motion whose citation could stand between: "de motie X en de brief over Y (Kamerstuk …)". */
const OTHER_DOCUMENT =
  /\b(?:moties?|(?:Kamer)?brief|brieven|verslag|rapport|advies|adviesraad|nota|notitie|toezeggingen?|wetsvoorstel|amendement|beantwoording|antwoorden|debat|overleg)\b/i;

/** A document other than the motion named with its article ("de brief", "het verslag", "een motie"): a footnote after it may be its. */
const NAMES_A_DOCUMENT =
  /\b(?:moties?|(?:de|het|een|deze|dit|die|dat|haar|zijn|mijn|uw)\s+(?:Kamer)?(?:brief|brieven|verslag|rapport|advies|nota|notitie|wetsvoorstel|amendement|debat|commissiedebat|overleg|beantwoording|antwoorden|toezegging))\b|Kamerstuk/i;

/** A motion's subject clause running up to the bracket that opens its citation. */
const SUBJECT_THEN_BRACKET = /^,? (?:over|om|inzake|betreffende|ter) [^()]{3,380} \($/;

export function linkMotionsToKamerstukken(flat: FlatText, mentions: readonly MotionMention[], context: LinkContext): LinkedMotionMention[] {
  const text = flat.text;
  const placed: PlacedKamerstuk[] = [...context.kamerstukken]
    .sort((a, b) => a.span.offset - b.span.offset)
    .map((ref) => ({ ref, start: flat.flatIndex(ref.span.offset) }));
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const links: (MotionReference['kamerstuk'] | undefined)[] = sorted.map(() => undefined);
  const scopeEnds = sorted.map((m, i) => sentenceScopeEnd(context.sentences, m.end, Math.min(sorted[i + 1]?.start ?? text.length, m.end + MAX_SENTENCE_LINK)));

  // A bracket inside the mention ("de motie (Kamerstuk 21501-32, nr. 1500) van het lid …"), the
  // sentence, a parenthesis right after, a table row or list item.
  sorted.forEach((m, i) => {
    const inside = placed[firstAtOrAfter(placed, m.start)];
    if (inside && inside.start < m.end) {
      links[i] = link(inside.ref, 'parenthesis');
      return;
    }
    const k = firstAtOrAfter(placed, m.end);
    const cite = placed[k];
    if (!cite || cite.start >= scopeEnds[i]!) return;
    const between = text.slice(m.end, cite.start);
    // "de motie van het lid Bikker c.s. over in goed overleg komen tot … (Kamerstuk 28 638, nr. 238)":
    // the motion's own subject, then its citation in brackets; words of the subject ("overleg",
    // "actieplan") name no other document.
    const subjectThenBracket = SUBJECT_THEN_BRACKET.test(between) && !/\bmoties?\b|\b(?:Kamer)?brie(?:f|ven) van\b/i.test(between);
    if (!subjectThenBracket && OTHER_DOCUMENT.test(between)) return;
    const source: MotionLinkSource = /^ ?\([^()]{0,40}$/.test(between) ? 'parenthesis' : 'sentence';
    links[i] = link(cite.ref, source);
  });

  // The footnote whose marker follows the mention.
  const markers = [...context.markers].sort((a, b) => a.span.offset - b.span.offset);
  sorted.forEach((m, i) => {
    if (links[i]) return;
    const found = markerAfter(flat, markers, m, scopeEnds[i]!);
    if (!found) return;
    const footnote = footnoteOf(context.footnotes, found.marker);
    if (!footnote) return;
    const body = footnote.bodySpan;
    if (context.outside && (body.offset < 0 || body.offset + body.length > flat.source.length)) {
      const link = linkByOutsideFootnote(flat, m, found, footnote, context.outside);
      if (link) links[i] = link;
      return;
    }
    const bodyFrom = flat.flatIndex(footnote.bodySpan.offset);
    const bodyTo = flat.flatIndex(footnote.bodySpan.offset + footnote.bodySpan.length);
    // A footnote that names motions itself: take the link of the one with these submitters.
    let named = false;
    for (let j = firstMentionAtOrAfter(sorted, bodyFrom); j < sorted.length && sorted[j]!.start < bodyTo; j++) {
      named = true;
      if (links[j] && sharesSubmitter(sorted[j]!, m)) {
        links[i] = { ...links[j]!, source: 'footnote' };
        break;
      }
    }
    if (named) return;
    // A footnote at the end of the sentence may cite anything the sentence names; it is the motion's when
    // it speaks of a motion, or when the sentence names no other document ("In de motie van de leden
    // Podt en Bontenbal werd gevraagd … te delen.[3]").
    if (!found.immediate && !/\bmoties?\b/i.test(footnote.body) && NAMES_A_DOCUMENT.test(flat.source.slice(flat.sourceOffset(m.end - 1) + 1, found.marker.span.offset))) return;
    const cite = placed[firstAtOrAfter(placed, bodyFrom)];
    if (cite && cite.start < bodyTo) links[i] = link(cite.ref, 'footnote');
  });

  return sorted.map((m, i) => (links[i] ? { ...m, kamerstuk: links[i] } : m));
}

/**
 * The footnote link of a motion whose footnote lies outside the text read: as the footnote pass
 * makes it (above), from the references there. The motions the footnote names have, at that point of
 * the pass, only the links of their own sentence or parenthesis when the footnote comes after the
 * mention, and those of their own footnotes too when it comes before.
 */
function linkByOutsideFootnote(
  flat: FlatText,
  m: MotionMention,
  found: { marker: FootnoteMarker; immediate: boolean },
  footnote: Footnote,
  outside: OutsideReferences,
): MotionReference['kamerstuk'] | undefined {
  const body = footnote.bodySpan;
  const after = body.offset > 0;
  const named = outside.motionsIn(body);
  if (named.length > 0) {
    const cores = new Set(m.names.map((n) => surnameKey(n.text)));
    for (const other of named) {
      const l = other.kamerstuk;
      const seen = l && (l.source === 'parenthesis' || l.source === 'sentence' || (!after && l.source === 'footnote'));
      if (seen && other.submitters.some((s) => cores.has(surnameKey(s)))) return { ...l, source: 'footnote' };
    }
    return undefined;
  }
  if (!found.immediate && !/\bmoties?\b/i.test(footnote.body) && NAMES_A_DOCUMENT.test(flat.source.slice(flat.sourceOffset(m.end - 1) + 1, found.marker.span.offset))) return undefined;
  const cite = outside.kamerstukIn(body);
  return cite && link(cite, 'footnote');
}

/**
 * The 'document' links: a later mention of a motion already linked, with the same submitters. "c.s."
 * is often dropped on repetition ("de motie-Kostić c.s." … "De motie Kostić dateert …"), so without an
 * exact match the submitters alone decide, as long as they name one motion only. Reads the whole
 * document's motions (in order, linked by their sentence, parenthesis or footnote): the one pass of
 * motion linking that is not local, run after every analysis (full or of a changed stretch).
 */
export function linkRepeatedMotions(motions: readonly MotionReference[]): MotionReference[] {
  const known = new Map<string, NonNullable<MotionReference['kamerstuk']>[]>();
  const remember = (key: string, l: NonNullable<MotionReference['kamerstuk']>): void => {
    const list = known.get(key) ?? [];
    if (!list.some((k) => k.dossier === l.dossier && k.nr === l.nr)) list.push(l);
    known.set(key, list);
  };
  return motions.map((m) => {
    const names = submittersKey(m.submitters);
    const exact = `${names}${m.cs ? ' c.s.' : ' alone'}`;
    const current = m.kamerstuk;
    if (current) {
      remember(exact, current);
      remember(names, current);
      return m;
    }
    const earlier = known.get(exact) ?? known.get(names);
    if (!earlier || earlier.length !== 1) return m;
    // The link stands where a motion's fields have it: before the names' span.
    const { namesSpan, range, ...head } = m;
    return { ...head, kamerstuk: { ...earlier[0]!, source: 'document' }, namesSpan, ...(range ? { range } : {}) };
  });
}

function link(ref: KamerstukReference, source: MotionLinkSource): NonNullable<MotionReference['kamerstuk']> {
  return { dossier: ref.dossier, nr: ref.nr, span: ref.span, source };
}

function firstAtOrAfter(placed: readonly PlacedKamerstuk[], at: number): number {
  return lowerBoundBy(placed, at, (p) => p.start);
}

function firstMentionAtOrAfter(mentions: readonly MotionMention[], at: number): number {
  return lowerBoundBy(mentions, at, (m) => m.start);
}

/**
 * Where the sentence that holds a mention ends, for linking: its final punctuation, a ";" between
 * list items, a paragraph break, the end of a table row or "↩︎" list item (engine/sentences.ts), or
 * the next motion.
 */
function sentenceScopeEnd(sentences: Sentences, from: number, limit: number): number {
  return Math.min(limit, sentences.endOf(from) - 1);
}

/** A motion's subject clause, up to the marker that closes it: " over het kenbaar maken van …,". */
const SUBJECT_CLAUSE = /^,?\s(?:over|om|inzake|betreffende|ter)\s[^[\]()]{3,400}$/;

/**
 * The footnote marker that belongs to a mention: right after it ("c.s.[footnoteRef:1]", "motie
 * Dijk.52"), closing its subject clause ("motie Veltman over het smart formuleren van doelen.[1]"), or
 * at the end of its sentence ("… de motie Kostić over de industrie.13").
 */
function markerAfter(
  flat: FlatText,
  markers: readonly FootnoteMarker[],
  m: MotionMention,
  scopeEnd: number,
): { marker: FootnoteMarker; immediate: boolean } | undefined {
  const sourceEnd = flat.sourceOffset(m.end - 1) + 1;
  const marker = markers[lowerBoundBy(markers, sourceEnd, (mk) => mk.span.offset)];
  if (!marker) return undefined;
  const gap = flat.source.slice(sourceEnd, marker.span.offset);
  if (/^[\s.,;:)”’"»]{0,3}$/.test(gap)) return { marker, immediate: true };
  const markerFlat = flat.flatIndex(marker.span.offset);
  // Closing the motion's own subject: "de motie van het lid Veltman over … van de doelen.[1]", with no
  // other document named in between.
  if (markerFlat <= scopeEnd + 1 && SUBJECT_CLAUSE.test(gap) && !/\bmoties?\b|\bKamerstuk/i.test(gap)) return { marker, immediate: true };
  // At the end of the sentence: the marker right after its final punctuation.
  if (markerFlat <= scopeEnd + 1 && /[.!?;]["”’)]?$/.test(flat.text.slice(Math.max(0, markerFlat - 2), markerFlat))) {
    return { marker, immediate: false };
  }
  return undefined;
}

/** The footnote a marker refers to: the one with its label, the first after it where labels repeat. */
export function footnoteOf(footnotes: readonly Footnote[], marker: FootnoteMarker): Footnote | undefined {
  let before: Footnote | undefined;
  for (const f of footnotes) {
    if (f.label !== marker.label) continue;
    if (f.span.offset >= marker.span.offset) return f;
    before = f;
  }
  return before;
}

function sharesSubmitter(a: MotionMention, b: MotionMention): boolean {
  const cores = new Set(a.names.map((n) => surnameKey(n.text)));
  return b.names.some((n) => cores.has(surnameKey(n.text)));
}

