import { describe, expect, it } from 'vitest';
import { chinaCalendar, franceCalendar, japanCalendar, unitedStatesCalendar } from '../presets/calendars.js';
import { calendarsSchema } from '../schema/calendar.js';
import { addBusinessDays, isBusinessDay, type BusinessCalendar } from './business-days.js';

const calendars = calendarsSchema.parse({
  defaultRegion: 'FR',
  regions: { FR: franceCalendar, CN: chinaCalendar, JP: japanCalendar, US: unitedStatesCalendar },
});
const calendar = (region: string): BusinessCalendar => ({ ...calendars.regions[region]!, region });

describe('business days', () => {
  it('France: 5 business days after 2026-12-23 is 2026-12-31 (Christmas and a weekend skipped)', () => {
    expect(addBusinessDays(calendar('FR'), '2026-12-23', 5)).toBe('2026-12-31');
    expect(isBusinessDay(calendar('FR'), '2026-12-25')).toBe(false);
    expect(isBusinessDay(calendar('FR'), '2026-12-24')).toBe(true);
  });

  it('France: Victory Day (8 May) and Whit Monday are days off', () => {
    expect(isBusinessDay(calendar('FR'), '2026-05-08')).toBe(false);
    expect(isBusinessDay(calendar('FR'), '2026-05-25')).toBe(false);
  });

  it('China: a make-up working Saturday counts, and the whole Spring Festival break does not', () => {
    expect(isBusinessDay(calendar('CN'), '2026-02-14')).toBe(true);
    expect(addBusinessDays(calendar('CN'), '2026-02-13', 1)).toBe('2026-02-14');
    // 15-23 February off (the library knows 16-18; the override table adds 19, 20 and 23)
    expect(addBusinessDays(calendar('CN'), '2026-02-13', 2)).toBe('2026-02-24');
    expect(isBusinessDay(calendar('CN'), '2026-02-28')).toBe(true);
    expect(isBusinessDay(calendar('CN'), '2026-10-07')).toBe(false);
  });

  it('China: without the override table the library alone would miss the make-up day', () => {
    const libraryOnly: BusinessCalendar = { ...calendar('CN'), overrides: [] };
    expect(isBusinessDay(libraryOnly, '2026-02-14')).toBe(false);
    expect(isBusinessDay(libraryOnly, '2026-02-19')).toBe(true);
  });

  it("China: holidays for one group of people (Children's Day) are working days", () => {
    expect(isBusinessDay(calendar('CN'), '2026-06-01')).toBe(true);
    expect(isBusinessDay({ ...calendar('CN'), ignoredHolidays: [] }, '2026-06-01')).toBe(false);
  });

  it("Japan: only public holidays count (the library's bank days stay working days)", () => {
    expect(isBusinessDay(calendar('JP'), '2026-01-01')).toBe(false);
    expect(isBusinessDay(calendar('JP'), '2026-01-02')).toBe(true);
  });

  it('United States: the Independence Day substitute (Friday 3 July 2026) is a day off', () => {
    expect(isBusinessDay(calendar('US'), '2026-07-03')).toBe(false);
    expect(addBusinessDays(calendar('US'), '2026-07-02', 1)).toBe('2026-07-06');
  });
});
