import { describe, expect, it } from 'vitest';
import { fromMinorUnits, toMinorUnits } from './money-input.js';

describe('amounts typed by staff', () => {
  it('turns decimal amounts into minor units by the currency', () => {
    expect(toMinorUnits('12.50', 'USD')).toBe(1250);
    expect(toMinorUnits('12.5', 'EUR')).toBe(1250);
    expect(toMinorUnits(' 1,200 ', 'USD')).toBe(120_000);
    expect(toMinorUnits('100', 'USD')).toBe(10_000);
    expect(toMinorUnits('3000', 'JPY')).toBe(3000);
    expect(toMinorUnits('0', 'USD')).toBe(0);
  });

  it('refuses what is not a plain amount rather than guessing', () => {
    expect(toMinorUnits('12.505', 'USD')).toBeNull();
    expect(toMinorUnits('12.5', 'JPY')).toBeNull();
    expect(toMinorUnits('-3', 'USD')).toBeNull();
    expect(toMinorUnits('', 'USD')).toBeNull();
    expect(toMinorUnits('$12', 'USD')).toBeNull();
    expect(toMinorUnits('1e3', 'USD')).toBeNull();
  });

  it('shows minor units back as a form value', () => {
    expect(fromMinorUnits(1250, 'USD')).toBe('12.50');
    expect(fromMinorUnits(3000, 'JPY')).toBe('3000');
  });

  it('reads French amounts with the decimal comma, spaces grouping thousands', () => {
    expect(toMinorUnits('12,50', 'EUR', 'fr')).toBe(1250);
    expect(toMinorUnits('129.99', 'USD', 'fr')).toBe(12_999);
    expect(toMinorUnits(' 1 200,5 ', 'EUR', 'fr')).toBe(120_050);
    expect(toMinorUnits('1\u202f200', 'EUR', 'fr')).toBe(120_000);
    expect(toMinorUnits('3000', 'JPY', 'fr')).toBe(3000);
    expect(toMinorUnits('1,200', 'USD', 'fr')).toBeNull();
    expect(toMinorUnits('1.200,50', 'EUR', 'fr')).toBeNull();
    expect(toMinorUnits('12,5', 'JPY', 'fr')).toBeNull();
    expect(toMinorUnits('-3', 'EUR', 'fr')).toBeNull();
    expect(toMinorUnits('', 'EUR', 'fr')).toBeNull();
  });

  it('shows minor units back as a French form value', () => {
    expect(fromMinorUnits(1250, 'EUR', 'fr')).toBe('12,50');
    expect(fromMinorUnits(3000, 'JPY', 'fr')).toBe('3000');
    expect(toMinorUnits(fromMinorUnits(12_999, 'USD', 'fr'), 'USD', 'fr')).toBe(12_999);
  });
});
