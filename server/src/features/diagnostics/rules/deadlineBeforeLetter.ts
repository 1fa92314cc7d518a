/** Stale: a deadline stated as still to come that lies before the letter's own date. Read one deadline at a time, with its status (perReference.ts). */
import { describeDeadlineWhen, formatDate } from '../../describe';
import { DEADLINE_STATUS } from '../deadlineStatus';
import { perReferenceRule } from '../perReference';

export const deadlineBeforeLetter = perReferenceRule({
  code: 'deadline-before-letter',
  defaultSeverity: 'warning',
  description: "A deadline phrased as still to come ('uiterlijk', 'voor', 'zal') whose end is before the letter's own date.",
  kinds: ['deadline'],
  readsAround: DEADLINE_STATUS,
  checkReference(r, ctx, status) {
    // (The letter's date is the same in every version whose references are taken over: a stretch analysis keeps the metadata.)
    const letterDate = ctx.doc.analysis.metadata.date;
    if (r.kind !== 'deadline' || !letterDate || status !== 'beforeLetter') return undefined;
    return [{ code: this.code, span: r.span, message: ctx.m.diag.deadlineBeforeLetter(describeDeadlineWhen(r, ctx.locale), formatDate(letterDate, ctx.locale)) }];
  },
});
