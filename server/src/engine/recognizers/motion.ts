import type { FlatText } from '../flatText';
import type { Footnote, FootnoteMarker, KamerstukReference, MotionReference } from '../model';
import { readMemberName, type MemberName, type NameReading } from './memberNames';
import { linkMotionsToKamerstukken, type MotionMention } from './motionKamerstuk';

export interface MotionContext {
  readonly kamerstukken: readonly KamerstukReference[];
  readonly footnotes: readonly Footnote[];
  readonly markers: readonly FootnoteMarker[];
}

/**
 * Finds every mention of a named motion and links it to its Kamerstuk where the text gives it.
 *
 * The forms: "motie-Kostić c.s.", "de motie Van der Lee", "motie van het lid Van Haga",
 * "Motie van de leden Dassen en Grinwis", "motie Aukje de Vries en Van der Lee", "motie van Kostic
 * c.s.", "motie-Dassen/Grinwis", the Handelingen formula "Deze motie is voorgesteld door de leden
 * Renkema en Bergkamp", and "de moties Marijnissen c.s. en Klaver c.s." (two mentions). A motion
 * without a name ("de motie", "motie van wantrouwen", "de motie over …") is not a mention.
 */
export function recognizeMotions(flat: FlatText, context: MotionContext): MotionReference[] {
  const text = flat.text;
  const reading = (lowercaseStart: boolean): NameReading => ({
    lowercaseStart,
    lineBreakBetween: (from, to) => /[\n\r]/.test(flat.sourceText(from, to)),
  });
  const mentions: MotionMention[] = [];
  for (const m of text.matchAll(/(?<![\p{L}\p{N}-])([Mm]otie(s?))(?![\p{L}\p{N}])/gu)) {
    const wordStart = m.index!;
    const plural = m[2] === 's';
    const after = wordStart + m[1]!.length;
    const form = submitterForm(text, after);
    if (!form) continue;
    const list = readSubmitterList(text, form.namesAt, reading(form.lowercaseStart), form.separators);
    if (!list) continue;
    groupIntoMotions(list, plural && form.kind === 'direct').forEach((group, k) => {
      // The first motion's text starts at "motie"; the next ones of "de moties X c.s. en Y c.s." at their name.
      const start = k === 0 ? wordStart : group.names[0]!.start;
      mentions.push({ start, end: group.end, names: group.names, cs: group.cs });
    });
  }
  return linkMotionsToKamerstukken(flat, mentions, context).map((mention) => toReference(flat, mention));
}

/** How the submitters are introduced after "motie(s)". */
interface SubmitterForm {
  /** 'member': after "van het lid" / "van de leden" / "voorgesteld door …"; 'direct': "motie Kostić", "motie-Kostić". */
  readonly kind: 'member' | 'direct';
  readonly namesAt: number;
  readonly lowercaseStart: boolean;
  readonly separators: boolean;
}

/**
 * "van het lid", "van lid", "van de leden", "van het Kamerlid", "van Tweede Kamerlid", "van de heer",
 * "van mevrouw" (optionally after "nr. 12" or a bracket: "de motie (Kamerstuk 21501-32, nr. 1500) van het lid …").
 */
const MEMBER_FORM =
  /(?: nr\. ?\d{1,4}| \([^()]{1,60}\))? (?:van|door) (?:((?:het )?(?:(?:Tweede |Eerste )?Kamer)?lid|(?:de )?(?:(?:Tweede |Eerste )?Kamer)?leden|de heer|mevrouw) )/y;
/** The Handelingen formula "motie is voorgesteld door de leden …", and "motie, ingediend door het lid …". */
const PROPOSED_BY_FORM = /,? (?:(?:is|werd|die is|die werd) )?(?:voorgesteld|ingediend) door (het lid|de leden) /y;
/** "motie van Kostic c.s.": "van" followed by a capitalized name. */
const OF_FORM = / van (?=\p{Lu})/uy;

function submitterForm(text: string, after: number): SubmitterForm | undefined {
  if (text[after] === '-') return { kind: 'direct', namesAt: after + 1, lowercaseStart: false, separators: true };
  for (const re of [MEMBER_FORM, PROPOSED_BY_FORM]) {
    re.lastIndex = after;
    const m = re.exec(text);
    if (m) {
      const single = /lid$|heer$|mevrouw$/i.test(m[1]!);
      return { kind: 'member', namesAt: after + m[0].length, lowercaseStart: true, separators: !single };
    }
  }
  OF_FORM.lastIndex = after;
  const of = OF_FORM.exec(text);
  if (of) return { kind: 'direct', namesAt: after + of[0].length, lowercaseStart: false, separators: true };
  if (text[after] === ' ') return { kind: 'direct', namesAt: after + 1, lowercaseStart: false, separators: true };
  return undefined;
}

/** One name of a list, the separator written before it and whether "c.s." follows it. */
interface ListedName {
  readonly name: MemberName;
  readonly separator: '' | ',' | 'en' | '/';
  /**
   * End of the mention at this name: the name, or " c.s." when it follows (with a party between, "Van
   * der Lee (GL) c.s."). A party after the name alone ("Westerveld (GL)") is not part of the mention.
   */
  readonly end: number;
  readonly cs: boolean;
}

const SEPARATOR = /(, | en | & |\/| \/ )/y;
/** " c.s.", " c.s", " cs"; a footnote marker may be glued to the full form ("c.s.1"). */
const CUM_SUIS = /(?: ?c\. ?s\.(?![\p{L}])| ?c\. ?s(?![\p{L}\p{N}.])| cs(?![\p{L}\p{N}]))/uy;
const PARTY = / \((?:\p{Lu}[\p{L}\d&-]{1,20})(?: \p{Lu}[\p{L}\d&-]{1,20}){0,2}\)/uy;

/**
 * Reads "Dassen en Grinwis", "Kostić c.s.", "Aukje de Vries en Van der Lee", "Marijnissen c.s. en
 * Klaver c.s.", "Dassen/Grinwis", "Paternotte, Sjoerdsma en Klaver". A list joined by commas only
 * counts when it closes with "en": "motie Kostić, Kamerstuk …" and "motie Dijk, die …" are one name.
 */
function readSubmitterList(text: string, at: number, reading: NameReading, separators: boolean): ListedName[] | undefined {
  const first = readMemberName(text, at, reading);
  if (!first) return undefined;
  const list: ListedName[] = [];
  let name: MemberName = first;
  let separator: ListedName['separator'] = '';
  for (;;) {
    let end = name.end;
    PARTY.lastIndex = end;
    const party = PARTY.exec(text);
    const afterParty = party ? end + party[0].length : end;
    CUM_SUIS.lastIndex = afterParty;
    const cs = CUM_SUIS.exec(text);
    if (cs) end = afterParty + cs[0].length;
    list.push({ name, separator, end, cs: !!cs });
    // The list goes on after the party and after a footnote marker glued on ("Marijnissen c.s.5 en …").
    end = skipGluedMarker(text, cs ? end : afterParty);
    if (!separators || list.length >= 8) break;
    SEPARATOR.lastIndex = end;
    const sep = SEPARATOR.exec(text);
    if (!sep) break;
    const next = readMemberName(text, end + sep[0].length, { ...reading, lowercaseStart: false });
    if (!next) break;
    // After "c.s." only another "X c.s." continues ("de moties Marijnissen c.s. en Klaver c.s.").
    if (cs && !followedByCumSuis(text, next.end)) break;
    separator = sep[0].trim() === ',' ? ',' : sep[0].includes('/') ? '/' : 'en';
    name = next;
  }
  // Names after the last "en" or "/" that were joined by a comma only were never part of the list.
  let keep = 1;
  for (let k = 1; k < list.length; k++) if (list[k]!.separator !== ',') keep = k + 1;
  return list.slice(0, keep);
}

/** After one to three digits glued on at `at` (a footnote marker whose footnote the text lacks), else `at`. */
function skipGluedMarker(text: string, at: number): number {
  let end = at;
  while (end < text.length && end - at < 4 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  if (end === at || end - at > 3 || /[\p{L}\p{N}]/u.test(text[end] ?? '')) return at;
  return end;
}

function followedByCumSuis(text: string, at: number): boolean {
  PARTY.lastIndex = at;
  const party = PARTY.exec(text);
  CUM_SUIS.lastIndex = at + (party ? party[0].length : 0);
  return CUM_SUIS.test(text);
}

/** The motions a list of names stands for. */
interface MotionGroup {
  readonly names: readonly MemberName[];
  readonly end: number;
  readonly cs: boolean;
}

/**
 * One motion for the whole list ("motie Dassen en Grinwis", "moties van het lid Amhaouch c.s."),
 * except where each name has its own "c.s." or the plural "moties" names its motions one by one
 * ("de moties Marijnissen c.s. en Klaver c.s.", "de moties Omtzigt en Klaver").
 */
function groupIntoMotions(list: readonly ListedName[], pluralDirect: boolean): MotionGroup[] {
  const separate = list.length > 1 && (pluralDirect || list.slice(0, -1).some((l) => l.cs));
  if (separate) return list.map((l) => ({ names: [l.name], end: l.end, cs: l.cs }));
  const last = list[list.length - 1]!;
  return [{ names: list.map((l) => l.name), end: last.end, cs: last.cs }];
}

function toReference(flat: FlatText, mention: MotionMention & { kamerstuk?: MotionReference['kamerstuk'] }): MotionReference {
  const first = mention.names[0]!;
  const last = mention.names[mention.names.length - 1]!;
  return {
    kind: 'motion',
    span: flat.sourceSpan(mention.start, mention.end),
    text: flat.sourceText(mention.start, mention.end),
    submitters: mention.names.map((n) => n.text),
    cs: mention.cs,
    ...(mention.kamerstuk ? { kamerstuk: mention.kamerstuk } : {}),
    namesSpan: flat.sourceSpan(first.start, last.end),
  };
}
