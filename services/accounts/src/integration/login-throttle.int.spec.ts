import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottleRules } from '../domain/login-throttle.js';
import { bootAccounts, goodPassword, loginMutation, signUp, uniqueAddress, uniqueEmail, type AccountsHarness } from './harness.js';

let accounts: AccountsHarness;
const [accountRule, addressRule] = defaultThrottleRules as [(typeof defaultThrottleRules)[0], (typeof defaultThrottleRules)[0]];

beforeAll(async () => {
  accounts = await bootAccounts('accounts_throttle');
});
afterAll(async () => {
  await accounts?.stop();
});

const attempt = (email: string, password: string, address = uniqueAddress()) => accounts.call(loginMutation, { email, password }, { address });

describe('login throttling', () => {
  it(`after ${accountRule.maxFailures} failures on one account, even the right password is refused, from any address`, async () => {
    const ann = await signUp(accounts);
    for (let i = 0; i < accountRule.maxFailures; i++) {
      expect((await attempt(ann.email.toUpperCase(), 'Wrong-Passw0rd')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await attempt(ann.email, goodPassword);
    expect(locked.errors?.[0]?.extensions).toEqual({ code: 'POLICY_VIOLATION', rule: 'LOGIN_THROTTLED', retryAfterSeconds: expect.any(Number) });
    const { retryAfterSeconds } = locked.errors![0]!.extensions!;
    expect(retryAfterSeconds).toBeGreaterThan(accountRule.windowSeconds - 60);
    expect(retryAfterSeconds).toBeLessThanOrEqual(accountRule.windowSeconds);
    expect(locked.errors?.[0]?.message).toBe('Too many failed sign-in attempts. Try again in 15 minutes.');
  });

  it('a successful sign-in resets the account counter', async () => {
    const ann = await signUp(accounts);
    const address = uniqueAddress();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < accountRule.maxFailures - 1; i++) await attempt(ann.email, 'Wrong-Passw0rd', address);
      expect((await attempt(ann.email, goodPassword, address)).errors).toBeUndefined();
    }
  });

  it('unknown emails are throttled like real ones (throttling reveals nothing)', async () => {
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < accountRule.maxFailures; i++) await attempt(ghost, 'Wrong-Passw0rd');
    expect((await attempt(ghost, 'Wrong-Passw0rd')).errors?.[0]?.extensions?.rule).toBe('LOGIN_THROTTLED');
  });

  it(`after ${addressRule.maxFailures} failures from one address across many emails, that address is locked out`, async () => {
    const ann = await signUp(accounts);
    const address = uniqueAddress();
    for (let i = 0; i < addressRule.maxFailures; i++) {
      expect((await attempt(uniqueEmail(`target${i}`), 'Wrong-Passw0rd', address)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await attempt(ann.email, goodPassword, address);
    expect(locked.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'LOGIN_THROTTLED' });
    // The account itself is fine from elsewhere.
    expect((await attempt(ann.email, goodPassword)).errors).toBeUndefined();
  });
});
