import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topics } from '@vitrine/contracts';
import { eventually, listenToTopic, type TopicListener } from '@vitrine/testing';
import { graphql } from '../__generated__/index.js';
import { bootAccounts, goodPassword, loginMutation, refreshMutation, signIn, signUp, uniqueAddress, uniqueEmail, type AccountsHarness } from './harness.js';

let accounts: AccountsHarness;
let mail: TopicListener;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  accounts = await bootAccounts('accounts_flows');
  mail = await listenToTopic(accounts, topics.accountsMail);
});
afterAll(async () => {
  await mail?.stop();
  await accounts?.stop();
});

/** The newest mail event of this type for this address, once the relay has published it. */
const mailTo = (type: string, email: string, after = 0) =>
  eventually(() =>
    mail.received
      .filter((e) => e.type === type && e.data.email === email)
      .slice(after)
      .at(-1),
  );
const mailCount = (type: string, email: string) => mail.received.filter((e) => e.type === type && e.data.email === email).length;

const signUpMutation = graphql(`
  mutation FlowsSignUp($input: RegisterInput!) {
    signUp(input: $input)
  }
`);
const meQuery = graphql(`
  query FlowsMe {
    me {
      id
      email
      emailVerified
    }
  }
`);
const verifyMutation = graphql(`
  mutation FlowsVerify($token: String!) {
    verifyEmail(token: $token)
  }
`);
const requestVerificationMutation = graphql(`
  mutation FlowsRequestVerification {
    requestEmailVerification
  }
`);
const requestResetMutation = graphql(`
  mutation FlowsRequestReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);
const resetMutation = graphql(`
  mutation FlowsReset($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      accessToken
      refreshToken
      customer {
        id
      }
    }
  }
`);
const changePasswordMutation = graphql(`
  mutation FlowsChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) {
      accessToken
      refreshToken
    }
  }
`);
const requestEmailChangeMutation = graphql(`
  mutation FlowsRequestEmailChange($newEmail: String!, $password: String) {
    requestEmailChange(newEmail: $newEmail, password: $password)
  }
`);
const confirmEmailChangeMutation = graphql(`
  mutation FlowsConfirmEmailChange($token: String!) {
    confirmEmailChange(token: $token)
  }
`);

/** What a client sees of an answer: its status, body and the headers that are not per-request. */
const visible = ({ status, data, errors, headers }: { status: number; data?: unknown; errors?: unknown; headers: Headers }) => ({
  status,
  data,
  errors,
  headers: [...headers].filter(([name]) => !['date', 'x-request-id', 'etag'].includes(name)),
});

const form = (email: string, password = goodPassword) => ({ input: { email, password, country: 'JP', displayName: 'Ann' } });

describe('sign-up', () => {
  it('answers the same for a new email and one that has an account; the owner is told, nothing changes', async () => {
    const email = uniqueEmail();
    const first = await accounts.call(signUpMutation, form(email));
    const again = await accounts.call(signUpMutation, form(email.toUpperCase(), 'Other-Shelf-9!'));
    expect(visible(again)).toEqual(visible(first));
    expect(first.data).toEqual({ signUp: true });
    const [{ id }] = (await sql<{ id: string }>(`select id from accounts.customer where email = ?`, [email])) as [{ id: string }];
    expect((await mailTo('accounts.sign-up.repeated', email)).data).toEqual({ customerId: id, email });
    // The second sign-up's password did not replace the first.
    expect((await accounts.call(loginMutation, { email, password: 'Other-Shelf-9!' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await signIn(accounts, email, goodPassword);
  });

  it('still reports invalid input, a common password included, before writing anything', async () => {
    const email = uniqueEmail();
    const res = await accounts.call(signUpMutation, form(email, 'Password1!'));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'password', reason: 'COMMON_PASSWORD' }] });
    expect(await sql(`select 1 from accounts.customer where email = ?`, [email])).toEqual([]);
  });
});

describe('email verification', () => {
  it('a new account gets a link; following it once proves the address', async () => {
    const email = uniqueEmail();
    await accounts.call(signUpMutation, form(email));
    const ann = await signIn(accounts, email, goodPassword);
    expect((await accounts.call(meQuery, {}, { token: ann.accessToken })).data?.me.emailVerified).toBe(false);
    const link = await mailTo('accounts.email-verification.requested', email);
    expect(link.data).toEqual({ customerId: ann.id, email, token: expect.any(String), expiresAt: expect.any(String) });

    expect((await accounts.call(verifyMutation, { token: link.data.token })).data?.verifyEmail).toBe(true);
    expect((await accounts.call(meQuery, {}, { token: ann.accessToken })).data?.me.emailVerified).toBe(true);
    const reused = await accounts.call(verifyMutation, { token: link.data.token });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'token', reason: 'LINK_INVALID' }] });
    // A verified address gets no new link.
    await accounts.call(requestVerificationMutation, {}, { token: ann.accessToken });
    expect(await sql(`select 1 from accounts.account_token where customer_id = ? and purpose = 'EMAIL_VERIFICATION'`, [ann.id])).toHaveLength(1);
  });

  it('a new link replaces the old one', async () => {
    const ann = await signUp(accounts);
    const first = await mailTo('accounts.email-verification.requested', ann.email);
    await accounts.call(requestVerificationMutation, {}, { token: ann.accessToken });
    const second = await eventually(() =>
      mailCount('accounts.email-verification.requested', ann.email) === 2 ? mailTo('accounts.email-verification.requested', ann.email) : null,
    );
    expect((await accounts.call(verifyMutation, { token: first.data.token })).errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ reason: 'LINK_INVALID' }),
    ]);
    expect((await accounts.call(verifyMutation, { token: second.data.token })).data?.verifyEmail).toBe(true);
  });
});

describe('forgot password', () => {
  const resetTimerFired = (email: string) =>
    eventually(async () => {
      const rows = await sql(
        `select 1 from accounts.scheduled_timer where kind = 'accounts.password-reset-requested' and payload->>'email' = ? and fired_at is not null`,
        [email],
      );
      return rows.length > 0;
    });

  it('answers the same whether or not the email has an account; only an account gets a link', async () => {
    const ann = await signUp(accounts);
    const ghost = uniqueEmail('ghost');
    const resetTokens = async () => (await sql(`select 1 from accounts.account_token where purpose = 'PASSWORD_RESET'`)).length;
    const before = await resetTokens();
    const unknown = await accounts.call(requestResetMutation, { email: ghost });
    await resetTimerFired(ghost);
    expect(await resetTokens()).toBe(before);

    const known = await accounts.call(requestResetMutation, { email: ann.email.toUpperCase() });
    expect(visible(known)).toEqual(visible(unknown));
    expect(known.data).toEqual({ requestPasswordReset: true });
    const link = await mailTo('accounts.password-reset.requested', ann.email);
    expect(link.data).toEqual({ customerId: ann.id, email: ann.email, token: expect.any(String), expiresAt: expect.any(String) });
    expect(await resetTokens()).toBe(before + 1);
  });

  it('a reset link sets a new password once, ends every session and signs the owner in', async () => {
    const ann = await signUp(accounts);
    const other = await signIn(accounts, ann.email, goodPassword);
    await accounts.call(requestResetMutation, { email: ann.email });
    const { token } = (await mailTo('accounts.password-reset.requested', ann.email)).data;

    const common = await accounts.call(resetMutation, { token, newPassword: 'Qwerty123!' });
    expect(common.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'newPassword', reason: 'COMMON_PASSWORD' }] });
    const reset = await accounts.call(resetMutation, { token, newPassword: 'New-Shelf-Figure-8!' });
    expect(reset.data?.resetPassword.customer.id).toBe(ann.id);

    for (const old of [ann.refreshToken, other.refreshToken]) {
      expect((await accounts.call(refreshMutation, { token: old })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await accounts.call(refreshMutation, { token: reset.data!.resetPassword.refreshToken })).errors).toBeUndefined();
    expect((await accounts.call(loginMutation, { email: ann.email, password: goodPassword })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await signIn(accounts, ann.email, 'New-Shelf-Figure-8!');
    expect((await accounts.call(resetMutation, { token, newPassword: 'Another-Shelf-9!' })).errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ field: 'token', reason: 'LINK_INVALID' }),
    ]);
    expect((await mailTo('accounts.password.changed', ann.email)).data).toEqual({ customerId: ann.id, email: ann.email, via: 'RESET' });
  });

  it('an expired link is refused as expired', async () => {
    const ann = await signUp(accounts);
    await accounts.call(requestResetMutation, { email: ann.email });
    const { token } = (await mailTo('accounts.password-reset.requested', ann.email)).data;
    await sql(`update accounts.account_token set expires_at = now() - interval '1 second' where customer_id = ? and purpose = 'PASSWORD_RESET'`, [ann.id]);
    expect((await accounts.call(resetMutation, { token, newPassword: 'New-Shelf-Figure-8!' })).errors?.[0]?.extensions?.problems).toEqual([
      expect.objectContaining({ field: 'token', reason: 'LINK_EXPIRED' }),
    ]);
  });
});

describe('change password', () => {
  it('asks for the current password, then ends every other session', async () => {
    const ann = await signUp(accounts);
    const phone = await signIn(accounts, ann.email, goodPassword);
    const wrong = await accounts.call(changePasswordMutation, { current: 'Not-The-Passw0rd!', next: 'New-Shelf-Figure-8!' }, { token: ann.accessToken });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'currentPassword', reason: 'INCORRECT_PASSWORD' }] });
    const changed = await accounts.call(changePasswordMutation, { current: goodPassword, next: 'New-Shelf-Figure-8!' }, { token: ann.accessToken });
    expect(changed.errors).toBeUndefined();
    expect((await accounts.call(refreshMutation, { token: phone.refreshToken })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await accounts.call(refreshMutation, { token: changed.data!.changePassword.refreshToken })).errors).toBeUndefined();
    await signIn(accounts, ann.email, 'New-Shelf-Figure-8!');
    expect((await mailTo('accounts.password.changed', ann.email)).data.via).toBe('CHANGE');
  });
});

describe('change email', () => {
  it('changes nothing until the link sent to the new address is followed', async () => {
    const ann = await signUp(accounts);
    const newEmail = uniqueEmail('ann-new');
    expect((await accounts.call(requestEmailChangeMutation, { newEmail, password: goodPassword }, { token: ann.accessToken })).data).toEqual({
      requestEmailChange: true,
    });
    const link = await mailTo('accounts.email-change.requested', newEmail);
    expect(link.data.customerId).toBe(ann.id);
    expect((await accounts.call(meQuery, {}, { token: ann.accessToken })).data?.me.email).toBe(ann.email);

    expect((await accounts.call(confirmEmailChangeMutation, { token: link.data.token })).data?.confirmEmailChange).toBe(true);
    expect((await accounts.call(meQuery, {}, { token: ann.accessToken })).data?.me).toEqual({ id: ann.id, email: newEmail, emailVerified: true });
    await signIn(accounts, newEmail, goodPassword);
    expect((await accounts.call(loginMutation, { email: ann.email, password: goodPassword })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('asks for the password, and does not tell whether the new address has an account until its owner confirms', async () => {
    const ann = await signUp(accounts);
    const bob = await signUp(accounts);
    const wrong = await accounts.call(requestEmailChangeMutation, { newEmail: bob.email, password: 'Not-The-Passw0rd!' }, { token: ann.accessToken });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'password', reason: 'INCORRECT_PASSWORD' }] });
    const taken = await accounts.call(requestEmailChangeMutation, { newEmail: bob.email, password: goodPassword }, { token: ann.accessToken });
    expect(taken.data).toEqual({ requestEmailChange: true });
    const link = await mailTo('accounts.email-change.requested', bob.email);
    expect((await accounts.call(confirmEmailChangeMutation, { token: link.data.token })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await accounts.call(meQuery, {}, { token: ann.accessToken })).data?.me.email).toBe(ann.email);
  });
});

describe('a brake only for distributed attacks, and the reset link past it', () => {
  it('many addresses failing on one account slow every password sign-in to it; a reset link lets the owner in and lifts it', async () => {
    const ann = await signUp(accounts);
    // Set-up: 60 failures on Ann from 12 addresses in the last minute, as a botnet would leave them.
    await sql(
      `insert into accounts.login_attempt (email, client_address, failed_at, counts_for_account)
       select ?, '198.51.100.' || (i % 12), now() - (i || ' seconds')::interval, true from generate_series(1, 60) as i`,
      [ann.email],
    );
    const braked = await accounts.call(loginMutation, { email: ann.email, password: goodPassword }, { address: uniqueAddress() });
    expect(braked.errors?.[0]?.extensions).toEqual({ code: 'POLICY_VIOLATION', rule: 'LOGIN_THROTTLED', retryAfterSeconds: expect.any(Number) });
    expect(braked.errors?.[0]?.message).toMatch(/or reset your password\.$/);

    await accounts.call(requestResetMutation, { email: ann.email });
    const { token } = (await mailTo('accounts.password-reset.requested', ann.email)).data;
    expect((await accounts.call(resetMutation, { token, newPassword: 'New-Shelf-Figure-8!' })).data?.resetPassword.customer.id).toBe(ann.id);
    await signIn(accounts, ann.email, 'New-Shelf-Figure-8!', uniqueAddress());
  });
});
