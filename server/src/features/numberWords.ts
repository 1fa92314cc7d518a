/**
 * Whole numbers written out in words, as a reviewer reads an amount aloud:
 * 1118000000 → "een miljard honderdachttien miljoen" / "one billion one hundred eighteen million".
 * Dutch writes numbers below a million as one word (tweeëntwintig, honderdachttien, tweeduizend);
 * miljoen and miljard stand apart.
 */
import type { Locale } from '../l10n';

const NL_UNITS = ['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien'];
const NL_TENS = ['', '', 'twintig', 'dertig', 'veertig', 'vijftig', 'zestig', 'zeventig', 'tachtig', 'negentig'];
const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function dutchBelowHundred(n: number): string {
  if (n < 20) return NL_UNITS[n]!;
  const unit = n % 10;
  const tens = NL_TENS[Math.floor(n / 10)]!;
  if (unit === 0) return tens;
  const u = NL_UNITS[unit]!;
  // "ën" after a unit ending in e: tweeëntwintig, drieëntwintig.
  return `${u}${u.endsWith('e') ? 'ën' : 'en'}${tens}`;
}

function dutchBelowThousand(n: number): string {
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const head = h === 0 ? '' : h === 1 ? 'honderd' : `${NL_UNITS[h]}honderd`;
  return head + (rest ? dutchBelowHundred(rest) : '');
}

function dutchBelowMillion(n: number): string {
  const t = Math.floor(n / 1000);
  const rest = n % 1000;
  const head = t === 0 ? '' : t === 1 ? 'duizend' : `${dutchBelowThousand(t)}duizend`;
  return head + (rest ? dutchBelowThousand(rest) : '');
}

function englishBelowThousand(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) parts.push(`${EN_UNITS[h]} hundred`);
  if (rest) parts.push(rest < 20 ? EN_UNITS[rest]! : EN_TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${EN_UNITS[rest % 10]}` : ''));
  return parts.join(' ');
}

const SCALES: readonly { value: number; nl: string; en: string }[] = [
  { value: 1e12, nl: 'biljoen', en: 'trillion' },
  { value: 1e9, nl: 'miljard', en: 'billion' },
  { value: 1e6, nl: 'miljoen', en: 'million' },
];

/** A non-negative whole number below 10^15 in words; larger or fractional numbers are rounded. */
export function numberInWords(value: number, locale: Locale): string {
  let n = Math.round(Math.abs(value));
  if (n === 0) return locale === 'nl' ? 'nul' : 'zero';
  const parts: string[] = [];
  for (const s of SCALES) {
    const count = Math.floor(n / s.value);
    if (count) {
      parts.push(locale === 'nl' ? `${dutchBelowMillion(count)} ${s.nl}` : `${inEnglish(count)} ${s.en}`);
      n -= count * s.value;
    }
  }
  if (n) parts.push(locale === 'nl' ? dutchBelowMillion(n) : inEnglish(n));
  return (value < 0 ? (locale === 'nl' ? 'min ' : 'minus ') : '') + parts.join(' ');
}

function inEnglish(n: number): string {
  const t = Math.floor(n / 1000);
  const rest = n % 1000;
  return [t ? `${englishBelowThousand(t)} thousand` : '', rest ? englishBelowThousand(rest) : ''].filter(Boolean).join(' ');
}

/** An amount in euros in words, cents included: "zesenzeventig miljoen zevenhonderdduizend euro". */
export function euroInWords(value: number, locale: Locale): string {
  const whole = Math.floor(Math.abs(value));
  const cents = Math.round((Math.abs(value) - whole) * 100);
  const words = `${numberInWords(whole, locale)} euro`;
  if (!cents) return words;
  return locale === 'nl' ? `${words} en ${numberInWords(cents, locale)} cent` : `${words} and ${numberInWords(cents, locale)} cents`;
}
