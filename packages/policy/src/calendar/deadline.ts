import type { StorePolicy } from '../schema/store-policy.js';
import type { Duration } from '../schema/units.js';
import { addBusinessDays, type BusinessCalendar } from './business-days.js';
import { addDays, addMonths, localDateOf, startOfLocalDay, type LocalDate } from './local-date.js';

/**
 * A deadline is an instant: something done strictly before `at` is in time,
 * at `at` or later it is late. `lastDay` is the local day the deadline falls
 * in (what an email says: "pay by 31 December"), in the region's time zone.
 *
 * How a duration counts from `start`, in the region's calendar and time zone:
 * - HOURS: exactly that many hours later (`at = start + n h`).
 * - DAYS: until the end of the n-th local day after the start's local day.
 * - BUSINESS_DAYS: until the end of the n-th business day after the start's
 *   local day (the start's own day never counts, even a business day).
 * - MONTHS: until the end of the same day of the month n months later (or
 *   that month's last day).
 * "End of a day" is the first instant of the next local day.
 */
export interface Deadline {
  at: Date;
  lastDay: LocalDate;
  region: string;
  timeZone: string;
}

/** The policy's calendar for a region (the order's warehouse); the default region when none is given. */
export function calendarFor(policy: StorePolicy, region?: string | null): BusinessCalendar {
  const code = region ?? policy.calendars.defaultRegion;
  const calendar = policy.calendars.regions[code];
  if (!calendar) throw new Error(`Store policy ${policy.id} has no business-day calendar for region ${code}.`);
  return { ...calendar, region: code };
}

/**
 * Which region's calendar counts an order's deadlines: the country of the
 * warehouse holding its units when the policy keeps a calendar for it (a
 * China-held order follows China's working weekends), otherwise the policy's
 * default region (no warehouse known yet, or one in a country the store has
 * not given a calendar). The deadline names the region it used.
 */
export function deadlineRegion(policy: StorePolicy, warehouseCountry: string | null | undefined): string {
  return warehouseCountry && policy.calendars.regions[warehouseCountry] ? warehouseCountry : policy.calendars.defaultRegion;
}

export function deadlineAfter(policy: StorePolicy, start: Date, duration: Duration, region?: string | null): Deadline {
  const calendar = calendarFor(policy, region);
  const { timeZone } = calendar;
  const endOf = (day: LocalDate): Deadline => ({ at: startOfLocalDay(addDays(day, 1), timeZone), lastDay: day, region: calendar.region, timeZone });
  const startDay = localDateOf(start, timeZone);
  switch (duration.unit) {
    case 'HOURS': {
      const at = new Date(start.getTime() + duration.amount * 3_600_000);
      return { at, lastDay: localDateOf(new Date(at.getTime() - 1), timeZone), region: calendar.region, timeZone };
    }
    case 'DAYS':
      return endOf(addDays(startDay, duration.amount));
    case 'BUSINESS_DAYS':
      return endOf(addBusinessDays(calendar, startDay, duration.amount));
    case 'MONTHS':
      return endOf(addMonths(startDay, duration.amount));
  }
}

/** Whether `now` is still before the deadline. */
export function isBefore(now: Date, deadline: Deadline): boolean {
  return now.getTime() < deadline.at.getTime();
}
