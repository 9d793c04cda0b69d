import { describe, expect, it } from 'vitest';
import { clampRefund, percentOf } from './money.js';

describe('percentOf: the one rounding rule, half up to the minor unit', () => {
  it.each([
    [6000, 5000, 3000],
    [6001, 5000, 3001], // 3000.5 -> 3001
    [199, 1250, 25], // 24.875 -> 25
    [5, 1000, 1], // 0.5 -> 1
    [4, 1000, 0], // 0.4 -> 0
    [19999, 3000, 6000], // 5999.7 -> 6000
    [15001, 3000, 4500], // 4500.3 -> 4500
    [999, 2500, 250], // 249.75 -> 250
    [12345, 0, 0],
    [12345, 10000, 12345],
    [Number.MAX_SAFE_INTEGER, 10000, Number.MAX_SAFE_INTEGER],
  ])('%i at %i bps is %i', (amount, bps, expected) => {
    expect(percentOf(amount, bps)).toBe(expected);
  });

  it('refuses amounts and percentages no policy can hold (a bug in the caller)', () => {
    expect(() => percentOf(-1, 100)).toThrow();
    expect(() => percentOf(10.5, 100)).toThrow();
    expect(() => percentOf(100, 10001)).toThrow();
  });
});

describe('clampRefund', () => {
  it('is never negative and never more than what was paid', () => {
    expect(clampRefund(-500, 1000)).toBe(0);
    expect(clampRefund(1500, 1000)).toBe(1000);
    expect(clampRefund(700, 1000)).toBe(700);
  });
});
