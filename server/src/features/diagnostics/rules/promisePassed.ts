/** Stale: a promise the letter itself makes whose date has passed by today. */
import { daysBetween } from '../../../engine/calendar';
import { describeDeadlineWhen } from '../../describe';
import { deadlineStatus } from '../deadlineStatus';
import type { DiagnosticRule } from '../model';
import type { Finding } from '../../model';

export const promisePassed: DiagnosticRule = {
  code: 'promise-passed',
  defaultSeverity: 'warning',
  description: "A promise the letter itself makes ('Ik informeer uw Kamer uiterlijk 1 juli 2026') whose date lies before today: the letter would go out with a broken promise.",
  check(ctx) {
    const findings: Finding[] = [];
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'deadline' || deadlineStatus(ctx.doc, r, ctx.today) !== 'promisePassed') continue;
      findings.push({ code: this.code, span: r.span, message: ctx.m.diag.promisePassed(describeDeadlineWhen(r, ctx.locale), daysBetween(r.end!, ctx.today)) });
    }
    return findings;
  },
};
