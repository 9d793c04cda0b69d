import type { Money } from './notice.js';
import { localeOf, type Language } from './languages.js';

/**
 * An amount in integer minor units as a customer reads it, in their language
 * and the amount's own currency (its number of decimals comes from ISO 4217
 * through Intl: 2 for EUR and USD, 0 for JPY).
 */
export function formatMoney(money: Money, language: Language): string {
  const { format, decimals } = moneyFormat(localeOf(language), money.currency);
  return format.format(money.amount / 10 ** decimals);
}

// Building an Intl formatter costs far more than using one (a profile of the bench had them among
// notifications' hottest functions): one per locale and currency or style, kept for the process's life.
const moneyFormats = new Map<string, { format: Intl.NumberFormat; decimals: number }>();
function moneyFormat(locale: string, currency: string): { format: Intl.NumberFormat; decimals: number } {
  const key = `${locale}|${currency}`;
  let entry = moneyFormats.get(key);
  if (!entry) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    entry = { format, decimals: format.resolvedOptions().maximumFractionDigits ?? 2 };
    moneyFormats.set(key, entry);
  }
  return entry;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, style: 'date' | 'deadline'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      style === 'date'
        ? { dateStyle: 'long', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' },
    );
    dateFormats.set(key, format);
  }
  return format;
}

/** A day, e.g. "March 14, 2027" / "14 mars 2027" (UTC: the store's deadlines are instants, shown on the store's calendar). */
export function formatDate(iso: string, language: Language): string {
  return dateFormat(localeOf(language), 'date').format(new Date(iso));
}

/** A deadline, to the minute, with its time zone said. */
export function formatDeadline(iso: string, language: Language): string {
  return dateFormat(localeOf(language), 'deadline').format(new Date(iso));
}
