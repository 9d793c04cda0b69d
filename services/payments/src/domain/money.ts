/**
 * Money is an integer number of minor units (cents, yen) plus an ISO 4217
 * currency code. Amounts may be negative here (a ledger posting's signed
 * amount); rules that need a positive amount say so themselves.
 *
 * Adding or comparing two currencies is a bug in the caller, not a customer
 * mistake: callers that take currencies from requests check them first and
 * refuse with a coded error. So these helpers throw plain errors.
 */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const currencyPattern = /^[A-Z]{3}$/;

export class CurrencyMismatchError extends Error {
  constructor(
    readonly left: string,
    readonly right: string,
  ) {
    super(`Cannot combine ${left} and ${right} amounts.`);
    this.name = 'CurrencyMismatchError';
  }
}

export function isCurrencyCode(currency: string): boolean {
  return currencyPattern.test(currency);
}

/** True for a whole number of minor units that arithmetic keeps exact. */
export function isMinorUnits(amount: number): boolean {
  return Number.isSafeInteger(amount);
}

export function money(amount: number, currency: string): Money {
  if (!isCurrencyCode(currency)) throw new RangeError(`Not an ISO 4217 currency code: ${JSON.stringify(currency)}.`);
  if (!isMinorUnits(amount)) throw new RangeError(`Not a whole number of minor units: ${amount}.`);
  return { amount: amount === 0 ? 0 : amount, currency };
}

export function zero(currency: string): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): string {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return a.currency;
}

export function add(a: Money, b: Money): Money {
  return money(a.amount + b.amount, sameCurrency(a, b));
}

export function subtract(a: Money, b: Money): Money {
  return money(a.amount - b.amount, sameCurrency(a, b));
}

export function negate(a: Money): Money {
  return money(-a.amount, a.currency);
}

/** The sum of amounts that must all be in `currency` (an empty list sums to zero in it). */
export function sum(currency: string, amounts: readonly Money[]): Money {
  return amounts.reduce<Money>((total, m) => add(total, m), zero(currency));
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compare(a: Money, b: Money): number {
  sameCurrency(a, b);
  return Math.sign(a.amount - b.amount);
}

export function min(a: Money, b: Money): Money {
  return compare(a, b) <= 0 ? a : b;
}

export function isZero(a: Money): boolean {
  return a.amount === 0;
}

export function isPositive(a: Money): boolean {
  return a.amount > 0;
}

export function isNegative(a: Money): boolean {
  return a.amount < 0;
}

/** ISO 4217 minor-unit digits where they are not 2. */
const minorDigits: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

export function minorUnitDigits(currency: string): number {
  return minorDigits[currency] ?? 2;
}

/** For messages: `1,234.50 USD`, `1,200 JPY`, `-0.05 EUR`. The same output on every machine (no locale). */
export function formatMoney(m: Money): string {
  const digits = minorUnitDigits(m.currency);
  const abs = Math.abs(m.amount);
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = digits === 0 ? '' : `.${(abs % scale).toString().padStart(digits, '0')}`;
  return `${m.amount < 0 ? '-' : ''}${whole}${fraction} ${m.currency}`;
}
