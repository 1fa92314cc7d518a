import {
  addDays,
  addMonths,
  addWorkingDays,
  daysInMonth,
  isoDate,
  lastDayOfMonth,
  monthInterval,
  monthNumber,
  MONTH_PATTERN,
  nthWeekdayOfMonth,
  quarterInterval,
  yearInterval,
} from '../calendar';
import { isDigitCode, isLatinWordCode } from '../chars';
import { lazily } from '../lazily';

/**
 * The time phrases of Dutch policy letters that can name a deadline, read at one position of the
 * flat text, and what each means in days once its year is known (the guideline's table):
 *
 *   Q4 2025 · Q4 van 2025 · 2022Q4 · 2022Q3–Q4 · 2022-Q3 · het derde kwartaal van (dit jaar | 2025)
 *   de eerste/tweede helft van 2021 · (in) het voorjaar (van 2023) · dit najaar · in de zomer
 *   rond (de) zomer (van) 2023 · voor de zomer · voor het zomerreces · na de zomer · na het zomerreces
 *   voor de kerst · voor het kerstreces · eind 2022 · eind (van) dit jaar · eind van het jaar
 *   begin volgend jaar · medio 2023 · eind september · rond 2040 · dit jaar · later dit jaar
 *   volgend jaar · in de loop van 2023 · in (juni 2021 | oktober) · uiterlijk (in) P · voor/vóór D
 *   per D · met ingang van D · op D
 *
 * and the forms the guideline's table does not list, each with the reading chosen for it:
 *
 *   deadline (…) D        "met als nieuwe deadline 1 maart 2024", "de deadline wordt verplaatst naar
 *                         D", "Deadline | 1 juli 2025": end D (a period: its last day), as "uiterlijk D"
 *   in de eerste/tweede helft van juni (2013)    the 1st to the 15th / the 16th to the last day
 *   ruim/tijdig/kort voor P                      as "vóór P"
 *   uiterlijk voor het einde van het zomerreces  end Y-08-31 (the day before "na het zomerreces" starts)
 *   voor/op/uiterlijk Prinsjesdag, Verantwoordingsdag   the third Tuesday of September, the third
 *                         Wednesday of May, read as the date D of "voor D", "op D", "uiterlijk D"
 *   voor/bij de Voorjaarsnota, Najaarsnota       end Y-05-31, Y-11-30 (due before 1 June, 1 December)
 *   voor het commissiedebat van 1 juli aanstaande, vóór de Raad … van D    the day before D
 *   voor de volgende Europese Raad               a deadline without start and end (no day is known)
 *   binnen zes weken, binnen drie maanden (na …) end: the document's date plus the period
 *   op 16 november van dit jaar, op 14, 15 en 16 maart aanstaande
 *   a day or month without a year                see YearReference and deadline.ts
 *   a year with a footnote marker glued on       "in het najaar van 20183": 2018
 *
 * A phrase is a cue word ("uiterlijk", "voor", "in", "rond", "na", "per", ...) and a period, or a
 * period that carries its own cue (a quarter, "eind 2022", "dit najaar"). Whether the phrase is a
 * deadline in its sentence is decided elsewhere (deadlineContext.ts); this module only reads it.
 *
 * Every pattern is sticky, anchored at a word start, and bounded: no repetition can overlap itself,
 * and the readers that look ahead word by word ("deadline … D", a meeting's name) stop after a few
 * words, so reading is linear in the length of the text.
 */

/** How a phrase names its year. */
export type YearReference =
  | { readonly kind: 'written'; readonly year: number }
  /** "dit jaar" 0, "volgend jaar" +1, "vorig jaar" -1; `upcoming`: "komend voorjaar", the next one not yet over. */
  | { readonly kind: 'relative'; readonly offset: number; readonly upcoming?: boolean }
  /**
   * A day and month without a year ("voor 1 februari"): the next such day from the document's date on;
   * in a sentence that tells of the past, the last such day before it or the nearest (deadline.ts).
   * `coming`: "a.s.", "aanstaande": always the next.
   */
  | { readonly kind: 'nextMonthDay'; readonly month: number; readonly day: number; readonly coming?: boolean }
  /** A month without a year ("in januari", "eind januari", "begin december"): read as nextMonthDay, by month. */
  | { readonly kind: 'nextMonth'; readonly month: number }
  /** Counted from the document's date ("binnen zes weken"): `datesIn` reads the document's date, not the year. */
  | { readonly kind: 'fromDocumentDate' }
  /** A moment no text or calendar dates ("voor de volgende Europese Raad"): a deadline without start and end. */
  | { readonly kind: 'unknown' };

/** The days a phrase names: `start` is absent where the phrase names only an end ("voor de zomer"). */
export interface PhraseDates {
  readonly start?: string;
  readonly end: string;
}

export interface DeadlinePhrase {
  /** Flat-text start and end of the whole phrase, cue included. */
  readonly start: number;
  readonly end: number;
  /** The cue as written ("uiterlijk", "voor", "Na", "eind", "Q", "kwartaal", "dit jaar"). */
  readonly cue: string;
  /** The cue itself says "by then" ("uiterlijk", "voor", "vóór", "tegen"). */
  readonly due: boolean;
  /**
   * The phrase is a deadline only where the sentence plans something ("in oktober", "dit jaar", "op
   * 1 mei"): these words name times of past events just as often.
   */
  readonly needsPlan: boolean;
  /** No cue word stands before the period ("december 2022", "dit jaar"): only a plan makes it a deadline, not being still to come. */
  readonly uncued: boolean;
  /**
   * Only a word of planning proper makes it a deadline, not the present passive ("Deze maatlat is
   * december 2022 voorzien", but not "de uitgaven januari 2023 worden …"): a month and year without cue.
   */
  readonly needsFirmPlan: boolean;
  readonly year: YearReference;
  /** The days named, given the year; the document's date is needed for "later dit jaar". */
  readonly datesIn: (year: number, documentDate: string | undefined) => PhraseDates;
  /**
   * The word "deadline" names it ("met als nieuwe deadline 1 maart 2024", "de deadline wordt verplaatst
   * naar 1 juli 2017", "Deadline | 1 juli 2025"): a deadline whatever the tense of its sentence.
   */
  readonly named: boolean;
  /**
   * An event ("voor Prinsjesdag", "voor het commissiedebat van 1 juli"): as often the label of what is
   * meant for it ("de agenda voor de Raad van 20 mei") as a time, so only a plan in its clause makes it one.
   */
  readonly needsClausePlan: boolean;
}

/**
 * The cue word before a period, as far as it changes the reading. "vóór" (accented) is always
 * "before"; a plain "voor" is "before" with a date ("voor 1 mei") or a season, but "for" with a month
 * ("gepland voor september").
 */
type Cue = 'uiterlijk' | 'voor' | 'vóór' | 'tegen' | 'per' | 'op' | 'in' | 'rond' | 'na' | 'later' | 'bij' | 'binnen' | 'none';

/** "voor", "vóór", "tegen": by (or before) the time named. */
function isBefore(cue: Cue): boolean {
  return cue === 'voor' || cue === 'vóór' || cue === 'tegen';
}

interface Core {
  readonly length: number;
  readonly year: YearReference;
  readonly cue: string;
  readonly needsPlan: boolean;
  readonly needsFirmPlan?: boolean;
  readonly needsClausePlan?: boolean;
  readonly datesIn: (year: number, documentDate: string | undefined) => PhraseDates;
}

type CoreReader = (text: string, at: number, cue: Cue) => Core | undefined;

// ---------------------------------------------------------------------------------------------
// Pattern pieces. The flat text has single spaces, so a space in a pattern is one space.

const YEAR_DIGITS = '(?:19|20)\\d{2}';
/** A written year, not the first half of a span ("2025-2029") or a vergaderjaar ("2019/20"). */
const YEAR = `${YEAR_DIGITS}(?![0-9]|[-–/][0-9])`;
/**
 * A written year after a month, season or part of a year, where a footnote marker that text
 * extraction glued to it may follow ("in het najaar van 20183": 2018 and marker 3, as
 * gluedFootnoteMarker.ts reads "februari 20211"). Only where the footnote recognizer has not already
 * taken the marker out; the reading keeps the year's four digits. Not after a bare cue ("rond 20183
 * hectare" is a number).
 */
const YEAR_WITH_MARKER = `${YEAR_DIGITS}(?:[1-9][0-9]?(?=[\\s.,;:)\\]]|$))?(?![0-9]|[-–/][0-9])`;
/** A year relative to the document's. */
const RELATIVE_YEAR = '(?:dit|volgend|komend|vorig)e? jaar';
const YEAR_REF = `${YEAR_WITH_MARKER}|${RELATIVE_YEAR}`;
/** A year after a bare cue ("uiterlijk 2030", "rond 2040"): no glued marker. */
const PLAIN_YEAR_REF = `${YEAR}|${RELATIVE_YEAR}`;
/** "het jaar" reads as the document's year only after a part of it: "eind van het jaar". */
const YEAR_REF_OR_THE_YEAR = `${YEAR_REF}|het jaar`;
/** The month abbreviations of dates ("1 jan. 2026"). */
export const MONTH_ABBREVIATIONS = 'jan|febr?|mrt|apr|jun|jul|aug|sept?|okt|nov|dec';
const ORDINAL = 'eerste|tweede|derde|vierde|laatste|[1-4]e|1ste|[2-4]de';

/**
 * The cue words. "ruim voor", "tijdig voor", "kort voor": "before", with the end of "voor". "bij" only
 * before an event ("bij de Voorjaarsnota"), "binnen" only before a count of days, weeks or months.
 */
const CUE = /(uiterlijk(?: (?:in|op|per|v[oó]{2}r))?|(?:(?:ruim|ruimschoots|tijdig|kort|vlak) )?(?:v[oó]{2}r|voorafgaand aan)|tegen|per|met ingang van|m\.i\.v\.|op|in|rond|omstreeks|na|later|bij|binnen) /iy;

const YEAR_QUARTER = new RegExp(`(${YEAR_DIGITS}) ?-?Q([1-4])(?: ?[-–/] ?(?:(${YEAR_DIGITS}) ?-?)?Q([1-4]))?`, 'y');
/** Between the quarters of a range: "2022Q3–Q4", "Q1/Q2", "Q3 en Q4", "het derde en vierde kwartaal". */
const QUARTER_RANGE = '(?: ?[-–/] ?| (?:en|of|t/m|tot en met) )';
const Q_QUARTER = new RegExp(`Q([1-4])(?:${QUARTER_RANGE}Q([1-4]))?(?:(?: van |[ -])(${YEAR_REF})| ?'(\\d{2})(?![0-9]))?`, 'y');
const WORD_QUARTER = new RegExp(
  `(?:het )?(${ORDINAL})(?: (?:en|of|t/m|tot en met) (?:het )?(${ORDINAL}))? kwartaal(?:(?: van)? (${YEAR_REF_OR_THE_YEAR}))?`,
  'iy',
);
const HALF_YEAR = new RegExp(`(?:de )?(eerste|tweede|1e|2e) (?:helft|jaarhelft)(?: van)? (${YEAR_REF_OR_THE_YEAR})`, 'iy');
const HALF_YEAR_BARE = /(?:de )?(eerste|tweede|1e|2e) jaarhelft/iy;
/** "in de eerste helft van juni", "de tweede helft van oktober 2013": the 1st to the 15th, the 16th to the last. */
const HALF_MONTH = new RegExp(`(?:de )?(eerste|tweede|1e|2e) helft van (${MONTH_PATTERN})(?:(?: van)? (${YEAR_REF}))?`, 'iy');
const SEASON = new RegExp(
  `(?:(het|de|dit|deze|komend|komende|aanstaande|volgend|volgende) )?(voorjaar|najaar|zomer|lente|herfst)(?:(?: van)? (${YEAR_REF}))?`,
  'iy',
);
const RECESS = new RegExp(
  `(?:(?:het )?(eind|einde) van )?(?:het |de )?(zomerreces|zomervakantie|kerstreces|kerstvakantie|kerstmis|kerst|jaarwisseling)(?: (?:van )?(${YEAR_WITH_MARKER}))?`,
  'iy',
);
const PART_OF_YEAR = new RegExp(`(?:het )?(eind|einde|ultimo|begin|medio|half|halverwege)(?: van)? (${YEAR_REF_OR_THE_YEAR})`, 'iy');
const PART_OF_MONTH = new RegExp(
  `(?:het )?(eind|einde|ultimo|begin|medio|half|halverwege)(?: van)? (${MONTH_PATTERN})(?:(?: van)? (${YEAR_REF}))?`,
  'iy',
);
const MONTH = new RegExp(`(${MONTH_PATTERN})(?:(?: van)? (${YEAR_REF}))?`, 'iy');
const WEEKDAY = '(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) ';
/**
 * "op 17 en 18 september", "17-18 september", "op 14, 15 en 16 maart": one period from the first day
 * to the last (at most six days listed between them).
 */
const DAY_RANGE = '(?:, [0-3]?[0-9]){0,6}(?: ?[-–] ?| (?:en|t/m|tot en met) )';
/** "op 8 december a.s." (aanstaande): a day to come. */
const COMING = '(?: (a\\.s\\.|as|aanstaande)(?![a-z]))';
/** A day and month, with a written year ("17 juni 2020"), "van dit jaar" ("16 november van dit jaar"), "a.s." or none. */
const DAY_MONTH = new RegExp(
  `(?:${WEEKDAY})?([0-3]?[0-9])(?:${DAY_RANGE}([0-3]?[0-9]))? (${MONTH_PATTERN}|(?:${MONTH_ABBREVIATIONS})\\.?)(?: (${YEAR_WITH_MARKER})| van (${RELATIVE_YEAR}))?${COMING}?`,
  'iy',
);
const NUMERIC_DATE = new RegExp(`(?:${WEEKDAY})?([0-3]?[0-9])-([01]?[0-9])-(${YEAR})`, 'iy');
const WHOLE_YEAR = new RegExp(`(${PLAIN_YEAR_REF})`, 'iy');
/** Two years taken as one period: "rond 2025/2026", "rond 2030-2035", "rond 2025/26". */
const YEAR_SPAN = new RegExp(`(${YEAR_DIGITS}) ?[-–/] ?(${YEAR_DIGITS}|\\d{2})(?![0-9]|[-–/][0-9])`, 'y');
/** The longest span of years "rond Y1/Y2" is read as one period. */
const MOST_YEARS_IN_SPAN = 10;
const LATER_THIS_YEAR = new RegExp(`(dit jaar|in het jaar|in dit jaar|dit kalenderjaar|in (${YEAR}))`, 'iy');
const IN_THE_COURSE_OF = new RegExp(`de loop van (${YEAR_REF_OR_THE_YEAR})`, 'iy');
const THIS_OR_NEXT_YEAR = /(?:dit|volgend|komend)e? jaar/iy;

// ---------------------------------------------------------------------------------------------

/** Reads a deadline phrase starting exactly at `at` (a word start), or undefined. */
export function readDeadlinePhrase(text: string, at: number): DeadlinePhrase | undefined {
  const named = readNamedDeadline(text, at);
  if (named) return named;
  CUE.lastIndex = at;
  const m = CUE.exec(text);
  if (m) {
    const cue = cueOf(m[1]!);
    // "Ik stel voor dinsdag 19 november a.s. te stemmen": "voor" is the particle of "voorstellen".
    if (cue === 'voor' && isProposalParticle(text, at)) return undefined;
    const coreAt = at + m[0].length;
    for (const read of readersAt(text, coreAt)) {
      const core = read(text, coreAt, cue);
      if (core && endsWord(text, coreAt + core.length)) return withCue(core, at, coreAt, m[1]!, cue);
    }
    return undefined;
  }
  for (const read of readersAt(text, at)) {
    const core = read(text, at, 'none');
    if (core && endsWord(text, at + core.length)) return withCue(core, at, at, '', 'none');
  }
  return undefined;
}

function withCue(core: Core, start: number, coreAt: number, written: string, cue: Cue): DeadlinePhrase {
  return {
    start,
    end: coreAt + core.length,
    cue: written || core.cue,
    due: cue === 'uiterlijk' || isBefore(cue) || cue === 'binnen',
    needsPlan: core.needsPlan,
    uncued: cue === 'none',
    needsFirmPlan: core.needsFirmPlan === true,
    year: core.year,
    datesIn: core.datesIn,
    named: false,
    needsClausePlan: core.needsClausePlan === true,
  };
}

function cueOf(written: string): Cue {
  const w = written.toLowerCase();
  // "ruim voor het zomerreces", "tijdig vóór 1 mei": always "before" (never the "for" of "gepland voor").
  if (/^(?:ruim|ruimschoots|tijdig|kort|vlak) /.test(w)) return 'vóór';
  // "uiterlijk voor de zomer", "uiterlijk vóór 1 mei": the "voor" governs the reading.
  if (w.startsWith('uiterlijk v')) return 'vóór';
  if (w.startsWith('uiterlijk')) return 'uiterlijk';
  if (w === 'voor' || w === 'voorafgaand aan') return 'voor';
  if (w === 'vóór' || w === 'vóor' || w === 'voór') return 'vóór';
  if (w === 'per' || w === 'met ingang van' || w === 'm.i.v.') return 'per';
  if (w === 'omstreeks') return 'rond';
  return w as Cue;
}

/**
 * "Ik stel voor dinsdag 19 november a.s. ook te stemmen over …", "stellen wij voor de termijn te
 * verlengen": "voor" is the particle of "voorstellen" (to propose), not a cue, where a proposal's
 * "te" + infinitive follows in the sentence ("Ik stel voor de zomer een plan op" keeps its cue).
 */
const PROPOSE_BEFORE = lazily(() => /(?:^|[^\p{L}])(?:(?:ik|wij|we) stel(?:len)?|stel(?:len)? (?:ik|wij|we)) $/iu);
const PROPOSAL_INFINITIVE = lazily(() => /^(?:(?!\. \p{Lu})[^?!;:]){0,160}?(?<![\p{L}])te \p{L}/u);

function isProposalParticle(text: string, at: number): boolean {
  return PROPOSE_BEFORE().test(text.slice(Math.max(0, at - 16), at)) && PROPOSAL_INFINITIVE().test(text.slice(at + 5, at + 220));
}

// ---------------------------------------------------------------------------------------------
// The word "deadline"

/** "deadline", "Deadline", "deadlines", a whole word. */
const DEADLINE_WORD = /deadlines?(?![0-9A-Za-z\u00C0-\u024F])/iy;
/** Between "deadline" and its date: a space, or a field's colon or table pipe ("Deadline: 1 april", "Deadline | 1 juli 2025"). */
const DEADLINE_GAP = /(?: ?[:|] ?| )/y;
/** A word between "deadline" and its date ("wordt", "verplaatst", "naar", "te", "handhaven", "op", "van", "is"). */
const DEADLINE_FILLER = /[A-Za-z\u00C0-\u024F]+/y;
/** Words after which the date is no longer the deadline's own ("de deadline voor 2030", "deadline sinds 1 mei"). */
const DEADLINE_STOP = /^(?:vanaf|sinds|sedert|dan|en|of|maar|die|dat|waarbij|omdat|niet|geen|deadlines?)$/i;
/**
 * At most this many words stand between "deadline" and its date: "de deadline wordt verplaatst naar
 * D", "De deadline voor het indienen van aanvragen is D".
 */
const MOST_DEADLINE_FILLERS = 6;
/** "voor" right before a date is the cue of "voor D" (the day before), not a filler: "de deadline voor 1 maart". */
const BEFORE_WORD = /^v[oó]{2}r$/i;

/**
 * The word "deadline" with the date (or period) it sets: "met als nieuwe deadline 1 maart 2024", "de
 * deadline te verschuiven naar 1 oktober 2025", "deadline wordt verplaatst naar 1 januari 2018",
 * "Deadline 1 april 2021", "Deadline | 1 juli 2025". The period is read as after "uiterlijk": `end` is
 * the date itself (or the period's last day). The text runs from "deadline" to the date.
 */
function readNamedDeadline(text: string, at: number): DeadlinePhrase | undefined {
  DEADLINE_WORD.lastIndex = at;
  const m = DEADLINE_WORD.exec(text);
  if (!m) return undefined;
  let pos = at + m[0].length;
  for (let words = 0; words <= MOST_DEADLINE_FILLERS; words++) {
    DEADLINE_GAP.lastIndex = pos;
    const gap = DEADLINE_GAP.exec(text);
    if (!gap) return undefined;
    pos += gap[0].length;
    for (const read of deadlineReadersAt(text, pos)) {
      const core = read(text, pos, 'uiterlijk');
      if (core && endsWord(text, pos + core.length)) {
        return {
          start: at,
          end: pos + core.length,
          cue: m[0],
          due: true,
          needsPlan: false,
          uncued: false,
          needsFirmPlan: false,
          year: core.year,
          datesIn: core.datesIn,
          named: true,
          needsClausePlan: false,
        };
      }
    }
    DEADLINE_FILLER.lastIndex = pos;
    const filler = DEADLINE_FILLER.exec(text);
    if (!filler || DEADLINE_STOP.test(filler[0])) return undefined;
    if (BEFORE_WORD.test(filler[0]) && isDigitCode(text.charCodeAt(pos + filler[0].length + 1))) return undefined;
    pos += filler[0].length;
  }
  return undefined;
}

/** "uiterlijk in P" names only the end of P. */
function onlyEnd(dates: PhraseDates): PhraseDates {
  return { end: dates.end };
}

function byEndOf(cue: Cue, datesIn: Core['datesIn']): Core['datesIn'] {
  return cue === 'uiterlijk' ? (y, d) => onlyEnd(datesIn(y, d)) : datesIn;
}

// ---------------------------------------------------------------------------------------------
// The periods. Each reader returns the core's length from `at`; `cue` is the word before it.

const readYearQuarter: CoreReader = (text, at, cue) => {
  if (cue !== 'none' && cue !== 'in' && cue !== 'uiterlijk') return undefined;
  const m = exec(YEAR_QUARTER, text, at);
  if (!m) return undefined;
  const year = Number(m[1]);
  const q1 = Number(m[2]);
  const q2 = m[4] ? Number(m[4]) : q1;
  const year2 = m[3] ? Number(m[3]) : q2 < q1 ? year + 1 : year;
  const span = (y: number): PhraseDates => ({
    start: quarterInterval(y, q1).start,
    end: quarterInterval(y + (year2 - year), q2).end,
  });
  return { length: m[0].length, year: written(year), cue: 'Q', needsPlan: false, datesIn: byEndOf(cue, span) };
};

const readQQuarter: CoreReader = (text, at, cue) => {
  if (cue !== 'none' && cue !== 'in' && cue !== 'uiterlijk') return undefined;
  const m = exec(Q_QUARTER, text, at);
  if (!m) return undefined;
  const q1 = Number(m[1]);
  const q2 = m[2] ? Number(m[2]) : q1;
  let year: YearReference | undefined;
  if (m[3]) year = yearReference(m[3]);
  else if (m[4]) year = written(2000 + Number(m[4]));
  // A bare "Q4" is a deadline only after a cue ("in Q4"); in a table it may be any label.
  else if (cue !== 'none') year = { kind: 'relative', offset: 0 };
  if (!year) return undefined;
  const span = (y: number): PhraseDates => ({
    start: quarterInterval(y, q1).start,
    end: quarterInterval(q2 < q1 ? y + 1 : y, q2).end,
  });
  return { length: m[0].length, year, cue: 'Q', needsPlan: false, datesIn: byEndOf(cue, span) };
};

const readWordQuarter: CoreReader = (text, at, cue) => {
  if (cue !== 'none' && cue !== 'in' && cue !== 'uiterlijk') return undefined;
  const m = exec(WORD_QUARTER, text, at);
  if (!m) return undefined;
  const q1 = QUARTER_OF_ORDINAL[m[1]!.toLowerCase()]!;
  const q2 = m[2] ? QUARTER_OF_ORDINAL[m[2].toLowerCase()]! : q1;
  if (q2 < q1) return undefined;
  let year: YearReference | undefined;
  if (m[3]) year = yearReference(m[3]);
  else if (cue !== 'none') year = { kind: 'relative', offset: 0 };
  if (!year) return undefined;
  const span = (y: number): PhraseDates => ({ start: quarterInterval(y, q1).start, end: quarterInterval(y, q2).end });
  return { length: m[0].length, year, cue: 'kwartaal', needsPlan: false, datesIn: byEndOf(cue, span) };
};

const QUARTER_OF_ORDINAL: Readonly<Record<string, number>> = {
  eerste: 1, tweede: 2, derde: 3, vierde: 4, laatste: 4,
  '1e': 1, '2e': 2, '3e': 3, '4e': 4, '1ste': 1, '2de': 2, '3de': 3, '4de': 4,
};

const readHalfYear: CoreReader = (text, at, cue) => {
  const half = readHalfMonth(text, at, cue);
  if (half) return half;
  if (cue !== 'none' && cue !== 'in' && cue !== 'uiterlijk') return undefined;
  let m = exec(HALF_YEAR, text, at);
  let year: YearReference | undefined;
  if (m) year = yearReference(m[2]!);
  else if (cue !== 'none') {
    m = exec(HALF_YEAR_BARE, text, at);
    if (m) year = { kind: 'relative', offset: 0 };
  }
  if (!m || !year) return undefined;
  const first = /^(eerste|1e)$/i.test(m[1]!);
  const span = (y: number): PhraseDates =>
    first ? { start: isoDate(y, 1, 1), end: isoDate(y, 6, 30) } : { start: isoDate(y, 7, 1), end: isoDate(y, 12, 31) };
  return { length: m[0].length, year, cue: 'helft', needsPlan: false, datesIn: byEndOf(cue, span) };
};

/**
 * "in de eerste helft van juni", "in de tweede helft van oktober 2013": the 1st to the 15th, the 16th
 * to the month's last day. Without a cue only with a written year; "vóór de tweede helft van oktober":
 * the day before it starts.
 */
const readHalfMonth: CoreReader = (text, at, cue) => {
  if (cue !== 'none' && cue !== 'in' && cue !== 'uiterlijk' && !isBefore(cue)) return undefined;
  const m = exec(HALF_MONTH, text, at);
  if (!m || (cue === 'none' && !(m[3] && /^\d/.test(m[3])))) return undefined;
  const first = /^(eerste|1e)$/i.test(m[1]!);
  const month = monthNumber(m[2]!)!;
  const span = (y: number): PhraseDates =>
    first ? { start: isoDate(y, month, 1), end: isoDate(y, month, 15) } : { start: isoDate(y, month, 16), end: lastDayOfMonth(y, month) };
  const datesIn: Core['datesIn'] = isBefore(cue) ? (y) => ({ end: addDays(span(y).start!, -1) }) : byEndOf(cue, span);
  const year: YearReference = m[3] ? yearReference(m[3]) : { kind: 'nextMonth', month };
  // "in de eerste helft van juni" names a past event's time as often as a plan, as "in juni" does.
  return { length: m[0].length, year, cue: 'helft', needsPlan: cue === 'in' || cue === 'none', datesIn };
};

const readSeason: CoreReader = (text, at, cue) => {
  if (cue === 'per' || cue === 'op' || cue === 'later' || cue === 'bij' || cue === 'binnen') return undefined;
  const m = exec(SEASON, text, at);
  if (!m) return undefined;
  const determiner = m[1]?.toLowerCase();
  const season = m[2]!.toLowerCase();
  let year: YearReference | undefined;
  if (determiner === 'dit' || determiner === 'deze') year = { kind: 'relative', offset: 0 };
  else if (determiner === 'komend' || determiner === 'komende' || determiner === 'aanstaande') {
    year = { kind: 'relative', offset: 0, upcoming: true };
  } else if (determiner === 'volgend' || determiner === 'volgende') year = { kind: 'relative', offset: 1 };
  else if (m[3]) year = yearReference(m[3]);
  // "het voorjaar" alone is a time only after a cue: "in het voorjaar", "rond de zomer".
  else if (cue !== 'none') year = { kind: 'relative', offset: 0 };
  if (!year) return undefined;
  const summer = season === 'zomer';
  let datesIn: Core['datesIn'];
  if (isBefore(cue)) {
    if (!summer) return undefined;
    datesIn = (y) => ({ end: isoDate(y, 6, 30) });
  } else if (cue === 'na') {
    if (!summer) return undefined;
    datesIn = (y) => ({ start: isoDate(y, 9, 1), end: isoDate(y, 12, 31) });
  } else {
    const span = (y: number): PhraseDates =>
      summer
        ? { start: isoDate(y, 6, 21), end: isoDate(y, 9, 22) }
        : season === 'voorjaar' || season === 'lente'
          ? { start: isoDate(y, 3, 20), end: isoDate(y, 6, 20) }
          : { start: isoDate(y, 9, 22), end: isoDate(y, 12, 20) };
    datesIn = byEndOf(cue, span);
  }
  // "in de zomer" with no year is as often a season in general ("minder neerslag in de zomer", "de
  // waterafvoer in de zomer") as a time to act: only a plan in its clause makes it one.
  const generic = cue === 'in' && !determinerYear(determiner) && !m[3];
  return { length: m[0].length, year, cue: m[1] ? m[1] : m[2]!, needsPlan: generic, datesIn };
};

/** True for a determiner that names the season's year itself ("dit", "komend", "volgende"). */
function determinerYear(determiner: string | undefined): boolean {
  return determiner !== undefined && determiner !== 'het' && determiner !== 'de';
}

const readRecess: CoreReader = (text, at, cue) => {
  if (!isBefore(cue) && cue !== 'uiterlijk' && cue !== 'na') return undefined;
  const m = exec(RECESS, text, at);
  if (!m) return undefined;
  const what = m[2]!.toLowerCase();
  const year: YearReference = m[3] ? written(Number(m[3].slice(0, 4))) : { kind: 'relative', offset: 0 };
  const summer = what.startsWith('zomer');
  let datesIn: Core['datesIn'];
  if (m[1]) {
    // "uiterlijk voor het einde van het zomerreces": the recess ends as September starts (the day
    // before the table's "na het zomerreces"), so its end is Y-08-31. Only the summer recess.
    if (!summer || cue === 'na') return undefined;
    datesIn = (y) => ({ end: isoDate(y, 8, 31) });
  } else if (cue === 'na') {
    if (!summer) return undefined;
    datesIn = (y) => ({ start: isoDate(y, 9, 1), end: isoDate(y, 12, 31) });
  } else if (summer) datesIn = (y) => ({ end: isoDate(y, 6, 30) });
  else if (what === 'jaarwisseling') datesIn = (y) => ({ end: isoDate(y, 12, 31) });
  else datesIn = (y) => ({ end: isoDate(y, 12, 20) });
  return { length: m[0].length, year, cue: what, needsPlan: false, datesIn };
};

type YearPart = 'eind' | 'begin' | 'medio';

function yearPartOf(word: string): YearPart {
  const w = word.toLowerCase();
  if (w === 'eind' || w === 'einde' || w === 'ultimo') return 'eind';
  if (w === 'begin') return 'begin';
  return 'medio';
}

const readPartOfYear: CoreReader = (text, at, cue) => {
  if (cue === 'per' || cue === 'op' || cue === 'na' || cue === 'later' || cue === 'bij' || cue === 'binnen') return undefined;
  const m = exec(PART_OF_YEAR, text, at);
  if (!m) return undefined;
  // "half" is "mid-" only before a written year ("half 2023"); "half het jaar" is no time.
  if (/^half$/i.test(m[1]!) && !/^\d/.test(m[2]!)) return undefined;
  const part = yearPartOf(m[1]!);
  const span = (y: number): PhraseDates =>
    part === 'eind'
      ? { start: isoDate(y, 10, 1), end: isoDate(y, 12, 31) }
      : part === 'begin'
        ? { start: isoDate(y, 1, 1), end: isoDate(y, 3, 31) }
        : { start: isoDate(y, 5, 1), end: isoDate(y, 8, 31) };
  let datesIn: Core['datesIn'];
  if (isBefore(cue) && part !== 'eind') {
    // "voor begin 2026": before 2026 starts; "voor medio 2026": by mid-year.
    datesIn = (y) => ({ end: part === 'begin' ? isoDate(y - 1, 12, 31) : isoDate(y, 6, 30) });
  } else if (isBefore(cue) && !plannedFor(text, at)) {
    // "voor het einde van het jaar", "vóór eind 2025", "voor eind dit jaar": by the last day; like
    // "voor D" and "uiterlijk D" the phrase names only an end.
    datesIn = (y) => ({ end: span(y).end });
  } else {
    // "gepland staat voor eind dit jaar": "voor" is "for", the period itself is meant.
    datesIn = byEndOf(cue, span);
  }
  return { length: m[0].length, year: yearReference(m[2]!), cue: m[1]!, needsPlan: false, datesIn };
};

const readPartOfMonth: CoreReader = (text, at, cue) => {
  if (cue === 'per' || cue === 'op' || cue === 'na' || cue === 'later' || cue === 'bij' || cue === 'binnen') return undefined;
  const m = exec(PART_OF_MONTH, text, at);
  if (!m) return undefined;
  const part = yearPartOf(m[1]!);
  const month = monthNumber(m[2]!)!;
  // Thirds of the month: begin 1-10, medio 11-20, eind 21 to the last day.
  const span = (y: number): PhraseDates =>
    part === 'begin'
      ? { start: isoDate(y, month, 1), end: isoDate(y, month, 10) }
      : part === 'medio'
        ? { start: isoDate(y, month, 11), end: isoDate(y, month, 20) }
        : { start: isoDate(y, month, 21), end: lastDayOfMonth(y, month) };
  let datesIn: Core['datesIn'];
  if (isBefore(cue)) {
    datesIn = (y) => ({ end: part === 'eind' ? lastDayOfMonth(y, month) : addDays(span(y).start!, -1) });
  } else datesIn = byEndOf(cue, span);
  // "begin december", "eind januari": the next such month (deadline.ts), as a day without a year.
  const year: YearReference = m[3] ? yearReference(m[3]) : { kind: 'nextMonth', month };
  return { length: m[0].length, year, cue: m[1]!, needsPlan: false, datesIn };
};

const readMonth: CoreReader = (text, at, cue) => {
  if (cue !== 'in' && cue !== 'uiterlijk' && cue !== 'none' && !isBefore(cue)) return undefined;
  const m = exec(MONTH, text, at);
  if (!m) return undefined;
  // Without a cue only a month with a written year counts ("Deze maatlat is december 2022 voorzien"),
  // never the month of a written date ("2 december 2022") or a label ("de brief van december 2022").
  if (cue === 'none' && (!m[2] || !/^\d/.test(m[2]) || followsDayNumber(text, at) || followsPreposition(text, at))) return undefined;
  const month = monthNumber(m[1]!)!;
  // "in januari" in a letter of December is next January (deadline.ts reads the month as it reads a day without a year).
  const year: YearReference = m[2] ? yearReference(m[2]) : { kind: 'nextMonth', month };
  let datesIn: Core['datesIn'];
  if (cue === 'vóór' || cue === 'tegen') datesIn = (y) => ({ end: addDays(isoDate(y, month, 1), -1) });
  else datesIn = byEndOf(cue, (y) => monthInterval(y, month));
  // "in juni 2021" names the month of a past event as often as a plan; "uiterlijk in juni" is a
  // deadline, and so is a month of next year ("in maart volgend jaar"), which cannot have passed.
  const comingYear = year.kind === 'relative' && year.offset > 0;
  return { length: m[0].length, year, cue: m[1]!, needsPlan: cue !== 'uiterlijk' && !comingYear, needsFirmPlan: cue === 'none', datesIn };
};

/**
 * "die gepland staat voor eind dit jaar", "voorzien voor eind 2025": after a word of planning a plain
 * "voor" means "for" (the period planned), not "before".
 */
const PLANNED_FOR = lazily(() => /(?:^|[^\p{L}])(?:(?:in)?gepland|voorzien|geagendeerd)(?: (?:staat|stond|is|was|zijn|waren|wordt|worden))? voor $/iu);

function plannedFor(text: string, coreAt: number): boolean {
  return PLANNED_FOR().test(text.slice(Math.max(0, coreAt - 40), coreAt));
}

/** "2 december 2022": the month of a written date. */
function followsDayNumber(text: string, at: number): boolean {
  return at >= 2 && text.charCodeAt(at - 1) === 32 && isDigitCode(text.charCodeAt(at - 2));
}


const readDate: CoreReader = (text, at, cue) => {
  if (cue !== 'uiterlijk' && !isBefore(cue) && cue !== 'per' && cue !== 'op') return undefined;
  let m = exec(DAY_MONTH, text, at);
  let first: number, last: number, month: number, yearText: string | undefined, coming = false;
  let relativeYear: string | undefined;
  if (m) {
    first = Number(m[1]);
    last = m[2] ? Number(m[2]) : first;
    month = monthNumber(m[3]!)!;
    yearText = m[4]?.slice(0, 4);
    relativeYear = m[5];
    coming = m[6] !== undefined;
  } else {
    m = exec(NUMERIC_DATE, text, at);
    if (!m) return undefined;
    first = last = Number(m[1]);
    month = Number(m[2]);
    yearText = m[3];
  }
  const days = month >= 1 && month <= 12 ? daysInMonth(yearText ? Number(yearText) : 2000, month) : 0;
  if (first < 1 || last < first || last > days) return undefined;
  // "het voor woensdag 16 april 2008 geagendeerde wetsvoorstel": "voor" is "for", and the date is the
  // label of what was scheduled, no time by which to act.
  if (cue === 'voor' && SCHEDULED_AFTER().test(text.slice(at + m[0].length, at + m[0].length + 24))) return undefined;
  const year: YearReference = yearText
    ? written(Number(yearText))
    : relativeYear
      ? yearReference(relativeYear)
      : { kind: 'nextMonthDay', month, day: first, ...(coming ? { coming } : {}) };
  let datesIn: Core['datesIn'];
  if (cue === 'voor' || cue === 'vóór') datesIn = (y) => ({ end: addDays(isoDate(y, month, first), -1) });
  else if (cue === 'uiterlijk' || cue === 'tegen') datesIn = (y) => ({ end: isoDate(y, month, last) });
  else datesIn = (y) => ({ start: isoDate(y, month, first), end: isoDate(y, month, last) });
  // "op 17 juni 2020" is mostly the day something happened; only a plan (or "a.s.") makes it a deadline.
  return { length: m[0].length, year, cue: m[0], needsPlan: cue === 'op' && !coming, datesIn };
};

/** An attributive participle of scheduling after a date: "het voor 16 april geagendeerde wetsvoorstel". */
const SCHEDULED_AFTER = lazily(() => /^ (?:geagendeerde|geplande|ingeplande|voorziene|aangekondigde|vastgestelde|beoogde)(?![\p{L}])/iu);

const readWholeYear: CoreReader = (text, at, cue) => {
  let m: RegExpExecArray | undefined;
  switch (cue) {
    case 'later': {
      m = exec(LATER_THIS_YEAR, text, at);
      if (!m) return undefined;
      // From the letter's own date to the end of the year.
      const year = m[2] ? written(Number(m[2])) : ({ kind: 'relative', offset: 0 } as const);
      const datesIn = (y: number, documentDate: string | undefined): PhraseDates => ({
        start: documentDate && documentDate.startsWith(String(y)) ? documentDate : isoDate(y, 1, 1),
        end: isoDate(y, 12, 31),
      });
      return { length: m[0].length, year, cue: 'later', needsPlan: false, datesIn };
    }
    case 'rond': {
      const span = exec(YEAR_SPAN, text, at);
      if (span && !isFollowedByUnit(text, at + span[0].length)) {
        const first = Number(span[1]);
        const last = span[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(span[2]) : Number(span[2]);
        if (last <= first || last - first > MOST_YEARS_IN_SPAN) return undefined;
        const datesIn = (y: number): PhraseDates => ({ start: isoDate(y, 1, 1), end: isoDate(y + last - first, 12, 31) });
        return { length: span[0].length, year: written(first), cue: 'rond', needsPlan: false, datesIn };
      }
      m = exec(WHOLE_YEAR, text, at);
      if (!m || !/^\d/.test(m[1]!) || isFollowedByUnit(text, at + m[0].length)) return undefined;
      return { length: m[0].length, year: yearReference(m[1]!), cue: 'rond', needsPlan: false, datesIn: yearInterval };
    }
    case 'uiterlijk':
      m = exec(WHOLE_YEAR, text, at);
      if (!m) return undefined;
      return { length: m[0].length, year: yearReference(m[1]!), cue: 'uiterlijk', needsPlan: false, datesIn: (y) => ({ end: isoDate(y, 12, 31) }) };
    case 'in':
      m = exec(IN_THE_COURSE_OF, text, at);
      if (!m) return undefined;
      return { length: m[0].length, year: yearReference(m[1]!), cue: 'in de loop van', needsPlan: true, datesIn: yearInterval };
    case 'none': {
      m = exec(THIS_OR_NEXT_YEAR, text, at);
      if (!m || followsPreposition(text, at)) return undefined;
      // "nog dit jaar" always looks ahead; a bare "dit jaar" as often looks back.
      const ahead = /(?:^|[^\p{L}])nog $/iu.test(text.slice(Math.max(0, at - 5), at));
      return { length: m[0].length, year: yearReference(m[0]), cue: m[0], needsPlan: !ahead, datesIn: yearInterval };
    }
    default:
      return undefined;
  }
};

// ---------------------------------------------------------------------------------------------
// Events: days of the budget cycle and meetings. Their day is known from the calendar ("Prinsjesdag")
// or from the text ("het commissiedebat van 1 juli aanstaande"); where neither knows it ("de volgende
// Europese Raad") the phrase is a deadline without start and end.

/**
 * The days of the budget cycle the guideline's table does not list, and how their day is known:
 * - Prinsjesdag: the third Tuesday of September (Grondwet art. 65);
 * - Verantwoordingsdag: the third Wednesday of May;
 * - Voorjaarsnota and Najaarsnota: no fixed day; the Comptabiliteitswet has them sent before 1 June
 *   and before 1 December, so they are due by May 31 and November 30.
 * The year is the one written ("Prinsjesdag 2025", "de Voorjaarsnota van 2024"), else the document's.
 */
const BUDGET_EVENT = new RegExp(`(?:de |het )?(prinsjesdag|verantwoordingsdag|voorjaarsnota|najaarsnota)(?:(?: van)? (${YEAR_REF}))?`, 'iy');

const readBudgetEvent: CoreReader = (text, at, cue) => {
  const m = exec(BUDGET_EVENT, text, at);
  if (!m) return undefined;
  const what = m[1]!.toLowerCase();
  const year: YearReference = m[2] ? yearReference(m[2]) : { kind: 'relative', offset: 0 };
  let datesIn: Core['datesIn'];
  if (what === 'voorjaarsnota' || what === 'najaarsnota') {
    // "bij de Voorjaarsnota", "voor de Najaarsnota", "uiterlijk bij …": by the day the nota is due.
    if (!isBefore(cue) && cue !== 'uiterlijk' && cue !== 'bij') return undefined;
    const [month, day] = what === 'voorjaarsnota' ? [5, 31] : [11, 30];
    datesIn = (y) => ({ end: isoDate(y, month, day) });
  } else {
    const dayOf = (y: number): string => (what === 'prinsjesdag' ? nthWeekdayOfMonth(y, 9, 2, 3) : nthWeekdayOfMonth(y, 5, 3, 3));
    // The guideline's rows for a date: "voor D" the day before, "uiterlijk D" D, "op D" D to D.
    if (isBefore(cue)) datesIn = (y) => ({ end: addDays(dayOf(y), -1) });
    else if (cue === 'uiterlijk') datesIn = (y) => ({ end: dayOf(y) });
    else if (cue === 'op' || cue === 'bij' || cue === 'per') datesIn = (y) => ({ start: dayOf(y), end: dayOf(y) });
    else return undefined;
  }
  return { length: m[0].length, year, cue: m[1]!, needsPlan: false, needsClausePlan: true, datesIn };
};

/**
 * Meetings a letter promises something before: "voor het commissiedebat van 1 juli aanstaande", "vóór
 * het algemeen overleg Kiesrecht op 19 juni 2019", "voor de Raad Buitenlandse Zaken van 20 mei 2025",
 * "voor de volgende Europese Raad". The longer names first.
 */
const MEETING = new RegExp(
  '(?:het |de )?(?:(volgende|komende|eerstvolgende|aanstaande) )?(europese raad|eurogroep|ecofinraad|navo-top|eu-top|raad|top|' +
    'commissiedebat|tweeminutendebat|plenair debat|debat|begrotingsdebat|plenaire behandeling|begrotingsbehandeling|' +
    'algemeen overleg|notaoverleg|wetgevingsoverleg|mondeling overleg|schriftelijk overleg|' +
    'procedurevergadering|commissievergadering|vergadering|stemmingen)(?![0-9A-Za-z\u00C0-\u024F-])',
  'iy',
);
/** A word of a meeting's name between it and its date ("Kiesrecht", "Buitenlandse Zaken", "(RBZ)", "over"). */
const MEETING_NAME_WORD = / (?:[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*|\([A-Z]{2,8}\))/y;
/** Before the meeting's date. */
const MEETING_DATE_LEAD = / (?:van|op) /y;
/** At most this many name words between a meeting and its date. */
const MOST_MEETING_NAME_WORDS = 4;
/**
 * "de agenda voor de Raad", "inbreng voor het schriftelijk overleg", "geagendeerd kan worden voor het
 * algemeen overleg": "voor" is "for" here, and the meeting is what a thing is meant for, not a time.
 */
const MEANT_FOR = lazily(() => /(?:^|[^\p{L}])(?:agenda|inbreng|input|inzet|positie|standpunt|instructie|bijdrage|stukken|voorbereiding|(?:in)?gepland|geagendeerd|agenderen|voorzien)(?: (?:kan|kunnen|zal|zullen|wordt|worden|is|zijn|staat|stond|was|waren)){0,2} (?:(?:ruim|ruimschoots|tijdig|kort|vlak) )?v[oó]{2}r $/iu);

const readMeeting: CoreReader = (text, at, cue) => {
  if (!isBefore(cue)) return undefined;
  const m = exec(MEETING, text, at);
  if (!m) return undefined;
  if (MEANT_FOR().test(text.slice(Math.max(0, at - 60), at))) return undefined;
  let pos = at + m[0].length;
  for (let words = 0; words <= MOST_MEETING_NAME_WORDS; words++) {
    const lead = exec(MEETING_DATE_LEAD, text, pos);
    const date = lead ? readDate(text, pos + lead[0].length, cue) : undefined;
    if (date && endsWord(text, pos + lead![0].length + date.length)) {
      return { length: pos + lead![0].length + date.length - at, year: date.year, cue: m[2]!, needsPlan: false, needsClausePlan: true, datesIn: date.datesIn };
    }
    const name = exec(MEETING_NAME_WORD, text, pos);
    if (!name) break;
    pos += name[0].length;
  }
  // "voor de volgende Europese Raad": a meeting to come whose day the text does not give.
  if (!m[1]) return undefined;
  return { length: m[0].length, year: { kind: 'unknown' }, cue: m[2]!, needsPlan: false, needsClausePlan: true, datesIn: () => ({ end: '' }) };
};

// ---------------------------------------------------------------------------------------------
// A period counted from the document's date: "binnen zes weken", "binnen drie maanden (na …)".

const COUNT_WORDS: Readonly<Record<string, number>> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12,
  dertien: 13, veertien: 14, vijftien: 15, zestien: 16, achttien: 18, twintig: 20, dertig: 30, veertig: 40, zestig: 60, negentig: 90,
};
const WITHIN = new RegExp(
  `(${Object.keys(COUNT_WORDS).join('|')}|[1-9][0-9]{0,2}|een half|anderhalf|anderhalve) (werkdagen|dagen|dag|weken|week|maanden|maand|jaar|kwartaal)`,
  'iy',
);

/**
 * "binnen zes weken", "binnen drie maanden na ontvangst", "binnen een half jaar": the end is the
 * document's date plus the period (end only, like "uiterlijk D"). Payment and legal terms ("rekeningen
 * betalen binnen 30 dagen") say how long something may take, not when: only a plan in the clause makes
 * the period a deadline (deadline.ts).
 */
const readWithin: CoreReader = (text, at, cue) => {
  if (cue !== 'binnen') return undefined;
  const m = exec(WITHIN, text, at);
  if (!m) return undefined;
  const count = m[1]!.toLowerCase();
  const unit = m[2]!.toLowerCase();
  let months = 0;
  let days = 0;
  let workingDays = 0;
  if (count === 'een half') {
    if (unit !== 'jaar') return undefined;
    months = 6;
  } else if (count === 'anderhalf' || count === 'anderhalve') {
    if (unit === 'jaar') months = 18;
    else if (unit === 'maand') days = 45;
    else if (unit === 'week') days = 10;
    else return undefined;
  } else {
    const n = COUNT_WORDS[count] ?? Number(count);
    if (unit === 'werkdagen') workingDays = n;
    else if (unit.startsWith('dag')) days = n;
    else if (unit.startsWith('we')) days = 7 * n;
    else if (unit.startsWith('maand')) months = n;
    else if (unit === 'kwartaal') months = 3 * n;
    else months = 12 * n;
  }
  const datesIn = (_y: number, documentDate: string | undefined): PhraseDates => {
    if (!documentDate) return { end: '' };
    if (workingDays) return { end: addWorkingDays(documentDate, workingDays) };
    return { end: months ? addMonths(documentDate, months) : addDays(documentDate, days) };
  };
  return { length: m[0].length, year: { kind: 'fromDocumentDate' }, cue: 'binnen', needsPlan: true, datesIn };
};

/**
 * In this order: the longest and most specific readings first. Each with the characters its patterns
 * can start with (lower case; the patterns that ignore case start with letters), so that a reading is
 * tried only where it can match.
 */
const CORE_READERS: readonly (readonly [CoreReader, string])[] = [
  [readYearQuarter, '12'],
  [readQQuarter, 'q'],
  [readWordQuarter, 'hetdvl1234'],
  [readHalfYear, 'det12'],
  [readPartOfMonth, 'heubm'],
  [readPartOfYear, 'heubm'],
  [readRecess, 'hdzkj'],
  [readSeason, 'hdkavnzl'],
  [readDate, 'mdwvz0123456789'],
  [readMonth, 'jfmasond'],
  [readBudgetEvent, 'hdpvn'],
  [readMeeting, 'hdvkeartcpbnmsw'],
  [readWithin, '123456789etdvzanz'],
  [readWholeYear, '12dvki'],
];

/** The periods that can follow "deadline": dates, months, quarters, parts of a year; never a bare year (a label). */
const DEADLINE_READERS: ReadonlySet<CoreReader> = new Set([
  readDate, readYearQuarter, readQQuarter, readWordQuarter, readHalfYear, readPartOfMonth, readPartOfYear, readSeason, readMonth,
]);

/** For each ASCII character (lower case), the readers that can start there, in CORE_READERS order. */
const READERS_BY_FIRST: readonly (readonly CoreReader[])[] = Array.from({ length: 128 }, (_, c) =>
  CORE_READERS.filter(([, firsts]) => firsts.includes(String.fromCharCode(c).toLowerCase())).map(([read]) => read),
);
const NO_READERS: readonly CoreReader[] = [];

function readersAt(text: string, at: number): readonly CoreReader[] {
  const c = text.charCodeAt(at);
  return c < 128 ? READERS_BY_FIRST[c]! : NO_READERS;
}

/** READERS_BY_FIRST for the periods after "deadline". */
const DEADLINE_READERS_BY_FIRST: readonly (readonly CoreReader[])[] = READERS_BY_FIRST.map((readers) => readers.filter((r) => DEADLINE_READERS.has(r)));

function deadlineReadersAt(text: string, at: number): readonly CoreReader[] {
  const c = text.charCodeAt(at);
  return c < 128 ? DEADLINE_READERS_BY_FIRST[c]! : NO_READERS;
}

// ---------------------------------------------------------------------------------------------

function exec(re: RegExp, text: string, at: number): RegExpExecArray | undefined {
  re.lastIndex = at;
  return re.exec(text) ?? undefined;
}

function written(year: number): YearReference {
  return { kind: 'written', year };
}

function yearReference(text: string): YearReference {
  const t = text.toLowerCase();
  if (/^\d/.test(t)) return written(Number(t.slice(0, 4)));
  if (t.startsWith('volgend') || t.startsWith('komend')) return { kind: 'relative', offset: 1 };
  if (t.startsWith('vorig')) return { kind: 'relative', offset: -1 };
  return { kind: 'relative', offset: 0 };
}

/** True when the phrase ends at a word end (not inside "zomerreces", "2022Q4x", "eind 2022a"). */
function endsWord(text: string, at: number): boolean {
  return at >= text.length || !isLatinWordCode(text.charCodeAt(at));
}


/** "rond 2000 banen": a count, not a year. */
const UNIT_AFTER = lazily(() => /^ (?:euro|mln|mld|miljoen|miljard|procent|%|mensen|personen|banen|bedrijven|werknemers|medewerkers|woningen|ton|km|kilometer|keer|uur|studenten|deelnemers)(?![\p{L}])/iu);

function isFollowedByUnit(text: string, at: number): boolean {
  return UNIT_AFTER().test(text.slice(at, at + 16));
}

/** "de begroting voor dit jaar", "de cijfers van dit jaar": a year as a label, not a time to act. */
const LABEL_PREPOSITION = lazily(() => /(?:^|[^\p{L}])(?:voor|van|tot|vanaf|sinds|over|per|na|uit|dan|met|t\/m|heel|hele|gehele|afgelopen|het|in)\s?$/iu);

function followsPreposition(text: string, at: number): boolean {
  return LABEL_PREPOSITION().test(text.slice(Math.max(0, at - 12), at));
}
