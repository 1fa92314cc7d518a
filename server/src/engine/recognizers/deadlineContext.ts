import { isAccentedLetterCode as isAccentedLetter, isDigitCode } from '../chars';
import type { Sentences } from '../sentences';
import { ForwardMatches, type ScanReach } from './forwardMatches';
import { firstAtOrAbove, lastBelow } from '../sortedOffsets';
import { lazily } from '../lazily';

/**
 * Whether the sentence around a time phrase plans something or tells what happened.
 *
 * "Resultaten zullen dit najaar aan de Kamer worden gezonden" plans; "Voor de zomer heeft uw Kamer
 * een update ontvangen" and "Op 17 juni 2020 heeft de Commissie een witboek gepresenteerd" tell.
 * A deadline is the first kind. The words that show it are few and stable in Kamerbrieven: the
 * auxiliaries of the future and the present passive (zal, zullen, wordt, worden), the words of
 * planning, promising and requiring (verwacht, gepland, streven, voornemen, toegezegd, toezegging,
 * verzoekt, moet), and the verbs of sending to the Kamer ("ontvangt u", "informeer ik uw Kamer");
 * against them the perfect and past auxiliaries (heeft, hebben, werd, was) and "jl." (jongstleden).
 *
 * The marks are found in the sentences of the phrases only (a phrase looks at most REACH characters
 * either way), each part of the text scanned at most once as the recognizer moves forward, and looked up by
 * binary search, so judging a phrase costs the same however long its sentence or the document is.
 */

/** Where the sentence and the clause (between commas, colons, brackets) around a phrase lie. */
export interface PhraseContext {
  readonly sentenceStart: number;
  readonly sentenceEnd: number;
  readonly clauseStart: number;
  readonly clauseEnd: number;
}

/** A sentence longer than this either side of a phrase is read only this far: a missed full stop. */
const REACH = 400;

/**
 * The tense words, one pass for both kinds. First group: words that present what follows as still to
 * come, planned, promised, requested or required. Second group: words that tell of something done —
 * the perfect and past auxiliaries, "jl.", "vorig jaar".
 */
const TENSE_WORDS =
  /\b(?:(zal|zullen|zult|zou|zouden|wordt|worden|verwacht|verwachte|verwachten|verwachting|voorzien|gepland|geplande|planning|planningen|streeft|streef|streven|voornemen|voornemens|voorgenomen|beoogd|beoogde|beoogt|toegezegd|toegezegde|toezegging|toezeggingen|verzoekt|verzoeken|verzocht|gevraagd|toekomen|besluit|besluiten|wil|willen|deadline|moet|moeten|dient|dienen|ontvangt|informeer|informeert|informeren|stuur|stuurt|zend|zendt|bied|biedt|gaat(?! het )|gaan|kom|komt|komen|terugkom|terugkomt|terugkomen|volgt|volgen|verschijnt|verschijnen|uitkomt|uitkomen|tegemoet|tegemoetzien|treedt|treden|start|starten|begint|beginnen|sturen|toesturen|zenden|toezenden|aanbieden|aanbied|rapporteer|rapporteren|aanstaande|a\.s\.)|(heb|hebt|heeft|hebben|had|hadden|werd|werden|was|waren|jl|j\.l|jongstleden|vorig|vorige|geleden|sinds|sedert))(?![A-Za-z\u00C0-\u024F])/gi;

const PASSIVE_AUXILIARY = /^(?:wordt|worden)$/i;
/**
 * A promise named as a noun: "Rappel toezeggingen september 2025", "naar aanleiding van toezegging
 * tijdens het algemeen overleg op 27 maart 2018". It says a promise exists, not that the time beside
 * it is the promised one.
 */
const PROMISE_NOUN = /^toezegging(?:en)?$/i;
/** A determiner before "besluit(en)": the noun ("het besluit", "een besluit", "deze besluiten"). */
const ARTICLE_BEFORE = lazily(() => /(?:^|[^\p{L}])(?:het|een|de|dit|dat|deze|die|zijn|haar|hun|ons|uw|elk|ieder) $/iu);

/**
 * The words that report a promise, request or announcement, after which a time can be the one
 * promised even in a clause told in the past: "De minister heeft toegezegd de Kamer in mei 2016 te
 * informeren", "heeft gevraagd ruim voor het zomerreces de evaluatie te sturen".
 */
/** What ends each word of the patterns here: no letter follows. */
const WORD_END = '(?![A-Za-z\\u00C0-\\u024F])';

const PROMISE_WORDS =
  /\b(?:toegezegd|toegezegde|toezegging|toezeggingen|beloofd|belofte|verzocht|verzoek|gevraagd|aangekondigd|afgesproken|aangegeven|meegedeeld|medegedeeld|laten weten|zegt|zegde|zeggen)(?![A-Za-z\u00C0-\u024F])/gi;

/**
 * What tells of a finished event in the present perfect with "zijn" or in the simple past, beside the
 * auxiliaries TENSE_WORDS knows: a form of "zijn" (with a participle in the same clause: "die in het
 * tweede kwartaal van 2021 zijn gedaan", "is het ministerie in gesprek gegaan"), and the past tense
 * of the verbs letters tell events with ("vond plaats", "verscheen", "presenteerde"). These words
 * also describe states ("is gericht op", "zijn beschikbaar"), so they only count against a period
 * that is over at the document's date.
 *
 * Group 1: a finite form of "zijn". Group 2: a verb in the simple past (irregular ones by name; the
 * regular ones in -eerde(n), which no other Dutch word ends in but adjectives with "(on)ge-", left out).
 * Group 3: a past participle: "ge-" at the word start or after a separable prefix ("toegezegd",
 * "vastgesteld"), ending in -d, -t or -n, or one of the participles without "ge-" that letters use most.
 */
const PERFECT_WORDS = new RegExp(
  '\\b(?:(is|zijn|ben|bent)' +
    '|(vond|vonden|verscheen|verschenen|kwam|kwamen|ging|gingen|bleek|bleken|sprak|spraken|nam|namen|gaf|gaven|bracht|brachten|' +
    'deed|deden|liet|lieten|besloot|ontving|ontvingen|schreef|schreven|zond|zonden|stuurde|stuurden|meldde|meldden|maakte|maakten|' +
    'startte|startten|begon|begonnen|hield|hielden|trad|traden|zei|zeiden|stelde|stelden|legde|legden|(?!ge|onge)[a-z\\u00e0-\\u00ff]{2,}eerden?)' +
    '|((?:aan|af|bij|door|in|mee|na|om|op|over|toe|uit|vast|voor|weg|terug|samen|tegen|vrij|neer|rond|kennis|plaats|bekend|tot|stand)?' +
    'ge[a-z\\u00e0-\\u00ff]{2,}[dtn]|verschenen|ontvangen|besloten|besproken|verstuurd|verzonden|verstrekt|beantwoord|ondertekend|' +
    'behandeld|verricht|verworpen|beschreven|vernomen|overhandigd|afgerond))(?![A-Za-z\\u00C0-\\u024F])',
  'gi',
);

/**
 * Words shaped like a participle with "ge-" that are nouns, adjectives or present tense: "gebied",
 * "gemeenten", "gevolgen", "gesprekken", "gegevens" (no -n), "gelden", "geven", "gewoon", "gemiddeld".
 * The participles that plan rather than tell ("gepland", "geagendeerd") are no telling either.
 */
const NOT_A_PARTICIPLE =
  /^(?:ge(?:bied|bieden|meenten|volgen|bouwen|dachten|sprekken|vallen|westen|luiden|lden|tallen|zinnen|wassen|breken|deelten|halten|wicht|zicht|recht|rechten|vecht|schrift|heimen|neesmiddelen|woon|meen|ven|beuren|bruiken|loven|nieten|tuigen|middeld|zond|zondheid|legenheid|pland|agendeerd|zamenlijk|ldt|eft)|ingepland)$|heid$/i;

/**
 * Words that open a subordinate clause: the relative pronouns and conjunctions. "... de moties
 * waarvan de termijn op 1 juli 2025 is verstreken": the plan words of the main clause do not reach
 * into it.
 */
const SUBORDINATORS =
  /\b(?:die|dat|waar|waarvan|waarin|waarmee|waarop|waardoor|waarbij|waarna|waarover|omdat|zodat|nadat|voordat|totdat|terwijl|hoewel|wanneer|toen|indien|mits|zolang)(?![A-Za-z\u00C0-\u024F])/gi;

/**
 * SUBORDINATORS and PROMISE_WORDS in one pattern, the first as group 1, the second as group 2: one
 * scan instead of two. They share no word, and neither's word can start inside the other's (a word
 * starts at a word edge), so together they find what each finds on its own.
 */
const SUBORDINATORS_OR_PROMISES = new RegExp(`\\b(?:(${wordsOf(SUBORDINATORS)})|(${wordsOf(PROMISE_WORDS)}))${WORD_END}`, 'gi');

/** The alternation of words of a pattern written as \b(?:…)WORD_END. */
function wordsOf(pattern: RegExp): string {
  const start = '\\b(?:';
  const end = `)${WORD_END}`;
  if (!pattern.source.startsWith(start) || !pattern.source.endsWith(end) || pattern.flags !== 'gi') throw new Error(`not a list of words: ${pattern.source}`);
  return pattern.source.slice(start.length, -end.length);
}

/**
 * Clause marks: the marks between list items, table cells and footnotes (; • ▪ ● ↩ |) and , : ( ) – —.
 * A comma or colon between digits is a decimal mark or a time ("1,5%", "13:45"), no clause mark.
 * Sentences end where the shared sentence rule (engine/sentences.ts) says.
 */
const CLAUSE_MARKS = /[;\u2022\u25aa\u25cf\u21a9|,:()\u2013\u2014]/g;

/**
 * How far the patterns' matches read past white space (ScanReach): the clause marks are single
 * characters; the tense words hold no space, and only "gaat(?! het )" looks further ahead than the
 * letter after a word; "laten weten" is the one promise word with a space in it.
 */
const MARK_REACH: ScanReach = { acrossSpace: 0, lookahead: 0 };
const TENSE_REACH: ScanReach = { acrossSpace: 0, lookahead: ' het '.length };
const SUBORDINATOR_OR_PROMISE_REACH: ScanReach = { acrossSpace: 'laten weten'.length, lookahead: 1 };
const PERFECT_REACH: ScanReach = { acrossSpace: 0, lookahead: 1 };

/**
 * The sentence edges, clause marks and tense words of one text, found as phrases ask for them: phrases
 * must be asked about in order of position (`contextOf` first), as the deadline recognizer reads them.
 */
export class TenseMarks {
  private readonly clauseMarks: number[] = [];
  private readonly plans: number[] = [];
  /** The plan words other than the nouns of promising ("toezegging"). */
  private readonly verbalPlans: number[] = [];
  /** The plan words other than those nouns and the present passive "wordt"/"worden", which describe as often as they plan. */
  private readonly firmPlans: number[] = [];
  private readonly past: number[] = [];
  private readonly subordinators: number[] = [];
  private readonly promises: number[] = [];
  /** Finite forms of "zijn", participles, and verbs in the simple past (PERFECT_WORDS). */
  private readonly zijnForms: number[] = [];
  private readonly participles: number[] = [];
  private readonly pastVerbs: number[] = [];
  private readonly scans: readonly ForwardMatches[];
  private readonly perfectScan: ForwardMatches;
  /** The window of the phrase last asked about (contextOf), its sentence: what a phrase looks at lies in it. */
  private windowFrom = 0;
  private windowTo = 0;

  constructor(
    private readonly text: string,
    private readonly sentences: Sentences,
  ) {
    this.scans = [
      new ForwardMatches(text, CLAUSE_MARKS, (m) => {
        const c = text.charCodeAt(m.index);
        if ((c === 44 /* , */ || c === 58) /* : */ && isDigitCode(text.charCodeAt(m.index - 1)) && isDigitCode(text.charCodeAt(m.index + 1))) return;
        this.clauseMarks.push(m.index);
      }, MARK_REACH),
      new ForwardMatches(text, SUBORDINATORS_OR_PROMISES, (m) => (m[1] !== undefined ? this.subordinators : this.promises).push(m.index), SUBORDINATOR_OR_PROMISE_REACH),
      new ForwardMatches(text, TENSE_WORDS, (m) => {
        // \b knows only ASCII letters: "ézal" is no "zal".
        if (m.index > 0 && isAccentedLetter(text.charCodeAt(m.index - 1))) return;
        // "het gaat om", "Dit jaar gaat het nog wel redelijk": "gaat" before or after "het" is no future;
        // "een besluit genomen", "de besluiten van de Raad": the noun is no deciding.
        if (m[1] && /^gaat$/i.test(m[1]) && /(?:^|[^\p{L}])het $/iu.test(text.slice(Math.max(0, m.index - 4), m.index))) return;
        if (m[1] && /^besluit(?:en)?$/i.test(m[1]) && ARTICLE_BEFORE().test(text.slice(Math.max(0, m.index - 8), m.index))) return;
        (m[1] ? this.plans : this.past).push(m.index);
        if (m[1] && !PROMISE_NOUN.test(m[1])) {
          this.verbalPlans.push(m.index);
          if (!PASSIVE_AUXILIARY.test(m[1])) this.firmPlans.push(m.index);
        }
      }, TENSE_REACH),
    ];
    // Asked only about periods already over, which are few: scanned only around those.
    this.perfectScan = new ForwardMatches(text, PERFECT_WORDS, (m) => {
      if (m.index > 0 && isAccentedLetter(text.charCodeAt(m.index - 1))) return;
      if (m[1]) this.zijnForms.push(m.index);
      else if (m[2]) this.pastVerbs.push(m.index);
      else if (!NOT_A_PARTICIPLE.test(m[3]!)) this.participles.push(m.index);
    }, PERFECT_REACH);
  }

  /** The sentence and clause around flat [start, end). Asks must come in order of position; the other questions are about the phrase last asked about. */
  contextOf(start: number, end: number): PhraseContext {
    const sentenceStart = Math.max(this.sentences.startOf(start), start - REACH);
    // A sentence ends at its final mark (the next sentence starts right after it).
    const next = this.sentences.endOf(end);
    const sentenceEnd = Math.min(next >= this.text.length ? this.text.length : next - 1, end + REACH);
    // Everything a phrase looks at lies in its sentence (cut at REACH): the clause, the subordinate
    // clause and every range asked about are parts of it, and a mark before or after it changes no
    // answer (clauseStart and clauseEnd are clamped to the sentence). So the marks are scanned in the
    // sentence only, not REACH either way: most sentences are far shorter, and most of a letter's
    // sentences hold no phrase. Both ends only move forward, as the phrases do.
    this.windowFrom = sentenceStart;
    this.windowTo = sentenceEnd;
    for (const scan of this.scans) scan.cover(this.windowFrom, this.windowTo);
    const markBefore = lastBelow(this.clauseMarks, start);
    const markAfter = firstAtOrAbove(this.clauseMarks, end);
    return {
      sentenceStart,
      sentenceEnd,
      clauseStart: Math.max(sentenceStart, markBefore === undefined ? 0 : markBefore + 1),
      clauseEnd: Math.min(sentenceEnd, markAfter === undefined ? this.text.length : markAfter),
    };
  }

  /** The part of the clause around flat [start, end) that no subordinate clause boundary cuts off. */
  subClauseOf(start: number, end: number, context: PhraseContext): { readonly start: number; readonly end: number } {
    const before = lastBelow(this.subordinators, start + 1);
    const after = firstAtOrAbove(this.subordinators, end);
    return {
      start: Math.max(context.clauseStart, before ?? 0),
      end: Math.min(context.clauseEnd, after ?? this.text.length),
    };
  }

  /** True when flat [from, to) plans something, the phrase [skipFrom, skipTo) itself left out. */
  plansIn(from: number, to: number, skipFrom: number, skipTo: number): boolean {
    return anyIn(this.plans, from, skipFrom) || anyIn(this.plans, skipTo, to);
  }

  /** Like plansIn, without the nouns of promising ("toezegging"). */
  plansVerballyIn(from: number, to: number, skipFrom: number, skipTo: number): boolean {
    return anyIn(this.verbalPlans, from, skipFrom) || anyIn(this.verbalPlans, skipTo, to);
  }

  /** Like plansVerballyIn, with a word of planning proper: "wordt"/"worden" alone do not count. */
  plansFirmlyIn(from: number, to: number, skipFrom: number, skipTo: number): boolean {
    return anyIn(this.firmPlans, from, skipFrom) || anyIn(this.firmPlans, skipTo, to);
  }

  /**
   * True when flat [from, to) tells of a finished event in the perfect with "zijn" (a form of "zijn"
   * and a participle) or in the simple past, the phrase [skipFrom, skipTo) itself left out.
   */
  tellsPerfectIn(from: number, to: number, skipFrom: number, skipTo: number): boolean {
    this.perfectScan.cover(this.windowFrom, this.windowTo);
    const inClause = (sorted: readonly number[]): boolean => anyIn(sorted, from, skipFrom) || anyIn(sorted, skipTo, to);
    return inClause(this.pastVerbs) || (inClause(this.zijnForms) && inClause(this.participles));
  }

  /** True when flat [from, to) holds a word that reports a promise, request or announcement. */
  reportsPromiseIn(from: number, to: number): boolean {
    return anyIn(this.promises, from, to);
  }

  /** True when flat [from, to) tells of the past, the phrase [skipFrom, skipTo) itself left out. */
  tellsPastIn(from: number, to: number, skipFrom: number, skipTo: number): boolean {
    return anyIn(this.past, from, skipFrom) || anyIn(this.past, skipTo, to);
  }
}

/**
 * "vanaf begin 2023", "sinds eind 2021": the start of a span; "stand per 30 juni 2023", "peildatum 1
 * januari": the date of a state of affairs. Neither is a time by which to act.
 */
export function isSpanOrStatusDate(text: string, start: number): boolean {
  return /(?:^|[^\p{L}])(?:vanaf|sinds|sedert|stand|standdatum|peildatum|situatie) $/iu.test(text.slice(Math.max(0, start - 13), start));
}


function anyIn(sorted: readonly number[], from: number, to: number): boolean {
  if (to <= from) return false;
  const first = firstAtOrAbove(sorted, from);
  return first !== undefined && first < to;
}
