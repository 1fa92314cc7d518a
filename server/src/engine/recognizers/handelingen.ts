import type { FlatText } from '../flatText';
import type { HandelingenReference } from '../model';
import { lazily } from '../lazily';

/**
 * Citations of the Handelingen: the report of a plenary sitting, or the Aanhangsel (the answers to
 * written Kamervragen). The written forms, as the chambers, ministries and the Raad van State use them:
 *
 *   Handelingen II 2023/24, nr. 41                      (the sitting's number)
 *   Handelingen II 2019/20, nrs. 30 en 31              (one reference per number)
 *   Handelingen II 2010/11, nr. 108, item 5, p. 25-36  (item and pages)
 *   Handelingen I 2013-2014, nr. 31, item 10 - blz. 3  (Eerste Kamer)
 *   Handelingen II, 2017/18, nr. 19, item 11
 *   Hand. II 2019/20, nr. 34                            (the abbreviation of legal writing)
 *   Handelingen van de Tweede Kamer 2019-2020, nr. 30
 *   Aanhangsel Handelingen II, 2021-2022 nr. 1456
 *   Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 2210   (chamber not said: null)
 *   Aanhangsel van de Handelingen II 2008/09, nr. 3120
 *   h-tk-20212022-62-7, h-ek-20202021-24-5, ah-tk-20212022-1456 (official identifiers, also in links)
 *
 * A bare "de Handelingen", "handelingen" in the sense of acts, or a citation without a number is no
 * reference: it names nothing that can be looked up.
 */

/** At most this many references come from one list or range of numbers ("nrs. 12–15"). */
const MOST_NUMBERS = 50;

const CHAMBER = String.raw`(?:\s+(?:(?:van\s+de|der)\s+)?(I{1,2}|EK|TK|Eerste\s+Kamer|Tweede\s+Kamer)(?:\s+der\s+Staten-Generaal)?(?![\p{L}\p{N}]))`;
const YEAR = String.raw`((?:19|20)\d{2})\s?[/\-–—]\s?(\d{4}|\d{2})(?![\p{L}\p{N}])`;
const NUMBER = String.raw`\d{1,5}(?![\p{L}\p{N}])`;
/** A day of a date ("nr. 34, 12 december 2019") is no further number. */
const NOT_A_DAY = String.raw`(?!\s(?:jan|feb|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec))`;
/** One more number of a list or range: ", 31", " en 31", " tot en met 31", " t/m 31", "–31". */
const MORE_NUMBER = String.raw`(?:\s?,\s?|\s+en\s+|\s+tot\s+en\s+met\s+|\s+t\/m\s+|\s?[-–]\s?)${NUMBER}${NOT_A_DAY}`;

const CITATION = lazily(() => new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(Aanhangsel|Aanh\.)\s+(?:(?:van\s+de|der|bij\s+de)\s+)?)?(?:Handelingen|Hand\.)${CHAMBER}?` +
    String.raw`\s?,?\s?(?:(?:vergaderjaar|vj\.)\s+)?${YEAR}` +
    String.raw`\s?,?\s?(?:nrs?\.?|nummers?)\s?(${NUMBER}(?:${MORE_NUMBER}){0,${MOST_NUMBERS}})` +
    String.raw`(?:\s?,?\s?items?\s+(\d{1,3})(?![\p{L}\p{N}]))?` +
    String.raw`(?:(?:\s?,\s?|\s?[-–]\s?|\s+)(?:p\.|pp\.|blz\.|pag\.)\s?(\d{1,5}(?:\s?[-–]\s?\d{1,5})?)(?![\p{L}\p{N}]))?`,
  'gu',
));

/** h-tk-20212022-62-7 (a sitting's item), ah-tk-20212022-1456 (an Aanhangsel); a note's "-n1" may follow. */
const IDENTIFIER = lazily(() => /(?<![\p{L}\p{N}-])(a?h)-(tk|ek)-((?:19|20)\d{2})((?:19|20)\d{2})-(\d{1,5})(?:-(\d{1,3}))?(?:-n\d{1,2})?(?![\p{L}\p{N}]|-\d)/gu);

/** Finds every Handelingen citation in the flattened text, in order. */
export function recognizeHandelingen(flat: FlatText): HandelingenReference[] {
  const out: HandelingenReference[] = [];
  const text = flat.text;
  const re = new RegExp(CITATION().source, CITATION().flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const year = vergaderjaar(m[3]!, m[4]!);
    if (!year) continue;
    const numbers = numberList(m[5]!);
    if (!numbers) continue;
    const span = flat.sourceSpan(m.index, m.index + m[0].length);
    const source = flat.sourceText(m.index, m.index + m[0].length);
    for (const nr of numbers) {
      out.push({
        kind: 'handelingen',
        span,
        text: source,
        chamber: chamberOf(m[2]),
        year,
        nr,
        ...(m[6] ? { item: m[6] } : {}),
        aanhangsel: !!m[1],
        ...(m[7] ? { pages: m[7].replace(/\s/g, '') } : {}),
        identifier: false,
      });
    }
  }
  const ids = new RegExp(IDENTIFIER().source, IDENTIFIER().flags);
  for (let m = ids.exec(text); m; m = ids.exec(text)) {
    const aanhangsel = m[1]!.toLowerCase() === 'ah';
    if (aanhangsel && m[6]) continue;
    if (Number(m[4]) !== Number(m[3]) + 1) continue;
    out.push({
      kind: 'handelingen',
      span: flat.sourceSpan(m.index, m.index + m[0].length),
      text: flat.sourceText(m.index, m.index + m[0].length),
      chamber: m[2]!.toLowerCase() === 'ek' ? 'I' : 'II',
      year: `${m[3]}-${m[4]}`,
      nr: m[5]!,
      ...(m[6] ? { item: m[6] } : {}),
      aanhangsel,
      identifier: true,
    });
  }
  return out.sort((a, b) => a.span.offset - b.span.offset);
}

/** "2023"+"24" → "2023-2024"; undefined unless the second year follows the first. */
function vergaderjaar(first: string, second: string): string | undefined {
  const from = Number(first);
  const to = second.length === 2 ? Math.floor(from / 100) * 100 + Number(second) + (Number(second) < from % 100 ? 100 : 0) : Number(second);
  return to === from + 1 ? `${from}-${to}` : undefined;
}

function chamberOf(written: string | undefined): 'I' | 'II' | null {
  if (!written) return null;
  const w = written.replace(/\s+/g, ' ');
  return w === 'I' || w === 'EK' || w === 'Eerste Kamer' ? 'I' : 'II';
}

/**
 * The numbers of "30", "30 en 31", "30, 31 en 32", "2210 tot en met 2214", "12–15": each number of a
 * list, every number of a range; undefined when a range runs backwards or is longer than MOST_NUMBERS.
 */
function numberList(written: string): string[] | undefined {
  const parts = written.split(/(\s?,\s?|\s+en\s+|\s+tot\s+en\s+met\s+|\s+t\/m\s+|\s?[-–]\s?)/);
  const out: string[] = [parts[0]!];
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const sep = parts[i]!.trim();
    const nr = parts[i + 1]!;
    if (sep === ',' || sep === 'en') {
      out.push(nr);
      continue;
    }
    const from = Number(out[out.length - 1]);
    const to = Number(nr);
    if (to <= from || to - from >= MOST_NUMBERS) return undefined;
    for (let n = from + 1; n <= to; n++) out.push(String(n));
  }
  return [...new Set(out)].slice(0, MOST_NUMBERS);
}
