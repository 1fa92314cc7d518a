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
import { changedStretch } from '../../engine/incremental';
import type { DeadlineReference } from '../../engine/model';
import type { IndexedDocument } from '../model';
import { DocumentLookup } from '../documentLookup';
import { keptAt, PreviousVersions } from '../previousVersions';
import type { ReadAround } from './perReference';
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
  if (!kept || kept.today !== today) statusesOf.set(doc, (kept = { today, byReference: carriedOver(doc, today) }));
  if (kept.byReference.has(r)) return kept.byReference.get(r);
  deadlineWork.read++;
  const status = statusOf(doc, r, today);
  kept.byReference.set(r, status);
  return status;
}

/** What the deadline rules read beside a deadline (perReference.ts): its status, compared as it is. */
export const DEADLINE_STATUS: ReadAround<DeadlineStatus | null> = {
  of: (r, ctx) => (r.kind === 'deadline' ? (deadlineStatus(ctx.doc, r, ctx.today) ?? null) : null),
  same: (before, now) => before === now,
};

/** Statuses taken over from a previous version, and read anew (the tests count work through it). */
export const deadlineWork = { carried: 0, read: 0 };

/** A document version's previous version, whose statuses it takes over where the edit cannot have changed them. */
const previousVersions = new PreviousVersions(
  (doc) => statusesOf.has(doc),
  (doc) => !!statusesOf.get(doc)?.byReference.size,
);

/**
 * Says that a document version follows another (of the same document): the statuses of its deadlines
 * are taken over from that one's where the edit cannot have changed them. A version whose statuses
 * nobody asked for is skipped (its successor takes them from the one before), so no chain of old
 * versions is kept.
 */
export function deadlinesFollow(doc: IndexedDocument, previous: IndexedDocument): void {
  previousVersions.follows(doc, previous);
}

/**
 * How far from an edit a status may be read: a deadline's status reads its sentence (at most
 * MAX_REACH either way, its ends decided by the text within WINDOW_MARGIN of the place, see
 * features/sentences.ts) and the letter's date.
 */
const UNTOUCHED_MARGIN = 2000;

/**
 * The statuses of a version's deadlines taken over from its previous version (see `deadlinesFollow`),
 * for the same date and letter date: those of deadlines far enough before or after the changed
 * stretch that their sentence cannot reach it, read the same (the same phrase, dates and tense) at
 * the place the edit moved them to, and in the same footnote or none (the notes and their markers
 * unchanged). The others are read anew when asked.
 */
function carriedOver(doc: IndexedDocument, today: string): Map<DeadlineReference, DeadlineStatus | undefined> {
  const out = new Map<DeadlineReference, DeadlineStatus | undefined>();
  const previous = previousVersions.take(doc);
  const before = previous && statusesOf.get(previous);
  if (!previous || !before?.byReference.size || before.today !== today || previous.analysis.metadata.date !== doc.analysis.metadata.date) return out;
  const change = changedStretch(previous.text, doc.text);
  const delta = change.newEnd - change.oldEnd;
  const oldAt = keptAt(previous.analysis.references, before.byReference);
  const lookup = DocumentLookup.of(doc);
  const oldLookup = DocumentLookup.of(previous);
  const notesAlike = sameNotes(previous, doc, delta, change);
  for (const r of doc.analysis.references) {
    if (r.kind !== 'deadline') continue;
    const isBefore = r.span.offset + r.span.length + UNTOUCHED_MARGIN <= change.start;
    if (!isBefore && r.span.offset - UNTOUCHED_MARGIN < change.newEnd) continue;
    const shift = isBefore ? 0 : delta;
    const old = oldAt(r.span.offset - shift, (o) => sameReading(o, r));
    if (!old) continue;
    // In a footnote: its sentence ends at the note's ends, which must be those of the same note.
    const note = lookup.footnoteHolding(r.span.offset);
    const oldNote = oldLookup.footnoteHolding(old.span.offset);
    if (!!note !== !!oldNote) continue;
    if (note && oldNote && (!notesAlike || note.bodySpan.offset - shift !== oldNote.bodySpan.offset || note.bodySpan.length !== oldNote.bodySpan.length)) continue;
    out.set(r, before.byReference.get(old));
  }
  deadlineWork.carried += out.size;
  return out;
}

/** The same phrase read the same way: its text, dates, cue and tense. */
function sameReading(a: DeadlineReference, b: DeadlineReference): boolean {
  return a.span.length === b.span.length && a.text === b.text && a.start === b.start && a.end === b.end && a.cue === b.cue && a.relative === b.relative && a.future === b.future;
}

/** The same footnotes and markers in both versions, the edit touching none of them. */
function sameNotes(previous: IndexedDocument, doc: IndexedDocument, delta: number, change: { readonly start: number; readonly oldEnd: number; readonly newEnd: number }): boolean {
  const a = previous.analysis;
  const b = doc.analysis;
  if (a.footnotes.length !== b.footnotes.length || a.footnoteMarkers.length !== b.footnoteMarkers.length) return false;
  const touches = (s: { readonly offset: number; readonly length: number }, end: number): boolean => s.offset < end + 1 && s.offset + s.length > change.start - 1;
  for (let i = 0; i < a.footnoteMarkers.length; i++) {
    const x = a.footnoteMarkers[i]!.span;
    const y = b.footnoteMarkers[i]!.span;
    if (touches(x, change.oldEnd) || touches(y, change.newEnd) || x.length !== y.length || (x.offset >= change.oldEnd ? x.offset + delta : x.offset) !== y.offset) return false;
  }
  return true;
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
