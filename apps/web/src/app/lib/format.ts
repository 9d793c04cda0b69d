// Money and dates in the customer's words, in their locale (lib/i18n.ts picks it; the back office stays English).
export type Locale = 'en' | 'fr';

/** The Intl locale of each storefront language. */
const intlLocale: Record<Locale, string> = { en: 'en', fr: 'fr-FR' };

export interface MoneyValue {
  amount: number;
  currency: string;
}

/** Minor units to a price: 1999 USD is "$19.99", 1999 JPY is "¥1,999". */
export function formatMoney({ amount, currency }: MoneyValue, locale: Locale = 'en'): string {
  const format = new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** A release estimate (YYYY-MM or YYYY-MM-DD) as words: "March 2027", "15 March 2027". */
export function formatEstimate(estimate: string, locale: Locale = 'en'): string {
  const month = /^(\d{4})-(\d{2})$/.exec(estimate);
  if (month)
    return new Intl.DateTimeFormat(intlLocale[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${estimate}-01T00:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}$/.test(estimate)) return formatDay(`${estimate}T00:00:00Z`, locale);
  return estimate;
}

export function formatDay(iso: string, locale: Locale = 'en'): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale = 'en'): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';
}

/** What is left until a moment, in whole units: "3 days 4 hours", "2 hours 5 minutes", "closed". */
export function timeLeft(untilMs: number, nowMs: number, locale: Locale = 'en'): string {
  const minutes = Math.floor((untilMs - nowMs) / 60_000);
  if (minutes <= 0) return locale === 'fr' ? 'fermé' : 'closed';
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  const units: Record<string, string> = locale === 'fr' ? { day: 'jour', hour: 'heure', minute: 'minute' } : { day: 'day', hour: 'hour', minute: 'minute' };
  const part = (n: number, unit: string) => `${n} ${units[unit]}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${part(days, 'day')} ${part(hours, 'hour')}` : part(days, 'day');
  if (hours > 0) return mins > 0 ? `${part(hours, 'hour')} ${part(mins, 'minute')}` : part(hours, 'hour');
  return part(mins, 'minute');
}

const statusWords: Record<string, string> = {
  ANNOUNCED: 'Announced',
  PREORDER: 'Preorder open',
  PREORDER_CLOSED: 'Preorders closed',
  RELEASED: 'Released',
  IN_STOCK: 'In stock',
  CHINA_STOCK: 'In stock (ships from the factory)',
  SOLD_OUT: 'Sold out',
  DISCONTINUED: 'Discontinued',
};
export const productStatusWords = (status: string) => statusWords[status] ?? status;

const orderStatusWords: Record<string, string> = {
  PENDING: 'Being placed',
  REJECTED: 'Could not be placed',
  AWAITING_PAYMENT: 'Waiting for your payment',
  SECURED: 'Secured: your preorder is held',
  PAYMENT_DUE: 'Payment due',
  READY_TO_FULFIL: 'Paid: waiting for the warehouse',
  IN_FULFILMENT: 'Being packed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired: left unpaid',
  CONFIRMED: 'Confirmed',
};
export const orderStatusText = (status: string) => orderStatusWords[status] ?? status;

const purposeWords: Record<string, string> = {
  DEPOSIT: 'Deposit',
  FULL_PAYMENT: 'Full payment',
  DOWN_PAYMENT: 'Down payment',
  BALANCE: 'Balance',
  ARRIVAL_PAYMENT: 'Payment on arrival',
  CHARGE_AT_SHIP: 'Charge on the shipping day',
  EXTRA_SHIPPING: 'Extra shipping',
};
export const purposeText = (purpose: string) => purposeWords[purpose] ?? purpose;
