/**
 * User-facing text in Dutch and English. Every message has both; the Dutch text is the default
 * for a Dutch UI. Messages are functions of their arguments so word order can differ per language.
 */
import { en } from './en';
import { nl } from './nl';
import type { Shape } from './shape';

export type Locale = 'nl' | 'en';

export type Messages = Shape<typeof nl>;

const bundles: Record<Locale, Messages> = { nl, en };

/** The message bundle of a locale. */
export function messages(locale: Locale): Messages {
  return bundles[locale];
}

/** Picks the locale from a BCP 47 tag or POSIX locale ("nl", "nl-NL", "nl_NL.UTF-8"); English otherwise. */
export function localeFrom(tag: string | undefined): Locale {
  return tag && /^nl([-_.]|$)/i.test(tag) ? 'nl' : 'en';
}
