import type { FlatText } from '../flatText';
import type { InstrumentMatcher } from '../instrumentMatcher';
import { paragraphAround, type InstrumentSenses, type SensedMatch } from '../instrumentSenses';
import type { InstrumentMention } from '../model';

/**
 * Mentions of policy instruments from the glossary ("WBSO", "Nationaal Groeifonds", "Invest-NL",
 * "IPCEI's"). The matcher reads the flat text, so a name broken over lines or hyphenated by PDF
 * extraction is found, and its span maps back to the exact source. See InstrumentMatcher for what
 * counts as a mention (exact capitals for abbreviations, whole words, not in URLs or compounds).
 * With the glossary's senses, an abbreviation with several meanings ("NPO") gets the one the
 * document writes out or its words fit, or else all its candidates (see InstrumentSenses).
 */
export function recognizeInstruments(flat: FlatText, matcher: InstrumentMatcher, senses?: InstrumentSenses): InstrumentMention[] {
  const found = matcher.find(flat.text);
  // The flat text has no line breaks: a mention's paragraph is found in the source.
  const paragraphOf = (start: number, end: number): string => {
    const span = flat.sourceSpan(start, end);
    return paragraphAround(flat.source, span.offset, span.offset + span.length);
  };
  const sensed: readonly SensedMatch[] = senses ? senses.resolve(flat.text, found, paragraphOf) : found;
  return sensed.map((m) => ({
    span: flat.sourceSpan(m.start, m.end),
    text: flat.sourceText(m.start, m.end),
    id: m.id,
    abbreviation: m.abbreviation,
    ...(m.candidates ? { candidates: m.candidates } : {}),
    ...(m.resolvedBy ? { resolvedBy: m.resolvedBy } : {}),
  }));
}
