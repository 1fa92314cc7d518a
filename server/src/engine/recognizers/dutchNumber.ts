/**
 * Numbers as Dutch policy texts write them.
 *
 * Dutch notation groups thousands with "." and marks decimals with ",": "1.250.000", "76,7",
 * "1.250,50". English notation, which slips into letters as well, does the opposite: "1,600.50",
 * "1.5 miljard". A lone separator is ambiguous ("1.500", "1,600"); the digits after it decide, and
 * for a comma also whether a scale word follows ("EUR 1,118 miljard" is 1.118 × 10⁹, a bare
 * "€ 1,600" is sixteen hundred euros: money takes two decimals, never three).
 */

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
  if (isDigit(text.charCodeAt(after))) return undefined;
  if ((text[after] === '.' || text[after] === ',') && isDigit(text.charCodeAt(after + 1))) return undefined;
  return m[0];
}

/**
 * Reads a written number. `scaled` tells whether a scale word (miljoen, miljard, ...) follows, which
 * makes a lone comma a decimal mark even before three digits. Returns undefined for digit strings
 * that are no number in either notation (dates "30.10.2020", section numbers "1.2.3").
 */
export function parseWrittenNumber(written: string, scaled: boolean): WrittenNumber | undefined {
  const groups = written.split(/[.,]/);
  const separators = written.replace(/\d/g, '');
  const first = groups[0]!;
  const plainDigits = groups.join('');
  if (plainDigits.length > 15) return undefined;
  const mantissa = Number(plainDigits);
  if (separators.length === 0) return { mantissa, decimals: 0, notation: 'plain' };

  const last = groups[groups.length - 1]!;
  const middle = groups.slice(1, -1);
  // A thousands group leads with 1-3 digits and no zero ("0.500" is a decimal fraction).
  const leadsThousands = first.length <= 3 && !first.startsWith('0');
  const allThreeDigits = (gs: readonly string[]): boolean => gs.every((g) => g.length === 3);

  if (/^\.+$/.test(separators)) {
    if (separators.length === 1) {
      if (last.length === 3 && leadsThousands) return { mantissa, decimals: 0, notation: 'dutch' };
      if (last.length <= 2 || (first === '0' && last.length <= 6)) return { mantissa, decimals: last.length, notation: 'english' };
      return undefined;
    }
    return leadsThousands && allThreeDigits(groups.slice(1)) ? { mantissa, decimals: 0, notation: 'dutch' } : undefined;
  }
  if (/^,+$/.test(separators)) {
    if (separators.length === 1) {
      if (!scaled && last.length === 3 && leadsThousands) return { mantissa, decimals: 0, notation: 'english' };
      return last.length <= 6 ? { mantissa, decimals: last.length, notation: 'dutch' } : undefined;
    }
    return leadsThousands && allThreeDigits(groups.slice(1)) ? { mantissa, decimals: 0, notation: 'english' } : undefined;
  }
  // Thousands groups then one decimal part: "1.250,50" (Dutch) or "1,600.50" (English).
  const decimalMark = separators[separators.length - 1]!;
  const groupMark = decimalMark === ',' ? '.' : ',';
  if (separators.slice(0, -1).split('').some((s) => s !== groupMark)) return undefined;
  if (!leadsThousands || !allThreeDigits(middle) || last.length > 6) return undefined;
  return { mantissa, decimals: last.length, notation: decimalMark === ',' ? 'dutch' : 'english' };
}

/** The value of a written number times a multiplier (a scale word), rounded to cents. */
export function writtenNumberValue(n: WrittenNumber, multiplier = 1): number {
  const value = (n.mantissa * multiplier) / 10 ** n.decimals;
  // Large sums are whole euros; rounding them to cents would multiply past exact float range.
  return Math.abs(value) >= 1e9 ? Math.round(value) : Math.round(value * 100) / 100;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
