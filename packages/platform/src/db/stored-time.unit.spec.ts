import { describe, expect, it } from 'vitest';
import { toDate } from './stored-time.js';

describe('toDate', () => {
  it("reads PostgreSQL's text, ISO text and a Date as the same instant, and keeps null for null", () => {
    const instant = new Date('2026-11-30T10:20:30.456Z');
    expect(toDate('2026-11-30 10:20:30.456+00')).toEqual(instant);
    expect(toDate('2026-11-30 11:20:30.456+01')).toEqual(instant);
    expect(toDate('2026-11-30T10:20:30.456Z')).toEqual(instant);
    expect(toDate(instant)).toBe(instant);
    expect(toDate(null)).toBeNull();
    expect(toDate(undefined)).toBeNull();
  });
});
