/**
 * Malformed: amounts written in mixed notations in one letter — "€" beside "EUR", "mln"/"mld"
 * beside "miljoen"/"miljard". The minority is flagged, with a fix to the letter's dominant notation.
 */
import type { AmountReference } from '../../../engine/model';
import type { DiagnosticRule } from '../model';
import type { Finding, Fix } from '../../model';

type Currency = '€' | 'EUR';
const ABBREVIATIONS: Record<string, 'miljoen' | 'miljard'> = { mln: 'miljoen', mld: 'miljard', mrd: 'miljard' };

function currencyOf(a: AmountReference): Currency | undefined {
  const c = a.currency?.trim();
  return c === '€' ? '€' : c?.toUpperCase() === 'EUR' ? 'EUR' : undefined;
}

type ScaleStyle = 'abbreviated' | 'full';

function scaleStyle(a: AmountReference): ScaleStyle | undefined {
  if (!a.scale) return undefined;
  // The few ways a letter writes a scale, each read once.
  let style = scaleStyles.get(a.scale);
  if (style === undefined) {
    const s = a.scale.toLowerCase().replace(/\.$/, '');
    style = s in ABBREVIATIONS ? 'abbreviated' : s === 'miljoen' || s === 'miljard' ? 'full' : null;
    // (Short words only: a longer one may be a cut of the letter's text, which a key kept here would hold.)
    if (a.scale.length < 13) scaleStyles.set(a.scale, style);
  }
  return style ?? undefined;
}
const scaleStyles = new Map<string, ScaleStyle | null>();

function dominant<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return counts.size > 1 ? best : undefined;
}

export const amountMixedNotation: DiagnosticRule = {
  code: 'amount-mixed-notation',
  defaultSeverity: 'information',
  description: "Amounts in one letter written in different notations ('€' and 'EUR'; 'mln' and 'miljoen').",
  check(ctx) {
    const amounts = ctx.doc.analysis.references.filter((r): r is AmountReference => r.kind === 'amount');
    const findings: Finding[] = [];
    const currencies = amounts.map(currencyOf);
    const styles = amounts.map(scaleStyle);
    const mainCurrency = dominant(currencies.filter((c): c is Currency => !!c));
    const mainScale = dominant(styles.filter((s): s is ScaleStyle => !!s));
    // The abbreviation this letter prefers for billions (mld or mrd), for rewriting full words.
    const billions = amounts.map((a) => a.scale?.toLowerCase().replace(/\.$/, '')).find((s) => s === 'mld' || s === 'mrd') ?? 'mld';
    amounts.forEach((a, i) => {
      const cur = currencies[i];
      if (mainCurrency && cur && cur !== mainCurrency) {
        const at = a.text.indexOf(a.currency!.trim());
        const fix: Fix = {
          title: ctx.m.diag.rewriteTo(mainCurrency === '€' ? a.text.replace(/^EUR\s?/i, '€ ') : a.text.replace(/^€\s?/, 'EUR ')),
          edits: [{ uri: ctx.doc.uri, span: { offset: a.span.offset + at, length: a.currency!.trim().length + (/\s/.test(a.text[at + a.currency!.trim().length] ?? '') ? 1 : 0) }, newText: mainCurrency === '€' ? '€ ' : 'EUR ' }],
          fixAllGroup: 'amount',
        };
        findings.push({ code: this.code, span: a.span, message: ctx.m.diag.mixedCurrency(a.text.replace(/\s+/g, ' '), mainCurrency), fixes: [fix] });
        return;
      }
      const style = styles[i];
      if (mainScale && style && style !== mainScale) {
        const written = a.scale!;
        const at = a.text.lastIndexOf(written);
        const bare = written.toLowerCase().replace(/\.$/, '');
        const replacement = mainScale === 'full' ? ABBREVIATIONS[bare]! : bare === 'miljoen' ? 'mln' : billions;
        const edited = a.text.slice(0, at) + replacement + a.text.slice(at + written.length);
        findings.push({
          code: this.code,
          span: a.span,
          message: ctx.m.diag.mixedScale(a.text.replace(/\s+/g, ' '), mainScale === 'full' ? 'miljoen, miljard' : `mln, ${billions}`),
          fixes: [{ title: ctx.m.diag.rewriteTo(edited.replace(/\s+/g, ' ')), edits: [{ uri: ctx.doc.uri, span: { offset: a.span.offset + at, length: written.length }, newText: replacement }], fixAllGroup: 'amount' }],
        });
      }
    });
    return findings;
  },
};
