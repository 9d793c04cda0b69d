import type { RegionCalendar } from '../schema/calendar.js';
import { publicHolidays } from './holidays.js';
import { addDays, weekdayOf, yearOf, type LocalDate } from './local-date.js';

/** A region's calendar with the region code it belongs to. */
export interface BusinessCalendar extends RegionCalendar {
  region: string;
}

/**
 * Monday to Friday, except the library's public holidays for the region
 * (minus the month-days the calendar ignores); a dated override wins over all of it.
 */
export function isBusinessDay(calendar: BusinessCalendar, date: LocalDate): boolean {
  const override = calendar.overrides.find((o) => o.date === date);
  if (override) return override.kind === 'WORKING_DAY';
  const weekday = weekdayOf(date);
  if (weekday === 0 || weekday === 6) return false;
  if (calendar.ignoredHolidays.some((h) => date.endsWith(`-${h.monthDay}`))) return true;
  return !publicHolidays(calendar.region, yearOf(date)).has(date);
}

/** The `count`-th business day after `date` (the day itself never counts). */
export function addBusinessDays(calendar: BusinessCalendar, date: LocalDate, count: number): LocalDate {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isBusinessDay(calendar, day)) left -= 1;
  }
  return day;
}
