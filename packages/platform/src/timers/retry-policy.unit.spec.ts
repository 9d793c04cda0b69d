import { describe, expect, it } from 'vitest';
import { afterFailure, retryDelayMs } from './retry-policy.js';

const policy = { baseMs: 1_000, maxMs: 30_000, maxAttempts: 4 };

describe('timer retry policy', () => {
  it('doubles the delay from the base after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, policy))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('stays finite and capped for absurd failure counts', () => {
    expect(retryDelayMs(10_000, policy)).toBe(30_000);
  });

  it('retries after the delay while attempts remain', () => {
    expect(afterFailure(0, policy)).toEqual({ attempts: 1, dead: false, retryInMs: 1_000 });
    expect(afterFailure(2, policy)).toEqual({ attempts: 3, dead: false, retryInMs: 4_000 });
  });

  it('marks the timer dead when the last attempt fails', () => {
    expect(afterFailure(3, policy)).toEqual({ attempts: 4, dead: true });
    expect(afterFailure(1, { ...policy, maxAttempts: 1 })).toEqual({ attempts: 2, dead: true });
  });
});
