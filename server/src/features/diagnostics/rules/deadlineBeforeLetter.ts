/** Stale: a deadline stated as still to come that lies before the letter's own date. */
import { describeDeadlineWhen, formatDate } from '../../describe';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';
import { deadlineStatus } from '../deadlineStatus';

export const deadlineBeforeLetter: DiagnosticRule = {
  code: 'deadline-before-letter',
  defaultSeverity: 'warning',
  description: "A deadline phrased as still to come ('uiterlijk', 'voor', 'zal') whose end is before the letter's own date.",
  check(ctx) {
    const letterDate = ctx.doc.analysis.metadata.date;
    if (!letterDate) return [];
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'deadline' || deadlineStatus(ctx.doc, r, ctx.today) !== 'beforeLetter') continue;
      findings.push({ code: this.code, span: r.span, message: ctx.m.diag.deadlineBeforeLetter(describeDeadlineWhen(r, ctx.locale), formatDate(letterDate, ctx.locale)) });
    }
    return findings;
  },
};
