import type { Money } from './notice.js';
import { localeOf, type Language } from './languages.js';

/**
 * An amount in integer minor units as a customer reads it, in their language
 * and the amount's own currency (its number of decimals comes from ISO 4217
 * through Intl: 2 for EUR and USD, 0 for JPY).
 */
export function formatMoney(money: Money, language: Language): string {
  const format = new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: money.currency });
  const decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** decimals);
}

/** A day, e.g. "March 14, 2027" / "14 mars 2027" (UTC: the store's deadlines are instants, shown on the store's calendar). */
export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

/** A deadline, to the minute, with its time zone said. */
export function formatDeadline(iso: string, language: Language): string {
  const format = new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  return format.format(new Date(iso));
}
