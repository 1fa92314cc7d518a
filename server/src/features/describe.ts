/**
 * How a reference is described to a person in one line: the normalized value behind the text.
 * Used by the command line's tables, the outline and hovers.
 */
import { handelingenKey, kamerstukKey } from '../engine/identifiers';
import type { AmountReference, DeadlineReference, Reference } from '../engine/model';
import { messages, type Locale } from '../l10n';

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
  const m = messages(locale).describe;
  if (!d.end) return m.unresolved;
  if (d.start && d.start !== d.end) return `${d.start} … ${d.end}`;
  if (d.start === d.end) return d.end;
  return m.by(d.end);
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
    case 'handelingen':
      return handelingenKey(r) + (r.pages ? ` p. ${r.pages}` : '');
  }
}

/** "20 maart 2025" / "20 March 2025" of an ISO date; other strings as they are. */
export function formatDate(iso: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${messages(locale).months[Number(m[2]) - 1]} ${m[1]}`;
}

/** Escapes text for Markdown (hover contents); see markdown.ts. */
export { escapeMarkdown } from './markdown';

/** When a deadline falls, in words: "1 oktober 2025 t/m 31 december 2025" / "uiterlijk 31 december 2025". */
export function describeDeadlineWhen(d: DeadlineReference, locale: Locale): string {
  const m = messages(locale);
  if (!d.end) return d.text;
  const f = (x: string): string => formatDate(x, locale);
  if (d.start && d.start !== d.end) return m.hover.period(f(d.start), f(d.end));
  if (d.start === d.end) return m.hover.onDay(f(d.end));
  return m.hover.by(f(d.end));
}
