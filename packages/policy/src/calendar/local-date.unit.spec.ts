import { describe, expect, it } from 'vitest';
import { addDays, addMonths, localDateOf, startOfLocalDay, weekdayOf } from './local-date.js';

describe('local dates in a time zone', () => {
  it('reads the local day of an instant', () => {
    expect(localDateOf(new Date('2026-12-31T22:59:59Z'), 'Europe/Paris')).toBe('2026-12-31');
    expect(localDateOf(new Date('2026-12-31T23:00:00Z'), 'Europe/Paris')).toBe('2027-01-01');
    expect(localDateOf(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
  });

  it('finds where a local day starts, on both sides of a daylight-saving change', () => {
    expect(startOfLocalDay('2026-03-28', 'Europe/Paris').toISOString()).toBe('2026-03-27T23:00:00.000Z');
    expect(startOfLocalDay('2026-03-30', 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay('2026-07-11', 'America/New_York').toISOString()).toBe('2026-07-11T04:00:00.000Z');
    expect(startOfLocalDay('2026-04-18', 'Asia/Tokyo').toISOString()).toBe('2026-04-17T15:00:00.000Z');
  });

  it('adds days and months on the calendar; a month later than a short month is its last day', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(weekdayOf('2026-02-14')).toBe(6);
  });
});
