import type { Money } from './notice.js';
import { localeOf, type Language } from './languages.js';

/** An order's or a claim's short reference, as the storefront shows it. */
export function shortReference(id: string): string {
  return id.slice(0, 8).toUpperCase();
}

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

const measureFormats = new Map<string, Intl.NumberFormat>();
function measureFormat(locale: string, unit: 'kilogram' | 'centimeter' | null): Intl.NumberFormat {
  const key = `${locale}|${unit ?? 'number'}`;
  let format = measureFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, unit ? { style: 'unit', unit, maximumFractionDigits: unit === 'kilogram' ? 2 : 1 } : { maximumFractionDigits: 1 });
    measureFormats.set(key, format);
  }
  return format;
}

/** A parcel's weight as logistics weighed it (grams), in kilograms: "2.35 kg" / "2,35 kg". */
export function formatWeight(grams: number, language: Language): string {
  return measureFormat(localeOf(language), 'kilogram').format(grams / 1000);
}

/** A parcel's size (millimetres) in centimetres, length × width × height: "42 × 30 × 25.5 cm". */
export function formatSize(size: { lengthMm: number; widthMm: number; heightMm: number }, language: Language): string {
  const locale = localeOf(language);
  const cm = (mm: number) => mm / 10;
  const number = measureFormat(locale, null);
  return `${number.format(cm(size.lengthMm))} × ${number.format(cm(size.widthMm))} × ${measureFormat(locale, 'centimeter').format(cm(size.heightMm))}`;
}
