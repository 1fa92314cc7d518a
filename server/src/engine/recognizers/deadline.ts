import type { FlatText } from '../flatText';
import { Sentences } from '../sentences';
import type { DeadlineReference } from '../model';
import { daysBetween, isoDate, MONTH_PATTERN, nextMonthDayFrom, previousMonthDayFrom } from '../calendar';
import { isSpanOrStatusDate, TenseMarks, type PhraseContext } from './deadlineContext';
import { MONTH_ABBREVIATIONS, readDeadlinePhrase, type DeadlinePhrase, type PhraseDates } from './deadlinePhrase';
import { isLatinWordCode } from '../chars';
import { wordTriePattern } from '../patterns';
import { lazily } from '../lazily';

/**
 * Finds deadlines and resolves them against the document's date (ISO, or undefined when unknown).
 *
 * A deadline is a time phrase (deadlinePhrase.ts) that its sentence presents as the moment by or in
 * which something is to happen. What keeps out the times of past events and labels
 * (deadlineContext.ts reads the tense of the sentence):
 * - phrases whose words name a past event's time as often as a plan ("in juni 2021", "dit jaar",
 *   "op 1 mei") count where their clause plans something and does not tell of the past, or where
 *   they name a written date still to come at the document's date; once over, only a plan in their
 *   own (subordinate) clause keeps them;
 * - any other phrase counts unless its clause tells of the past and plans nothing ("Voor de zomer
 *   heeft uw Kamer ... ontvangen"); once over at the document's date, only as the content of a
 *   promise or plan in its sentence ("voor het zomerreces toegezegd", "toezegging om het derde
 *   kwartaal van 2025 een brief te sturen"): a promised period stays a deadline after it has
 *   passed, a past event does not;
 * - a period over at the document's date whose clause tells a finished event in the perfect with
 *   "zijn" or the simple past ("die in het tweede kwartaal van 2021 zijn gedaan", "vond plaats",
 *   "presenteerde") and plans nothing there is a past event, even in a sentence that reports a
 *   promise ("Zoals toegezegd … op 16 juni 2022 is het ministerie in gesprek gegaan");
 * - the start of a span or the date of a state of affairs ("vanaf begin 2023", "stand per 30 juni")
 *   never counts, and bare years ("voor 2030", "tot 2040", "in 2019") are not phrases at all;
 * - a period that labels a figure's change ("De overheidsschuld daalt volgend jaar met € 6 miljard")
 *   is no time to act, and nothing on an open-data page's activity and decision lines ("- 2026-03-05
 *   14:30 ā Agenderen voor het commissiedebat op donderdag 12 maart 2026") is a deadline.
 * - a phrase in a clause told in the past still counts as reported speech: the plan in its own
 *   subordinate clause ("Ik heb U meegedeeld dat ik de informatie in september 2013 zou doen
 *   toekomen"), or a promise reported before it and the promised act after it ("De minister heeft
 *   toegezegd de Kamer in mei 2016 te informeren"); a noun of promising alone ("naar aanleiding van
 *   toezegging tijdens het algemeen overleg op 27 maart") does not time the promise;
 * - a phrase with the word "deadline" ("met als nieuwe deadline 1 januari 2023") counts whatever its
 *   sentence says; an event ("voor Prinsjesdag", "voor het commissiedebat van 1 juli") only where its
 *   clause plans something ("de agenda voor de Raad van 20 mei" is what the agenda is for); a period
 *   counted from the document's date ("binnen zes weken") only where its clause plans and names no
 *   payment or appeal term ("rekeningen betalen binnen 30 dagen").
 *
 * Relative years ("dit jaar", "voor de zomer", "volgend jaar") take the document's year; a day or a
 * month without a year ("op 12 maart", "in januari", "eind januari") the next one from the document's
 * date on, unless its sentence tells of the past (yearlessReading). When the document's date is
 * unknown the reference is still returned, without start and end.
 */
export function recognizeDeadlines(flat: FlatText, documentDate: string | undefined, sentences: Sentences = Sentences.ofFlat(flat)): DeadlineReference[] {
  const text = flat.text;
  const found: DeadlineReference[] = [];
  let done = 0;
  let marks: TenseMarks | undefined;
  let hasActivityLines = false;
  // Every phrase holds a time word ("kwartaal", "zomer", "eind", a month, a year, "Q4"), and those are
  // few beside the cue words ("in", "voor", "het"); so the scan finds time words and reads each phrase
  // from the farthest word start before it where a cue can stand, the longest reading first.
  TIME_WORD.lastIndex = 0;
  for (let m = TIME_WORD.exec(text); m; m = TIME_WORD.exec(text)) {
    const key = m.index;
    if (key < done) continue;
    const phrase = phraseAround(text, key, done);
    if (!phrase) continue;
    if (!marks) {
      marks = new TenseMarks(text, sentences);
      hasActivityLines = ANY_ACTIVITY_LINE.test(flat.source);
    }
    const reference = deadlineOf(flat, marks, hasActivityLines, phrase, documentDate);
    if (reference) found.push(reference);
    done = phrase.end;
    if (TIME_WORD.lastIndex < done) TIME_WORD.lastIndex = done;
  }
  return found;
}

/**
 * The time words every phrase contains at least one of. Years may run into a quarter ("2022Q4").
 * Besides periods: the word "deadline", the days of the budget cycle and meetings ("voor
 * Prinsjesdag", "voor het commissiedebat van 1 juli"), and the units of a period counted from the
 * document's date ("binnen zes weken").
 */
const TIME_WORD = new RegExp(
  // \b (ASCII word edges) rather than Unicode lookarounds: the time words are ASCII, and it lets the
  // engine skip ahead quickly; the phrase reader checks the edges again with the full alphabet. The
  // words as a trie with each letter in either case: what the i flag would match, found quicker.
  `\\b(?:(?:19|20)\\d{2}(?![0-9])|[Qq][1-4](?![0-9])|${wordTriePattern(
    [
      'kwartaal|helft|jaarhelft|voorjaar|najaar|zomer|lente|herfst|zomerreces|zomervakantie|kerstreces|kerstvakantie|kerstmis|kerst|jaarwisseling|eind|einde|ultimo|begin|medio|half|halverwege|jaar|kalenderjaar',
      MONTH_PATTERN,
      MONTH_ABBREVIATIONS.replace('febr?', 'feb|febr').replace('sept?', 'sep|sept'),
      'deadline|deadlines|prinsjesdag|verantwoordingsdag|voorjaarsnota|najaarsnota|raad|eurogroep|ecofinraad|top|debat|commissiedebat|tweeminutendebat',
      'begrotingsdebat|behandeling|begrotingsbehandeling|overleg|notaoverleg|wetgevingsoverleg|vergadering|procedurevergadering|commissievergadering',
      'stemmingen|dag|dagen|werkdagen|week|weken|maand|maanden',
    ]
      .join('|')
      .split('|'),
  )}\\b)`,
  'g',
);

/** A cue stands at most this many words before the time word: "met ingang van maandag 1 juli". */
const MOST_WORDS_BEFORE = 6;

/** The longest phrase that covers the time word at `key` and starts at or after `from`. */
function phraseAround(text: string, key: number, from: number): DeadlinePhrase | undefined {
  const starts: number[] = [key];
  let at = key;
  for (let n = 0; n < MOST_WORDS_BEFORE; n++) {
    let k = at;
    while (k > from && !isLatinWordCode(text.charCodeAt(k - 1))) k--;
    while (k > from && isLatinWordCode(text.charCodeAt(k - 1))) k--;
    if (k >= at || (k > 0 && isLatinWordCode(text.charCodeAt(k - 1)))) break;
    // A word no phrase is made of ("kabinet", "zal") ends the search: no phrase from before it can
    // reach the time word.
    if (!isPhraseWord(text, k)) break;
    starts.push(k);
    at = k;
  }
  for (let n = starts.length - 1; n >= 0; n--) {
    const start = starts[n]!;
    if (!isPhraseAnchor(text, start)) continue;
    const phrase = readDeadlinePhrase(text, start);
    if (phrase && phrase.end > key) return phrase;
  }
  return undefined;
}

function deadlineOf(
  flat: FlatText,
  marks: TenseMarks,
  hasActivityLines: boolean,
  phrase: DeadlinePhrase,
  documentDate: string | undefined,
): DeadlineReference | undefined {
  if (isSpanOrStatusDate(flat.text, phrase.start)) return undefined;
  const tense = tenseAround(marks, phrase);
  const reading = yearlessReading(phrase, marks, tense);
  const { dates, relative } = resolve(phrase, documentDate, reading);
  if (!phrase.named) {
    // A phrase with the word "deadline" ("met als nieuwe deadline 1 januari 2023", "Met het verstrijken
    // van de deadline 1 mei") is one whether still to come, moved or passed; the others are judged by
    // their sentence.
    if (!isDeadlineInContext(flat.text, phrase, dates, documentDate, tense, marks, reading)) return undefined;
    if (phrase.needsClausePlan && !tense.clausePlans) return undefined;
    if (phrase.year.kind === 'fromDocumentDate' && isTerm(flat.text, tense.context)) return undefined;
    if (!phrase.due && isFigureForecast(flat.text, phrase, tense.context)) return undefined;
  }
  if (hasActivityLines && isOnActivityLine(flat, phrase.start)) return undefined;
  return {
    kind: 'deadline',
    span: flat.sourceSpan(phrase.start, phrase.end),
    text: flat.sourceText(phrase.start, phrase.end),
    ...(dates?.start ? { start: dates.start } : {}),
    ...(dates ? { end: dates.end } : {}),
    cue: phrase.cue,
    relative,
    future: phrase.due || (tense.sentencePlans && !tense.clauseTellsPast),
  };
}

interface TenseAround {
  readonly context: PhraseContext;
  readonly clausePlans: boolean;
  readonly clauseTellsPast: boolean;
  readonly sentencePlans: boolean;
}

/** What the clause and the sentence around a phrase say about time, the phrase itself left out. */
function tenseAround(marks: TenseMarks, phrase: DeadlinePhrase): TenseAround {
  const context = marks.contextOf(phrase.start, phrase.end);
  const clausePlans = marks.plansIn(context.clauseStart, context.clauseEnd, phrase.start, phrase.end);
  return {
    context,
    clausePlans,
    clauseTellsPast: marks.tellsPastIn(context.clauseStart, context.clauseEnd, phrase.start, phrase.end),
    sentencePlans: clausePlans || marks.plansIn(context.sentenceStart, context.sentenceEnd, phrase.start, phrase.end),
  };
}

/**
 * Which occurrence a day or month without a year names ("voor 1 maart", "in januari", "eind
 * januari"). The guideline's rule is the next one from the document's date on; but a sentence that
 * tells of the past (a past auxiliary, "jl.", or a finished event in its clause) speaks of a time
 * around or before the document's:
 * - "next": the sentence tells nothing of the past, or "a.s."/"aanstaande" says the day is to come;
 * - "previous" (the last one on or before the document's date): the sentence tells of the past and
 *   the phrase's own clause plans nothing ("De Kamer is medio september geïnformeerd", "Met het
 *   verstrijken van de deadline 1 mei, … die zich … gemeld hebben");
 * - "nearest" (whichever of the two lies closer; on a tie the next): the sentence tells of the past
 *   but the phrase's own clause reports a plan or promise ("Toen was de verwachting dat er voor 1
 *   maart een uitsluitsel zou komen", "Ik heb toegezegd u voor 1 september te informeren"), which may
 *   have fallen due before the document or may still be to come.
 */
type YearlessReading = 'next' | 'previous' | 'nearest';

function yearlessReading(phrase: DeadlinePhrase, marks: TenseMarks, tense: TenseAround): YearlessReading {
  const y = phrase.year;
  if (y.kind !== 'nextMonthDay' && y.kind !== 'nextMonth') return 'next';
  if (y.kind === 'nextMonthDay' && y.coming) return 'next';
  const { context } = tense;
  const toldOfPast =
    marks.tellsPastIn(context.sentenceStart, context.sentenceEnd, phrase.start, phrase.end) ||
    marks.tellsPerfectIn(context.clauseStart, context.clauseEnd, phrase.start, phrase.end);
  if (!toldOfPast) return 'next';
  const own = marks.subClauseOf(phrase.start, phrase.end, context);
  return marks.plansVerballyIn(own.start, own.end, phrase.start, phrase.end) ? 'nearest' : 'previous';
}

/** How far ahead a day without a year may lie and count as a day to come without a word of planning. */
const YEARLESS_AHEAD_DAYS = 183;
/** A meeting just before a date names when the meeting was: "toegezegd tijdens het debat op 12 mei". */
const MEETING_BEFORE = lazily(() => /(?:debat|overleg|vergadering|bijeenkomst|gesprek|commissiedebat|notaoverleg|wetgevingsoverleg)(?: [\p{L}-]+){0,3} $/iu);

function isDeadlineInContext(
  text: string,
  phrase: DeadlinePhrase,
  dates: PhraseDates | undefined,
  documentDate: string | undefined,
  tense: TenseAround,
  marks: TenseMarks,
  reading: YearlessReading,
): boolean {
  // "eind vorig jaar" is over whatever the document's date.
  const over =
    (phrase.year.kind === 'relative' && phrase.year.offset < 0) ||
    (dates !== undefined && documentDate !== undefined && dates.end < documentDate);
  if (phrase.needsPlan) {
    // Whether [from, to) plans something, the phrase left out; a month without cue needs a word of
    // planning proper ("voorzien", "verwacht"), not the present passive alone. A promise named as a
    // noun ("naar aanleiding van toezegging tijdens het algemeen overleg op 27 maart") does not time
    // the promise: only verbs and auxiliaries count here.
    const plannedIn = (from: number, to: number): boolean =>
      phrase.needsFirmPlan ? marks.plansFirmlyIn(from, to, phrase.start, phrase.end) : marks.plansVerballyIn(from, to, phrase.start, phrase.end);
    const own = marks.subClauseOf(phrase.start, phrase.end, tense.context);
    if (tense.clauseTellsPast) {
      // Reported speech: a main clause in the past, the plan in the phrase's own subordinate clause
      // ("Ik heb U meegedeeld dat ik de informatie in september 2013 zou doen toekomen"), where that
      // clause itself tells nothing of the past; or a promise reported before the phrase, with the
      // promised act after it ("De minister heeft toegezegd de Kamer in mei 2016 te informeren"), not
      // the day of a meeting ("toegezegd tijdens het debat op 12 mei").
      const reported =
        (own.start > tense.context.clauseStart &&
          plannedIn(own.start, own.end) &&
          !marks.tellsPastIn(own.start, own.end, phrase.start, phrase.end)) ||
        (marks.reportsPromiseIn(tense.context.clauseStart, phrase.start) &&
          plannedIn(phrase.end, tense.context.clauseEnd) &&
          !marks.tellsPastIn(phrase.end, tense.context.clauseEnd, phrase.start, phrase.end) &&
          !MEETING_BEFORE().test(text.slice(Math.max(0, phrase.start - 40), phrase.start)));
      if (!reported) return false;
    }
    // Over, and as often a past event's time as a plan: the plan must be in the phrase's own clause,
    // and that clause must not tell a finished event ("Zoals toegezegd … op 16 juni 2022 is het
    // ministerie in gesprek gegaan": the day the promise was made, not the day promised).
    if (over) return plannedIn(own.start, own.end) && !marks.tellsPerfectIn(own.start, own.end, phrase.start, phrase.end);
    // A written date still to come at the document's date is to come: "op 17 en 18 september 2024".
    // A day without a year read as the next one (its sentence tells nothing of the past) is to come
    // too, where it falls within half a year: "De Kamer stemt op dinsdag 15 oktober over de motie".
    // Further off, the sentence more likely means a day gone by that it does not mark as past ("Zoals
    // verzocht door de commissie op 29 september").
    const ahead =
      !phrase.uncued &&
      dates !== undefined &&
      documentDate !== undefined &&
      (dates.start ?? dates.end) > documentDate &&
      (phrase.year.kind === 'written' ||
        (phrase.year.kind === 'nextMonthDay' && reading === 'next' && daysBetween(documentDate, dates.start ?? dates.end) <= YEARLESS_AHEAD_DAYS));
    // In a subordinate clause the time may be a condition or a state ("projecten waar op 1-1-2025 nog
    // geen bestemmingsplan is vastgesteld", "moties waarvan de termijn op 1 juli 2025 is verstreken"):
    // the plan words of the main clause do not reach into it, and a date still to come counts only
    // where the clause tells no state ("het debat dat op 12 oktober 2022 plaatsvindt").
    if (own.start > tense.context.clauseStart) {
      return plannedIn(own.start, own.end) || (ahead && !tellsState(text, own.start, own.end, phrase));
    }
    return plannedIn(tense.context.clauseStart, tense.context.clauseEnd) || ahead;
  }
  if (tense.clauseTellsPast && !tense.clausePlans) return false;
  if (!over) return true;
  // A period already over counts only as the content of a promise or plan, and not where its own
  // clause tells a finished event and plans nothing ("de metingen die in het tweede kwartaal van 2021
  // zijn gedaan").
  if (!tense.sentencePlans) return false;
  const { clauseStart, clauseEnd } = tense.context;
  return tense.clausePlans || !marks.tellsPerfectIn(clauseStart, clauseEnd, phrase.start, phrase.end);
}

/**
 * The activity and decision lines of an open-data page header (tkconv): "- 2026-03-05 14:30 ā
 * Agenderen voor het commissiedebat op donderdag 12 maart 2026 … (Besluit)", "- 2025-11-18 16:45:
 * Procedurevergadering …". They record the Kamer's agenda, not what the document promises: nothing
 * on them is a deadline.
 */
const ACTIVITY_LINE = /^[ \t]*[-–•][ \t]+(?:19|20)\d{2}-\d{2}-\d{2}[ \t]+\d{1,2}:\d{2}/;
/** Whether a text has activity lines at all (asked once per text, when its first phrase is judged: most have none). */
const ANY_ACTIVITY_LINE = /(?:^|\n)[ \t]*[-–•][ \t]+(?:19|20)\d{2}-\d{2}-\d{2}[ \t]+\d{1,2}:\d{2}/;
/** How far back a line start is looked for; a phrase further into its line is on no activity line (they are short). */
const ACTIVITY_LINE_REACH = 300;

function isOnActivityLine(flat: FlatText, at: number): boolean {
  const source = flat.source;
  const offset = flat.sourceSpan(at, at + 1).offset;
  let start = offset;
  while (start > 0 && offset - start < ACTIVITY_LINE_REACH && source.charCodeAt(start - 1) !== 10) start--;
  if (start > 0 && source.charCodeAt(start - 1) !== 10) return false;
  return ACTIVITY_LINE.test(source.slice(start, Math.min(offset, start + 40)));
}

/**
 * A clause that tells how a figure changes in a period: "De overheidsschuld daalt volgend jaar met
 * € 6 miljard", "stijgt de koopkracht volgend jaar naar verwachting met 1,5%", "In het eerste
 * kwartaal van 2024 groeit de economie met 0,5%". The period is the figure's label (as "groeit in
 * 2019" is), not a time by which something is to be done. A verb of change (not after "te": "om de
 * uitgaven te laten dalen" is a plan) and a quantity (a percentage or a sum) in the same clause.
 */
const FIGURE_CHANGE =
  /(?:stijgt|stijgen|steeg|stegen|daalt|dalen|daalde|daalden|groeit|groeien|groeide|groeiden|krimpt|krimpen|kromp|neemt (?:toe|af)|nemen (?:toe|af)|nam (?:toe|af)|namen (?:toe|af)|loopt (?:op|terug)|lopen (?:op|terug)|liep (?:op|terug)|bedraagt|bedragen|bedroeg|bedroegen|komt uit op|komen uit op|valt (?:hoger|lager)|vallen (?:hoger|lager)|verbetert|verslechtert)(?![A-Za-z\u00C0-\u024F])/gi;
/** Before a verb of change: the verb is a word of its own, and no infinitive ("te dalen", "laten dalen"). */
const NOT_FINITE_BEFORE = /(?:[A-Za-z\u00C0-\u024F]|(?:^|[^A-Za-z\u00C0-\u024F])(?:te|laten|doen) )$/i;
const QUANTITY = /[%€]|\b(?:procent|procentpunt|procentpunten|eur|euro|miljard|miljoen|mln|mld|mrd)\b/i;

function isFigureForecast(text: string, phrase: DeadlinePhrase, context: PhraseContext): boolean {
  const before = text.slice(context.clauseStart, phrase.start);
  const after = text.slice(phrase.end, context.clauseEnd);
  if (!QUANTITY.test(before) && !QUANTITY.test(after)) return false;
  return hasFiniteChangeVerb(before) || hasFiniteChangeVerb(after);
}

function hasFiniteChangeVerb(part: string): boolean {
  FIGURE_CHANGE.lastIndex = 0;
  for (let m = FIGURE_CHANGE.exec(part); m; m = FIGURE_CHANGE.exec(part)) {
    if (!NOT_FINITE_BEFORE.test(part.slice(Math.max(0, m.index - 7), m.index))) return true;
  }
  return false;
}

/**
 * A payment or appeal term: "hun rekeningen kunnen betalen binnen 30 dagen", "binnen zes weken bezwaar
 * maken". It says how long something may take whenever it happens, not a time counted from the
 * document's date.
 */
const TERM_WORDS = lazily(() => /(?:^|[^\p{L}])(?:betalen|betaalt|betaald|uitbetalen|uitbetaald|uitbetaling|betaling|betalingen|rekening|rekeningen|facturen|factuur|bezwaar|beroep)(?![\p{L}])/iu);

function isTerm(text: string, context: PhraseContext): boolean {
  return TERM_WORDS().test(text.slice(context.clauseStart, context.clauseEnd));
}

/** "is vastgesteld", "zijn verstreken", "nog geen": a clause that tells a state at the time it names. */
const STATE = lazily(() => /(?:^|[^\p{L}])(?:is|zijn|was|waren|nog geen|nog niet)(?![\p{L}])/iu);

function tellsState(text: string, from: number, to: number, phrase: DeadlinePhrase): boolean {
  return STATE().test(text.slice(from, phrase.start)) || STATE().test(text.slice(phrase.end, to));
}

/**
 * The phrase's days, once its year is known; none for a relative year without a document date, and
 * none for an event whose day nothing gives ("voor de volgende Europese Raad").
 */
function resolve(
  phrase: DeadlinePhrase,
  documentDate: string | undefined,
  reading: YearlessReading,
): { dates?: PhraseDates; relative: boolean } {
  const y = phrase.year;
  if (y.kind === 'written') return { dates: phrase.datesIn(y.year, documentDate), relative: false };
  if (y.kind === 'unknown') return { relative: false };
  if (!documentDate) return { relative: true };
  if (y.kind === 'fromDocumentDate') return { dates: phrase.datesIn(0, documentDate), relative: true };
  if (y.kind === 'nextMonthDay' || y.kind === 'nextMonth') {
    const year = yearOfYearless(y.month, y.kind === 'nextMonthDay' ? y.day : undefined, documentDate, reading);
    return year === undefined ? { relative: true } : { dates: phrase.datesIn(year, documentDate), relative: true };
  }
  const year = Number(documentDate.slice(0, 4)) + y.offset;
  const dates = phrase.datesIn(year, documentDate);
  if (y.upcoming && dates.end < documentDate) return { dates: phrase.datesIn(year + 1, documentDate), relative: true };
  return { dates, relative: true };
}

/**
 * The year of a day (or, `day` undefined, a month) without a year, read as `reading` says from the
 * document's date; the document's own month is both the next and the previous one.
 */
function yearOfYearless(month: number, day: number | undefined, documentDate: string, reading: YearlessReading): number | undefined {
  let next: string | undefined;
  let previous: string | undefined;
  if (day !== undefined) {
    next = nextMonthDayFrom(month, day, documentDate);
    previous = previousMonthDayFrom(month, day, documentDate);
  } else {
    const docYear = Number(documentDate.slice(0, 4));
    const docMonth = Number(documentDate.slice(5, 7));
    next = isoDate(month >= docMonth ? docYear : docYear + 1, month, 1);
    previous = isoDate(month <= docMonth ? docYear : docYear - 1, month, 1);
  }
  const yearOf = (iso: string | undefined): number | undefined => (iso ? Number(iso.slice(0, 4)) : undefined);
  if (reading === 'next' || !previous) return yearOf(next);
  if (reading === 'previous' || !next) return yearOf(previous);
  const ahead = day !== undefined ? daysBetween(documentDate, next) : monthsBetween(documentDate, next);
  const back = day !== undefined ? daysBetween(previous, documentDate) : monthsBetween(previous, documentDate);
  return yearOf(back < ahead ? previous : next);
}

function monthsBetween(from: string, to: string): number {
  return Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));
}

/** The first words of a phrase, lower case; a cheap filter before the patterns run. */
const ANCHOR_WORDS: readonly string[] = [
  'uiterlijk', 'voor', 'vóór', 'vóor', 'voór', 'voorafgaand', 'tegen', 'per', 'met', 'm', 'op', 'in', 'rond', 'omstreeks', 'na', 'later',
  'ruim', 'ruimschoots', 'tijdig', 'kort', 'vlak', 'bij', 'binnen', 'deadline', 'deadlines',
  'het', 'de', 'dit', 'deze', 'komend', 'komende', 'aanstaande', 'volgend', 'volgende',
  'eerste', 'tweede', 'derde', 'vierde', 'laatste', '1e', '2e', '3e', '4e', '1ste', '2de', '3de', '4de',
  'eind', 'einde', 'ultimo', 'begin', 'medio', 'half', 'halverwege',
  'voorjaar', 'najaar', 'zomer', 'lente', 'herfst', 'q1', 'q2', 'q3', 'q4',
  // A month with a written year and a plan: "Deze maatlat is december 2022 voorzien".
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/**
 * A whole anchor word (or a year, "2022Q4") at a position, tested in place: no slice, no allocation.
 * The word ends where no letter or digit follows (the alphabet of isLatinWordCode).
 */
const ANCHOR = new RegExp(`(?:${ANCHOR_WORDS.join('|')}|(?:19|20)\\d{2}(?:q[1-4])?)(?![0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F])`, 'iy');

/**
 * Every word a phrase can hold, as the patterns of deadlinePhrase.ts spell them (split at what is not
 * a letter or digit: "t/m" is "t" and "m", "m.i.v." is "m", "i" and "v", "a.s." is "a" and "s").
 */
const PHRASE_WORDS: readonly string[] = [
  // "deadline" only opens a phrase ("deadline 1 mei"), never stands inside one.
  ...ANCHOR_WORDS.filter((w) => !w.startsWith('deadline')),
  'aan', 'ingang', 'van', 'i', 'v', 'vorig', 'vorige', 'en', 'of', 't', 'tot', 'a', 's', 'as', 'loop', 'jaar', 'kalenderjaar',
  'kwartaal', 'helft', 'jaarhelft', 'zomerreces', 'zomervakantie', 'kerstreces', 'kerstvakantie', 'kerstmis', 'kerst', 'jaarwisseling',
  'jan', 'feb', 'febr', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
  'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag',
  // Events and meetings, and the counts and units of "binnen zes weken".
  'prinsjesdag', 'verantwoordingsdag', 'voorjaarsnota', 'najaarsnota', 'eerstvolgende', 'europese', 'raad', 'eurogroep', 'ecofinraad',
  'navo', 'eu', 'top', 'commissiedebat', 'tweeminutendebat', 'plenair', 'plenaire', 'debat', 'begrotingsdebat', 'behandeling',
  'begrotingsbehandeling', 'algemeen', 'mondeling', 'schriftelijk', 'overleg', 'notaoverleg', 'wetgevingsoverleg', 'procedurevergadering',
  'commissievergadering', 'vergadering', 'stemmingen',
  'een', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien',
  'zestien', 'achttien', 'twintig', 'dertig', 'veertig', 'zestig', 'negentig', 'anderhalf', 'anderhalve',
  'dag', 'dagen', 'werkdagen', 'week', 'weken', 'maand', 'maanden',
];
const PHRASE_WORD = new RegExp(`(?:${PHRASE_WORDS.join('|')}|\\d{1,4}|(?:19|20)\\d{2}q[1-4])(?![0-9A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F])`, 'iy');

/** True at a word start whose word a deadline phrase can hold. */
function isPhraseWord(text: string, at: number): boolean {
  PHRASE_WORD.lastIndex = at;
  return PHRASE_WORD.test(text);
}

/** True at a word start whose word can open a deadline phrase. */
function isPhraseAnchor(text: string, at: number): boolean {
  if (at > 0 && isLatinWordCode(text.charCodeAt(at - 1))) return false;
  ANCHOR.lastIndex = at;
  return ANCHOR.test(text);
}
