import { useRouteLoaderData } from 'react-router';
import { formatDateTime, formatDay, formatEstimate, formatMoney, timeLeft, type Locale, type MoneyValue } from './format.js';
import { en, type Messages } from './messages/en.js';
import { fr } from './messages/fr.js';

// The storefront's two languages: a small typed catalogue per locale (messages/en.ts is the reference: fr.ts must
// have every key, with the same arguments), money and dates through Intl in the same locale.

export type { Locale, Messages };
export const locales: readonly Locale[] = ['en', 'fr'];
export const localeNames: Record<Locale, string> = { en: 'English', fr: 'Français' };
const catalogues: Record<Locale, Messages> = { en, fr };

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);

/**
 * The customer's choice (the cookie the language switch sets), else the first language of Accept-Language the
 * store speaks (by weight, `fr-CA` counting as `fr`), else English.
 */
export function pickLocale(chosen: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((l) => l.language).find(isLocale) ?? 'en';
}

export const messagesFor = (locale: Locale): Messages => catalogues[locale];

/** What a page needs to speak the customer's language: the messages and Intl formatting in that locale. */
export function translator(locale: Locale) {
  return {
    locale,
    t: catalogues[locale],
    money: (value: MoneyValue) => formatMoney(value, locale),
    day: (iso: string) => formatDay(iso, locale),
    dateTime: (iso: string) => formatDateTime(iso, locale),
    estimate: (estimate: string) => formatEstimate(estimate, locale),
    timeLeft: (untilMs: number, nowMs: number) => timeLeft(untilMs, nowMs, locale),
  };
}
export type Translator = ReturnType<typeof translator>;

/** The locale the root loader picked for this request (English where no root data is available, e.g. an early error). */
export function useI18n(): Translator {
  const data = useRouteLoaderData('root') as { locale?: unknown } | undefined;
  return translator(isLocale(data?.locale) ? data.locale : 'en');
}

/** The locale the root loader picked, for a route's `meta` (titles). */
export function metaLocale(matches: readonly unknown[]): Locale {
  const root = matches.find((m) => (m as { id?: unknown } | undefined)?.id === 'root') as { data?: { locale?: unknown } } | undefined;
  const locale = root?.data?.locale;
  return isLocale(locale) ? locale : 'en';
}

/** The messages for a route's `meta` (titles), in the locale the root loader picked. */
export const metaMessages = (matches: readonly unknown[]): Messages => messagesFor(metaLocale(matches));

/**
 * A page's or a component's own words, one catalogue per locale (the back office keeps one small file per page
 * under messages/admin/ rather than one big catalogue): `const fr: typeof en` makes the type check that French has
 * every key, with the same arguments.
 */
export type Wording<T> = Readonly<Record<Locale, T>>;

/** `wording` in the locale the root loader picked (components). */
export const useWords = <T>(wording: Wording<T>): T => wording[useI18n().locale];

/** `wording` in `locale` (loaders and actions: `requestLocale`; `meta`: `metaLocale`). */
export const wordsIn = <T>(wording: Wording<T>, locale: Locale): T => wording[locale];
