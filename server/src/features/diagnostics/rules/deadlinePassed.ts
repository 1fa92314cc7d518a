/** Stale: a deadline whose last day is before today — quoted as history, not the letter's own promise (that is promise-passed). */
import { daysBetween } from '../../../engine/calendar';
import { describeDeadlineWhen } from '../../describe';
import { deadlineStatus } from '../deadlineStatus';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const deadlinePassed: DiagnosticRule = {
  code: 'deadline-passed',
  defaultSeverity: 'hint',
  description: "A deadline whose end lies before today (the real date, or kamerwijzer.today / --today), quoted as history: a motion's request, an earlier letter's promise.",
  check(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'deadline' || !r.end || deadlineStatus(ctx.doc, r, ctx.today) !== 'passed') continue;
      const ago = daysBetween(r.end, ctx.today);
      findings.push({ code: this.code, span: r.span, message: ctx.m.diag.deadlinePassed(describeDeadlineWhen(r, ctx.locale), ago) });
    }
    return findings;
  },
};
