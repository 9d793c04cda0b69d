import { z } from 'zod';
import { isSupportedRegion } from '../calendar/holidays.js';

const localDateSchema = z.iso.date('Give a date as YYYY-MM-DD.');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * A correction to the holiday library for one day. `WORKING_DAY`: a business
 * day whatever the weekday or the library says (China's make-up working
 * weekends); `DAY_OFF`: not a business day (bridge days a government adds).
 */
export const calendarOverrideSchema = z.object({
  date: localDateSchema,
  kind: z.enum(['WORKING_DAY', 'DAY_OFF']),
  note: z.string().min(1, 'Say where the override comes from.'),
});
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

/**
 * One region's business days: Monday to Friday, minus the library's public
 * holidays for the region, minus `ignoredHolidays` (month-days the library
 * lists as public that are no day off for a warehouse, such as holidays for
 * one group of people), then the dated overrides, which win over everything.
 * `timeZone` (IANA) says where a local day starts and ends.
 */
export const regionCalendarSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'Give an IANA time zone such as Europe/Paris.'),
  ignoredHolidays: z.array(
    z.object({ monthDay: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Give a month and day as MM-DD.'), note: z.string().min(1) }),
  ),
  overrides: z.array(calendarOverrideSchema),
});
export type RegionCalendar = z.infer<typeof regionCalendarSchema>;

/** Region code (ISO 3166-1 alpha-2) -> its calendar; `defaultRegion` serves rules that name no region. */
export const calendarsSchema = z
  .object({
    defaultRegion: z.string(),
    regions: z.record(z.string(), regionCalendarSchema),
  })
  .superRefine((calendars, ctx) => {
    for (const region of Object.keys(calendars.regions)) {
      if (!isSupportedRegion(region)) {
        ctx.addIssue({ code: 'custom', path: ['regions', region], message: `${region} is not a region with a known holiday calendar.` });
      }
      const seen = new Set<string>();
      calendars.regions[region]?.overrides.forEach((o, i) => {
        if (seen.has(o.date)) {
          ctx.addIssue({ code: 'custom', path: ['regions', region, 'overrides', i, 'date'], message: `${o.date} is overridden twice.` });
        }
        seen.add(o.date);
      });
    }
    if (!Object.hasOwn(calendars.regions, calendars.defaultRegion)) {
      ctx.addIssue({ code: 'custom', path: ['defaultRegion'], message: `The default region ${calendars.defaultRegion} has no calendar.` });
    }
  });
export type Calendars = z.infer<typeof calendarsSchema>;
