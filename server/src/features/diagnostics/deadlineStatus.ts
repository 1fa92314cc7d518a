/**
 * What a deadline in a letter is, for the stale-deadline rules — so that each deadline gets one
 * finding at most:
 * - 'beforeLetter': phrased as still to come, yet before the letter's own date (a draft reused);
 * - 'promisePassed': the letter's own promise ("Ik informeer uw Kamer uiterlijk 1 juli 2026") whose
 *   end has passed by today: the letter would go out with a broken promise;
 * - 'passed': any other deadline whose end has passed (a motion's request, what an earlier letter
 *   said, a date quoted as history).
 */
import { daysBetween } from '../../engine/calendar';
import type { DeadlineReference } from '../../engine/model';
import type { IndexedDocument } from '../model';
import { sentenceAround } from '../sentences';

export type DeadlineStatus = 'beforeLetter' | 'promisePassed' | 'passed';

/** Words that report an earlier promise or request rather than announce something still to come. */
const REPORTED = /\b(toezegging(en)?|toegezegd|beloofd|aangekondigd|verzocht|verzoekt|verzoeken|gevraagd|vraagt|motie|moties|zou(den)?|had(den)?|werd(en)?|was|waren|destijds|eerder|indertijd)\b/i;
/** The letter speaking for itself: the minister, the cabinet, "wij". */
const OWN_VOICE = /\b(ik|wij|we|het kabinet|de regering|het ministerie)\b/i;
/** What the letter then promises to do: send, inform, come back, publish, decide, finish. */
const PROMISE =
  /\b(informe\w*|stuur\w*|zend\w*|ontvang\w*|kom|komt|komen|breng\w*|bied\w*|publice\w*|neem|neemt|nemen|beslui\w*|rond|rondt|ronden|start\w*|lever\w*|verwacht\w*|zal|zullen|ga|gaat|gaan|wil|wilt|willen|streef|streeft|streven|stel|stelt|stellen|maak|maakt|maken|zorg|zorgt|zorgen)\b/i;

/**
 * The statuses found of a document version's deadlines (for one date of today): the three rules that
 * ask (deadline-before-letter, deadline-passed, promise-passed) read each deadline's sentence once.
 */
const statusesOf = new WeakMap<IndexedDocument, { readonly today: string; readonly byReference: Map<DeadlineReference, DeadlineStatus | undefined> }>();

export function deadlineStatus(doc: IndexedDocument, r: DeadlineReference, today: string): DeadlineStatus | undefined {
  let kept = statusesOf.get(doc);
  if (!kept || kept.today !== today) statusesOf.set(doc, (kept = { today, byReference: new Map() }));
  if (kept.byReference.has(r)) return kept.byReference.get(r);
  const status = statusOf(doc, r, today);
  kept.byReference.set(r, status);
  return status;
}

function statusOf(doc: IndexedDocument, r: DeadlineReference, today: string): DeadlineStatus | undefined {
  if (!r.end) return undefined;
  const letterDate = doc.analysis.metadata.date;
  const sentence = sentenceAround(doc, r.span);
  const before = doc.text.slice(sentence.offset, r.span.offset);
  const whole = doc.text.slice(sentence.offset, sentence.offset + sentence.length);
  if (letterDate && r.future && !r.relative && r.end < letterDate && !REPORTED.test(before)) return 'beforeLetter';
  if (daysBetween(r.end, today) <= 0) return undefined;
  if (r.future && OWN_VOICE.test(whole) && PROMISE.test(whole) && !REPORTED.test(whole)) return 'promisePassed';
  return 'passed';
}
