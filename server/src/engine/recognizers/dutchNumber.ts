/**
 * Numbers as Dutch policy texts write them.
 *
 * Dutch notation groups thousands with "." and marks decimals with ",": "1.250.000", "76,7",
 * "1.250,50". English notation, which slips into letters as well, does the opposite: "1,600.50",
 * "1.5 miljard". A lone separator is ambiguous ("1.500", "1,600"); the digits after it decide, and
 * for a comma also whether a scale word follows ("EUR 1,118 miljard" is 1.118 × 10⁹, a bare
 * "€ 1,600" is sixteen hundred euros: money takes two decimals, never three).
 */
import { isDigitCode } from '../chars';

export type NumberNotation = 'dutch' | 'english' | 'plain';

/** A number as written, kept as an integer mantissa and a decimal count so that scaling stays exact. */
export interface WrittenNumber {
  /** The digits without separators: "1.250,50" → 125050. */
  readonly mantissa: number;
  /** How many of the mantissa's digits are decimals: "1.250,50" → 2. */
  readonly decimals: number;
  readonly notation: NumberNotation;
}

/**
 * Digit runs joined by single "." or "," (a thousands group or a decimal part). Each repetition
 * starts with a separator, so the pattern cannot overlap itself; at most 6 groups ("1.000.000.000.000").
 */
const NUMBER_TOKEN = /\d{1,15}(?:[.,]\d{1,15}){0,6}/y;

/** The number token starting at `at` (digits and their separators), or undefined when none starts there. */
export function readNumberToken(text: string, at: number): string | undefined {
  NUMBER_TOKEN.lastIndex = at;
  const m = NUMBER_TOKEN.exec(text);
  if (!m) return undefined;
  // A digit run or group chain longer than the pattern allows is an identifier or a telephone
  // number, not an amount.
  const after = at + m[0].length;
  if (isDigitCode(text.charCodeAt(after))) return undefined;
  if ((text[after] === '.' || text[after] === ',') && isDigitCode(text.charCodeAt(after + 1))) return undefined;
  return m[0];
}

/**
 * Reads a written number. `scaled` tells whether a scale word (miljoen, miljard, ...) follows, which
 * makes a lone comma a decimal mark even before three digits. Returns undefined for digit strings
 * that are no number in either notation (dates "30.10.2020", section numbers "1.2.3").
 */
export function parseWrittenNumber(written: string, scaled: boolean): WrittenNumber | undefined {
  // One pass over the characters, no arrays: numbers are read by the thousand.
  let mantissa = 0;
  let digits = 0;
  let groups = 0;
  let groupLength = 0;
  let firstLength = -1;
  let firstZero = false;
  /** The separators: how many, of which kind, and whether all groups between the first and last have three digits. */
  let dots = 0;
  let commas = 0;
  let lastMark = 0;
  /** Where the kind of separator changed: "1.250.000,50" changes once, at its last separator. */
  let kindChanges = 0;
  let lastChangeAt = -1;
  let middleThree = true;
  for (let i = 0; i < written.length; i++) {
    const c = written.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (groupLength === 0 && groups === 0) firstZero = c === 48;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      groupLength++;
      continue;
    }
    // A separator closes a group.
    if (groups === 0) firstLength = groupLength;
    else if (groupLength !== 3) middleThree = false;
    if (lastMark !== 0 && lastMark !== c) {
      kindChanges++;
      lastChangeAt = groups;
    }
    lastMark = c;
    if (c === 46) dots++;
    else commas++;
    groups++;
    groupLength = 0;
  }
  if (digits > 15) return undefined;
  if (groups === 0) return { mantissa, decimals: 0, notation: 'plain' };
  const last = groupLength;
  const separators = dots + commas;
  // A thousands group leads with 1-3 digits and no zero ("0.500" is a decimal fraction).
  const leadsThousands = firstLength <= 3 && !firstZero;
  // Every group after the first has three digits: the middle ones (checked above) and the last.
  const restThree = middleThree && last === 3;

  if (commas === 0) {
    if (separators === 1) {
      if (last === 3 && leadsThousands) return { mantissa, decimals: 0, notation: 'dutch' };
      if (last <= 2 || (firstLength === 1 && firstZero && last <= 6)) return { mantissa, decimals: last, notation: 'english' };
      return undefined;
    }
    return leadsThousands && restThree ? { mantissa, decimals: 0, notation: 'dutch' } : undefined;
  }
  if (dots === 0) {
    if (separators === 1) {
      if (!scaled && last === 3 && leadsThousands) return { mantissa, decimals: 0, notation: 'english' };
      return last <= 6 ? { mantissa, decimals: last, notation: 'dutch' } : undefined;
    }
    return leadsThousands && restThree ? { mantissa, decimals: 0, notation: 'english' } : undefined;
  }
  // Thousands groups then one decimal part: "1.250,50" (Dutch) or "1,600.50" (English): every mark but
  // the last is the other one.
  if (kindChanges !== 1 || lastChangeAt !== separators - 1) return undefined;
  if (!leadsThousands || !middleThree || last > 6) return undefined;
  return { mantissa, decimals: last, notation: lastMark === 44 ? 'dutch' : 'english' };
}

/** The value of a written number times a multiplier (a scale word), rounded to cents. */
export function writtenNumberValue(n: WrittenNumber, multiplier = 1): number {
  const value = (n.mantissa * multiplier) / 10 ** n.decimals;
  // Large sums are whole euros; rounding them to cents would multiply past exact float range.
  return Math.abs(value) >= 1e9 ? Math.round(value) : Math.round(value * 100) / 100;
}

