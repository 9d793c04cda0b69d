import { describe, expect, it } from 'vitest';
import { presets } from '../presets/index.js';
import { calendarFor, deadlineAfter, deadlineRegion, isBefore } from './deadline.js';

const depositStore = presets['deposit-store'];

describe('deadlines', () => {
  it('HOURS: exactly that many hours later', () => {
    const d = deadlineAfter(depositStore, new Date('2026-03-03T09:00:00Z'), { amount: 24, unit: 'HOURS' });
    expect(d).toEqual({ at: new Date('2026-03-04T09:00:00Z'), lastDay: '2026-03-04', region: 'FR', timeZone: 'Europe/Paris' });
  });

  it("DAYS: to the end of the n-th local day after the start's day", () => {
    const d = deadlineAfter(depositStore, new Date('2026-03-02T10:00:00Z'), { amount: 7, unit: 'DAYS' });
    expect(d.lastDay).toBe('2026-03-09');
    expect(d.at.toISOString()).toBe('2026-03-09T23:00:00.000Z');
  });

  it('DAYS across the spring daylight-saving change end at local midnight (22:00 UTC in summer time)', () => {
    const d = deadlineAfter(depositStore, new Date('2026-03-20T10:00:00Z'), { amount: 14, unit: 'DAYS' });
    expect(d.lastDay).toBe('2026-04-03');
    expect(d.at.toISOString()).toBe('2026-04-03T22:00:00.000Z');
  });

  it('BUSINESS_DAYS: the French check, 5 business days after 2026-12-23 ends with 2026-12-31', () => {
    const d = deadlineAfter(depositStore, new Date('2026-12-23T16:00:00Z'), { amount: 5, unit: 'BUSINESS_DAYS' }, 'FR');
    expect(d.lastDay).toBe('2026-12-31');
    expect(d.at.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('BUSINESS_DAYS in the China warehouse use its calendar and time zone', () => {
    const d = deadlineAfter(depositStore, new Date('2026-02-13T03:00:00Z'), { amount: 1, unit: 'BUSINESS_DAYS' }, 'CN');
    expect(d).toEqual({ at: new Date('2026-02-14T16:00:00Z'), lastDay: '2026-02-14', region: 'CN', timeZone: 'Asia/Shanghai' });
  });

  it('MONTHS: the same day n months later, or the last day of a shorter month', () => {
    expect(deadlineAfter(depositStore, new Date('2026-01-31T12:00:00Z'), { amount: 1, unit: 'MONTHS' }).lastDay).toBe('2026-02-28');
  });

  it('a deadline is exclusive: the instant itself is late', () => {
    const d = deadlineAfter(depositStore, new Date('2026-03-03T09:00:00Z'), { amount: 24, unit: 'HOURS' });
    expect(isBefore(new Date('2026-03-04T08:59:59.999Z'), d)).toBe(true);
    expect(isBefore(new Date('2026-03-04T09:00:00Z'), d)).toBe(false);
  });

  it('a region the policy has no calendar for is a bug', () => {
    expect(() => calendarFor(depositStore, 'US')).toThrow('Store policy deposit-store has no business-day calendar for region US.');
  });

  it("an order's deadlines count in its warehouse's country when the policy has that calendar, else in the default region", () => {
    expect(deadlineRegion(depositStore, 'CN')).toBe('CN');
    expect(deadlineRegion(depositStore, 'FR')).toBe('FR');
    expect(deadlineRegion(depositStore, 'US')).toBe('FR'); // no US calendar in deposit-store
    expect(deadlineRegion(depositStore, null)).toBe('FR'); // no warehouse known yet
    expect(deadlineRegion(presets['pay-on-arrival'], 'FR')).toBe('US');
  });

  it('the same 5 business days end later in a China warehouse that works a make-up Saturday than the default calendar says', () => {
    // From Thu 12 Feb 2026. China: Fri 13 (1), Sat 14 a make-up working day (2), 15-23 off for the Spring Festival, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    // France (the default): Fri 13 (1), Mon 16 to Thu 19 (2-5).
    const start = new Date('2026-02-12T03:00:00Z');
    const five = { amount: 5, unit: 'BUSINESS_DAYS' } as const;
    expect(deadlineAfter(depositStore, start, five, deadlineRegion(depositStore, 'CN')).lastDay).toBe('2026-02-26');
    expect(deadlineAfter(depositStore, start, five, deadlineRegion(depositStore, 'US')).lastDay).toBe('2026-02-19');
  });
});
