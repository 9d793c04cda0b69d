import { describe, expect, it } from 'vitest';
import { decideLoginThrottle, throttleMessage, type ThrottleRule } from './login-throttle.js';

const account: ThrottleRule = { scope: 'account', maxFailures: 3, windowSeconds: 600 };
const address: ThrottleRule = { scope: 'address', maxFailures: 5, windowSeconds: 900 };
const now = new Date('2026-01-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('decideLoginThrottle', () => {
  it('given fewer failures than the limit in the window, allows', () => {
    expect(decideLoginThrottle([{ rule: account, failedAt: [ago(10), ago(20)] }], now)).toEqual({ allowed: true });
  });

  it('given the limit reached, locks until the oldest counted failure leaves the window', () => {
    expect(decideLoginThrottle([{ rule: account, failedAt: [ago(10), ago(100), ago(200)] }], now)).toEqual({
      allowed: false,
      scope: 'account',
      retryAfterSeconds: 400,
    });
  });

  it('ignores failures outside the window', () => {
    expect(decideLoginThrottle([{ rule: account, failedAt: [ago(10), ago(20), ago(600), ago(700)] }], now)).toEqual({ allowed: true });
  });

  it('when several rules lock, waits for the longest', () => {
    const decision = decideLoginThrottle(
      [
        { rule: account, failedAt: [ago(1), ago(2), ago(500)] },
        { rule: address, failedAt: [ago(1), ago(2), ago(3), ago(4), ago(5)] },
      ],
      now,
    );
    expect(decision).toEqual({ allowed: false, scope: 'address', retryAfterSeconds: 895 });
  });

  it('never tells the caller to retry in zero seconds', () => {
    const edge = new Date(now.getTime() - 600_000 + 1);
    expect(decideLoginThrottle([{ rule: account, failedAt: [ago(1), ago(2), edge] }], now)).toMatchObject({ retryAfterSeconds: 1 });
  });
});

describe('throttleMessage', () => {
  it('rounds minutes up', () => {
    expect(throttleMessage(61)).toBe('Too many failed sign-in attempts. Try again in 2 minutes.');
    expect(throttleMessage(5)).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
  });
});
