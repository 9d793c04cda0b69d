import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';

/**
 * Loaded on the first date that needs a calendar, not at import: the library and its data for
 * every country are ~8 MiB of heap (and ~90 modules) that a service holds from then on, and most
 * processes that import the policy never count a business day (bench/README.md, Memory).
 * Synchronous (its CommonJS build), so business-day rules stay plain functions.
 */
const load = createRequire(import.meta.url);
let library: typeof Holidays | undefined;
const loadLibrary = () => (library ??= load('date-holidays') as typeof Holidays);

/**
 * Public holidays from the maintained `date-holidays` library, as local dates
 * (`YYYY-MM-DD`). Only `type === 'public'` counts: the library also lists bank
 * days, optional days and observances, which are working days for a warehouse.
 * Data is bundled with the library (no I/O); results are memoised per region and year.
 */
const byRegion = new Map<string, Holidays>();
const byRegionYear = new Map<string, ReadonlySet<string>>();

function holidaysOf(region: string): Holidays {
  let holidays = byRegion.get(region);
  if (!holidays) {
    holidays = new (loadLibrary())(region, { types: ['public'] });
    byRegion.set(region, holidays);
  }
  return holidays;
}

export function publicHolidays(region: string, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  let dates = byRegionYear.get(key);
  if (!dates) {
    dates = new Set(
      holidaysOf(region)
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    byRegionYear.set(key, dates);
  }
  return dates;
}

let supported: ReadonlySet<string> | null = null;

/** Countries (ISO 3166-1 alpha-2) the library has a holiday calendar for. */
export function isSupportedRegion(region: string): boolean {
  // The countries are the keys of the library's data: reading them needs neither the parser nor its astronomy and
  // time-zone tables (~5 MiB of heap), which validating a policy at start would otherwise load in every service.
  supported ??= new Set(Object.keys((load('date-holidays/data') as { data: { holidays: Record<string, unknown> } }).data.holidays));
  return supported.has(region);
}
