import Holidays from 'date-holidays';

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
    holidays = new Holidays(region, { types: ['public'] });
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
  supported ??= new Set(Object.keys(new Holidays().getCountries()));
  return supported.has(region);
}
