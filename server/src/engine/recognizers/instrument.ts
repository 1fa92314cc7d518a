import type { FlatText } from '../flatText';
import type { InstrumentMatcher } from '../instrumentMatcher';
import type { InstrumentMention } from '../model';

/**
 * Mentions of policy instruments from the glossary ("WBSO", "Nationaal Groeifonds", "Invest-NL",
 * "IPCEI's"). The matcher reads the flat text, so a name broken over lines or hyphenated by PDF
 * extraction is found, and its span maps back to the exact source. See InstrumentMatcher for what
 * counts as a mention (exact capitals for abbreviations, whole words, not in URLs or compounds).
 */
export function recognizeInstruments(flat: FlatText, matcher: InstrumentMatcher): InstrumentMention[] {
  return matcher.find(flat.text).map((m) => ({
    span: flat.sourceSpan(m.start, m.end),
    text: flat.sourceText(m.start, m.end),
    id: m.id,
    abbreviation: m.abbreviation,
  }));
}
