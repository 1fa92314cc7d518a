/**
 * Stale: a deadline whose last day is before today — quoted as history, not the letter's own promise
 * (that is promise-passed). Read one deadline at a time, with its status (perReference.ts).
 */
import { daysBetween } from '../../../engine/calendar';
import { describeDeadlineWhen } from '../../describe';
import { DEADLINE_STATUS } from '../deadlineStatus';
import { perReferenceRule } from '../perReference';

export const deadlinePassed = perReferenceRule({
  code: 'deadline-passed',
  defaultSeverity: 'hint',
  description: "A deadline whose end lies before today (the real date, or kamerwijzer.today / --today), quoted as history: a motion's request, an earlier letter's promise.",
  kinds: ['deadline'],
  readsAround: DEADLINE_STATUS,
  checkReference(r, ctx, status) {
    if (r.kind !== 'deadline' || !r.end || status !== 'passed') return undefined;
    return [{ code: this.code, span: r.span, message: ctx.m.diag.deadlinePassed(describeDeadlineWhen(r, ctx.locale), daysBetween(r.end, ctx.today)) }];
  },
});
