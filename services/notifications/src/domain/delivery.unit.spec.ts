import { describe, expect, it } from 'vitest';
import { afterFailedAttempt, defaultEmailRetry } from './delivery.js';

const schedule = { baseMs: 1_000, maxMs: 10_000, maxAttempts: 5 };

describe('retrying a message that could not be sent', () => {
  it('doubles the wait after each failure, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => afterFailedAttempt(n, schedule))).toEqual([
      { giveUp: false, retryInMs: 1_000 },
      { giveUp: false, retryInMs: 2_000 },
      { giveUp: false, retryInMs: 4_000 },
      { giveUp: false, retryInMs: 8_000 },
    ]);
    expect(afterFailedAttempt(4, { ...schedule, maxAttempts: 50 })).toEqual({ giveUp: false, retryInMs: 8_000 });
    expect(afterFailedAttempt(30, { ...schedule, maxAttempts: 50 })).toEqual({ giveUp: false, retryInMs: 10_000 });
  });

  it('gives up after the last attempt', () => {
    expect(afterFailedAttempt(5, schedule)).toEqual({ giveUp: true });
  });

  it('keeps trying for more than a day by default', () => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const next = afterFailedAttempt(attempt, defaultEmailRetry);
      if (next.giveUp) break;
      waited += next.retryInMs;
    }
    expect(waited).toBeGreaterThan(24 * 3_600_000);
  });
});
