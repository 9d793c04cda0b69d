import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultThrottleRules, requiredDelaySeconds, type ThrottleRule } from '../domain/login-throttle.js';
import { bootAccounts, goodPassword, loginMutation, signUp, uniqueAddress, uniqueEmail, type AccountsHarness } from './harness.js';

let accounts: AccountsHarness;
const [pairRule, addressRule] = defaultThrottleRules as [ThrottleRule, ThrottleRule, ThrottleRule];
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  accounts = await bootAccounts('accounts_throttle');
});
afterAll(async () => {
  await accounts?.stop();
});

const attempt = (email: string, password: string, address = uniqueAddress()) => accounts.call(loginMutation, { email, password }, { address });
/** Moves every failure recorded for this address `seconds` into the past (a controlled clock for the delays). */
const age = (address: string, seconds: number) =>
  sql(`update accounts.login_attempt set failed_at = failed_at - (? || ' seconds')::interval where client_address = ?`, [seconds, address]);

describe('login throttling: growing delays a rival cannot turn against the owner', () => {
  it(`after ${pairRule.freeFailures} wrong passwords from one address, that address waits; the owner elsewhere signs in at once`, async () => {
    const ann = await signUp(accounts);
    const rival = uniqueAddress();
    for (let i = 0; i < pairRule.freeFailures; i++) {
      expect((await attempt(ann.email.toUpperCase(), 'Wrong-Passw0rd', rival)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const slowed = await attempt(ann.email, goodPassword, rival);
    expect(slowed.errors?.[0]?.extensions).toEqual({ code: 'POLICY_VIOLATION', rule: 'LOGIN_THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(slowed.errors![0]!.extensions!.retryAfterSeconds).toBeLessThanOrEqual(requiredDelaySeconds(pairRule, pairRule.freeFailures));
    expect((await attempt(ann.email, goodPassword)).errors).toBeUndefined();
  });

  it('each further failure doubles the wait: a delay that passes, not a lock', async () => {
    const ann = await signUp(accounts);
    const rival = uniqueAddress();
    for (let i = 0; i < pairRule.freeFailures; i++) await attempt(ann.email, 'Wrong-Passw0rd', rival);
    const first = requiredDelaySeconds(pairRule, pairRule.freeFailures);
    await age(rival, first);
    expect((await attempt(ann.email, 'Wrong-Passw0rd', rival)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const waited = await attempt(ann.email, goodPassword, rival);
    expect(waited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(first);
    expect(waited.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(2 * first);
    await age(rival, 2 * first);
    expect((await attempt(ann.email, goodPassword, rival)).errors).toBeUndefined();
  });

  it('a successful sign-in forgives that address its failures on the account', async () => {
    const ann = await signUp(accounts);
    const address = uniqueAddress();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < pairRule.freeFailures - 1; i++) await attempt(ann.email, 'Wrong-Passw0rd', address);
      expect((await attempt(ann.email, goodPassword, address)).errors).toBeUndefined();
    }
  });

  it('unknown emails are throttled like real ones (throttling reveals nothing)', async () => {
    const ghost = uniqueEmail('ghost');
    const address = uniqueAddress();
    for (let i = 0; i < pairRule.freeFailures; i++) await attempt(ghost, 'Wrong-Passw0rd', address);
    expect((await attempt(ghost, 'Wrong-Passw0rd', address)).errors?.[0]?.extensions?.rule).toBe('LOGIN_THROTTLED');
  });

  it(`after ${addressRule.freeFailures} failures from one address across many emails, that address waits; the account is fine from elsewhere`, async () => {
    const ann = await signUp(accounts);
    const address = uniqueAddress();
    for (let i = 0; i < addressRule.freeFailures; i++) {
      expect((await attempt(uniqueEmail(`target${i}`), 'Wrong-Passw0rd', address)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const slowed = await attempt(ann.email, goodPassword, address);
    expect(slowed.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'LOGIN_THROTTLED' });
    expect((await attempt(ann.email, goodPassword)).errors).toBeUndefined();
  });
});
