/**
 * Wrong: a cited Kamerstuk that does not exist — on evidence only: an official source says so
 * (officielebekendmakingen answers "not found"), or its ondernummer lies beyond the highest number an
 * official source knows in its dossier. A citation that is merely not known offline gets no finding
 * (its hover says so). Read one citation at a time (perReference.ts).
 */
import { isAbsent } from '../../../catalog/model';
import { officialDossierText } from '../../../engine/identifiers';
import { kamerstukTitle } from '../../citations';
import { perReferenceRule } from '../perReference';

export const kamerstukUnknown = perReferenceRule({
  code: 'kamerstuk-unknown',
  defaultSeverity: 'warning',
  description: 'A cited Kamerstuk that an official source says does not exist, or whose number lies beyond the highest in its dossier.',
  kinds: ['kamerstuk'],
  async checkReference(r, ctx) {
    if (r.kind !== 'kamerstuk') return undefined;
    // (The catalog answers each paper and dossier once per computation, however many citations ask.)
    const found = await ctx.catalog.lookupKamerstuk(r);
    let message: string | undefined;
    const highest = found?.dossierHighest ?? (found?.title ? undefined : await ctx.catalog.dossierHighest(r.dossier));
    if (isAbsent(found)) message = ctx.m.diag.kamerstukAbsent(kamerstukTitle(r), ctx.m.sourceNames[found!.absent!.origin] ?? found!.absent!.origin);
    else if (!found?.title && /^\d+$/.test(r.nr) && highest !== undefined && Number(r.nr) > highest) message = ctx.m.diag.kamerstukBeyondHighest(kamerstukTitle(r), officialDossierText(r.dossier), highest);
    return message ? [{ code: this.code, span: r.span, message }] : undefined;
  },
});
