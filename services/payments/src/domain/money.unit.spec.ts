import { describe, expect, it } from 'vitest';
import { add, compare, CurrencyMismatchError, formatMoney, min, money, negate, subtract, sum, zero } from './money.js';

const usd = (amount: number) => money(amount, 'USD');
const eur = (amount: number) => money(amount, 'EUR');

describe('money', () => {
  it('is a whole number of minor units in an ISO currency', () => {
    expect(money(1250, 'USD')).toEqual({ amount: 1250, currency: 'USD' });
    expect(money(-0, 'USD')).toEqual({ amount: 0, currency: 'USD' });
    expect(() => money(12.5, 'USD')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError);
    expect(() => money(100, 'usd')).toThrow(RangeError);
    expect(() => money(100, 'US')).toThrow(RangeError);
  });

  it('adds, subtracts and negates within one currency', () => {
    expect(add(usd(1000), usd(250))).toEqual(usd(1250));
    expect(subtract(usd(1000), usd(1250))).toEqual(usd(-250));
    expect(negate(usd(250))).toEqual(usd(-250));
    expect(negate(usd(0))).toEqual(usd(0));
  });

  it('refuses to mix currencies', () => {
    expect(() => add(usd(1), eur(1))).toThrow(CurrencyMismatchError);
    expect(() => subtract(usd(1), eur(1))).toThrow('Cannot combine USD and EUR amounts.');
    expect(() => compare(usd(1), eur(1))).toThrow(CurrencyMismatchError);
    expect(() => sum('USD', [usd(1), eur(1)])).toThrow(CurrencyMismatchError);
  });

  it('sums a list, an empty one to zero in the given currency', () => {
    expect(sum('USD', [usd(100), usd(250), usd(-50)])).toEqual(usd(300));
    expect(sum('EUR', [])).toEqual(zero('EUR'));
    expect(() => sum('EUR', [usd(100)])).toThrow(CurrencyMismatchError);
  });

  it('refuses a sum that would lose precision', () => {
    expect(() => add(usd(Number.MAX_SAFE_INTEGER), usd(1))).toThrow(RangeError);
  });

  it('compares and picks the smaller', () => {
    expect(compare(usd(1), usd(2))).toBe(-1);
    expect(compare(usd(2), usd(2))).toBe(0);
    expect(compare(usd(3), usd(2))).toBe(1);
    expect(min(usd(3), usd(2))).toEqual(usd(2));
  });

  it.each([
    [money(123456, 'USD'), '1,234.56 USD'],
    [money(5, 'EUR'), '0.05 EUR'],
    [money(-5, 'EUR'), '-0.05 EUR'],
    [money(1200, 'JPY'), '1,200 JPY'],
    [money(1500, 'KWD'), '1.500 KWD'],
    [money(0, 'USD'), '0.00 USD'],
  ])('formats %o as %s', (m, text) => {
    expect(formatMoney(m)).toBe(text);
  });
});
