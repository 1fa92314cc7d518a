/**
 * How a reference is described to a person in one line: the normalized value behind the text.
 * Used by the command line's tables, the outline and hovers.
 */
import { kamerstukKey } from '../engine/identifiers';
import type { AmountReference, DeadlineReference, Reference } from '../engine/model';
import type { Locale } from '../l10n';

/** "€ 1.118.000.000" (Dutch notation, whole euros; cents when present). */
export function formatEuro(value: number): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const whole = Math.floor(abs);
  const cents = Math.round((abs - whole) * 100);
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}€ ${grouped}${cents ? `,${String(cents).padStart(2, '0')}` : ''}`;
}

export function describeAmount(a: AmountReference): string {
  const base = a.valueMax !== undefined ? `${formatEuro(a.value)} – ${formatEuro(a.valueMax)}` : formatEuro(a.value);
  return a.qualifiers?.length ? `${base} (${a.qualifiers.join(', ')})` : base;
}

export function describeDeadline(d: DeadlineReference, locale: Locale): string {
  if (!d.end) return locale === 'nl' ? 'niet op te lossen zonder documentdatum' : 'cannot be resolved without a document date';
  if (d.start && d.start !== d.end) return `${d.start} … ${d.end}`;
  if (d.start === d.end) return d.end;
  return locale === 'nl' ? `uiterlijk ${d.end}` : `by ${d.end}`;
}

/** The normalized value of a reference, short. */
export function describeReference(r: Reference, locale: Locale): string {
  switch (r.kind) {
    case 'kamerstuk':
      return kamerstukKey(r) + (r.alsoDossiers?.length ? ` (+${r.alsoDossiers.join(', ')})` : '');
    case 'dossier':
      return r.dossier;
    case 'documentNumber':
      return r.number;
    case 'motion': {
      const names = r.submitters.join(', ') + (r.cs ? ' c.s.' : '');
      return r.kamerstuk ? `${names} → ${kamerstukKey(r.kamerstuk)}` : names;
    }
    case 'amount':
      return describeAmount(r);
    case 'deadline':
      return describeDeadline(r, locale);
  }
}
