import type { Locale } from './format.js';

/** Decimal places of a currency's minor unit (2 for USD and EUR, 0 for JPY), as Intl knows them. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * What staff type ("12.50", "1,200", "¥3000" is not accepted) to minor units: null when it is not a plain
 * non-negative amount with at most the currency's decimals, so a form can say so instead of guessing. English groups
 * thousands with commas; French writes the decimal comma ("12,50", "1 200,50": spaces group thousands, and a point
 * is taken as the decimal mark too).
 */
export function toMinorUnits(typed: string, currency: string, locale: Locale = 'en'): number | null {
  const digits = minorDigits(currency);
  const text = locale === 'fr' ? typed.replace(/\s/g, '').replace(',', '.') : typed.trim().replace(/,/g, '');
  const match = /^(\d{1,9})(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

/** Minor units back to what a form field shows: 1250 USD is "12.50" (French "12,50"). */
export function fromMinorUnits(amount: number, currency: string, locale: Locale = 'en'): string {
  const digits = minorDigits(currency);
  const shown = digits === 0 ? String(amount) : (amount / 10 ** digits).toFixed(digits);
  return locale === 'fr' ? shown.replace('.', ',') : shown;
}
