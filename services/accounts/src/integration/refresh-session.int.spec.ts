import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { bootAccounts, goodPassword, refreshMutation, signIn, signUp, type AccountsHarness } from './harness.js';

let accounts: AccountsHarness;

beforeAll(async () => {
  accounts = await bootAccounts('accounts_refresh');
});
afterAll(async () => {
  await accounts?.stop();
});

const refresh = (token: string) => accounts.call(refreshMutation, { token });
const codeOf = (res: Awaited<ReturnType<typeof refresh>>) => res.errors?.[0]?.extensions?.code;

describe('refreshSession', () => {
  it('rotates: each refresh token works once and yields a verifiable access token', async () => {
    const ann = await signUp(accounts);
    const first = await refresh(ann.refreshToken);
    expect(first.errors).toBeUndefined();
    expect(first.data!.refreshSession.refreshToken).not.toBe(ann.refreshToken);
    expect(await accounts.verify(first.data!.refreshSession.accessToken)).toMatchObject({ ok: true, caller: { id: ann.id } });
    const second = await refresh(first.data!.refreshSession.refreshToken);
    expect(second.errors).toBeUndefined();

    const rows = await accounts.service.orm.em
      .fork()
      .getConnection()
      .execute<{ family_id: string; used_at: Date | null }[]>(
        'select family_id, used_at, replaced_by from accounts.refresh_token where customer_id = ? order by created_at',
        [ann.id],
      );
    expect(new Set(rows.map((r) => r.family_id)).size).toBe(1);
    expect(rows.map((r) => r.used_at !== null)).toEqual([true, true, false]);
  });

  it('reusing a used token is refused and revokes the whole family, newest token included', async () => {
    const ann = await signUp(accounts);
    const other = await signIn(accounts, ann.email, goodPassword); // a second device: another family
    const next = (await refresh(ann.refreshToken)).data!.refreshSession.refreshToken;

    const replay = await refresh(ann.refreshToken);
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors?.[0]?.message).toBe('Your session has ended. Please sign in again.');
    expect(codeOf(await refresh(next))).toBe('UNAUTHENTICATED');
    expect(codeOf(await refresh(other.refreshToken))).toBeUndefined();
  });

  it('two concurrent refreshes with one token cannot both succeed (the second is reuse)', async () => {
    const ann = await signUp(accounts);
    const results = await Promise.all([refresh(ann.refreshToken), refresh(ann.refreshToken)]);
    expect(results.map(codeOf).sort()).toEqual(['UNAUTHENTICATED', undefined].sort());
    const winner = results.find((r) => !r.errors)!.data!.refreshSession.refreshToken;
    expect(codeOf(await refresh(winner))).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the session; unknown tokens are refused', async () => {
    const ann = await signUp(accounts);
    const next = (await refresh(ann.refreshToken)).data!.refreshSession.refreshToken;
    const out = await accounts.call(
      graphql(`
        mutation RefreshLogout($token: String!) {
          logout(refreshToken: $token)
        }
      `),
      { token: next },
    );
    expect(out.data).toEqual({ logout: true });
    expect(codeOf(await refresh(next))).toBe('UNAUTHENTICATED');
    expect(codeOf(await refresh('not-a-token'))).toBe('UNAUTHENTICATED');
    expect(
      (
        await accounts.call(
          graphql(`
            mutation RefreshLogoutUnknown {
              logout(refreshToken: "nope")
            }
          `),
          {},
        )
      ).data,
    ).toEqual({ logout: true });
  });

  it('expired refresh tokens are refused', async () => {
    const ann = await signUp(accounts);
    await accounts.service.orm.em
      .fork()
      .getConnection()
      .execute("update accounts.refresh_token set expires_at = now() - interval '1 second' where customer_id = ?", [ann.id]);
    expect(codeOf(await refresh(ann.refreshToken))).toBe('UNAUTHENTICATED');
  });
});
