import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@vitrine/local-infra';
import { graphql } from '../__generated__/index.js';
import type { ExternalDeleteAccountMutationVariables } from '../__generated__/graphql.js';
import { bootAccounts, goodPassword, loginMutation, signUp, uniqueEmail, type AccountsHarness } from './harness.js';
import { startOidcProvider, type RunningOidcProvider, type TestAccount } from './oidc-test-provider.js';

// A real OpenID Provider runs in this process; accounts knows it as "test-idp"
// (OIDC_PROVIDERS) and verifies its ID tokens through its discovery document and JWKS.
const web = { clientId: 'vitrine-storefront', clientSecret: 'storefront-secret-0123456789abcdef' };
const otherApp = { clientId: 'some-other-app', clientSecret: 'other-secret-0123456789abcdef' };
let idp: RunningOidcProvider;
let stranger: RunningOidcProvider;
let accounts: AccountsHarness;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  idp = await startOidcProvider([web, otherApp]);
  stranger = await startOidcProvider([web]); // same client id, but an issuer accounts was never told about
  const nobodyListens = `http://127.0.0.1:${await freePort()}`;
  accounts = await bootAccounts('accounts_external', {
    OIDC_PROVIDERS: JSON.stringify([
      { name: 'test-idp', issuer: idp.issuer, clientId: web.clientId, clientSecret: web.clientSecret },
      { name: 'down-idp', issuer: nobodyListens, clientId: web.clientId },
    ]),
  });
});
afterAll(async () => {
  await accounts?.stop();
  await idp?.stop();
  await stranger?.stop();
});

const externalLogin = graphql(`
  mutation ExternalLogin($provider: String!, $idToken: String!, $country: String) {
    loginWithExternalIdentity(provider: $provider, idToken: $idToken, country: $country) {
      accessToken
      refreshToken
      expiresIn
      customer {
        id
        email
        displayName
        country
        roles
      }
    }
  }
`);
const login = (idToken: string, country?: string, provider = 'test-idp') => accounts.call(externalLogin, { provider, idToken, country });
const person = (overrides: Partial<TestAccount> = {}): TestAccount => ({
  sub: randomUUID(),
  email: uniqueEmail('oidc'),
  email_verified: true,
  name: 'Olive Ida',
  ...overrides,
});

describe('first sign-in creates the account', () => {
  it('asks for a country, then creates a customer bound to the identity and returns a session', async () => {
    const olive = person();
    const noCountry = await login(await idp.idTokenFor(web, olive));
    expect(noCountry.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'country', reason: 'REQUIRED' }] });
    expect(await sql('select count(*)::int as n from accounts.customer where email = ?', [olive.email])).toEqual([{ n: 0 }]);

    const res = await login(await idp.idTokenFor(web, olive), 'jp');
    expect(res.errors).toBeUndefined();
    const session = res.data!.loginWithExternalIdentity;
    expect(session.customer).toMatchObject({ email: olive.email, displayName: 'Olive Ida', country: 'JP', roles: ['customer'] });
    expect(await accounts.verify(session.accessToken)).toEqual({ ok: true, caller: { id: session.customer.id, roles: ['customer'], scopes: [] } });
    expect(await sql('select provider, subject from accounts.external_identity where customer_id = ?', [session.customer.id])).toEqual([
      { provider: 'test-idp', subject: olive.sub },
    ]);
    const [event] = await sql("select envelope from accounts.outbox_message where type = 'accounts.customer.registered' and key = ?", [session.customer.id]);
    expect(event.envelope.data).toEqual({ customerId: session.customer.id, country: 'JP' });

    // Later sign-ins follow the link and need no country; the account has no password to guess.
    const again = await login(await idp.idTokenFor(web, olive));
    expect(again.data!.loginWithExternalIdentity.customer.id).toBe(session.customer.id);
    const byPassword = await accounts.call(loginMutation, { email: olive.email!, password: goodPassword });
    expect(byPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('links to the existing account with the same verified email, keeping its password', async () => {
    const registered = await signUp(accounts);
    const res = await login(await idp.idTokenFor(web, person({ email: registered.email.toUpperCase() })));
    expect(res.data!.loginWithExternalIdentity.customer.id).toBe(registered.id);
    const [audit] = await sql("select actor, details from accounts.audit_entry where action = 'external-identity.linked' and subject = ?", [registered.id]);
    expect(audit).toEqual({ actor: registered.id, details: { provider: 'test-idp', accountCreated: false } });
    expect((await accounts.call(loginMutation, { email: registered.email, password: goodPassword })).errors).toBeUndefined();
  });

  it('never trusts an email the provider has not verified', async () => {
    const registered = await signUp(accounts);
    const res = await login(await idp.idTokenFor(web, person({ email: registered.email, email_verified: false })), 'FR');
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'POLICY_VIOLATION', rule: 'EMAIL_NOT_VERIFIED' });
    expect(await sql('select count(*)::int as n from accounts.external_identity where customer_id = ?', [registered.id])).toEqual([{ n: 0 }]);
  });
});

describe('tokens accounts must refuse (UNAUTHENTICATED, nothing written)', () => {
  const expectRefused = async (idToken: string, message = 'Your test-idp sign-in could not be verified. Please sign in again.') => {
    const before = await sql('select count(*)::int as n from accounts.external_identity');
    const res = await login(idToken, 'FR');
    expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    expect(res.data).toBeNull();
    expect(await sql('select count(*)::int as n from accounts.external_identity')).toEqual(before);
  };

  it('a token from an issuer that is not configured', async () => {
    await expectRefused(await stranger.idTokenFor(web, person()));
  });

  it('a token issued to another client (wrong audience)', async () => {
    await expectRefused(await idp.idTokenFor(otherApp, person()));
  });

  it('an expired token, even signed with the provider key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: randomUUID(), aud: web.clientId, email: uniqueEmail('late'), email_verified: true };
    await expectRefused(await idp.sign(claims, { issuedAt: now - 7200, expiresAt: now - 3600 }), 'Your test-idp sign-in has expired. Please sign in again.');
    // The same claims, current: accepted, which shows the key and claims were otherwise right.
    expect((await login(await idp.sign(claims, { issuedAt: now, expiresAt: now + 300 }), 'FR')).errors).toBeUndefined();
  });

  it('a token with several audiences that does not name us as authorized party', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await idp.sign({ sub: randomUUID(), aud: [web.clientId, otherApp.clientId] }, { issuedAt: now, expiresAt: now + 300 }));
  });

  it('garbage, and an unsigned token', async () => {
    await expectRefused('not-a-token');
    const real = await idp.idTokenFor(web, person());
    await expectRefused(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${real.split('.')[1]}.`);
  });

  it('an unknown provider name is a BAD_USER_INPUT listing the configured ones', async () => {
    const res = await login(await idp.idTokenFor(web, person()), 'FR', 'facebook');
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'provider', reason: 'UNKNOWN_PROVIDER', message: 'Sign-in providers: test-idp, down-idp.' }],
    });
  });

  it("a provider that cannot be reached is SERVICE_UNAVAILABLE, not the customer's fault", async () => {
    const res = await login(await idp.idTokenFor(web, person()), 'FR', 'down-idp');
    expect(res.errors?.[0]).toMatchObject({
      message: 'We cannot reach down-idp right now. Please try again in a moment.',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});

describe('an account bound only to an external identity', () => {
  const deleteMutation = graphql(`
    mutation ExternalDeleteAccount($proof: ExternalIdentityProof, $password: String) {
      deleteMyAccount(password: $password, externalIdentity: $proof)
    }
  `);
  const remove = (token: string, variables: ExternalDeleteAccountMutationVariables) => accounts.call(deleteMutation, variables, { token });

  it('is deleted after a fresh sign-in at its provider; the identity is unbound', async () => {
    const olive = person();
    const { accessToken, customer } = (await login(await idp.idTokenFor(web, olive), 'FR')).data!.loginWithExternalIdentity;

    expect((await remove(accessToken, {})).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'password', reason: 'REQUIRED' }],
    });
    const someoneElse = await idp.idTokenFor(web, person());
    expect((await remove(accessToken, { proof: { provider: 'test-idp', idToken: someoneElse } })).errors?.[0]?.extensions).toMatchObject({
      problems: [{ field: 'externalIdentity', reason: 'NOT_THIS_ACCOUNT' }],
    });
    const now = Math.floor(Date.now() / 1000);
    const stale = await idp.sign({ sub: olive.sub, aud: web.clientId }, { issuedAt: now - 1200, expiresAt: now + 600 });
    expect((await remove(accessToken, { proof: { provider: 'test-idp', idToken: stale } })).errors?.[0]?.extensions).toMatchObject({
      problems: [{ field: 'externalIdentity', reason: 'SIGN_IN_TOO_OLD' }],
    });

    const fresh = await idp.idTokenFor(web, olive);
    expect((await remove(accessToken, { proof: { provider: 'test-idp', idToken: fresh } })).data).toEqual({ deleteMyAccount: true });
    expect(await sql('select count(*)::int as n from accounts.external_identity where customer_id = ?', [customer.id])).toEqual([{ n: 0 }]);
    // The same person at the provider is a stranger now: a new sign-up, a new account.
    const comeback = await login(await idp.idTokenFor(web, olive), 'FR');
    expect(comeback.data!.loginWithExternalIdentity.customer.id).not.toBe(customer.id);
  });
});
