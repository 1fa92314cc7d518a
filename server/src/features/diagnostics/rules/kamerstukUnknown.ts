/**
 * Wrong: a cited Kamerstuk that does not exist — on evidence only: an official source says so
 * (officielebekendmakingen answers "not found"), or its ondernummer lies beyond the highest number an
 * official source knows in its dossier. A citation that is merely not known offline gets no finding
 * (its hover says so).
 */
import { isAbsent } from '../../../catalog/model';
import { officialDossierText } from '../../../engine/identifiers';
import { kamerstukTitle } from '../../citations';
import type { Finding } from '../../model';
import type { DiagnosticRule } from '../model';

export const kamerstukUnknown: DiagnosticRule = {
  code: 'kamerstuk-unknown',
  defaultSeverity: 'warning',
  description: 'A cited Kamerstuk that an official source says does not exist, or whose number lies beyond the highest in its dossier.',
  async check(ctx) {
    const findings: Finding[] = [];
    const seen = new Map<string, string | null>();
    for (const r of ctx.doc.analysis.references) {
      if (r.kind !== 'kamerstuk') continue;
      const key = `${r.dossier}-${r.nr}`;
      let message = seen.get(key);
      if (message === undefined) {
        const found = await ctx.catalog.lookupKamerstuk(r);
        const highest = found?.dossierHighest ?? (found?.title ? undefined : await ctx.catalog.dossierHighest(r.dossier));
        if (isAbsent(found)) message = ctx.m.diag.kamerstukAbsent(kamerstukTitle(r), ctx.m.sourceNames[found!.absent!.origin] ?? found!.absent!.origin);
        else if (!found?.title && /^\d+$/.test(r.nr) && highest !== undefined && Number(r.nr) > highest) message = ctx.m.diag.kamerstukBeyondHighest(kamerstukTitle(r), officialDossierText(r.dossier), highest);
        else message = null;
        seen.set(key, message);
      }
      if (message) findings.push({ code: this.code, span: r.span, message });
    }
    return findings;
  },
};
