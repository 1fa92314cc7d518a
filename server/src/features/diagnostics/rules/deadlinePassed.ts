/** Stale: a deadline whose last day is before today. */
import { daysBetween } from '../../../engine/calendar';
import { describeDeadlineWhen } from '../../describe';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const deadlinePassed: DiagnosticRule = {
  code: 'deadline-passed',
  defaultSeverity: 'hint',
  description: 'A deadline whose end lies before today (the real date, or kamerwijzer.today / --today).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'deadline' || !r.end) continue;
      const ago = daysBetween(r.end, ctx.today);
      if (ago > 0) findings.push({ code: this.code, span: r.span, message: ctx.m.diag.deadlinePassed(describeDeadlineWhen(r, ctx.locale), ago) });
    }
    return findings;
  },
};
