import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsService } from '../accounts-service.js';
import { defaultThrottleRules } from '../domain/login-throttle.js';
import { bootAccounts, loginMutation, signUp, uniqueAddress, type AccountsHarness } from './harness.js';

// Failed sign-ins and spent refresh tokens are deleted in the platform's
// housekeeping round, never on the sign-in path an attacker drives.
let accounts: AccountsHarness;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);
const longestWindowSeconds = Math.max(...defaultThrottleRules.map((r) => r.windowSeconds));

beforeAll(async () => {
  accounts = await bootAccounts('accounts_housekeeping');
});
afterAll(async () => {
  await accounts?.stop();
});

describe('accounts housekeeping', () => {
  it('keeps failures a throttle rule still reads and live tokens; deletes the rest', async () => {
    const ann = await signUp(accounts);
    expect(
      (await accounts.call(loginMutation, { email: ann.email, password: 'Wrong-Passw0rd' }, { address: uniqueAddress() })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const old = new Date(Date.now() - (longestWindowSeconds + 60) * 1000);
    await sql(`insert into accounts.login_attempt (email, client_address, failed_at, counts_for_account) values (?, '203.0.113.9', ?, true)`, [ann.email, old]);
    // The failure path no longer purges: the old row is still there after a new failure.
    expect(
      (await accounts.call(loginMutation, { email: ann.email, password: 'Wrong-Passw0rd' }, { address: uniqueAddress() })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect(await sql(`select count(*)::int as n from accounts.login_attempt where email = ?`, [ann.email])).toEqual([{ n: 3 }]);

    const expired = randomUUID();
    await sql(
      `insert into accounts.refresh_token (id, family_id, customer_id, token_hash, created_at, expires_at) values (?, ?, ?, ?, now() - interval '40 days', now() - interval '10 days')`,
      [expired, randomUUID(), ann.id, 'e'.repeat(64)],
    );
    const live = await sql<{ n: number }>(`select count(*)::int as n from accounts.refresh_token where customer_id = ? and expires_at > now()`, [ann.id]);
    expect(live[0]!.n).toBeGreaterThan(0);

    const purged = await accountsService.housekeeping!(accounts.service.workerOrm.em.fork());
    expect(purged.loginAttempts).toBeGreaterThanOrEqual(1);
    expect(purged.refreshTokens).toBeGreaterThanOrEqual(1);
    expect(await sql(`select count(*)::int as n from accounts.login_attempt where email = ?`, [ann.email])).toEqual([{ n: 2 }]);
    expect(await sql(`select count(*)::int as n from accounts.refresh_token where id = ?`, [expired])).toEqual([{ n: 0 }]);
    expect(await sql(`select count(*)::int as n from accounts.refresh_token where customer_id = ? and expires_at > now()`, [ann.id])).toEqual(live);
  });
});
