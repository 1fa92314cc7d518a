import type { FlatText } from '../flatText';
import type { InstrumentMatch, InstrumentMatcher } from '../instrumentMatcher';
import { paragraphAround, type InstrumentSenses, type SensedMatch } from '../instrumentSenses';
import type { InstrumentMention } from '../model';

/**
 * A glossary match placed in the source: `start` and `end` are source offsets. Before senses are
 * decided; what analyze() keeps between the two steps (see resolveInstruments).
 */
export type PlacedInstrumentMatch = InstrumentMatch;

/**
 * Mentions of policy instruments from the glossary ("WBSO", "Nationaal Groeifonds", "Invest-NL",
 * "IPCEI's"), in the source's offsets. The matcher reads the flat text, so a name broken over lines
 * or hyphenated by PDF extraction is found, and its span maps back to the exact source. See
 * InstrumentMatcher for what counts as a mention (exact capitals for abbreviations, whole words, not in
 * URLs or compounds). Each match reads only its own words: a stretch of a document gives the matches
 * the whole document gives there.
 */
export function matchInstruments(flat: FlatText, matcher: InstrumentMatcher): PlacedInstrumentMatch[] {
  return matcher.find(flat.text).map((m) => {
    const span = flat.sourceSpan(m.start, m.end);
    return { ...m, start: span.offset, end: span.offset + span.length };
  });
}

/**
 * The mentions, with the glossary's senses: an abbreviation with several meanings ("NPO") gets the one
 * the document writes out or its words fit, or else all its candidates (see InstrumentSenses). Reads
 * the whole document's matches (`source`: the text the offsets are in; its paragraphs give the
 * context). Senses compare only the order of mentions, which the source and the flat text share.
 */
export function resolveInstruments(source: string, matches: readonly PlacedInstrumentMatch[], senses?: InstrumentSenses): InstrumentMention[] {
  const sensed: readonly SensedMatch[] = senses ? senses.resolve(source, matches, (start, end) => paragraphAround(source, start, end)) : matches;
  return sensed.map((m) => ({
    span: { offset: m.start, length: m.end - m.start },
    text: source.slice(m.start, m.end),
    id: m.id,
    abbreviation: m.abbreviation,
    ...(m.candidates ? { candidates: m.candidates } : {}),
    ...(m.resolvedBy ? { resolvedBy: m.resolvedBy } : {}),
  }));
}

/** Mentions of policy instruments in one text (matching and senses together). */
export function recognizeInstruments(flat: FlatText, matcher: InstrumentMatcher, senses?: InstrumentSenses): InstrumentMention[] {
  return resolveInstruments(flat.source, matchInstruments(flat, matcher), senses);
}
