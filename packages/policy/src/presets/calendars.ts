import type { StorePolicyInput } from '../schema/store-policy.js';

type RegionCalendarInput = StorePolicyInput['calendars']['regions'][string];

/** France: the library's public holidays are the whole story. */
export const franceCalendar: RegionCalendarInput = { timeZone: 'Europe/Paris', ignoredHolidays: [], overrides: [] };

/** Japan: public holidays only (the library's bank days, 01-02, 01-03 and 12-31, stay working days). */
export const japanCalendar: RegionCalendarInput = { timeZone: 'Asia/Tokyo', ignoredHolidays: [], overrides: [] };

export const unitedStatesCalendar: RegionCalendarInput = { timeZone: 'America/New_York', ignoredHolidays: [], overrides: [] };

/**
 * China: the library has the statutory days, but the State Council's yearly
 * schedule moves days around them: make-up working weekends, and bridge days
 * off the library does not list. Source: 国务院办公厅关于2026年部分节假日安排的通知
 * (State Council notice of 2025-11-04). Add each year's notice when it is
 * published (usually in November); until then a year runs on the library alone.
 */
export const chinaCalendar: RegionCalendarInput = {
  timeZone: 'Asia/Shanghai',
  // Holidays for one group of people (half a day for women, youth, the army; children): warehouses work.
  ignoredHolidays: [
    { monthDay: '03-08', note: "International Women's Day: half a day off for women only" },
    { monthDay: '05-04', note: 'Youth Day: half a day off for young people only' },
    { monthDay: '06-01', note: "Children's Day: for children only" },
    { monthDay: '08-01', note: 'Army Day: for the military only' },
  ],
  overrides: [
    { date: '2026-01-02', kind: 'DAY_OFF', note: 'New Year: 1-3 January off' },
    { date: '2026-01-04', kind: 'WORKING_DAY', note: 'New Year make-up working Sunday' },
    { date: '2026-02-14', kind: 'WORKING_DAY', note: 'Spring Festival make-up working Saturday' },
    { date: '2026-02-19', kind: 'DAY_OFF', note: 'Spring Festival: 15-23 February off' },
    { date: '2026-02-20', kind: 'DAY_OFF', note: 'Spring Festival: 15-23 February off' },
    { date: '2026-02-23', kind: 'DAY_OFF', note: 'Spring Festival: 15-23 February off' },
    { date: '2026-02-28', kind: 'WORKING_DAY', note: 'Spring Festival make-up working Saturday' },
    { date: '2026-04-06', kind: 'DAY_OFF', note: 'Qingming: 4-6 April off' },
    { date: '2026-05-04', kind: 'DAY_OFF', note: 'Labour Day: 1-5 May off' },
    { date: '2026-05-05', kind: 'DAY_OFF', note: 'Labour Day: 1-5 May off' },
    { date: '2026-05-09', kind: 'WORKING_DAY', note: 'Labour Day make-up working Saturday' },
    { date: '2026-09-20', kind: 'WORKING_DAY', note: 'National Day make-up working Sunday' },
    { date: '2026-10-05', kind: 'DAY_OFF', note: 'National Day: 1-7 October off' },
    { date: '2026-10-06', kind: 'DAY_OFF', note: 'National Day: 1-7 October off' },
    { date: '2026-10-07', kind: 'DAY_OFF', note: 'National Day: 1-7 October off' },
    { date: '2026-10-10', kind: 'WORKING_DAY', note: 'National Day make-up working Saturday' },
  ],
};
