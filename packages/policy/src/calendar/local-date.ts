/**
 * Local calendar dates (`YYYY-MM-DD`) and the instants where they start, in
 * an IANA time zone, with the platform's Intl (no time-zone library, no I/O).
 */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: number, timeZone: string): { y: number; m: number; d: number; h: number; mi: number; s: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute), s: Number(parts.second) };
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - (instant - (((instant % 1000) + 1000) % 1000));
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const w = wallClock(instant.getTime(), timeZone);
  return `${String(w.y).padStart(4, '0')}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}

function parse(date: LocalDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

function format(utcMs: number): LocalDate {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** The first instant of a local day (where midnight does not exist, the first instant that does). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = parse(date);
  const wall = Date.UTC(y, m - 1, d);
  const guess = wall - offsetAt(wall, timeZone);
  const instant = wall - offsetAt(guess, timeZone);
  return new Date(localDateOf(new Date(instant), timeZone) === date ? instant : guess);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parse(date);
  return format(Date.UTC(y, m - 1, d + days));
}

/** Same day of the month `months` later, or the month's last day when it is shorter (01-31 + 1 month = 02-28). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parse(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  const [y, m, d] = parse(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return parse(date)[0];
}
