/**
 * Inlay hints: what a reference resolves to, written beside it — a deadline whose date the text does
 * not spell out ("voor de zomer" → "≤ 30 jun 2026", "binnen zes weken" → "≤ 14 mrt 2026"), an amount
 * written with an abbreviated scale or a table's unit in full ("85 mln." → "€ 85.000.000"), and a
 * motion's outcome ("verworpen, 4 dec 2024"). Each kind can be switched off.
 */
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import type { AmountReference, DeadlineReference, MotionReference } from '../engine/model';
import { messages, type Locale } from '../l10n';
import { formatEuro } from './describe';
import type { FeatureContext, IndexedDocument } from './model';

export interface InlayHintSettings {
  readonly deadlines: boolean;
  readonly amounts: boolean;
  readonly motions: boolean;
}

export const DEFAULT_INLAY_HINT_SETTINGS: InlayHintSettings = { deadlines: true, amounts: true, motions: true };

/** "30 jun 2026": short, as beside a phrase. */
export function shortDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${messages(locale).monthsShort[Number(m[2]) - 1]} ${m[1]}`;
}

/** The hints of the references within [from, to) of a document (the visible range). */
export async function inlayHints(doc: IndexedDocument, from: number, to: number, ctx: FeatureContext, settings: InlayHintSettings): Promise<InlayHint[]> {
  const hints: InlayHint[] = [];
  for (const r of doc.analysis.references) {
    const end = r.span.offset + r.span.length;
    if (end < from || r.span.offset > to) continue;
    let label: string | undefined;
    if (r.kind === 'deadline' && settings.deadlines) label = deadlineLabel(r, ctx.locale);
    else if (r.kind === 'amount' && settings.amounts) label = amountLabel(r);
    else if (r.kind === 'motion' && settings.motions) label = await motionLabel(r, ctx);
    if (label) hints.push({ position: doc.lines.positionAt(end), label, kind: InlayHintKind.Type, paddingLeft: true });
  }
  return hints;
}

/** A date written out in full: "1 oktober 2026". */
const WRITTEN_DATE = /(?<!\d)\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+\d{4}/i;

/** A deadline whose resolved date the text does not spell out (no day, month and year written). */
function deadlineLabel(r: DeadlineReference, locale: Locale): string | undefined {
  if (!r.end) return undefined;
  if (!r.relative && WRITTEN_DATE.test(r.text) && (!r.start || r.start === r.end)) return undefined;
  if (r.start && r.start !== r.end) return `${shortDate(r.start, locale)} – ${shortDate(r.end, locale)}`;
  if (r.start === r.end) return shortDate(r.end, locale);
  return `≤ ${shortDate(r.end, locale)}`;
}

/** An amount with an abbreviated scale ("mln.", "mld") or a table's unit, in full. */
function amountLabel(r: AmountReference): string | undefined {
  const abbreviated = r.scale !== null && !/^(?:miljoen|miljard|biljoen|duizend)$/i.test(r.scale);
  if (!abbreviated && !r.tableUnit) return undefined;
  return r.valueMax !== undefined ? `${formatEuro(r.value)} – ${formatEuro(r.valueMax)}` : formatEuro(r.value);
}

/** A motion's outcome and its date, where the catalog knows them. */
async function motionLabel(r: MotionReference, ctx: FeatureContext): Promise<string | undefined> {
  if (!r.kamerstuk) return undefined;
  const doc = await ctx.catalog.lookupKamerstuk(r.kamerstuk);
  if (!doc?.outcome) return undefined;
  const m = messages(ctx.locale);
  return doc.outcomeDate ? `${m.diag.outcomes[doc.outcome]}, ${shortDate(doc.outcomeDate, ctx.locale)}` : m.diag.outcomes[doc.outcome];
}
