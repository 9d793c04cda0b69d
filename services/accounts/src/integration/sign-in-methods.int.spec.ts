import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { adminCredentials, bootAccounts, goodPassword, loginMutation, refreshMutation, signIn, signUp, uniqueEmail, type AccountsHarness } from './harness.js';
import { startOidcProvider, type RunningOidcProvider, type TestAccount } from './oidc-test-provider.js';

// A customer's ways in, on real PostgreSQL with two real OpenID Providers ("test-idp" and "other-idp"): reading
// them, linking an identity after a proof, unlinking one, setting a first password. Every refusal is checked to
// leave the account's identities, password, tickets, audit trail and outbox as they were.
const web = { clientId: 'vitrine-storefront', clientSecret: 'storefront-secret-0123456789abcdef' };
let idp: RunningOidcProvider;
let otherIdp: RunningOidcProvider;
let accounts: AccountsHarness;
const sql = <T = any>(query: string, params: unknown[] = []) => accounts.service.orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  [idp, otherIdp] = await Promise.all([startOidcProvider([web]), startOidcProvider([web])]);
  accounts = await bootAccounts('accounts_sign_in_methods', {
    OIDC_PROVIDERS: JSON.stringify([
      { name: 'test-idp', issuer: idp.issuer, clientId: web.clientId },
      { name: 'other-idp', issuer: otherIdp.issuer, clientId: web.clientId },
    ]),
  });
});
afterAll(async () => {
  await accounts?.stop();
  await idp?.stop();
  await otherIdp?.stop();
});

const methodsQuery = graphql(`
  query SignInMethods {
    me {
      id
      signInMethods {
        hasPassword
        identities {
          id
          provider
          displayName
          linkedAt
          lastUsedAt
        }
      }
    }
  }
`);
const staffReadsMethods = graphql(`
  query StaffReadsSignInMethods($id: ID!) {
    customer(id: $id) {
      signInMethods {
        hasPassword
      }
    }
  }
`);
const beginLink = graphql(`
  mutation BeginIdentityLink($password: String, $externalIdentity: ExternalIdentityProof) {
    beginExternalIdentityLink(password: $password, externalIdentity: $externalIdentity) {
      ticket
      expiresAt
    }
  }
`);
const linkMutation = graphql(`
  mutation LinkIdentity($ticket: String!, $provider: String!, $idToken: String!) {
    linkExternalIdentity(ticket: $ticket, provider: $provider, idToken: $idToken) {
      hasPassword
      identities {
        provider
        displayName
      }
    }
  }
`);
const unlinkMutation = graphql(`
  mutation UnlinkIdentity($id: ID!) {
    unlinkExternalIdentity(id: $id) {
      hasPassword
      identities {
        id
        provider
      }
    }
  }
`);
const setPasswordMutation = graphql(`
  mutation SetFirstPassword($newPassword: String!, $proof: ExternalIdentityProof!) {
    setPassword(newPassword: $newPassword, externalIdentity: $proof) {
      accessToken
      refreshToken
      customer {
        id
      }
    }
  }
`);
const externalLogin = graphql(`
  mutation MethodsExternalLogin($provider: String!, $idToken: String!, $country: String) {
    loginWithExternalIdentity(provider: $provider, idToken: $idToken, country: $country) {
      accessToken
      refreshToken
      customer {
        id
        email
      }
    }
  }
`);

const person = (overrides: Partial<TestAccount> = {}): TestAccount => ({
  sub: randomUUID(),
  email: uniqueEmail('idp'),
  email_verified: true,
  name: 'Ida Link',
  ...overrides,
});
const tokenFor = (who: TestAccount, provider: RunningOidcProvider = idp) => provider.idTokenFor(web, who);
const providerOf = (p: RunningOidcProvider) => (p === idp ? 'test-idp' : 'other-idp');
/** An account made by a first external sign-in: it has no password. */
async function externalOnly(who = person(), provider: RunningOidcProvider = idp) {
  const res = await accounts.call(externalLogin, { provider: providerOf(provider), idToken: await tokenFor(who, provider), country: 'FR' });
  expect(res.errors).toBeUndefined();
  return { who, id: res.data!.loginWithExternalIdentity.customer.id, accessToken: res.data!.loginWithExternalIdentity.accessToken };
}
const methodsOf = async (token: string) => {
  const res = await accounts.call(methodsQuery, {}, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.me.signInMethods;
};
const ticketFor = async (token: string, proof: { password?: string; externalIdentity?: { provider: string; idToken: string } }) => {
  const res = await accounts.call(beginLink, proof, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.beginExternalIdentityLink.ticket;
};

/** Everything a sign-in-method change may touch, for the given accounts. */
async function stateOf(...customerIds: string[]) {
  return {
    identities: await sql('select customer_id, provider, subject from accounts.external_identity where customer_id in (?) order by subject', [customerIds]),
    passwords: await sql('select id, password_hash from accounts.customer where id in (?) order by id', [customerIds]),
    tickets: await sql("select customer_id, used_at from accounts.account_token where purpose = 'IDENTITY_LINK' and customer_id in (?) order by id", [
      customerIds,
    ]),
    audit: await sql('select action, subject from accounts.audit_entry where subject in (?) order by at', [customerIds]),
    outbox: await sql('select type, key from accounts.outbox_message where key in (?) order by type, key', [customerIds]),
    sessions: await sql('select count(*)::int as live from accounts.refresh_token where customer_id in (?) and revoked_at is null', [customerIds]),
  };
}

describe('reading sign-in methods', () => {
  it('a password account has a password and no identity; an external one the reverse, without its subject', async () => {
    const ann = await signUp(accounts);
    expect(await methodsOf(ann.accessToken)).toEqual({ hasPassword: true, identities: [] });

    const olive = await externalOnly(person({ name: 'Olive Ida' }));
    const methods = await methodsOf(olive.accessToken);
    expect(methods).toMatchObject({ hasPassword: false, identities: [{ provider: 'test-idp', displayName: olive.who.email }] });
    expect(new Date(methods.identities[0]!.linkedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(methods)).not.toContain(olive.who.sub);
  });

  it('staff reading a customer are not the customer: FORBIDDEN', async () => {
    const ann = await signUp(accounts);
    const admin = await signIn(accounts, adminCredentials.email, adminCredentials.password);
    const res = await accounts.call(staffReadsMethods, { id: ann.id }, { token: admin.accessToken });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('linking an identity', () => {
  it('after the password again, binds a new identity; it then signs in to this account', async () => {
    const ann = await signUp(accounts);
    // Another email at the provider: only the link can bring this identity to Ann's account.
    const annAtIdp = person({ email: uniqueEmail('elsewhere') });
    const ticket = await ticketFor(ann.accessToken, { password: goodPassword });

    const res = await accounts.call(linkMutation, { ticket, provider: 'test-idp', idToken: await tokenFor(annAtIdp) }, { token: ann.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data!.linkExternalIdentity).toEqual({ hasPassword: true, identities: [{ provider: 'test-idp', displayName: annAtIdp.email }] });
    const [audit] = await sql("select actor, details from accounts.audit_entry where action = 'external-identity.linked' and subject = ?", [ann.id]);
    expect(audit).toEqual({ actor: ann.id, details: { provider: 'test-idp', accountCreated: false, from: 'account' } });

    const login = await accounts.call(externalLogin, { provider: 'test-idp', idToken: await tokenFor(annAtIdp) });
    expect(login.data!.loginWithExternalIdentity.customer).toEqual({ id: ann.id, email: ann.email });

    // The ticket worked once; the same identity again changes nothing.
    const again = await accounts.call(linkMutation, { ticket, provider: 'test-idp', idToken: await tokenFor(annAtIdp) }, { token: ann.accessToken });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'ticket', reason: 'CONFIRMATION_INVALID' }] });
    const idempotent = await accounts.call(
      linkMutation,
      { ticket: await ticketFor(ann.accessToken, { password: goodPassword }), provider: 'test-idp', idToken: await tokenFor(annAtIdp) },
      { token: ann.accessToken },
    );
    expect(idempotent.data!.linkExternalIdentity.identities).toHaveLength(1);
    expect(await sql("select count(*)::int as n from accounts.audit_entry where action = 'external-identity.linked' and subject = ?", [ann.id])).toEqual([
      { n: 1 },
    ]);
  });

  it('an account without a password proves it with a fresh sign-in at a bound provider, and adds another provider', async () => {
    const olive = await externalOnly();
    const now = Math.floor(Date.now() / 1000);
    const stale = await idp.sign({ sub: olive.who.sub, aud: web.clientId }, { issuedAt: now - 1200, expiresAt: now + 600 });
    const refused = await accounts.call(beginLink, { externalIdentity: { provider: 'test-idp', idToken: stale } }, { token: olive.accessToken });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ problems: [{ field: 'externalIdentity', reason: 'SIGN_IN_TOO_OLD' }] });

    const ticket = await ticketFor(olive.accessToken, { externalIdentity: { provider: 'test-idp', idToken: await tokenFor(olive.who) } });
    const atOther = person();
    const res = await accounts.call(linkMutation, { ticket, provider: 'other-idp', idToken: await tokenFor(atOther, otherIdp) }, { token: olive.accessToken });
    expect(res.data!.linkExternalIdentity.identities.map((i) => i.provider)).toEqual(['test-idp', 'other-idp']);
  });

  describe('refusals change nothing', () => {
    it('the password is wrong: no ticket', async () => {
      const ann = await signUp(accounts);
      const before = await stateOf(ann.id);
      const res = await accounts.call(beginLink, { password: 'Wrong-Passw0rd!' }, { token: ann.accessToken });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'password', reason: 'INCORRECT_PASSWORD' }] });
      expect(await stateOf(ann.id)).toEqual(before);
      expect((await accounts.call(beginLink, {}, { token: ann.accessToken })).errors?.[0]?.extensions).toMatchObject({
        problems: [{ field: 'password', reason: 'REQUIRED' }],
      });
    });

    it('the identity signs in to another account: refused with IDENTITY_LINKED_TO_ANOTHER_ACCOUNT, the ticket still good', async () => {
      const ann = await signUp(accounts);
      const bea = await externalOnly();
      const ticket = await ticketFor(ann.accessToken, { password: goodPassword });
      const before = await stateOf(ann.id, bea.id);

      const res = await accounts.call(linkMutation, { ticket, provider: 'test-idp', idToken: await tokenFor(bea.who) }, { token: ann.accessToken });
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringContaining('already signs in to another account'),
        extensions: { code: 'POLICY_VIOLATION', rule: 'IDENTITY_LINKED_TO_ANOTHER_ACCOUNT', provider: 'test-idp' },
      });
      expect(await stateOf(ann.id, bea.id)).toEqual(before);
      // Nothing was spent: the same ticket links an identity that is free.
      const free = await accounts.call(linkMutation, { ticket, provider: 'test-idp', idToken: await tokenFor(person()) }, { token: ann.accessToken });
      expect(free.errors).toBeUndefined();
    });

    it('a second identity at a provider the account has: PROVIDER_ALREADY_LINKED', async () => {
      const olive = await externalOnly();
      const ticket = await ticketFor(olive.accessToken, { externalIdentity: { provider: 'test-idp', idToken: await tokenFor(olive.who) } });
      const before = await stateOf(olive.id);
      const res = await accounts.call(linkMutation, { ticket, provider: 'test-idp', idToken: await tokenFor(person()) }, { token: olive.accessToken });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PROVIDER_ALREADY_LINKED' });
      expect(await stateOf(olive.id)).toEqual(before);
    });

    it("an expired ticket, another customer's ticket, no ticket at all, no session", async () => {
      const ann = await signUp(accounts);
      const cleo = await signUp(accounts);
      const annTicket = await ticketFor(ann.accessToken, { password: goodPassword });
      const cleoTicket = await ticketFor(cleo.accessToken, { password: goodPassword });
      await sql("update accounts.account_token set expires_at = now() - interval '1 second' where customer_id = ? and purpose = 'IDENTITY_LINK'", [ann.id]);
      const before = await stateOf(ann.id, cleo.id);
      const idToken = await tokenFor(person());
      const link = (ticket: string, token?: string) => accounts.call(linkMutation, { ticket, provider: 'test-idp', idToken }, token ? { token } : {});

      expect((await link(annTicket, ann.accessToken)).errors?.[0]?.extensions).toMatchObject({
        problems: [{ field: 'ticket', reason: 'CONFIRMATION_EXPIRED' }],
      });
      expect((await link(cleoTicket, ann.accessToken)).errors?.[0]?.extensions).toMatchObject({ problems: [{ reason: 'CONFIRMATION_INVALID' }] });
      expect((await link('made-up', ann.accessToken)).errors?.[0]?.extensions).toMatchObject({ problems: [{ reason: 'CONFIRMATION_INVALID' }] });
      expect((await link(cleoTicket)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await stateOf(ann.id, cleo.id)).toEqual(before);
    });

    it('an ID token that does not verify: UNAUTHENTICATED', async () => {
      const ann = await signUp(accounts);
      const ticket = await ticketFor(ann.accessToken, { password: goodPassword });
      const before = await stateOf(ann.id);
      const res = await accounts.call(linkMutation, { ticket, provider: 'test-idp', idToken: await tokenFor(person(), otherIdp) }, { token: ann.accessToken });
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await stateOf(ann.id)).toEqual(before);
    });
  });
});

describe('unlinking an identity', () => {
  it('is refused for the last way in, allowed once another exists, and audited', async () => {
    const olive = await externalOnly();
    const [only] = (await methodsOf(olive.accessToken)).identities;
    const before = await stateOf(olive.id);
    const last = await accounts.call(unlinkMutation, { id: only!.id }, { token: olive.accessToken });
    expect(last.errors?.[0]).toMatchObject({
      message: expect.stringContaining('only way to sign in'),
      extensions: { code: 'POLICY_VIOLATION', rule: 'LAST_SIGN_IN_METHOD' },
    });
    expect(await stateOf(olive.id)).toEqual(before);

    const ticket = await ticketFor(olive.accessToken, { externalIdentity: { provider: 'test-idp', idToken: await tokenFor(olive.who) } });
    await accounts.call(linkMutation, { ticket, provider: 'other-idp', idToken: await tokenFor(person(), otherIdp) }, { token: olive.accessToken });
    const res = await accounts.call(unlinkMutation, { id: only!.id }, { token: olive.accessToken });
    expect(res.data!.unlinkExternalIdentity).toMatchObject({ hasPassword: false, identities: [{ provider: 'other-idp' }] });
    const [audit] = await sql("select actor, details from accounts.audit_entry where action = 'external-identity.unlinked' and subject = ?", [olive.id]);
    expect(audit).toEqual({ actor: olive.id, details: { provider: 'test-idp' } });
    const [remaining] = res.data!.unlinkExternalIdentity.identities;
    const lastAgain = await accounts.call(unlinkMutation, { id: remaining!.id }, { token: olive.accessToken });
    expect(lastAgain.errors?.[0]?.extensions).toMatchObject({ rule: 'LAST_SIGN_IN_METHOD' });

    // As documented: signing in with the unlinked identity binds it again, since its provider vouches for the account's email.
    const comeback = await accounts.call(externalLogin, { provider: 'test-idp', idToken: await tokenFor(olive.who) });
    expect(comeback.data!.loginWithExternalIdentity.customer.id).toBe(olive.id);
    expect((await methodsOf(olive.accessToken)).identities.map((i) => i.provider)).toEqual(['other-idp', 'test-idp']);
  });

  it("a password account may drop its only identity; someone else's identity or a made-up id is refused", async () => {
    const ann = await signUp(accounts);
    const bea = await externalOnly();
    const [beas] = (await methodsOf(bea.accessToken)).identities;
    const before = await stateOf(ann.id, bea.id);
    const notMine = await accounts.call(unlinkMutation, { id: beas!.id }, { token: ann.accessToken });
    expect(notMine.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ field: 'id', reason: 'UNKNOWN_IDENTITY' }] });
    const malformed = await accounts.call(unlinkMutation, { id: 'not-an-id' }, { token: ann.accessToken });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ reason: 'MALFORMED_ID' }] });
    expect(await stateOf(ann.id, bea.id)).toEqual(before);

    const ticket = await ticketFor(ann.accessToken, { password: goodPassword });
    await accounts.call(
      linkMutation,
      { ticket, provider: 'test-idp', idToken: await tokenFor(person({ email: uniqueEmail('own') })) },
      { token: ann.accessToken },
    );
    const [mine] = (await methodsOf(ann.accessToken)).identities;
    const res = await accounts.call(unlinkMutation, { id: mine!.id }, { token: ann.accessToken });
    expect(res.data!.unlinkExternalIdentity).toEqual({ hasPassword: true, identities: [] });
  });
});

describe('setting a first password', () => {
  it('after a fresh sign-in at its provider: sessions end, the owner is told, and the password signs in', async () => {
    const olive = await externalOnly();
    const oldSession = await accounts.call(externalLogin, { provider: 'test-idp', idToken: await tokenFor(olive.who) });
    const fresh = await tokenFor(olive.who);
    const res = await accounts.call(
      setPasswordMutation,
      { newPassword: goodPassword, proof: { provider: 'test-idp', idToken: fresh } },
      { token: olive.accessToken },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.setPassword.customer.id).toBe(olive.id);
    expect(await methodsOf(res.data!.setPassword.accessToken)).toMatchObject({ hasPassword: true, identities: [{ provider: 'test-idp' }] });

    const byPassword = await accounts.call(loginMutation, { email: olive.who.email!, password: goodPassword });
    expect(byPassword.data!.login.customer.id).toBe(olive.id);
    const [event] = await sql("select envelope from accounts.outbox_message where type = 'accounts.password.changed' and key = ?", [olive.id]);
    expect(event.envelope.data).toEqual({ customerId: olive.id, email: olive.who.email, via: 'CHANGE' });
    expect(await sql("select count(*)::int as n from accounts.audit_entry where action = 'customer.password-set' and subject = ?", [olive.id])).toEqual([
      { n: 1 },
    ]);
    // Sessions from before the password was set are over (the caller continues with the one returned).
    const stale = await accounts.call(refreshMutation, { token: oldSession.data!.loginWithExternalIdentity.refreshToken });
    expect(stale.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await accounts.call(refreshMutation, { token: res.data!.setPassword.refreshToken })).errors).toBeUndefined();

    // Now the account has a password: setting one again is refused, and the identity may go.
    const again = await accounts.call(
      setPasswordMutation,
      { newPassword: 'Another-Passw0rd!', proof: { provider: 'test-idp', idToken: await tokenFor(olive.who) } },
      { token: res.data!.setPassword.accessToken },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_VIOLATION', rule: 'PASSWORD_ALREADY_SET' });
  });

  it('refused, changing nothing: a weak password, a stale sign-in, someone else’s sign-in, an account with a password', async () => {
    const olive = await externalOnly();
    const before = await stateOf(olive.id);
    const set = (newPassword: string, idToken: string, token = olive.accessToken) =>
      accounts.call(setPasswordMutation, { newPassword, proof: { provider: 'test-idp', idToken } }, { token });

    const weak = await set('password', await tokenFor(olive.who));
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((weak.errors?.[0]?.extensions?.problems as { reason: string }[]).map((p) => p.reason)).toEqual(
      expect.arrayContaining(['MISSING_UPPERCASE', 'MISSING_DIGIT', 'MISSING_SYMBOL']),
    );
    const now = Math.floor(Date.now() / 1000);
    const stale = await idp.sign({ sub: olive.who.sub, aud: web.clientId }, { issuedAt: now - 1200, expiresAt: now + 600 });
    expect((await set(goodPassword, stale)).errors?.[0]?.extensions).toMatchObject({ problems: [{ reason: 'SIGN_IN_TOO_OLD' }] });
    expect((await set(goodPassword, await tokenFor(person()))).errors?.[0]?.extensions).toMatchObject({ problems: [{ reason: 'NOT_THIS_ACCOUNT' }] });
    expect(await stateOf(olive.id)).toEqual(before);

    const ann = await signUp(accounts);
    const annBefore = await stateOf(ann.id);
    expect((await set('Another-Passw0rd!', await tokenFor(person()), ann.accessToken)).errors?.[0]?.extensions).toMatchObject({
      rule: 'PASSWORD_ALREADY_SET',
    });
    expect(await stateOf(ann.id)).toEqual(annBefore);
  });
});
