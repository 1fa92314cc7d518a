/** Stale: a promise the letter itself makes whose date has passed by today. Read one deadline at a time, with its status (perReference.ts). */
import { daysBetween } from '../../../engine/calendar';
import { describeDeadlineWhen } from '../../describe';
import { DEADLINE_STATUS } from '../deadlineStatus';
import { perReferenceRule } from '../perReference';

export const promisePassed = perReferenceRule({
  code: 'promise-passed',
  defaultSeverity: 'warning',
  description: "A promise the letter itself makes ('Ik informeer uw Kamer uiterlijk 1 juli 2026') whose date lies before today: the letter would go out with a broken promise.",
  kinds: ['deadline'],
  readsAround: DEADLINE_STATUS,
  checkReference(r, ctx, status) {
    if (r.kind !== 'deadline' || status !== 'promisePassed') return undefined;
    return [{ code: this.code, span: r.span, message: ctx.m.diag.promisePassed(describeDeadlineWhen(r, ctx.locale), daysBetween(r.end!, ctx.today)) }];
  },
});
