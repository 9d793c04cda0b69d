import { describe, expect, it } from 'vitest';
import { decideLoginThrottle, defaultThrottleRules, requiredDelaySeconds, throttleMessage, type ThrottleRule } from './login-throttle.js';

const pair: ThrottleRule = { scope: 'pair', freeFailures: 3, baseDelaySeconds: 30, maxDelaySeconds: 600, failuresPerDoubling: 1, windowSeconds: 3600 };
const address: ThrottleRule = { scope: 'address', freeFailures: 5, baseDelaySeconds: 60, maxDelaySeconds: 600, failuresPerDoubling: 2, windowSeconds: 3600 };
const account: ThrottleRule = { ...address, scope: 'account', freeFailures: 10, minDistinctAddresses: 4 };
const now = new Date('2026-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('growing delays', () => {
  it('costs nothing for the free failures, then doubles up to the maximum', () => {
    expect([0, 2, 3, 4, 5, 6, 9, 50].map((count) => requiredDelaySeconds(pair, count))).toEqual([0, 0, 30, 60, 120, 240, 600, 600]);
    expect([5, 6, 7, 8].map((count) => requiredDelaySeconds(address, count))).toEqual([60, 60, 120, 120]);
  });
});

describe('decideLoginThrottle', () => {
  it('given fewer failures than the free ones, allows', () => {
    expect(decideLoginThrottle([{ rule: pair, count: 2, latest: ago(1) }], now)).toEqual({ allowed: true });
  });

  it('given more, asks to wait the delay counted from the latest failure', () => {
    expect(decideLoginThrottle([{ rule: pair, count: 4, latest: ago(10) }], now)).toEqual({ allowed: false, scope: 'pair', retryAfterSeconds: 50 });
  });

  it('allows once the delay has passed: a delay, not a lock', () => {
    expect(decideLoginThrottle([{ rule: pair, count: 4, latest: ago(60) }], now)).toEqual({ allowed: true });
  });

  it('ignores a latest failure outside the window', () => {
    expect(decideLoginThrottle([{ rule: { ...pair, maxDelaySeconds: 7200 }, count: 20, latest: ago(3600) }], now)).toEqual({ allowed: true });
  });

  it('applies the account-wide brake only when the failures come from many addresses', () => {
    expect(decideLoginThrottle([{ rule: account, count: 40, latest: ago(1), distinctAddresses: 3 }], now)).toEqual({ allowed: true });
    expect(decideLoginThrottle([{ rule: account, count: 40, latest: ago(1), distinctAddresses: 4 }], now)).toEqual({
      allowed: false,
      scope: 'account',
      retryAfterSeconds: 599,
    });
  });

  it('when several rules ask for a wait, waits for the longest', () => {
    const decision = decideLoginThrottle(
      [
        { rule: pair, count: 3, latest: ago(1) },
        { rule: address, count: 7, latest: ago(1) },
      ],
      now,
    );
    expect(decision).toEqual({ allowed: false, scope: 'address', retryAfterSeconds: 119 });
  });

  it('by default, five wrong passwords from someone else slow that someone down, not the account', () => {
    const [pairRule, addressRule, accountRule] = defaultThrottleRules as [ThrottleRule, ThrottleRule, ThrottleRule];
    const rival = [
      { rule: pairRule, count: 6, latest: ago(1) },
      { rule: addressRule, count: 6, latest: ago(1) },
      { rule: accountRule, count: 6, latest: ago(1), distinctAddresses: 1 },
    ];
    expect(decideLoginThrottle(rival, now)).toMatchObject({ allowed: false, scope: 'pair' });
    const owner = [
      { rule: pairRule, count: 0, latest: null },
      { rule: addressRule, count: 0, latest: null },
      { rule: accountRule, count: 6, latest: ago(1), distinctAddresses: 1 },
    ];
    expect(decideLoginThrottle(owner, now)).toEqual({ allowed: true });
  });
});

describe('throttleMessage', () => {
  it('rounds up and points to the reset link', () => {
    expect(throttleMessage(1)).toBe('Too many failed sign-in attempts. Try again in 1 second, or reset your password.');
    expect(throttleMessage(59)).toBe('Too many failed sign-in attempts. Try again in 59 seconds, or reset your password.');
    expect(throttleMessage(61)).toBe('Too many failed sign-in attempts. Try again in 2 minutes, or reset your password.');
  });
});
