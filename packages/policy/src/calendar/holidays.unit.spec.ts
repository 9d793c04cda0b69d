import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { isSupportedRegion, publicHolidays } from './holidays.js';

describe('holiday calendars', () => {
  it('knows exactly the countries the library has a calendar for (read from its data, without loading the parser)', () => {
    const countries = Object.keys(new Holidays().getCountries());
    expect(countries.length).toBeGreaterThan(100);
    expect(countries.every(isSupportedRegion)).toBe(true);
    expect(['ZZ', 'fr', '', 'FR.75'].some(isSupportedRegion)).toBe(false);
  });

  it("loads the library on first use and answers a country's public holidays", () => {
    const french = publicHolidays('FR', 2026);
    expect(french.has('2026-07-14')).toBe(true);
    expect(french.has('2026-07-15')).toBe(false);
  });
});
